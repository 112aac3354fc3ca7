import type { Db } from '../../core/db/database.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import type { Logger } from '../../core/logger.ts';
import type { ModuleRuntime } from '../../core/module.ts';
import { createRun, RECOMPUTE_REQUESTED } from './request-recompute.ts';
import { runRecompute } from './run-recompute.ts';

export const NIGHTLY_SCORES_JOB = 'analytics.recompute-nightly';

/** Demo data was loaded (the demo module's event): score the new book at once. */
const DEMO_LOADED = 'demo.loaded';

/**
 * A run calibrated to today, as at night or after demo data is loaded; a shop without
 * enough data yet (or a run already under way) is logged, not retried.
 */
export async function recomputeNow(db: Db, logger: Logger, trigger: 'nightly' | 'on_demand'): Promise<void> {
  try {
    const run = await createRun(db, {}, trigger, null);
    const done = await runRecompute(db, run.id);
    logger.info(
      { runId: done.id, trigger, status: done.status, scored: done.scored, error: done.error?.code },
      'scores recomputed',
    );
  } catch (err) {
    if (!isAppError(err)) throw err;
    logger.info({ code: err.code, trigger }, 'scores recompute skipped');
  }
}

/** On-demand runs come through the outbox; the nightly run after the ladder's (02:25). */
export function registerAnalyticsJobs({ deps, jobs, events }: ModuleRuntime): void {
  const { db } = deps.database;
  events.subscribe(
    RECOMPUTE_REQUESTED,
    'analytics.run-recompute',
    async (event, ctx) => {
      const done = await runRecompute(db, String(event.payload.runId ?? event.aggregateId));
      ctx.logger.info({ runId: done.id, status: done.status, scored: done.scored }, 'scores recomputed on demand');
    },
    { retryLimit: 2, retryDelay: 30 },
  );
  events.subscribe(DEMO_LOADED, 'analytics.on-demo-loaded', (_event, ctx) => recomputeNow(db, ctx.logger, 'on_demand'));
  jobs.register({
    name: NIGHTLY_SCORES_JOB,
    cron: '45 2 * * *',
    retryLimit: 1,
    retryDelay: 600,
    handler: (_data, ctx) => recomputeNow(db, ctx.logger, 'nightly'),
  });
}
