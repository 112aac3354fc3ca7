import { recordAudit } from '../../core/audit/record-audit.ts';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { validateInput } from '../customers/index.ts';
import { notifyUser } from './notify-user.ts';
import { tasks } from './schema.ts';
import { checkReminder, resolveDue } from './task-due.ts';
import { type CreateTaskInput, createTaskSchema } from './task-input.ts';
import { taskAssignee, taskCustomer, taskRelated } from './task-refs.ts';
import { loadTaskView, type TaskView } from './task-view.ts';

/**
 * Creates a task in one transaction, with its audit entry and tasks.created; a task given
 * to someone else notifies them. A date-only due (dueOn) is the end of that day in the
 * business time zone. Retries are safe with an Idempotency-Key header.
 */
export async function createTask(db: DbOrTx, actor: Actor, raw: CreateTaskInput): Promise<TaskView> {
  authorize(actor.principal, 'tasks', 'create');
  const input = validateInput(createTaskSchema, raw);
  return db.transaction(async (tx) => {
    const { timeZone } = await getSettings(tx);
    const due = resolveDue(timeZone, input) ?? { dueAt: null, dueAllDay: false };
    const remindAt = input.remindAt ? new Date(input.remindAt) : null;
    checkReminder(due.dueAt, remindAt);
    const related = await taskRelated(tx, input.relatedType, input.relatedId);
    const customerRef = input.customerId ?? related?.customerId;
    const customerId = customerRef ? await taskCustomer(tx, actor, customerRef) : null;
    const assignee = await taskAssignee(tx, actor, input.assigneeId);
    const now = new Date();
    const [task] = await tx
      .insert(tasks)
      .values({
        title: input.title,
        notes: input.notes ?? null,
        kind: input.kind ?? 'todo',
        priority: input.priority ?? 'normal',
        dueAt: due.dueAt,
        dueAllDay: due.dueAllDay,
        remindAt,
        assigneeId: assignee.id,
        teamId: assignee.teamId,
        createdBy: actor.principal.userId ?? null,
        customerId,
        relatedType: input.relatedType ?? null,
        relatedId: input.relatedId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!task) throw new Error('insert returned nothing');
    await recordAudit(tx, actor, {
      entityType: 'task',
      entityId: task.id,
      action: 'create',
      after: {
        title: task.title,
        kind: task.kind,
        dueAt: task.dueAt?.toISOString() ?? null,
        assigneeId: task.assigneeId,
        customerId,
      },
    });
    await emitEvent(tx, {
      topic: 'tasks.created',
      aggregateType: 'task',
      aggregateId: task.id,
      payload: { customerId, assigneeId: task.assigneeId, kind: task.kind, dueAt: task.dueAt?.toISOString() ?? null },
    });
    if (assignee.id !== actor.principal.userId) {
      await notifyUser(tx, {
        userId: assignee.id,
        kind: 'task_assigned',
        titleTh: 'คุณได้รับมอบหมายงานใหม่',
        titleEn: 'A task was assigned to you',
        body: task.title,
        link: '/tasks',
        customerId,
        refType: 'task',
        refId: task.id,
      });
    }
    return loadTaskView(tx, task.id);
  });
}
