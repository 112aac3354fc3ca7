import type { ModuleDefinition } from '../../core/module.ts';
import { duplicateListRoutes } from './duplicate-routes.ts';
import { dedupeErrors } from './errors.ts';
import { purgeExpiredMerges } from './purge-merges.ts';
import { dedupeRoutes } from './routes.ts';

export const PURGE_MERGES_JOB = 'dedupe.purge-merges';

/** Duplicates, merge and unmerge; a daily job ends expired merges' grace period. */
export const dedupeModule: ModuleDefinition = {
  name: 'dedupe',
  routes: dedupeRoutes,
  errors: dedupeErrors,
  register: ({ deps, jobs }) => {
    jobs.register({
      name: PURGE_MERGES_JOB,
      cron: '40 3 * * *',
      retryLimit: 2,
      retryDelay: 300,
      handler: async (_data, ctx) => {
        const result = await purgeExpiredMerges(deps.database.db);
        if (result.expired || result.deleted) ctx.logger.info(result, 'expired merges purged');
      },
    });
  },
};

export { dismissDuplicate } from './dismiss-duplicate.ts';
/**
 * GET /customers/duplicates, mounted before the customers module so the path is not
 * taken for GET /customers/{id}.
 */
export const duplicateListModule: ModuleDefinition = {
  name: 'customer-duplicates',
  routes: duplicateListRoutes,
};

export { MERGE_GRACE_DAYS } from './errors.ts';
export { countDuplicateCandidates, type DuplicatePair, findDuplicates } from './find-duplicates.ts';
export { listMerges } from './list-merges.ts';
export { type MergeResult, mergeCustomers } from './merge-customers.ts';
export { purgeExpiredMerges } from './purge-merges.ts';
export { customerMerges, duplicateDismissals } from './schema.ts';
export { type UnmergeResult, unmergeCustomers } from './unmerge-customers.ts';
export { dedupeErrors };
