import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { activities } from '../activities/index.ts';
import { customerIdentities, customers } from '../customers/index.ts';
import { orderLines, orders } from '../orders/index.ts';
import type { Ownership } from './import-context.ts';
import { newCustomerSearchText, type OrderBatchPlan } from './order-plan.ts';
import { importRejections } from './schema.ts';
import { uuidV7 } from './uuid-v7.ts';

const json = (rows: unknown[]) => JSON.stringify(rows);

/**
 * Writes one batch of an orders import set-based, each table in ONE statement whose rows
 * travel as a single JSON parameter (as write-batch.ts does for customers): new customers
 * and their identifiers, orders, order lines, one 'order' timeline entry per order (the
 * same entry createOrder writes) and the rejected rows. Runs in the caller's transaction.
 */
export async function writeOrderBatch(
  tx: DbOrTx,
  input: { importId: string; dryRun: boolean; owner: Ownership; actorUserId: string | null },
  plan: OrderBatchPlan,
): Promise<void> {
  if (!input.dryRun) {
    if (plan.customers.length) {
      const rows = plan.customers.map((c) => ({
        id: c.id,
        display_name: c.displayName,
        email: c.email,
        phone: c.phone,
        source: 'import',
        owner_id: input.owner.ownerId,
        team_id: input.owner.teamId,
        search_text: newCustomerSearchText(c),
      }));
      await tx.execute(sql`insert into ${customers} (id, display_name, email, phone, source, owner_id, team_id, search_text)
        select id, display_name, email, phone, source, owner_id, team_id, search_text
        from jsonb_populate_recordset(null::${customers}, ${json(rows)}::jsonb)`);
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
      const rows = plan.orders.map((o) => {
        const paid = o.status !== 'pending';
        const at = o.orderedAt.toISOString();
        return {
          id: o.id,
          customer_id: o.customerId,
          source: o.source,
          external_id: o.externalId,
          status: o.status,
          currency: o.currency,
          ordered_at: at,
          subtotal_satang: o.subtotalSatang,
          discount_satang: o.discountSatang,
          vat_satang: o.vatSatang,
          total_satang: o.totalSatang,
          paid_satang: paid ? o.totalSatang : 0,
          paid_at: paid ? at : null,
          fulfilled_at: o.status === 'fulfilled' ? at : null,
          content_hash: o.contentHash,
          created_by: input.actorUserId,
        };
      });
      await tx.execute(sql`insert into ${orders} (id, customer_id, source, external_id, status, currency, ordered_at,
          subtotal_satang, discount_satang, vat_satang, total_satang, paid_satang, paid_at, fulfilled_at, content_hash, created_by)
        select id, customer_id, source, external_id, status, currency, ordered_at,
          subtotal_satang, discount_satang, vat_satang, total_satang, paid_satang, paid_at, fulfilled_at, content_hash, created_by
        from jsonb_populate_recordset(null::${orders}, ${json(rows)}::jsonb)`);
      const lines = plan.orders.flatMap((o) =>
        o.lines.map((l) => ({
          id: uuidV7(),
          order_id: o.id,
          line_no: l.lineNo,
          product_id: l.productId,
          sku: l.sku,
          name: l.name,
          quantity: l.quantity,
          unit_price_satang: l.unitPriceSatang,
          discount_satang: l.discountSatang,
          vat_mode: l.vatMode,
          vat_rate_bp: l.vatRateBp,
          net_satang: l.netSatang,
          vat_satang: l.vatSatang,
          gross_satang: l.grossSatang,
        })),
      );
      await tx.execute(sql`insert into ${orderLines} (id, order_id, line_no, product_id, sku, name, quantity,
          unit_price_satang, discount_satang, vat_mode, vat_rate_bp, net_satang, vat_satang, gross_satang)
        select id, order_id, line_no, product_id, sku, name, quantity,
          unit_price_satang, discount_satang, vat_mode, vat_rate_bp, net_satang, vat_satang, gross_satang
        from jsonb_populate_recordset(null::${orderLines}, ${json(lines)}::jsonb)`);
      const now = new Date().toISOString();
      const entries = plan.orders.map((o) => ({
        id: uuidV7(),
        customer_id: o.customerId,
        kind: 'order',
        occurred_at: o.orderedAt.toISOString(),
        ref_type: 'order',
        ref_id: o.id,
        data: {
          ...(o.hasNumber ? { number: o.externalId } : {}),
          status: o.status,
          amount: o.totalSatang,
          currency: o.currency,
          source: o.source,
        },
        actor_user_id: input.actorUserId,
        created_at: now,
      }));
      await tx.execute(sql`insert into ${activities} (id, customer_id, kind, occurred_at, ref_type, ref_id, data, actor_user_id, created_at)
        select id, customer_id, kind, occurred_at, ref_type, ref_id, data, actor_user_id, created_at
        from jsonb_populate_recordset(null::${activities}, ${json(entries)}::jsonb)`);
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
