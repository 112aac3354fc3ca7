import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { isAppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { customerSummaries, type TimeUnit } from './customer-summaries.ts';
import { fitModels } from './fit-models.ts';
import type { ValueOptions } from './recompute-options.ts';
import { rfmScores } from './rfm.ts';
import { type RunView, toRunView } from './run-view.ts';
import { scoreRuns } from './schema.ts';
import { DEFAULT_SCORE_OPTIONS, scoreCustomers } from './score-customers.ts';
import { writeScores } from './write-scores.ts';

export const SCORES_RECOMPUTED = 'analytics.scores_recomputed';

type RunPatch = Partial<typeof scoreRuns.$inferInsert>;

/**
 * Runs a recorded recompute: summaries from the orders, both models fitted, every
 * customer scored in memory, then the stored scores replaced in ONE transaction together
 * with the run's success and the outbox event. Any failure marks the run failed with the
 * reason and leaves the previous scores as they were. A finished run is not run again.
 */
export async function runRecompute(db: Db, runId: string): Promise<RunView> {
  const [run] = await db.select().from(scoreRuns).where(eq(scoreRuns.id, runId));
  if (!run) throw new Error(`no score run ${runId}`);
  if (run.status === 'succeeded' || run.status === 'failed') return toRunView(run);
  const mark = (patch: RunPatch) => db.update(scoreRuns).set(patch).where(eq(scoreRuns.id, runId));
  await mark({ status: 'running', startedAt: new Date(), step: 'summaries', progress: 0.05 });
  const stored = (run.params.options ?? {}) as Partial<ValueOptions> & { timeZone?: string };
  const options = {
    timeUnit: run.timeUnit as TimeUnit,
    horizonMonths: DEFAULT_SCORE_OPTIONS.horizonMonths,
    monthlyDiscountRate: stored.monthlyDiscountRate ?? DEFAULT_SCORE_OPTIONS.monthlyDiscountRate,
    gradeShares: stored.gradeShares ?? DEFAULT_SCORE_OPTIONS.gradeShares,
  };
  try {
    const summaries = await customerSummaries(db, {
      calibrationEnd: run.calibrationEnd,
      timeUnit: options.timeUnit,
      timeZone: stored.timeZone ?? 'Asia/Bangkok',
    });
    await mark({ step: 'fit', progress: 0.3, customers: summaries.ids.length });
    const fit = fitModels(summaries, run.calibrationEnd);
    const params = {
      ...run.params,
      bgnbd: {
        r: fit.bgnbd.r,
        alpha: fit.bgnbd.alpha,
        a: fit.bgnbd.a,
        b: fit.bgnbd.b,
        logLikelihood: fit.bgnbd.logLikelihood,
      },
      gammaGamma: fit.gammaGamma
        ? { p: fit.gammaGamma.p, q: fit.gammaGamma.q, v: fit.gammaGamma.v, logLikelihood: fit.gammaGamma.logLikelihood }
        : null,
      gammaGammaExcluded: fit.ggExcluded,
      warnings: fit.warnings,
    };
    await mark({ step: 'scores', progress: 0.5, repeatCustomers: fit.repeatCustomers, params });
    const rfm = rfmScores(summaries.recencyDays, summaries.periods, summaries.totalSatang);
    const scores = scoreCustomers(summaries, fit.bgnbd, fit.gammaGamma, options);
    await mark({ step: 'writing', progress: 0.8 });
    const computedAt = new Date();
    await db.transaction(async (tx) => {
      const scored = await writeScores(tx, runId, computedAt, run.calibrationEnd, summaries, rfm, scores);
      await tx
        .update(scoreRuns)
        .set({ status: 'succeeded', step: 'done', progress: 1, scored, finishedAt: new Date() })
        .where(eq(scoreRuns.id, runId));
      await emitEvent(tx, {
        topic: SCORES_RECOMPUTED,
        aggregateType: 'score_run',
        aggregateId: runId,
        payload: { runId, scored, calibrationEnd: run.calibrationEnd, timeUnit: run.timeUnit },
      });
    });
  } catch (err) {
    const error = isAppError(err)
      ? { code: err.code, params: err.params }
      : { code: 'internal', message: err instanceof Error ? err.message : String(err) };
    await mark({ status: 'failed', error, finishedAt: new Date() });
    if (!isAppError(err)) throw err;
  }
  const [done] = await db.select().from(scoreRuns).where(eq(scoreRuns.id, runId));
  if (!done) throw new Error(`no score run ${runId}`);
  return toRunView(done);
}
