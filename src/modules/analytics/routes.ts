import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps, AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { countSegments, segmentCountsSchema } from './count-segments.ts';
import { fitClv, fitRequestSchema, fitResultSchema } from './fit-clv.ts';
import { getCustomerScores } from './get-customer-scores.ts';
import { getRun } from './get-run.ts';
import { marketingSpendRoutes } from './marketing-spend-routes.ts';
import { recomputeRequestSchema } from './recompute-options.ts';
import { reportRoutes } from './report-routes.ts';
import { requestRecompute } from './request-recompute.ts';
import { runViewSchema } from './run-view.ts';
import { customerScoresViewSchema } from './scores-view.ts';

const common = { security, tags: ['Analytics'] };
const unprocessable = {
  422: { description: 'The data cannot support this (e.g. too few repeat customers)' },
};

export function analyticsRoutes(deps: AppDeps) {
  const db = deps.database.db;
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/analytics/clv/fit',
      summary: 'Fit BG/NBD and Gamma-Gamma on the orders up to a calibration end (writes nothing)',
      description:
        'Purchases on one business day count once; recency and age are measured in the time unit. ' +
        'Gamma-Gamma spend parameters are in baht; repeat customers whose repeat purchases were all free are ' +
        'left out of it and counted in gammaGamma.excluded.',
      request: { body: jsonBody(fitRequestSchema) },
      responses: { 200: jsonResponse(fitResultSchema, 'The fitted parameters'), ...errorResponses, ...unprocessable },
    }),
    async (c) => c.json(await fitClv(db, actorOf(c), c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'post',
      path: '/analytics/recompute',
      summary: 'Recompute every customer’s scores now, in the background; poll the returned run',
      request: { body: jsonBody(recomputeRequestSchema) },
      responses: { 202: jsonResponse(runViewSchema, 'The queued run'), ...errorResponses, ...unprocessable },
    }),
    async (c) => c.json(await requestRecompute(db, actorOf(c), c.req.valid('json')), 202),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/analytics/runs/{id}',
      summary: 'A recompute run with its progress and, when done, the fitted parameters',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(runViewSchema, 'The run'), ...errorResponses },
    }),
    async (c) => c.json(await getRun(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/analytics/segments',
      summary: 'Customers, revenue and CLV per RFM segment and per value grade (customers the caller may see)',
      responses: { 200: jsonResponse(segmentCountsSchema, 'Counts per segment and grade'), ...errorResponses },
    }),
    async (c) => c.json(await countSegments(db, actorOf(c)), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}/scores',
      summary: 'A customer’s RFM segment, P(alive), churn risk, expected purchases, 12-month CLV and grade',
      request: { params: idParamSchema },
      responses: { 200: jsonResponse(customerScoresViewSchema, 'The scores (null before any)'), ...errorResponses },
    }),
    async (c) => c.json(await getCustomerScores(db, actorOf(c), c.req.valid('param').id), 200),
  );
  r.route('/', reportRoutes(deps));
  r.route('/', marketingSpendRoutes(deps));
  return r;
}
