import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import type { CustomerSummaries } from './customer-summaries.ts';
import type { RfmScores } from './rfm.ts';
import type { ModelScores } from './score-customers.ts';

const BATCH = 20_000;

const literal = (values: ArrayLike<number | string>, from: number, to: number): string => {
  const parts = new Array<string>(to - from);
  for (let i = from; i < to; i++) parts[i - from] = String(values[i]);
  return `{${parts.join(',')}}`;
};

/**
 * Puts this run's scores in `staged_scores`, a temporary table shaped like customer_scores
 * that is dropped with the transaction: no index, no foreign key and no write-ahead log, so
 * a million rows go in cheaply. Rows go in batches of arrays (one parameter per column), and
 * only for customers that still exist. Returns how many rows were staged.
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
  await tx.execute(sql`drop table if exists staged_scores`);
  await tx.execute(sql`create temporary table staged_scores (like customer_scores) on commit drop`);
  const n = s.ids.length;
  for (let from = 0; from < n; from += BATCH) {
    const to = Math.min(n, from + BATCH);
    await tx.execute(
      sql`insert into staged_scores (customer_id, run_id, computed_at, rfm_r, rfm_f, rfm_m, rfm_segment, p_alive,
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
  await tx.execute(sql`analyze staged_scores`);
  const [row] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from staged_scores`);
  return Number(row?.n ?? 0);
}
