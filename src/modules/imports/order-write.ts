import { getTableName, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { activities } from '../activities/index.ts';
import { customerIdentities, customers } from '../customers/index.ts';
import { orderLines, orders } from '../orders/index.ts';
import { CopyRows, copyRows } from './copy-rows.ts';
import type { Ownership } from './import-context.ts';
import { newCustomerSearchText, type OrderBatchPlan } from './order-plan.ts';
import { importRejections } from './schema.ts';
import { uuidV7 } from './uuid-v7.ts';

const json = (rows: unknown[]) => JSON.stringify(rows);

/**
 * Writes one batch of an orders import set-based in the caller's transaction: new
 * customers, orders, order lines and one 'order' timeline entry per order (the same entry
 * createOrder writes) each with ONE `COPY … FROM STDIN` (no JSON to build or parse); the
 * new customers' identifiers and the rejected rows, few and written with `on conflict do
 * nothing`, as one JSON parameter each.
 */
export async function writeOrderBatch(
  tx: DbOrTx,
  input: { importId: string; dryRun: boolean; owner: Ownership; actorUserId: string | null },
  plan: OrderBatchPlan,
): Promise<void> {
  if (!input.dryRun) {
    if (plan.customers.length) {
      const rows = new CopyRows(getTableName(customers), [
        'id',
        'display_name',
        'email',
        'phone',
        'source',
        'owner_id',
        'team_id',
        'search_text',
      ]);
      for (const c of plan.customers)
        rows.add([
          c.id,
          c.displayName,
          c.email,
          c.phone,
          'import',
          input.owner.ownerId,
          input.owner.teamId,
          newCustomerSearchText(c),
        ]);
      await copyRows(tx, rows);
      const ids = plan.customers.flatMap((c) =>
        c.identifiers.map((i) => ({
          id: uuidV7(),
          customer_id: c.id,
          kind: i.kind,
          system: i.system,
          value: i.value,
          is_primary: true,
        })),
      );
      if (ids.length) {
        await tx.execute(sql`insert into ${customerIdentities} (id, customer_id, kind, system, value, is_primary)
          select id, customer_id, kind, system, value, is_primary
          from jsonb_populate_recordset(null::${customerIdentities}, ${json(ids)}::jsonb)
          on conflict (kind, system, value) do nothing`);
      }
    }
    if (plan.orders.length) {
      const orderRows = new CopyRows(getTableName(orders), [
        'id',
        'customer_id',
        'source',
        'external_id',
        'status',
        'currency',
        'ordered_at',
        'subtotal_satang',
        'discount_satang',
        'vat_satang',
        'total_satang',
        'paid_satang',
        'paid_at',
        'fulfilled_at',
        'content_hash',
        'created_by',
      ]);
      const lineRows = new CopyRows(getTableName(orderLines), [
        'id',
        'order_id',
        'line_no',
        'product_id',
        'sku',
        'name',
        'quantity',
        'unit_price_satang',
        'discount_satang',
        'vat_mode',
        'vat_rate_bp',
        'net_satang',
        'vat_satang',
        'gross_satang',
      ]);
      const entryRows = new CopyRows(getTableName(activities), [
        'id',
        'customer_id',
        'kind',
        'occurred_at',
        'ref_type',
        'ref_id',
        'data',
        'actor_user_id',
        'created_at',
      ]);
      const now = new Date();
      for (const o of plan.orders) {
        const paid = o.status !== 'pending';
        orderRows.add([
          o.id,
          o.customerId,
          o.source,
          o.externalId,
          o.status,
          o.currency,
          o.orderedAt,
          o.subtotalSatang,
          o.discountSatang,
          o.vatSatang,
          o.totalSatang,
          paid ? o.totalSatang : 0,
          paid ? o.orderedAt : null,
          o.status === 'fulfilled' ? o.orderedAt : null,
          o.contentHash,
          input.actorUserId,
        ]);
        for (const l of o.lines)
          lineRows.add([
            uuidV7(),
            o.id,
            l.lineNo,
            l.productId,
            l.sku,
            l.name,
            l.quantity,
            l.unitPriceSatang,
            l.discountSatang,
            l.vatMode,
            l.vatRateBp,
            l.netSatang,
            l.vatSatang,
            l.grossSatang,
          ]);
        entryRows.add([
          uuidV7(),
          o.customerId,
          'order',
          o.orderedAt,
          'order',
          o.id,
          {
            ...(o.hasNumber ? { number: o.externalId } : {}),
            status: o.status,
            amount: o.totalSatang,
            currency: o.currency,
            source: o.source,
          },
          input.actorUserId,
          now,
        ]);
      }
      // Orders first: lines and timeline entries point at them.
      await copyRows(tx, orderRows);
      await copyRows(tx, lineRows);
      await copyRows(tx, entryRows);
    }
  }
  if (plan.rejections.length) {
    const rows = plan.rejections.map((r) => ({
      import_id: input.importId,
      line: r.line,
      reason: r.reason,
      raw: r.raw,
    }));
    await tx.execute(sql`insert into ${importRejections} (import_id, line, reason, raw)
      select import_id, line, reason, raw from jsonb_populate_recordset(null::${importRejections}, ${json(rows)}::jsonb)
      on conflict do nothing`);
  }
}
