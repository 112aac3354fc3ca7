import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Db } from '../../core/db/database.ts';
import { actorOf } from '../../core/http/actor.ts';
import type { AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageSchema } from '../../core/http/pagination.ts';
import { closeDeal, closeDealSchema } from './close-deal.ts';
import { createDeal } from './create-deal.ts';
import { dealCardSchema } from './deal-card.ts';
import { createDealSchema, moveDealSchema, updateDealSchema } from './deal-input.ts';
import { dealViewSchema, stageStaySchema } from './deal-view.ts';
import { getDeal, getDealHistory } from './get-deal.ts';
import { listDeals, listDealsQuerySchema } from './list-deals.ts';
import { moveDeal } from './move-deal.ts';
import { updateDeal } from './update-deal.ts';

const common = { security, tags: ['Deals'] };

/** Deals: create, read, change, move on the board, close. */
export function dealRoutes(r: OpenAPIHono<AppEnv>, db: Db): void {
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/deals',
      summary: 'Open a deal on a customer',
      description: 'Send an Idempotency-Key header to retry safely: a retry gets the first response.',
      request: { body: jsonBody(createDealSchema) },
      responses: { 201: jsonResponse(dealViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createDeal(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/deals',
      summary: 'Deals the caller may see, newest first',
      request: { query: listDealsQuerySchema },
      responses: { 200: jsonResponse(pageSchema(dealCardSchema), 'A page of deals'), ...errorResponses },
    }),
    async (c) => c.json(await listDeals(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/deals/{id}',
      summary: 'One deal with its products and stage history',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(dealViewSchema, 'The deal'), ...errorResponses },
    }),
    async (c) => c.json(await getDeal(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'patch',
      path: '/deals/{id}',
      summary: "Change a deal's title, value, close date, owner, note or products",
      request: { params: idParamSchema, body: jsonBody(updateDealSchema) },
      responses: { 200: jsonResponse(dealViewSchema, 'The deal'), ...errorResponses },
    }),
    async (c) => c.json(await updateDeal(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/deals/{id}/move',
      summary: 'Move a deal to a stage of its own pipeline (and a place in the column)',
      description:
        'A stage of another pipeline is refused (422 deal_stage_other_pipeline); a won stage wins the deal, a lost stage needs lostReason.',
      request: { params: idParamSchema, body: jsonBody(moveDealSchema) },
      responses: { 200: jsonResponse(dealViewSchema, 'The deal'), ...errorResponses },
    }),
    async (c) => c.json(await moveDeal(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  for (const outcome of ['won', 'lost'] as const) {
    r.openapi(
      createRoute({
        ...common,
        method: 'post',
        path: `/deals/{id}/${outcome}`,
        summary: outcome === 'won' ? 'Mark a deal won' : 'Mark a deal lost, with the reason',
        request: { params: idParamSchema, body: jsonBody(closeDealSchema) },
        responses: { 200: jsonResponse(dealViewSchema, 'The deal'), ...errorResponses },
      }),
      async (c) => c.json(await closeDeal(db, actorOf(c), c.req.valid('param').id, outcome, c.req.valid('json')), 200),
    );
  }
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/deals/{id}/history',
      summary: 'Stages the deal went through, with time in each',
      request: { params: idParamSchema },
      responses: {
        200: jsonResponse(z.object({ items: z.array(stageStaySchema) }), 'Stage history'),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await getDealHistory(db, actorOf(c), c.req.valid('param').id) }, 200),
  );
}
