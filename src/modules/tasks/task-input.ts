import { z } from '@hono/zod-openapi';

export const TASK_KINDS = ['todo', 'call', 'meeting', 'email', 'follow_up'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
/** Records other than customers a task may be about; checked to exist on create. */
export const TASK_RELATED_TYPES = ['deal', 'order'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];

const instant = z.string().datetime({ offset: true });
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a date',
  );

const fields = {
  title: z.string().trim().min(1).max(300).openapi({ example: 'โทรติดตามใบเสนอราคา' }),
  notes: z.string().max(5000).nullable().optional(),
  kind: z.enum(TASK_KINDS).optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  dueAt: instant.nullable().optional().openapi({ description: 'Due date and time (ISO 8601 with offset).' }),
  dueOn: day.optional().openapi({
    description: 'Due date only: the task is due at the end of that day in the business time zone.',
    example: '2026-12-24',
  }),
  remindAt: instant.nullable().optional().openapi({ description: 'When to remind the assignee in the app.' }),
  assigneeId: z.string().uuid().optional().openapi({ description: 'Defaults to the caller.' }),
};

export const createTaskSchema = z
  .object({
    ...fields,
    title: fields.title,
    customerId: z.string().uuid().optional(),
    relatedType: z.enum(TASK_RELATED_TYPES).optional(),
    relatedId: z.string().uuid().optional(),
  })
  .openapi('CreateTask');
export type CreateTaskInput = z.input<typeof createTaskSchema>;

export const updateTaskSchema = z.object({ ...fields, title: fields.title.optional() }).openapi('UpdateTask');
export type UpdateTaskInput = z.input<typeof updateTaskSchema>;
