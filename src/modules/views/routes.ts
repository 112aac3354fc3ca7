import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { newRouter } from '../../core/http/router.ts';
import { createView } from './create-view.ts';
import { deleteView } from './delete-view.ts';
import { listViews } from './list-views.ts';
import { updateView } from './update-view.ts';
import { createViewSchema, savedViewSchema, updateViewSchema } from './view-input.ts';

/** Saved views of the customer list: HTTP calls the use cases, which decide who sees and edits what. */
export function viewRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  const common = { security, tags: ['Saved views'] };

  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/views',
      summary: 'Your saved views of the customer list and those shared with your team',
      responses: { 200: jsonResponse(z.object({ items: z.array(savedViewSchema) }), 'The views'), ...errorResponses },
    }),
    async (c) => c.json(await listViews(db, actorOf(c)), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/views',
      summary: 'Save filters, sort and columns of the customer list as a view',
      request: { body: jsonBody(createViewSchema) },
      responses: { 201: jsonResponse(savedViewSchema, 'Saved'), ...errorResponses },
    }),
    async (c) => c.json(await createView(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/views/{id}',
      summary: 'Rename or change a view (its owner or an admin)',
      request: { params: idParamSchema, body: jsonBody(updateViewSchema) },
      responses: { 200: jsonResponse(savedViewSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => c.json(await updateView(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/views/{id}',
      summary: 'Delete a view (its owner or an admin)',
      request: { params: idParamSchema },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteView(db, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  return r;
}
