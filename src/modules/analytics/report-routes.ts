import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps, AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { alsoBoughtSchema, getAlsoBought } from './get-also-bought.ts';
import { cohortQuerySchema, cohortsSchema, getCohorts } from './get-cohorts.ts';
import { getHoldoutCheck, holdoutCheckSchema, holdoutQuerySchema } from './get-holdout-check.ts';
import { getKpis, kpiQuerySchema, kpisSchema } from './get-kpis.ts';
import { getRecommendations, recommendationsSchema } from './get-recommendations.ts';
import { getScoreOverview, overviewQuerySchema, scoreOverviewSchema } from './get-score-overview.ts';
import { getSegmentMovement, movementQuerySchema, segmentMovementSchema } from './get-segment-movement.ts';
import { limitQuery } from './product-associations.ts';

const common = { security, tags: ['Analytics'] };
const limitSchema = z.object({ limit: limitQuery });

/** Read-only reports for the dashboards and campaigns: movement, cohorts, KPIs, score overview, holdout check, recommendations. */
export function reportRoutes(deps: AppDeps) {
  const db = deps.database.db;
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/analytics/segments/movement',
      summary: 'Customers (and revenue) moving between RFM segments at a run, and segment sizes over recent runs',
      request: { query: movementQuerySchema },
      responses: { 200: jsonResponse(segmentMovementSchema, 'Movement and size history'), ...errorResponses },
    }),
    async (c) => c.json(await getSegmentMovement(db, actorOf(c), c.req.valid('query').runId), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/analytics/cohorts',
      summary: 'Monthly acquisition cohorts with retention and revenue by months since the first order',
      request: { query: cohortQuerySchema },
      responses: { 200: jsonResponse(cohortsSchema, 'The cohorts'), ...errorResponses },
    }),
    async (c) => c.json(await getCohorts(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/analytics/kpis',
      summary: 'Key figures of a period and of the previous period of the same length, per currency',
      request: { query: kpiQuerySchema },
      responses: { 200: jsonResponse(kpisSchema, 'The figures'), ...errorResponses },
    }),
    async (c) => c.json(await getKpis(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/analytics/scores/overview',
      summary: 'R×F grid, CLV histogram, top customers, P(alive) by recency × frequency and the latest run',
      request: { query: overviewQuerySchema },
      responses: { 200: jsonResponse(scoreOverviewSchema, 'The overview'), ...errorResponses },
    }),
    async (c) => c.json(await getScoreOverview(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/analytics/clv/holdout',
      summary:
        'Calibration vs holdout: predicted and actual purchases by calibration repeat purchases (writes nothing)',
      request: { query: holdoutQuerySchema },
      responses: {
        200: jsonResponse(holdoutCheckSchema, 'The check'),
        ...errorResponses,
        422: { description: 'The data cannot support a fit' },
      },
    }),
    async (c) => c.json(await getHoldoutCheck(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/products/{id}/also-bought',
      summary: 'Customers who bought this product also bought: support, confidence and lift',
      request: { params: idParamSchema, query: limitSchema },
      responses: { 200: jsonResponse(alsoBoughtSchema, 'Products bought with it'), ...errorResponses },
    }),
    async (c) => c.json(await getAlsoBought(db, actorOf(c), c.req.valid('param').id, c.req.valid('query').limit), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/customers/{id}/recommendations',
      summary: 'Next-best products for a customer, excluding what they bought, each with its reason',
      request: { params: idParamSchema, query: limitSchema },
      responses: { 200: jsonResponse(recommendationsSchema, 'Recommended products'), ...errorResponses },
    }),
    async (c) =>
      c.json(await getRecommendations(db, actorOf(c), c.req.valid('param').id, c.req.valid('query').limit), 200),
  );
  return r;
}
