import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { authorize, scopeFor } from '../../core/auth/authorize.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps, AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageSchema } from '../../core/http/pagination.ts';
import { changeTaskStatus, TASK_TRANSITIONS, type TaskTransition } from './change-task-status.ts';
import { createTask } from './create-task.ts';
import { getTask } from './get-task.ts';
import { listTasks, listTasksQuerySchema } from './list-tasks.ts';
import { notificationRoutes } from './notification-routes.ts';
import { runReminders } from './run-reminders.ts';
import { createTaskSchema, updateTaskSchema } from './task-input.ts';
import { taskViewSchema } from './task-view.ts';
import { updateTask } from './update-task.ts';

const common = { security, tags: ['Tasks'] };
const SUMMARY: Record<TaskTransition, string> = {
  complete: 'Mark a task done (writes an entry on its customer’s timeline)',
  reopen: 'Open a done or cancelled task again',
  cancel: 'Cancel an open task',
};
const customerTasksQuery = listTasksQuerySchema.omit({ customerId: true });

export function taskRoutes(deps: AppDeps) {
  const db = deps.database.db;
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/tasks',
      summary: 'Create a task or follow-up (Idempotency-Key makes retries safe)',
      request: { body: jsonBody(createTaskSchema) },
      responses: { 201: jsonResponse(taskViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createTask(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/tasks',
      summary: 'Tasks the caller may see, soonest due first; filter by assignee=me, status, due, customer, record',
      request: { query: listTasksQuerySchema },
      responses: { 200: jsonResponse(pageSchema(taskViewSchema), 'A page of tasks'), ...errorResponses },
    }),
    async (c) => c.json(await listTasks(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/tasks/overdue',
      summary: 'Open tasks past their due time (same filters as GET /tasks)',
      request: { query: listTasksQuerySchema.omit({ due: true, status: true }) },
      responses: { 200: jsonResponse(pageSchema(taskViewSchema), 'A page of overdue tasks'), ...errorResponses },
    }),
    async (c) => c.json(await listTasks(db, actorOf(c), { ...c.req.valid('query'), due: 'overdue' }), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/tasks/reminders/run',
      summary: 'Send due reminders and overdue notices now (administrators; the job does this every minute)',
      responses: {
        200: jsonResponse(z.object({ reminded: z.number().int(), overdue: z.number().int() }), 'What was sent'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      authorize(actor.principal, 'tasks', 'update');
      if (scopeFor(actor.principal, 'tasks') !== 'all')
        throw new AppError('forbidden', { module: 'tasks', action: 'run' });
      return c.json(await runReminders(db), 200);
    },
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/tasks/{id}',
      summary: 'One task the caller may see',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(taskViewSchema, 'The task'), ...errorResponses },
    }),
    async (c) => c.json(await getTask(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/tasks/{id}',
      summary: 'Change a task (title, notes, kind, priority, due, reminder, assignee)',
      request: { params: idParamSchema, body: jsonBody(updateTaskSchema) },
      responses: { 200: jsonResponse(taskViewSchema, 'The task'), ...errorResponses },
    }),
    async (c) => c.json(await updateTask(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  for (const step of TASK_TRANSITIONS) {
    r.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/tasks/{id}/${step}`,
        summary: SUMMARY[step],
        request: { params: idParamSchema },
        responses: { 200: jsonResponse(taskViewSchema, 'The task'), ...errorResponses },
      }),
      async (c) => c.json(await changeTaskStatus(db, actorOf(c), c.req.valid('param').id, step), 200),
    );
  }
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}/tasks',
      summary: 'Tasks about one customer that the caller may see',
      request: { params: idParamSchema, query: customerTasksQuery },
      responses: { 200: jsonResponse(pageSchema(taskViewSchema), 'A page of tasks'), ...errorResponses },
    }),
    async (c) =>
      c.json(await listTasks(db, actorOf(c), { ...c.req.valid('query'), customerId: c.req.valid('param').id }), 200),
  );
  r.route('/', notificationRoutes(deps));
  return r;
}
