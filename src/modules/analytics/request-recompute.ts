import { and, gt, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { Db, Tx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { authorizeWholeBook } from './fit-clv.ts';
import { checkCalibration } from './load-summaries.ts';
import { type RecomputeRequest, valueOptions } from './recompute-options.ts';
import { type RunView, toRunView } from './run-view.ts';
import { scoreRuns } from './schema.ts';

/** The topic whose job runs a requested recompute (see jobs.ts). */
export const RECOMPUTE_REQUESTED = 'analytics.recompute_requested';
/** A run that has not finished in this long is taken as dead and no longer blocks another. */
const STALE_AFTER = sql`interval '2 hours'`;

export type RunTrigger = 'nightly' | 'on_demand' | 'cli';

/** Checks the options and records a queued run; nothing else is written. */
export async function createRun(
  db: Db,
  input: RecomputeRequest,
  trigger: RunTrigger,
  requestedBy: string | null,
  inSameTransaction?: (tx: Tx, run: typeof scoreRuns.$inferSelect) => Promise<void>,
  now = new Date(),
): Promise<typeof scoreRuns.$inferSelect> {
  const options = valueOptions(input);
  const calibration = await checkCalibration(db, input, now);
  return db.transaction(async (tx) => {
    const [busy] = await tx
      .select({ id: scoreRuns.id, status: scoreRuns.status })
      .from(scoreRuns)
      .where(
        and(inArray(scoreRuns.status, ['queued', 'running']), gt(scoreRuns.createdAt, sql`now() - ${STALE_AFTER}`)),
      )
      .limit(1);
    if (busy) {
      throw new AppError('analytics_recompute_running', {
        status: busy.status,
        statusTh: busy.status === 'queued' ? 'รอคิว' : 'กำลังทำงาน',
        runId: busy.id,
      });
    }
    const [run] = await tx
      .insert(scoreRuns)
      .values({
        status: 'queued',
        trigger,
        calibrationEnd: calibration.calibrationEnd,
        timeUnit: calibration.timeUnit,
        params: { options: { ...options, timeZone: calibration.timeZone } },
        requestedBy,
      })
      .returning();
    if (!run) throw new Error('score run not inserted');
    await inSameTransaction?.(tx, run);
    return run;
  });
}

/** On demand (analytics update, all customers): queues a recompute and returns the run to poll. */
export async function requestRecompute(db: Db, actor: Actor, input: RecomputeRequest): Promise<RunView> {
  authorizeWholeBook(actor, 'update');
  const run = await createRun(db, input, 'on_demand', actor.principal.userId, async (tx, run) => {
    await emitEvent(tx, {
      topic: RECOMPUTE_REQUESTED,
      aggregateType: 'score_run',
      aggregateId: run.id,
      payload: { runId: run.id },
    });
    await recordAudit(tx, actor, {
      entityType: 'score_run',
      entityId: run.id,
      action: 'analytics_recompute',
      changes: { calibrationEnd: { before: null, after: run.calibrationEnd } },
    });
  });
  return toRunView(run);
}
