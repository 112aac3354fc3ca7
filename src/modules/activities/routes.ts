import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageSchema } from '../../core/http/pagination.ts';
import { newRouter } from '../../core/http/router.ts';
import { logActivitySchema, timelineQuerySchema, updateActivitySchema } from './activity-input.ts';
import { activityViewSchema } from './activity-view.ts';
import { deleteActivity } from './delete-activity.ts';
import { listTimeline } from './list-timeline.ts';
import { logActivity } from './log-activity.ts';
import { updateActivity } from './update-activity.ts';

const activityParamsSchema = idParamSchema.extend({
  activityId: z
    .string()
    .uuid()
    .openapi({ param: { name: 'activityId', in: 'path' } }),
});

/** The timeline of a customer, and notes/calls/meetings logged by staff. */
export function activityRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  const common = { security, tags: ['Timeline'] };

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}/timeline',
      summary: "A customer's timeline: everything that happened, newest first",
      description:
        'Entries from every module (notes, calls, meetings, emails, messages, orders, consent changes, identity matches, merges, imports, …), each with a readable summary in Thai and English. Needs customers read; a customer you may not see is 404.',
      request: { params: idParamSchema, query: timelineQuerySchema },
      responses: { 200: jsonResponse(pageSchema(activityViewSchema), 'A page of the timeline'), ...errorResponses },
    }),
    async (c) => c.json(await listTimeline(db, actorOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/customers/{id}/activities',
      summary: 'Log a note, call or meeting',
      description:
        'Needs customers update. Calls need a direction (inbound | outbound) and may have an outcome (connected, no_answer, busy, voicemail, wrong_number); durationMinutes 0–1440; occurredAt at most 1 day ahead.',
      request: { params: idParamSchema, body: jsonBody(logActivitySchema) },
      responses: { 201: jsonResponse(activityViewSchema, 'Logged'), ...errorResponses },
    }),
    async (c) => c.json(await logActivity(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/customers/{id}/activities/{activityId}',
      summary: 'Change a logged note, call or meeting (its author, or roles that may delete customers)',
      request: { params: activityParamsSchema, body: jsonBody(updateActivitySchema) },
      responses: { 200: jsonResponse(activityViewSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => {
      const { id, activityId } = c.req.valid('param');
      return c.json(await updateActivity(db, actorOf(c), id, activityId, c.req.valid('json')), 200);
    },
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/customers/{id}/activities/{activityId}',
      summary: 'Delete a logged note, call or meeting (its author, or roles that may delete customers)',
      request: { params: activityParamsSchema },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      const { id, activityId } = c.req.valid('param');
      await deleteActivity(db, actorOf(c), id, activityId);
      return c.body(null, 204);
    },
  );
  return r;
}
