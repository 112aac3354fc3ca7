import type { ModuleDefinition } from '../../core/module.ts';
import { forecastErrors } from './errors.ts';
import { forecastRoutes } from './routes.ts';

/** Quotas, the sales forecast and sales KPIs for the dashboard (issue 5, part 8). */
export const forecastsModule: ModuleDefinition = {
  name: 'forecasts',
  routes: forecastRoutes,
  errors: forecastErrors,
};

export { createQuota } from './create-quota.ts';
export { getForecast } from './get-forecast.ts';
export { getKpis } from './get-kpis.ts';
export { quotas } from './schema.ts';
export { forecastErrors };
