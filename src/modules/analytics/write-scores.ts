import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.ts';
import type { CustomerSummaries } from './customer-summaries.ts';
import { recordTransitions } from './record-transitions.ts';
import type { RfmScores } from './rfm.ts';
import type { ModelScores } from './score-customers.ts';
import { stageScores } from './stage-scores.ts';

/**
 * Replaces every stored score with this run's, inside the caller's transaction: all of a
 * run's scores or none. The rows are staged in a temporary table first, the movement between
 * segments and the new segment sizes are recorded for the run from the stored and the staged
 * rows (score_run_transitions, score_run_segments), and then the staged rows replace the
 * stored ones in one statement each.
 */
export async function writeScores(
  tx: Tx,
  runId: string,
  computedAt: Date,
  calibrationEnd: string,
  s: CustomerSummaries,
  rfm: RfmScores,
  scores: ModelScores,
): Promise<number> {
  const scored = await stageScores(tx, runId, computedAt, calibrationEnd, s, rfm, scores);
  await recordTransitions(tx, runId);
  await tx.execute(sql`delete from customer_scores`);
  await tx.execute(sql`insert into customer_scores select * from staged_scores`);
  await tx.execute(sql`drop table staged_scores`);
  return scored;
}
