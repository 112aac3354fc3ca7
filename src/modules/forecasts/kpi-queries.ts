import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { customers } from '../customers/index.ts';
import { deals, pipelineStages, pipelines } from '../deals/index.ts';
import { orders } from '../orders/index.ts';
import { num, within } from './period-sql.ts';
import type { SalesScope } from './sales-scope.ts';

/** Statuses whose money counts as revenue, as in the analytics module's summaries. */
export const PAID_STATUSES = ['paid', 'fulfilled', 'partially_refunded'];

export interface Range {
  /** First day (inclusive) and the day after the last (exclusive), business days. */
  from: string;
  end: string;
  tz: string;
  currency: string;
}

const days = (a: unknown, b: unknown) => sql`extract(epoch from (${a} - ${b})) / 86400.0`;

/** Won and lost in the range, close rate's parts, average won size and sales cycle: one query. */
export async function closedFigures(db: DbOrTx, scope: SalesScope, r: Range) {
  const won = sql`${deals.status} = 'won' and ${within(deals.wonAt, r.from, r.end, r.tz)}`;
  const lost = sql`${deals.status} = 'lost' and ${within(deals.lostAt, r.from, r.end, r.tz)}`;
  const cycle = days(deals.wonAt, deals.createdAt);
  const [row] = await db
    .select({
      wonCount: sql`count(*) filter (where ${won})`,
      wonSatang: sql`coalesce(sum(${deals.valueSatang}) filter (where ${won}), 0)`,
      lostCount: sql`count(*) filter (where ${lost})`,
      lostSatang: sql`coalesce(sum(${deals.valueSatang}) filter (where ${lost}), 0)`,
      cycleMean: sql`avg(${cycle}) filter (where ${won})`,
      cycleMedian: sql`percentile_cont(0.5) within group (order by ${cycle}) filter (where ${won})`,
    })
    .from(deals)
    .where(and(eq(deals.currency, r.currency), scope.deals, sql`((${won}) or (${lost}))`));
  const wonCount = num(row?.wonCount);
  const oneDecimal = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
  return {
    wonCount,
    wonSatang: num(row?.wonSatang),
    lostCount: num(row?.lostCount),
    lostSatang: num(row?.lostSatang),
    cycleDaysMean: oneDecimal(row?.cycleMean),
    cycleDaysMedian: oneDecimal(row?.cycleMedian),
  };
}

/** Lost deals in the range by reason, most first. */
export async function lostReasons(db: DbOrTx, scope: SalesScope, r: Range) {
  const reason = sql<string>`coalesce(nullif(trim(${deals.lostReason}), ''), '—')`;
  const rows = await db
    .select({ reason, count: sql`count(*)`, value: sql`coalesce(sum(${deals.valueSatang}), 0)` })
    .from(deals)
    .where(
      and(
        eq(deals.currency, r.currency),
        scope.deals,
        eq(deals.status, 'lost'),
        within(deals.lostAt, r.from, r.end, r.tz),
      ),
    )
    .groupBy(reason)
    .orderBy(desc(sql`count(*)`), asc(reason));
  return rows.map((x) => ({ reason: x.reason, count: num(x.count), valueSatang: num(x.value) }));
}

/** Deals created in the range. */
export async function dealsCreated(db: DbOrTx, scope: SalesScope, r: Range): Promise<number> {
  const [row] = await db
    .select({ n: sql`count(*)` })
    .from(deals)
    .where(and(scope.deals, within(deals.createdAt, r.from, r.end, r.tz)));
  return num(row?.n);
}

/** Paid orders (net of refunds) of customers in scope, per business month of the range. */
export async function revenueByMonth(db: DbOrTx, scope: SalesScope, r: Range) {
  const month = sql<string>`to_char(${orders.orderedAt} at time zone ${r.tz}, 'YYYY-MM')`;
  const rows = await db
    .select({
      month,
      revenue: sql`coalesce(sum(${orders.totalSatang} - ${orders.refundedSatang}), 0)`,
      n: sql`count(*)`,
    })
    .from(orders)
    .where(
      and(
        eq(orders.currency, r.currency),
        inArray(orders.status, PAID_STATUSES),
        within(orders.orderedAt, r.from, r.end, r.tz),
        scope.customers
          ? inArray(orders.customerId, db.select({ id: customers.id }).from(customers).where(scope.customers))
          : undefined,
      ),
    )
    // By position: the time zone is a parameter, so the expression would not match the select's.
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return rows.map((x) => ({ month: x.month, revenueSatang: num(x.revenue), orders: num(x.n) }));
}

/** Open deals now, per stage of every active pipeline (or one), with value and weighted value. */
export async function pipelineByStage(db: DbOrTx, scope: SalesScope, currency: string, pipelineId?: string) {
  const rows = await db
    .select({
      pipelineId: pipelines.id,
      pipelineNameTh: pipelines.nameTh,
      pipelineNameEn: pipelines.nameEn,
      stageId: pipelineStages.id,
      nameTh: pipelineStages.nameTh,
      nameEn: pipelineStages.nameEn,
      position: pipelineStages.position,
      probability: pipelineStages.probability,
      count: sql`count(${deals.id})`,
      value: sql`coalesce(sum(${deals.valueSatang}), 0)`,
      weighted: sql`coalesce(sum(round(${deals.valueSatang} * ${pipelineStages.probability} / 100.0)), 0)`,
    })
    .from(pipelineStages)
    .innerJoin(pipelines, eq(pipelines.id, pipelineStages.pipelineId))
    .leftJoin(
      deals,
      and(eq(deals.stageId, pipelineStages.id), eq(deals.status, 'open'), eq(deals.currency, currency), scope.deals),
    )
    .where(
      and(eq(pipelineStages.kind, 'open'), pipelineId ? eq(pipelines.id, pipelineId) : eq(pipelines.archived, false)),
    )
    .groupBy(pipelines.id, pipelineStages.id)
    .orderBy(asc(pipelines.position), asc(pipelines.createdAt), asc(pipelineStages.position));
  return rows.map((x) => ({
    pipelineId: x.pipelineId,
    pipelineNameTh: x.pipelineNameTh,
    pipelineNameEn: x.pipelineNameEn,
    stageId: x.stageId,
    nameTh: x.nameTh,
    nameEn: x.nameEn,
    position: x.position,
    probability: x.probability,
    count: num(x.count),
    valueSatang: num(x.value),
    weightedSatang: num(x.weighted),
  }));
}
