import { createRoute } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps } from '../../core/http/app-env.ts';
import { errorResponses, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageSchema } from '../../core/http/pagination.ts';
import { newRouter } from '../../core/http/router.ts';
import { customerSummarySchema } from '../customers/index.ts';
import { getDataQuality } from './get-data-quality.ts';
import { checkListQuerySchema, checkParamSchema, listCheckCustomers } from './list-check-customers.ts';
import { dataQualityQuerySchema, dataQualityReportSchema } from './report-view.ts';

/** Data quality: the report and one-click lists of the customers behind each figure. */
export function dataQualityRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const r = newRouter();
  const common = { security, tags: ['Data quality'] };
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/data-quality',
      summary: 'Completeness, unreachable, stale, duplicate and consent-gap figures over the customers you may see',
      request: { query: dataQualityQuerySchema },
      responses: { 200: jsonResponse(dataQualityReportSchema, 'The report'), ...errorResponses },
    }),
    async (c) => c.json(await getDataQuality(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...common,
      method: 'get',
      path: '/data-quality/{check}/customers',
      summary: 'The customers failing one check, least recently updated first',
      request: { params: checkParamSchema, query: checkListQuerySchema },
      responses: { 200: jsonResponse(pageSchema(customerSummarySchema), 'A page of customers'), ...errorResponses },
    }),
    async (c) =>
      c.json(await listCheckCustomers(db, actorOf(c), c.req.valid('param').check, c.req.valid('query')), 200),
  );
  return r;
}
