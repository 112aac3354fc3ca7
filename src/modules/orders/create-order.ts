import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { recordActivity } from '../activities/index.ts';
import { validateInput } from '../customers/index.ts';
import { todayIn } from '../products/index.ts';
import { loadOrderView } from './load-order.ts';
import { orderCustomer } from './order-customer.ts';
import { orderContentHash } from './order-hash.ts';
import { type CreateOrderInput, createOrderSchema } from './order-input.ts';
import type { OrderView } from './order-view.ts';
import { orderTotals, priceLines } from './price-lines.ts';
import { orderLines, orders } from './schema.ts';

export interface CreateOrderResult {
  order: OrderView;
  /** False when an order with the same source and external id and the same content existed. */
  created: boolean;
}

/**
 * Records an order from any channel in one transaction: the customer resolved, lines
 * priced, totals and VAT computed, a timeline entry, an audit entry and an order.created
 * event. Idempotent by (source, externalId): the same content returns the existing order,
 * different content is refused and changes nothing.
 */
export async function createOrder(db: DbOrTx, actor: Actor, raw: CreateOrderInput): Promise<CreateOrderResult> {
  authorize(actor.principal, 'sales', 'create');
  const input = validateInput(createOrderSchema, raw);
  const contentHash = orderContentHash(input);
  return db.transaction(async (tx) => {
    if (input.externalId) {
      // Two retries arriving together take turns here; the second finds the first's order.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`order:${input.source}:${input.externalId}`}))`);
      const [existing] = await tx
        .select()
        .from(orders)
        .where(and(eq(orders.source, input.source), eq(orders.externalId, input.externalId)));
      if (existing) {
        if (existing.contentHash !== contentHash)
          throw new AppError('order_external_id_conflict', { externalId: input.externalId, source: input.source });
        return { order: await loadOrderView(tx, existing), created: false };
      }
    }
    const customer = await orderCustomer(tx, actor, input);
    const settings = await getSettings(tx);
    const currency = input.currency ?? settings.currency;
    const orderedAt = input.orderedAt ? new Date(input.orderedAt) : new Date();
    const on = todayIn(settings.timeZone, orderedAt);
    const lines = await priceLines(tx, input.lines, { currency, group: customer, on });
    const totals = orderTotals(lines);
    const paid = input.status !== 'pending';
    const [order] = await tx
      .insert(orders)
      .values({
        customerId: customer.id,
        source: input.source,
        externalId: input.externalId ?? null,
        status: input.status,
        currency,
        orderedAt,
        ...totals,
        paidSatang: paid ? totals.totalSatang : 0,
        paidAt: paid ? orderedAt : null,
        fulfilledAt: input.status === 'fulfilled' ? orderedAt : null,
        note: input.note ?? null,
        contentHash,
        createdBy: actor.principal.userId ?? null,
      })
      .returning();
    if (!order) throw new Error('insert returned nothing');
    await tx.insert(orderLines).values(lines.map((l) => ({ ...l, orderId: order.id })));
    await recordActivity(tx, {
      customerId: customer.id,
      kind: 'order',
      occurredAt: orderedAt,
      refType: 'order',
      refId: order.id,
      data: {
        ...(order.externalId ? { number: order.externalId } : {}),
        status: order.status,
        amount: order.totalSatang,
        currency,
        source: order.source,
      },
      actorUserId: actor.principal.userId ?? null,
    });
    await recordAudit(tx, actor, {
      entityType: 'order',
      entityId: order.id,
      action: 'create',
      after: {
        customerId: customer.id,
        source: order.source,
        externalId: order.externalId,
        status: order.status,
        currency,
        totalSatang: order.totalSatang,
        lines: lines.length,
      },
    });
    await emitEvent(tx, {
      topic: 'order.created',
      aggregateType: 'order',
      aggregateId: order.id,
      payload: {
        customerId: customer.id,
        status: order.status,
        totalSatang: order.totalSatang,
        currency,
        source: order.source,
        orderedAt: orderedAt.toISOString(),
      },
    });
    return { order: await loadOrderView(tx, order), created: true };
  });
}
