import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { recordActivity } from '../activities/index.ts';
import { tasks } from './schema.ts';
import { taskForChange } from './task-access.ts';
import type { TaskStatus } from './task-input.ts';
import { loadTaskView, type TaskView } from './task-view.ts';

export const TASK_TRANSITIONS = ['complete', 'reopen', 'cancel'] as const;
export type TaskTransition = (typeof TASK_TRANSITIONS)[number];

const TARGET: Record<TaskTransition, { status: TaskStatus; topic: string }> = {
  complete: { status: 'done', topic: 'tasks.completed' },
  reopen: { status: 'open', topic: 'tasks.reopened' },
  cancel: { status: 'cancelled', topic: 'tasks.cancelled' },
};

function refuse(step: TaskTransition, status: string): void {
  if (step === 'complete' && status === 'done') throw new AppError('task_already_done');
  if (step === 'reopen' && status === 'open') throw new AppError('task_already_open');
  if (step !== 'reopen' && status !== 'open') throw new AppError('task_not_open');
}

/**
 * Completes, reopens or cancels a task in one transaction with its audit entry and event.
 * Completing a task about a customer writes a 'system' entry on the customer's timeline
 * (ref task/{id}; data says which kind of task it was).
 */
export async function changeTaskStatus(db: DbOrTx, actor: Actor, id: string, step: TaskTransition): Promise<TaskView> {
  return db.transaction(async (tx) => {
    const before = await taskForChange(tx, actor, id);
    refuse(step, before.status);
    const now = new Date();
    const { status, topic } = TARGET[step];
    const done = status === 'done';
    await tx
      .update(tasks)
      .set({
        status,
        completedAt: done ? now : null,
        completedBy: done ? (actor.principal.userId ?? null) : null,
        updatedAt: now,
      })
      .where(eq(tasks.id, id));
    if (done && before.customerId) {
      await recordActivity(tx, {
        customerId: before.customerId,
        kind: 'system',
        occurredAt: now,
        subject: `✓ ${before.title}`,
        refType: 'task',
        refId: id,
        data: { action: 'task_completed', taskKind: before.kind },
        actorUserId: actor.principal.userId ?? null,
      });
    }
    await recordAudit(tx, actor, {
      entityType: 'task',
      entityId: id,
      action: step,
      before: { status: before.status },
      after: { status },
    });
    await emitEvent(tx, {
      topic,
      aggregateType: 'task',
      aggregateId: id,
      payload: { customerId: before.customerId, assigneeId: before.assigneeId, kind: before.kind },
    });
    return loadTaskView(tx, id);
  });
}
