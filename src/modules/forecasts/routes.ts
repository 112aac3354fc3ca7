import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { actorOf } from '../../core/http/actor.ts';
import type { AppDeps, AppEnv } from '../../core/http/app-env.ts';
import { errorResponses, idParamSchema, jsonBody, jsonResponse, security } from '../../core/http/openapi-common.ts';
import { pageSchema } from '../../core/http/pagination.ts';
import { createQuota } from './create-quota.ts';
import { deleteQuota } from './delete-quota.ts';
import { forecastSettingsSchema, getForecastSettings, updateForecastSettings } from './forecast-settings.ts';
import { forecastQuerySchema, forecastSchema } from './forecast-view.ts';
import { getForecast } from './get-forecast.ts';
import { getKpis } from './get-kpis.ts';
import { getRevenue } from './get-revenue.ts';
import { kpiQuerySchema, kpisSchema, revenueQuerySchema, revenueSchema } from './kpi-view.ts';
import { listQuotas } from './list-quotas.ts';
import { createQuotaSchema, listQuotasQuerySchema, updateQuotaSchema } from './quota-input.ts';
import { quotaViewSchema } from './quota-view.ts';
import { updateQuota } from './update-quota.ts';

const quotaTags = { security, tags: ['Quotas'] };
const salesTags = { security, tags: ['Sales dashboard'] };

/** Quotas, the forecast, sales KPIs and revenue by month (permission module 'sales'). */
export function forecastRoutes(deps: AppDeps) {
  const db = deps.database.db;
  const r = new OpenAPIHono<AppEnv>();
  r.openapi(
    createRoute({
      ...quotaTags,
      method: 'get',
      path: '/quotas',
      summary: 'Quotas the caller may read (own; a manager’s team; all for admins), by period',
      request: { query: listQuotasQuerySchema },
      responses: { 200: jsonResponse(pageSchema(quotaViewSchema), 'A page of quotas'), ...errorResponses },
    }),
    async (c) => c.json(await listQuotas(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...quotaTags,
      method: 'post',
      path: '/quotas',
      summary: 'Set a quota for a user or team and a month or quarter (managers for their team, admins)',
      request: { body: jsonBody(createQuotaSchema) },
      responses: { 201: jsonResponse(quotaViewSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(await createQuota(db, actorOf(c), c.req.valid('json')), 201),
  );
  r.openapi(
    createRoute({
      ...quotaTags,
      method: 'patch',
      path: '/quotas/{id}',
      summary: 'Change a quota’s amounts',
      request: { params: idParamSchema, body: jsonBody(updateQuotaSchema) },
      responses: { 200: jsonResponse(quotaViewSchema, 'The quota'), ...errorResponses },
    }),
    async (c) => c.json(await updateQuota(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  r.openapi(
    createRoute({
      ...quotaTags,
      method: 'delete',
      path: '/quotas/{id}',
      summary: 'Remove a quota',
      request: { params: idParamSchema },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteQuota(db, actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  r.openapi(
    createRoute({
      ...salesTags,
      method: 'get',
      path: '/sales/forecast',
      summary: 'Forecast of a month or quarter: won, committed, weighted, best case, quota, last year, per owner',
      request: { query: forecastQuerySchema },
      responses: { 200: jsonResponse(forecastSchema, 'The forecast'), ...errorResponses },
    }),
    async (c) => c.json(await getForecast(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...salesTags,
      method: 'get',
      path: '/sales/kpis',
      summary: 'Close rate, average won deal, sales cycle, lost reasons, deals created, revenue; and the period before',
      request: { query: kpiQuerySchema },
      responses: { 200: jsonResponse(kpisSchema, 'Sales KPIs'), ...errorResponses },
    }),
    async (c) => c.json(await getKpis(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...salesTags,
      method: 'get',
      path: '/sales/revenue',
      summary: 'Revenue per month of a year beside the year before (paid orders)',
      request: { query: revenueQuerySchema },
      responses: { 200: jsonResponse(revenueSchema, 'Revenue by month'), ...errorResponses },
    }),
    async (c) => c.json(await getRevenue(db, actorOf(c), c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      ...salesTags,
      method: 'get',
      path: '/sales/forecast-settings',
      summary: 'The commit threshold of the forecast',
      responses: { 200: jsonResponse(forecastSettingsSchema, 'Forecast settings'), ...errorResponses },
    }),
    async (c) => c.json(await getForecastSettings(db, actorOf(c)), 200),
  );
  r.openapi(
    createRoute({
      ...salesTags,
      method: 'put',
      path: '/sales/forecast-settings',
      summary: 'Change the commit threshold (administrators)',
      request: { body: jsonBody(forecastSettingsSchema) },
      responses: { 200: jsonResponse(forecastSettingsSchema, 'Forecast settings'), ...errorResponses },
    }),
    async (c) => c.json(await updateForecastSettings(db, actorOf(c), c.req.valid('json')), 200),
  );
  return r;
}
