import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps, AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { createMarketingSpend } from './create-marketing-spend.ts';
import { deleteMarketingSpend } from './delete-marketing-spend.ts';
import { listMarketingSpend } from './list-marketing-spend.ts';
import {
  createSpendSchema,
  marketingSpendSchema,
  spendListQuerySchema,
  spendListSchema,
  updateSpendSchema,
} from './marketing-spend-view.ts';
import { updateMarketingSpend } from './update-marketing-spend.ts';

const common = { security, tags: ['Analytics'] };

/** Marketing spend per month, the input of customer acquisition cost. */
export function marketingSpendRoutes(deps: AppDeps) {
  const db = deps.database.db;
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/analytics/marketing-spend',
      summary: 'Marketing spend entries between two months',
      request: { query: spendListQuerySchema },
      responses: { 200: jsonResponse(spendListSchema, 'The entries'), ...errorResponses },
    }),
    async (c) => c.json(await listMarketingSpend(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/analytics/marketing-spend',
      summary: 'Enter a month’s marketing spend (one entry per month, currency and channel)',
      request: { body: jsonBody(createSpendSchema) },
      responses: { 201: jsonResponse(marketingSpendSchema, 'The entry'), ...errorResponses },
    }),
    async (c) => c.json(await createMarketingSpend(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/analytics/marketing-spend/{id}',
      summary: 'Change an entry’s amount or note',
      request: { params: idParamSchema, body: jsonBody(updateSpendSchema) },
      responses: { 200: jsonResponse(marketingSpendSchema, 'The entry'), ...errorResponses },
    }),
    async (c) => c.json(await updateMarketingSpend(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'delete',
      path: '/analytics/marketing-spend/{id}',
      summary: 'Remove an entry',
      request: { params: idParamSchema },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteMarketingSpend(db, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  return r;
}
