import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.ts';

/**
 * Keeps the segment and revenue of every stored score in a temporary table that lives until
 * the transaction ends, so the movement can be counted once the new run's scores are in.
 * Call before the old scores are deleted, inside the run's transaction.
 */
export async function keepPreviousSegments(tx: Tx): Promise<void> {
  await tx.execute(sql`drop table if exists previous_customer_segments`);
  await tx.execute(
    sql`create temporary table previous_customer_segments on commit drop as
        select customer_id, rfm_segment, total_spend_satang from customer_scores`,
  );
}

/**
 * Records, for the run whose scores were just written, how many customers went from each
 * segment to each other (their revenue is the new net spend; for customers no longer scored,
 * the last one known) and the new segment sizes. '' stands for "not scored".
 */
export async function recordTransitions(tx: Tx, runId: string): Promise<void> {
  await tx.execute(
    sql`insert into score_run_transitions (run_id, from_segment, to_segment, customers, revenue_satang)
        select ${runId}::uuid, coalesce(p.rfm_segment, ''), coalesce(n.rfm_segment, ''), count(*)::int,
               coalesce(sum(coalesce(n.total_spend_satang, p.total_spend_satang)), 0)::bigint
        from previous_customer_segments p
        full join customer_scores n on n.customer_id = p.customer_id
        group by 2, 3`,
  );
  await tx.execute(
    sql`insert into score_run_segments (run_id, segment, customers, revenue_satang, clv_12m_satang)
        select ${runId}::uuid, rfm_segment, count(*)::int, coalesce(sum(total_spend_satang), 0)::bigint,
               coalesce(sum(clv_12m_satang), 0)::bigint
        from customer_scores group by rfm_segment`,
  );
  await tx.execute(sql`drop table previous_customer_segments`);
}
