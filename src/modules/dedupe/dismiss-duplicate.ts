import { inArray } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError, invalidField } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { customers, validateInput, visibleCustomer } from '../customers/index.ts';
import { type DismissDuplicateInput, dismissDuplicateSchema } from './dedupe-input.ts';
import { duplicateDismissals } from './schema.ts';

export interface Dismissal {
  customerIds: [string, string];
  reason: string | null;
}

/** Marks two profiles the caller may see as "not the same person"; the finder leaves the pair out. */
export async function dismissDuplicate(db: DbOrTx, actor: Actor, raw: DismissDuplicateInput): Promise<Dismissal> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(dismissDuplicateSchema, raw);
  const [x, y] = input.customerIds as [string, string];
  if (x === y) {
    throw invalidField('customerIds', 'two different profiles are needed', 'ต้องเป็นโปรไฟล์สองรายการที่ต่างกัน');
  }
  const [a, b] = x < y ? [x, y] : [y, x];
  const reason = input.reason || null;
  return db.transaction(async (tx) => {
    const seen = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(visibleCustomer(actor, inArray(customers.id, [a, b])));
    if (seen.length !== 2) throw new AppError('not_found');
    await tx
      .insert(duplicateDismissals)
      .values({ customerA: a, customerB: b, reason, actorUserId: actor.principal.userId })
      .onConflictDoUpdate({
        target: [duplicateDismissals.customerA, duplicateDismissals.customerB],
        set: { reason, actorUserId: actor.principal.userId },
      });
    for (const [id, other] of [
      [a, b],
      [b, a],
    ] as const) {
      await recordAudit(tx, actor, {
        entityType: 'customer',
        entityId: id,
        action: 'dismiss_duplicate',
        changes: { notDuplicateOf: { before: null, after: other }, reason: { before: null, after: reason } },
      });
    }
    await emitEvent(tx, {
      topic: 'customer.duplicate_dismissed',
      aggregateType: 'customer',
      aggregateId: a,
      payload: { customerIds: [a, b] },
    });
    return { customerIds: [a, b], reason };
  });
}
