import { z } from '@hono/zod-openapi';
import { desc, eq, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { visibleCustomer } from '../customers/index.ts';
import { ORDER_SOURCES } from '../orders/index.ts';
import { RFM_SEGMENTS } from './rfm.ts';
import { scoreRuns } from './schema.ts';

export const CLV_BINS = 20;
/** Recency bands (days since the last purchase at the calibration end), upper bounds inclusive. */
export const RECENCY_BANDS = [30, 60, 90, 180, 365, 730] as const;
/** Frequency bands (purchase days): 1, 2, 3, 4, 5, 6–9, 10+. */
export const FREQUENCY_BANDS = ['1', '2', '3', '4', '5', '6–9', '10+'] as const;

export const overviewQuerySchema = z.object({
  segment: z
    .enum(RFM_SEGMENTS)
    .optional()
    .openapi({ param: { name: 'segment', in: 'query' }, description: 'Only customers of this RFM segment' }),
  source: z
    .enum(ORDER_SOURCES)
    .optional()
    .openapi({
      param: { name: 'source', in: 'query' },
      description:
        'Only customers who bought through this order source up to the calibration end; their scores stay whole-customer figures',
    }),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export const scoreOverviewSchema = z
  .object({
    run: z
      .object({
        id: z.string().uuid(),
        calibrationEnd: z.string(),
        timeUnit: z.string(),
        finishedAt: z.string().nullable(),
        customers: z.number().int().nullable(),
        repeatCustomers: z.number().int().nullable(),
        params: z.record(z.string(), z.unknown()),
      })
      .nullable(),
    scored: z.number().int(),
    source: z.enum(ORDER_SOURCES).nullable(),
    segments: z.array(
      z.object({
        segment: z.enum(RFM_SEGMENTS),
        customers: z.number().int(),
        revenueSatang: z.number().int().openapi({ description: 'Net spend up to the calibration end' }),
        clv12mSatang: z.number().int(),
      }),
    ),
    grid: z.array(
      z.object({
        r: z.number().int(),
        f: z.number().int(),
        customers: z.number().int(),
        revenueSatang: z.number().int(),
      }),
    ),
    clvHistogram: z.array(
      z.object({ fromSatang: z.number().int(), toSatang: z.number().int().nullable(), customers: z.number().int() }),
    ),
    topCustomers: z.array(
      z.object({
        customerId: z.string().uuid(),
        displayName: z.string(),
        segment: z.enum(RFM_SEGMENTS),
        valueGrade: z.string(),
        clv12mSatang: z.number().int(),
        pAlive: z.number(),
        totalSpendSatang: z.number().int(),
        purchasePeriods: z
          .number()
          .int()
          .openapi({ description: '1: a single purchase so far, so the CLV is an estimate from similar customers' }),
        lastPurchaseOn: z.string(),
      }),
    ),
    pAliveMap: z.array(
      z.object({
        recency: z
          .number()
          .int()
          .openapi({ description: 'Index into recencyBands (last = longer than the last bound)' }),
        frequency: z.number().int().openapi({ description: 'Index into frequencyBands' }),
        customers: z.number().int(),
        meanPAlive: z.number(),
      }),
    ),
    recencyBands: z.array(z.number().int()),
    frequencyBands: z.array(z.string()),
  })
  .openapi('ScoreOverview');
export type ScoreOverview = z.infer<typeof scoreOverviewSchema>;

/**
 * What the dashboard draws from the stored scores: customers, revenue and CLV per segment,
 * the R×F grid, the 12-month CLV histogram (20 equal bins up to the 99th percentile, the last
 * open-ended), the top 20 customers by CLV, mean P(alive) over recency × frequency bands, and
 * the latest run's parameters. Only customers the caller may see, optionally one segment, and
 * optionally those with a counted order (paid, fulfilled, partly refunded) from one order
 * source up to the run's calibration end. The scores themselves are not split by source: the
 * models see a customer's whole history, so a source picks customers, not parts of them.
 */
export async function getScoreOverview(db: DbOrTx, actor: Actor, q: OverviewQuery): Promise<ScoreOverview> {
  authorize(actor.principal, 'analytics', 'read');
  const seg = q.segment ? sql`and s.rfm_segment = ${q.segment}` : sql``;
  const source = q.source ? await boughtThrough(db, q.source) : sql``;
  const scope = sql`from customer_scores s join customers on customers.id = s.customer_id join score_runs sr on sr.id = s.run_id
    where ${visibleCustomer(actor, sql`customers.status = 'active'`) ?? sql`false`} ${seg} ${source}`;
  const segments = await rowsOf<{ segment: string; n: number; revenue: string | number; clv: string | number }>(
    db,
    sql`select s.rfm_segment as segment, count(*)::int as n, sum(s.total_spend_satang)::bigint as revenue,
               sum(s.clv_12m_satang)::bigint as clv ${scope} group by 1`,
  );
  const grid = await rowsOf<{ r: number; f: number; n: number; revenue: string | number }>(
    db,
    sql`select s.rfm_r as r, s.rfm_f as f, count(*)::int as n, sum(s.total_spend_satang)::bigint as revenue ${scope} group by 1, 2 order by 1, 2`,
  );
  const [cap] = await rowsOf<{ cap: number | null; n: number }>(
    db,
    sql`select percentile_disc(0.99) within group (order by s.clv_12m_satang)::float8 as cap, count(*)::int as n ${scope}`,
  );
  const top = Math.max(1, Number(cap?.cap ?? 0));
  const width = Math.max(1, Math.ceil(top / CLV_BINS));
  const bins = await rowsOf<{ b: number; n: number }>(
    db,
    sql`select least(greatest(s.clv_12m_satang, 0) / ${width}, ${CLV_BINS - 1})::int as b, count(*)::int as n ${scope} group by 1`,
  );
  const tops = await rowsOf<{
    id: string;
    name: string;
    segment: (typeof RFM_SEGMENTS)[number];
    grade: string;
    clv: number;
    p: number;
    total: number;
    periods: number;
    last: string;
  }>(
    db,
    sql`select s.customer_id::text as id, customers.display_name as name, s.rfm_segment as segment, s.value_grade as grade,
               s.clv_12m_satang as clv, s.p_alive as p, s.total_spend_satang as total, s.purchase_periods as periods,
               to_char(s.last_purchase_on, 'YYYY-MM-DD') as last
        ${scope} order by s.clv_12m_satang desc, s.customer_id limit 20`,
  );
  const bands = RECENCY_BANDS.map((d, i) => sql`when sr.calibration_end - s.last_purchase_on <= ${d} then ${i}`);
  const heat = await rowsOf<{ rb: number; fb: number; n: number; p: number }>(
    db,
    sql`select case ${sql.join(bands, sql` `)} else ${RECENCY_BANDS.length} end as rb,
               case when s.purchase_periods <= 5 then s.purchase_periods - 1 when s.purchase_periods <= 9 then 5 else 6 end as fb,
               count(*)::int as n, avg(s.p_alive)::float8 as p
        ${scope} group by 1, 2 order by 1, 2`,
  );
  const [run] = await db
    .select()
    .from(scoreRuns)
    .where(eq(scoreRuns.status, 'succeeded'))
    .orderBy(desc(scoreRuns.finishedAt))
    .limit(1);
  return {
    run: run
      ? {
          id: run.id,
          calibrationEnd: run.calibrationEnd,
          timeUnit: run.timeUnit,
          finishedAt: run.finishedAt?.toISOString() ?? null,
          customers: run.customers,
          repeatCustomers: run.repeatCustomers,
          params: run.params,
        }
      : null,
    scored: Number(cap?.n ?? 0),
    source: q.source ?? null,
    segments: RFM_SEGMENTS.map((segment) => {
      const row = segments.find((r) => r.segment === segment);
      return {
        segment,
        customers: Number(row?.n ?? 0),
        revenueSatang: Number(row?.revenue ?? 0),
        clv12mSatang: Number(row?.clv ?? 0),
      };
    }),
    grid: grid.map((g) => ({
      r: Number(g.r),
      f: Number(g.f),
      customers: Number(g.n),
      revenueSatang: Number(g.revenue),
    })),
    clvHistogram: Array.from({ length: CLV_BINS }, (_, i) => ({
      fromSatang: i * width,
      toSatang: i === CLV_BINS - 1 ? null : (i + 1) * width,
      customers: Number(bins.find((b) => Number(b.b) === i)?.n ?? 0),
    })),
    topCustomers: tops.map((t) => ({
      customerId: t.id,
      displayName: t.name,
      segment: t.segment,
      valueGrade: t.grade,
      clv12mSatang: Number(t.clv),
      pAlive: Number(t.p),
      totalSpendSatang: Number(t.total),
      purchasePeriods: Number(t.periods),
      lastPurchaseOn: t.last,
    })),
    pAliveMap: heat.map((h) => ({
      recency: Number(h.rb),
      frequency: Number(h.fb),
      customers: Number(h.n),
      meanPAlive: Number(h.p),
    })),
    recencyBands: [...RECENCY_BANDS],
    frequencyBands: [...FREQUENCY_BANDS],
  };
}

/**
 * Keeps the scored customers who bought through `source`: a counted order from it on or
 * before the run's calibration end (business time zone), the orders the scores were made of.
 */
async function boughtThrough(db: DbOrTx, source: string) {
  const { timeZone: tz } = await getSettings(db);
  return sql`and exists (select 1 from orders o where o.customer_id = s.customer_id and o.source = ${source}
    and o.status in ('paid', 'fulfilled', 'partially_refunded')
    and o.ordered_at < ((sr.calibration_end + 1)::timestamp at time zone ${tz}))`;
}
