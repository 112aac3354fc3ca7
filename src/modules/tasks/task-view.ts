import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { customers } from '../customers/index.ts';
import { tasks } from './schema.ts';
import { TASK_KINDS, TASK_PRIORITIES, TASK_STATUSES } from './task-input.ts';

export const taskViewSchema = z
  .object({
    id: z.string().uuid(),
    title: z.string(),
    notes: z.string().nullable(),
    kind: z.enum(TASK_KINDS),
    status: z.enum(TASK_STATUSES),
    priority: z.enum(TASK_PRIORITIES),
    dueAt: z.string().nullable(),
    dueAllDay: z.boolean(),
    remindAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    overdue: z.boolean().openapi({ description: 'Open and past its due time.' }),
    assignee: z.object({ id: z.string().uuid(), name: z.string() }),
    createdBy: z.string().uuid().nullable(),
    teamId: z.string().uuid().nullable(),
    customer: z.object({ id: z.string().uuid(), displayName: z.string() }).nullable(),
    relatedType: z.string().nullable(),
    relatedId: z.string().uuid().nullable(),
    completedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Task');
export type TaskView = z.infer<typeof taskViewSchema>;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Task rows with the assignee's name and the customer's display name. */
export function selectTaskRows(db: DbOrTx) {
  return db
    .select({ task: tasks, assigneeName: users.name, customerName: customers.displayName })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .leftJoin(customers, eq(customers.id, tasks.customerId));
}
export type TaskRow = Awaited<ReturnType<ReturnType<typeof selectTaskRows>['execute']>>[number];

export function toTaskView(row: TaskRow, now = new Date()): TaskView {
  const t = row.task;
  return {
    id: t.id,
    title: t.title,
    notes: t.notes,
    kind: t.kind as TaskView['kind'],
    status: t.status as TaskView['status'],
    priority: t.priority as TaskView['priority'],
    dueAt: iso(t.dueAt),
    dueAllDay: t.dueAllDay,
    remindAt: iso(t.remindAt),
    remindedAt: iso(t.remindedAt),
    overdue: t.status === 'open' && t.dueAt !== null && t.dueAt.getTime() < now.getTime(),
    assignee: { id: t.assigneeId, name: row.assigneeName },
    createdBy: t.createdBy,
    teamId: t.teamId,
    customer: t.customerId ? { id: t.customerId, displayName: row.customerName ?? '' } : null,
    relatedType: t.relatedType,
    relatedId: t.relatedId,
    completedAt: iso(t.completedAt),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export async function loadTaskView(db: DbOrTx, id: string): Promise<TaskView> {
  const [row] = await selectTaskRows(db).where(eq(tasks.id, id));
  if (!row) throw new AppError('not_found');
  return toTaskView(row);
}
