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
import { orders } from './schema.ts';

export const ORDER_TRANSITIONS = ['pay', 'fulfil', 'cancel'] as const;
export type OrderTransition = (typeof ORDER_TRANSITIONS)[number];

export const transitionSchema = z
  .object({
    at: z.string().datetime({ offset: true }).optional().openapi({ description: 'When it happened; default now.' }),
    carrier: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'fulfil only', example: 'Kerry Express' }),
    trackingNumber: z.string().trim().min(1).max(100).optional().openapi({ description: 'fulfil only' }),
    reason: z.string().trim().min(1).max(500).optional().openapi({ description: 'cancel only' }),
  })
  .strict();
export type TransitionInput = z.input<typeof transitionSchema>;

/** Which statuses each step may start from, and where it leads. */
const RULES: Record<OrderTransition, { from: OrderStatus[]; to: OrderStatus; action: keyof typeof ACTION_TH }> = {
  pay: { from: ['pending'], to: 'paid', action: 'paid' },
  fulfil: { from: ['pending', 'paid'], to: 'fulfilled', action: 'fulfilled' },
  // A paid order is not cancelled but refunded, so the money is accounted for.
  cancel: { from: ['pending'], to: 'cancelled', action: 'cancelled' },
};

/** Moves an order along: paid, fulfilled (with tracking), or cancelled while unpaid. */
export async function changeOrderStatus(
  db: DbOrTx,
  actor: Actor,
  id: string,
  step: OrderTransition,
  raw: TransitionInput = {},
): Promise<OrderView> {
  const input = validateInput(transitionSchema, raw);
  const rule = RULES[step];
  return db.transaction(async (tx) => {
    const before = await orderFor(tx, actor, id, 'update', true);
    const status = before.status as OrderStatus;
    if (!rule.from.includes(status))
      throw new AppError('order_status_conflict', {
        status,
        statusTh: STATUS_TH[status],
        action: rule.action,
        actionTh: ACTION_TH[rule.action],
      });
    const at = input.at ? new Date(input.at) : new Date();
    const [row] = await tx
      .update(orders)
      .set({
        status: rule.to,
        updatedAt: new Date(),
        ...(step === 'pay' ? { paidSatang: before.totalSatang, paidAt: at } : {}),
        ...(step === 'fulfil'
          ? { fulfilledAt: at, carrier: input.carrier ?? null, trackingNumber: input.trackingNumber ?? null }
          : {}),
        ...(step === 'cancel' ? { cancelledAt: at, note: input.reason ?? before.note } : {}),
      })
      .where(eq(orders.id, id))
      .returning();
    if (!row) throw new AppError('not_found');
    await recordActivity(tx, {
      customerId: row.customerId,
      kind: 'order',
      occurredAt: at,
      refType: 'order',
      refId: row.id,
      data: {
        ...(row.externalId ? { number: row.externalId } : {}),
        status: row.status,
        amount: row.totalSatang,
        currency: row.currency,
      },
      actorUserId: actor.principal.userId ?? null,
    });
    await recordAudit(tx, actor, {
      entityType: 'order',
      entityId: id,
      action: step,
      changes: { status: { before: status, after: row.status } },
    });
    await emitEvent(tx, {
      topic: `order.${rule.to}`,
      aggregateType: 'order',
      aggregateId: id,
      payload: { customerId: row.customerId, status: row.status, totalSatang: row.totalSatang },
    });
    return loadOrderView(tx, row);
  });
}
