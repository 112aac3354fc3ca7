import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { auditableActivity } from './activity-view.ts';
import { editableActivity } from './edit-access.ts';
import { refreshLastContacted } from './record-activity.ts';
import { activities } from './schema.ts';

/** Deletes a note, call or meeting; the audit log keeps what it said. */
export async function deleteActivity(db: DbOrTx, actor: Actor, customerId: string, activityId: string): Promise<void> {
  authorize(actor.principal, 'customers', 'update');
  await db.transaction(async (tx) => {
    const before = await editableActivity(tx, actor, customerId, activityId);
    await tx.delete(activities).where(eq(activities.id, activityId));
    await refreshLastContacted(tx, customerId);
    await recordAudit(tx, actor, {
      entityType: 'activity',
      entityId: activityId,
      action: 'delete',
      before: auditableActivity(before),
    });
    await emitEvent(tx, {
      topic: 'activity.deleted',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { activityId, kind: before.kind },
    });
  });
}
