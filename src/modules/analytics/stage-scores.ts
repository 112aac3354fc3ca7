import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.ts';
import { ident, rowsOf } from '../../core/db/rows-of.ts';
import type { CustomerSummaries } from './customer-summaries.ts';
import type { RfmScores } from './rfm.ts';
import type { ModelScores } from './score-customers.ts';

const BATCH = 20_000;

const literal = (values: ArrayLike<number | string>, from: number, to: number): string => {
  const parts = new Array<string>(to - from);
  for (let i = from; i < to; i++) parts[i - from] = String(values[i]);
  return `{${parts.join(',')}}`;
};

/** The table a run's scores are written to before it takes customer_scores' place (write-scores.ts). */
export const NEXT_SCORES = 'customer_scores_next';

/**
 * Writes this run's scores into a new table shaped like customer_scores (columns, defaults,
 * checks) but without its indexes, created in the caller's transaction: rows go in cheaply
 * and nobody sees them before the transaction commits. Rows go in batches of arrays (one
 * parameter per column), and only for customers that still exist. Returns how many rows
 * were written.
 */
export async function stageScores(
  tx: Tx,
  runId: string,
  computedAt: Date,
  calibrationEnd: string,
  s: CustomerSummaries,
  rfm: RfmScores,
  scores: ModelScores,
  onBatch: (done: number) => void = () => {},
): Promise<number> {
  await tx.execute(sql`create table ${ident(NEXT_SCORES)} (like customer_scores including all excluding indexes)`);
  const n = s.ids.length;
  for (let from = 0; from < n; from += BATCH) {
    const to = Math.min(n, from + BATCH);
    await tx.execute(
      sql`insert into ${ident(NEXT_SCORES)} (customer_id, run_id, computed_at, rfm_r, rfm_f, rfm_m, rfm_segment, p_alive,
            churn_risk, expected_purchases_90d, clv_12m_satang, value_grade, purchase_periods, total_spend_satang,
            first_purchase_on, last_purchase_on)
          select u.id, ${runId}::uuid, ${computedAt.toISOString()}::timestamptz, u.r, u.f, u.m, u.segment, u.p_alive,
            u.churn, u.e90, u.clv, u.grade, u.periods, u.total, ${calibrationEnd}::date - u.age, ${calibrationEnd}::date - u.recency
          from unnest(${literal(s.ids, from, to)}::uuid[], ${literal(rfm.r, from, to)}::smallint[],
            ${literal(rfm.f, from, to)}::smallint[], ${literal(rfm.m, from, to)}::smallint[],
            ${literal(rfm.segment, from, to)}::text[], ${literal(scores.pAlive, from, to)}::float8[],
            ${literal(scores.churn, from, to)}::text[], ${literal(scores.expected90d, from, to)}::float8[],
            ${literal(scores.clvSatang, from, to)}::bigint[], ${literal(scores.grade, from, to)}::text[],
            ${literal(s.periods, from, to)}::int[], ${literal(s.totalSatang, from, to)}::bigint[],
            ${literal(s.ageDays, from, to)}::int[], ${literal(s.recencyDays, from, to)}::int[])
            as u(id, r, f, m, segment, p_alive, churn, e90, clv, grade, periods, total, age, recency)
          where exists (select 1 from customers c where c.id = u.id)`,
    );
    onBatch(to);
  }
  const [row] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(NEXT_SCORES)}`);
  return Number(row?.n ?? 0);
}
