import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { type LogActivityInput, logActivitySchema, loggedFieldErrors } from './activity-input.ts';
import { type ActivityRow, type ActivityView, auditableActivity, toActivityView } from './activity-view.ts';
import { userName } from './actor-name.ts';
import { recordActivity } from './record-activity.ts';
import { requireVisibleCustomer } from './require-customer.ts';
import { activities } from './schema.ts';

/**
 * Logs a note, call or meeting on a customer the caller may see. Calls are made by phone;
 * an outbound call or a meeting moves the customer's last contact (record-activity.ts).
 */
export async function logActivity(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  raw: LogActivityInput,
): Promise<ActivityView> {
  authorize(actor.principal, 'customers', 'update');
  const input = validateInput(logActivitySchema, raw);
  const fields = {
    kind: input.kind,
    subject: input.subject ?? null,
    body: input.body ?? null,
    occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(),
    durationMinutes: input.durationMinutes ?? null,
    direction: input.direction ?? null,
    outcome: input.outcome ?? null,
  };
  const errors = loggedFieldErrors(fields);
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return db.transaction(async (tx) => {
    await requireVisibleCustomer(tx, actor, customerId, { write: true });
    const id = crypto.randomUUID();
    await recordActivity(tx, {
      id,
      customerId,
      ...fields,
      channel: fields.kind === 'call' ? 'phone' : null,
      actorUserId: actor.principal.userId,
    });
    const [row] = await tx.select().from(activities).where(eq(activities.id, id));
    if (!row) throw new Error('activity insert returned no row');
    await recordAudit(tx, actor, {
      entityType: 'activity',
      entityId: id,
      action: 'create',
      after: auditableActivity(row),
    });
    await emitEvent(tx, {
      topic: 'activity.created',
      aggregateType: 'customer',
      aggregateId: customerId,
      payload: { activityId: id, kind: row.kind, direction: row.direction, occurredAt: row.occurredAt.toISOString() },
    });
    return toActivityView(row satisfies ActivityRow, await userName(tx, row.actorUserId));
  });
}
