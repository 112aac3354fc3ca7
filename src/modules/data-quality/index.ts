import type { ModuleDefinition } from '../../core/module.ts';
import { dataQualityRoutes } from './routes.ts';

/** Data quality: completeness, unreachable, stale, duplicate and consent-gap checks with lists to fix. */
export const dataQualityModule: ModuleDefinition = {
  name: 'data-quality',
  routes: dataQualityRoutes,
};

export { getDataQuality } from './get-data-quality.ts';
export { listCheckCustomers } from './list-check-customers.ts';
export { COMPLETENESS_FIELDS, LIST_CHECKS, type ListCheck } from './quality-checks.ts';
export { type DataQualityReport, dataQualityReportSchema } from './report-view.ts';
