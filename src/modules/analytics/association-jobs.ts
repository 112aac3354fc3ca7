import type { ModuleRuntime } from '../../core/module.ts';
import { computeAssociations } from './compute-associations.ts';

export const NIGHTLY_ASSOCIATIONS_JOB = 'analytics.product-associations-nightly';

/** Co-purchase counts are recounted nightly at 03:15 (business time zone), after the scores (02:45). */
export function registerAssociationJobs({ deps, jobs }: ModuleRuntime): void {
  const { db } = deps.database;
  jobs.register({
    name: NIGHTLY_ASSOCIATIONS_JOB,
    cron: '15 3 * * *',
    retryLimit: 1,
    retryDelay: 600,
    handler: async (_data, ctx) => {
      const pairs = await computeAssociations(db);
      ctx.logger.info({ pairs }, 'product associations recounted');
    },
  });
}
