import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { recordActivity } from '../activities/index.ts';
import { validateInput } from '../customers/index.ts';
import { loadOrderView } from './load-order.ts';
import { orderFor } from './order-access.ts';
import type { OrderStatus } from './order-input.ts';
import { ACTION_TH, STATUS_TH } from './order-status-labels.ts';
import type { OrderView } from './order-view.ts';
import { orderLines, orderRefunds, orders } from './schema.ts';

export const refundSchema = z
  .object({
    amountSatang: z.number().int().min(1).max(1_000_000_000_000),
    reason: z.string().trim().min(1).max(500).openapi({ example: 'สินค้าชำรุด' }),
    returnedLines: z
      .array(z.object({ lineNo: z.number().int().min(1), quantity: z.number().int().min(1) }).strict())
      .max(500)
      .default([])
      .openapi({ description: 'Goods that came back, by order line.' }),
    at: z.string().datetime({ offset: true }).optional(),
  })
  .strict()
  .openapi('RefundCreate');
export type RefundInput = z.input<typeof refundSchema>;

const REFUNDABLE: OrderStatus[] = ['paid', 'fulfilled', 'partially_refunded'];

/**
 * Gives money back on a paid order, as its own record. Never more than was paid and not
 * yet refunded; returned quantities never more than sold and not yet returned. The order
 * becomes refunded when everything paid is back, otherwise partially refunded.
 */
export async function refundOrder(db: DbOrTx, actor: Actor, id: string, raw: RefundInput): Promise<OrderView> {
  const input = validateInput(refundSchema, raw);
  return db.transaction(async (tx) => {
    const before = await orderFor(tx, actor, id, 'update', true);
    const status = before.status as OrderStatus;
    if (!REFUNDABLE.includes(status))
      throw new AppError('order_status_conflict', {
        status,
        statusTh: STATUS_TH[status],
        action: 'refunded',
        actionTh: ACTION_TH.refunded,
      });
    const refundable = before.paidSatang - before.refundedSatang;
    if (input.amountSatang > refundable)
      throw new AppError('refund_exceeds_paid', { amount: input.amountSatang, refundable });
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, id));
    const earlier = await tx.select().from(orderRefunds).where(eq(orderRefunds.orderId, id));
    for (const r of input.returnedLines) {
      const line = lines.find((l) => l.lineNo === r.lineNo);
      const returned = earlier
        .flatMap((e) => e.returnedLines)
        .filter((x) => x.lineNo === r.lineNo)
        .reduce((n, x) => n + x.quantity, 0);
      const available = (line?.quantity ?? 0) - returned;
      if (r.quantity > available)
        throw new AppError('refund_bad_return', { line: r.lineNo, quantity: r.quantity, available });
    }
    const at = input.at ? new Date(input.at) : new Date();
    const [refund] = await tx
      .insert(orderRefunds)
      .values({
        orderId: id,
        amountSatang: input.amountSatang,
        reason: input.reason,
        returnedLines: input.returnedLines,
        refundedAt: at,
        createdBy: actor.principal.userId ?? null,
      })
      .returning();
    const refundedSatang = before.refundedSatang + input.amountSatang;
    const next: OrderStatus = refundedSatang === before.paidSatang ? 'refunded' : 'partially_refunded';
    const [row] = await tx
      .update(orders)
      .set({ refundedSatang, status: next, updatedAt: new Date() })
      .where(eq(orders.id, id))
      .returning();
    if (!row || !refund) throw new AppError('not_found');
    await recordActivity(tx, {
      customerId: row.customerId,
      kind: 'order',
      occurredAt: at,
      refType: 'order',
      refId: row.id,
      subject: input.reason,
      data: {
        ...(row.externalId ? { number: row.externalId } : {}),
        status: next,
        amount: -input.amountSatang,
        currency: row.currency,
      },
      actorUserId: actor.principal.userId ?? null,
    });
    await recordAudit(tx, actor, {
      entityType: 'order',
      entityId: id,
      action: 'refund',
      changes: {
        status: { before: status, after: next },
        refundedSatang: { before: before.refundedSatang, after: refundedSatang },
      },
    });
    await emitEvent(tx, {
      topic: 'order.refunded',
      aggregateType: 'order',
      aggregateId: id,
      payload: { customerId: row.customerId, refundId: refund.id, amountSatang: input.amountSatang, status: next },
    });
    return loadOrderView(tx, row);
  });
}
