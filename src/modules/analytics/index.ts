import type { ModuleDefinition } from '../../core/module.ts';
import { registerAssociationJobs } from './association-jobs.ts';
import { analyticsErrors } from './errors.ts';
import { registerAnalyticsJobs } from './jobs.ts';
import { analyticsRoutes } from './routes.ts';

/**
 * Differentiate: customer summaries from orders, RFM segments, the CLV models
 * (BG/NBD + Gamma-Gamma) and every buying customer's stored scores, recomputed nightly
 * and on demand; segment movement per run, cohorts, KPIs, marketing spend and co-purchase
 * recommendations (for the dashboards and campaigns).
 */
export const analyticsModule: ModuleDefinition = {
  name: 'analytics',
  routes: analyticsRoutes,
  errors: analyticsErrors,
  register: (runtime) => {
    registerAnalyticsJobs(runtime);
    registerAssociationJobs(runtime);
  },
};

export { type CustomerSummaries, customerSummaries, TIME_UNITS, type TimeUnit } from './customer-summaries.ts';
export { fitClv } from './fit-clv.ts';
export { getAlsoBought } from './get-also-bought.ts';
export { getRecommendations, type Recommendations } from './get-recommendations.ts';
export { createRun, requestRecompute } from './request-recompute.ts';
export { RFM_SEGMENT_LABELS, RFM_SEGMENTS, type RfmSegment } from './rfm.ts';
export { runRecompute, SCORES_RECOMPUTED } from './run-recompute.ts';
export type { RunView } from './run-view.ts';
export { customerScores, marketingSpend, scoreRunSegments, scoreRuns, scoreRunTransitions } from './schema.ts';
