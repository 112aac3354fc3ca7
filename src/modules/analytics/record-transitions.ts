import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.ts';
import { ident } from '../../core/db/rows-of.ts';
import { NEXT_SCORES } from './stage-scores.ts';

/**
 * Records, for a run whose scores are in the next table (stage-scores.ts) but do not yet
 * replace the stored ones, how many customers went from each segment to each other (their
 * revenue is the new net spend; for customers no longer scored, the last one known) and the
 * new segment sizes. '' stands for "not scored". Call inside the run's transaction, before the stored
 * scores are replaced: customer_scores still holds the previous run's.
 */
export async function recordTransitions(tx: Tx, runId: string): Promise<void> {
  await tx.execute(
    sql`insert into score_run_transitions (run_id, from_segment, to_segment, customers, revenue_satang)
        select ${runId}::uuid, coalesce(p.rfm_segment, ''), coalesce(n.rfm_segment, ''), count(*)::int,
               coalesce(sum(coalesce(n.total_spend_satang, p.total_spend_satang)), 0)::bigint
        from customer_scores p
        full join ${ident(NEXT_SCORES)} n on n.customer_id = p.customer_id
        group by 2, 3`,
  );
  await tx.execute(
    sql`insert into score_run_segments (run_id, segment, customers, revenue_satang, clv_12m_satang)
        select ${runId}::uuid, rfm_segment, count(*)::int, coalesce(sum(total_spend_satang), 0)::bigint,
               coalesce(sum(clv_12m_satang), 0)::bigint
        from ${ident(NEXT_SCORES)} group by rfm_segment`,
  );
}
