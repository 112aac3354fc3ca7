import { eq } from 'drizzle-orm';
import { diffFields, recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { loggedFieldErrors, type UpdateActivityInput, updateActivitySchema } from './activity-input.ts';
import { type ActivityView, auditableActivity, toActivityView } from './activity-view.ts';
import { userName } from './actor-name.ts';
import { editableActivity } from './edit-access.ts';
import { refreshLastContacted } from './record-activity.ts';
import { activities } from './schema.ts';

/** Changes a note, call or meeting (send only the fields to change; null clears one). */
export async function updateActivity(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  activityId: string,
  raw: UpdateActivityInput,
): Promise<ActivityView> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(updateActivitySchema, raw);
  return db.transaction(async (tx) => {
    const before = await editableActivity(tx, actor, customerId, activityId);
    const merged = {
      kind: before.kind,
      subject: input.subject === undefined ? before.subject : input.subject,
      body: input.body === undefined ? before.body : input.body,
      occurredAt: input.occurredAt === undefined ? before.occurredAt : new Date(input.occurredAt),
      durationMinutes: input.durationMinutes === undefined ? before.durationMinutes : input.durationMinutes,
      direction: input.direction === undefined ? before.direction : input.direction,
      outcome: input.outcome === undefined ? before.outcome : input.outcome,
    };
    const errors = loggedFieldErrors(merged);
    if (errors.length) throw new AppError('validation_failed', {}, errors);
    const { kind: _kind, ...values } = merged;
    const changed = Object.keys(diffFields(auditableActivity(before), { ...auditableActivity(before), ...values }));
    if (changed.length === 0) return toActivityView(before, await userName(tx, before.actorUserId));
    const [after] = await tx.update(activities).set(values).where(eq(activities.id, activityId)).returning();
    if (!after) throw new AppError('not_found');
    await refreshLastContacted(tx, customerId);
    await recordAudit(tx, actor, {
      entityType: 'activity',
      entityId: activityId,
      action: 'update',
      before: auditableActivity(before),
      after: auditableActivity(after),
    });
    await emitEvent(tx, {
      topic: 'activity.updated',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { activityId, kind: after.kind, fields: changed },
    });
    return toActivityView(after, await userName(tx, after.actorUserId));
  });
}
