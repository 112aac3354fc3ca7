import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { validateInput } from '../customers/index.ts';
import { notifyUser } from './notify-user.ts';
import { tasks } from './schema.ts';
import { taskForChange } from './task-access.ts';
import { checkReminder, resolveDue } from './task-due.ts';
import { type UpdateTaskInput, updateTaskSchema } from './task-input.ts';
import { taskAssignee } from './task-refs.ts';
import { loadTaskView, type TaskView } from './task-view.ts';

const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Changes a task's fields. A new reminder or due time re-arms its notice (a moved due date
 * may become overdue again); a new assignee is notified. Audit + tasks.updated, one transaction.
 */
export async function updateTask(db: DbOrTx, actor: Actor, id: string, raw: UpdateTaskInput): Promise<TaskView> {
  const input = validateInput(updateTaskSchema, raw);
  return db.transaction(async (tx) => {
    const before = await taskForChange(tx, actor, id);
    const { timeZone } = await getSettings(tx);
    const due = resolveDue(timeZone, input) ?? { dueAt: before.dueAt, dueAllDay: before.dueAllDay };
    const remindAt =
      input.remindAt === undefined ? before.remindAt : input.remindAt === null ? null : new Date(input.remindAt);
    checkReminder(due.dueAt, remindAt);
    const assignee =
      input.assigneeId && input.assigneeId !== before.assigneeId
        ? await taskAssignee(tx, actor, input.assigneeId)
        : undefined;
    const [after] = await tx
      .update(tasks)
      .set({
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.notes === undefined ? {} : { notes: input.notes }),
        ...(input.kind === undefined ? {} : { kind: input.kind }),
        ...(input.priority === undefined ? {} : { priority: input.priority }),
        dueAt: due.dueAt,
        dueAllDay: due.dueAllDay,
        remindAt,
        ...(same(remindAt, before.remindAt) ? {} : { remindedAt: null }),
        ...(same(due.dueAt, before.dueAt) ? {} : { overdueNotifiedAt: null }),
        ...(assignee ? { assigneeId: assignee.id, teamId: assignee.teamId } : {}),
        updatedAt: new Date(),
      })
      .where(eq(tasks.id, id))
      .returning();
    if (!after) throw new Error('update returned nothing');
    const fields = (t: typeof before) => ({
      title: t.title,
      notes: t.notes,
      kind: t.kind,
      priority: t.priority,
      dueAt: t.dueAt,
      remindAt: t.remindAt,
      assigneeId: t.assigneeId,
    });
    await recordAudit(tx, actor, {
      entityType: 'task',
      entityId: id,
      action: 'update',
      before: fields(before),
      after: fields(after),
    });
    await emitEvent(tx, {
      topic: 'tasks.updated',
      aggregateType: 'task',
      aggregateId: id,
      payload: { customerId: after.customerId, assigneeId: after.assigneeId },
    });
    if (assignee && assignee.id !== actor.principal.userId) {
      await notifyUser(tx, {
        userId: assignee.id,
        kind: 'task_assigned',
        titleTh: 'คุณได้รับมอบหมายงานใหม่',
        titleEn: 'A task was assigned to you',
        body: after.title,
        link: '/tasks',
        customerId: after.customerId,
        refType: 'task',
        refId: id,
      });
    }
    return loadTaskView(tx, id);
  });
}
