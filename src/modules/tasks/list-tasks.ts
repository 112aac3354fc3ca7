import { z } from '@hono/zod-openapi';
import { asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { invalidField } from '../../core/errors/app-error.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../../core/http/pagination.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { validateInput } from '../customers/index.ts';
import { tasks } from './schema.ts';
import { visibleTask } from './task-access.ts';
import { dueWindows } from './task-due.ts';
import { TASK_RELATED_TYPES, TASK_STATUSES } from './task-input.ts';
import { selectTaskRows, type TaskView, toTaskView } from './task-view.ts';

export const TASK_DUE_FILTERS = ['overdue', 'today', 'week', 'upcoming', 'none'] as const;

export const listTasksQuerySchema = pageQuerySchema.extend({
  assignee: z
    .union([z.literal('me'), z.string().uuid()])
    .optional()
    .openapi({ description: "'me' or a user id." }),
  status: z.enum(TASK_STATUSES).optional(),
  due: z
    .enum(TASK_DUE_FILTERS)
    .optional()
    .openapi({
      description:
        'overdue: open and past due; today / week: due today / this week (Monday–Sunday) in the business time zone; ' +
        'upcoming: due after today; none: no due date.',
    }),
  customerId: z.string().uuid().optional(),
  relatedType: z.enum(TASK_RELATED_TYPES).optional(),
  relatedId: z.string().uuid().optional(),
  sort: z.enum(['due', 'recent']).default('due').openapi({
    description: 'due: soonest first, undated last; recent: last changed first (for done lists).',
  }),
});
export type ListTasksInput = z.input<typeof listTasksQuerySchema>;
type ListTasksQuery = z.output<typeof listTasksQuerySchema>;

const FAR = 'infinity';
const dueKey = sql`coalesce(${tasks.dueAt}, ${FAR}::timestamptz)`;

function dueFilter(query: ListTasksQuery, timeZone: string, now: Date): (SQL | undefined)[] {
  const w = dueWindows(timeZone, now);
  switch (query.due) {
    case 'overdue':
      return [eq(tasks.status, 'open'), lt(tasks.dueAt, now)];
    case 'today':
      return [gte(tasks.dueAt, w.todayStart), lt(tasks.dueAt, w.tomorrowStart)];
    case 'week':
      return [gte(tasks.dueAt, w.weekStart), lt(tasks.dueAt, w.nextWeekStart)];
    case 'upcoming':
      return [gte(tasks.dueAt, w.tomorrowStart)];
    case 'none':
      return [sql`${tasks.dueAt} is null`];
    default:
      return [];
  }
}

function assigneeFilter(actor: Actor, assignee: string | undefined): SQL | undefined {
  if (assignee === undefined) return undefined;
  if (assignee !== 'me') return eq(tasks.assigneeId, assignee);
  return actor.principal.userId ? eq(tasks.assigneeId, actor.principal.userId) : sql`false`;
}

function cursorFilter(query: ListTasksQuery): SQL | undefined {
  const after = decodeCursor(query.cursor, 2);
  if (!after) return undefined;
  const [at, id] = after.map(String) as [string, string];
  if (Number.isNaN(Date.parse(at)) && at !== FAR) throw invalidField('cursor', 'invalid cursor', 'ตัวชี้หน้าไม่ถูกต้อง');
  return query.sort === 'due'
    ? sql`(${dueKey}, ${tasks.id}) > (${at}::timestamptz, ${id}::uuid)`
    : sql`(${tasks.updatedAt}, ${tasks.id}) < (${at}::timestamptz, ${id}::uuid)`;
}

/** Tasks the caller may see, filtered, soonest due first (or last changed first), paged by cursor. */
export async function listTasks(db: DbOrTx, actor: Actor, raw: ListTasksInput): Promise<Page<TaskView>> {
  authorize(actor.principal, 'tasks', 'read');
  const query = validateInput(listTasksQuerySchema, raw);
  const now = new Date();
  const { timeZone } = await getSettings(db);
  const conds: (SQL | undefined)[] = [
    assigneeFilter(actor, query.assignee),
    query.status ? eq(tasks.status, query.status) : undefined,
    ...dueFilter(query, timeZone, now),
    query.customerId ? eq(tasks.customerId, query.customerId) : undefined,
    query.relatedType ? eq(tasks.relatedType, query.relatedType) : undefined,
    query.relatedId ? eq(tasks.relatedId, query.relatedId) : undefined,
    cursorFilter(query),
  ];
  const order = query.sort === 'due' ? [asc(dueKey), asc(tasks.id)] : [desc(tasks.updatedAt), desc(tasks.id)];
  const rows = await selectTaskRows(db)
    .where(visibleTask(db, actor, ...conds))
    .orderBy(...order)
    .limit(query.limit + 1);
  const items = rows.map((r) => toTaskView(r, now));
  return toPage(items, query.limit, (t) => (query.sort === 'due' ? [t.dueAt ?? FAR, t.id] : [t.updatedAt, t.id]));
}
