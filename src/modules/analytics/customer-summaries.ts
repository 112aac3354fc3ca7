import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import type { Summaries } from './clv/rfm-data.ts';

export const TIME_UNITS = ['week', 'day'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];
export const DAYS_PER_UNIT: Record<TimeUnit, number> = { week: 7, day: 1 };

/** Order statuses that count as a purchase; partly refunded ones count net of the refund. */
export const PURCHASE_STATUSES = ['paid', 'fulfilled', 'partially_refunded'] as const;

export interface SummaryOptions {
  /** Last day of the calibration period (YYYY-MM-DD, in the business time zone), inclusive. */
  calibrationEnd: string;
  timeUnit: TimeUnit;
  timeZone: string;
  /** Purchases within one day (the CLV literature's convention) or one week count as one. */
  collapse?: 'day' | 'week';
}

/**
 * Every buying customer's summary up to the calibration end, as parallel arrays (index i
 * is customer ids[i]): the model's x, t_x, T in the time unit and m (mean spend of the
 * repeat periods, in baht), and the plain facts behind RFM.
 */
export interface CustomerSummaries extends Summaries {
  ids: string[];
  /** Mean spend of the repeat periods in currency units (baht), 0 without repeats. */
  m: Float64Array;
  /** Purchase periods (x + 1). */
  periods: Float64Array;
  /** Orders counted (several in one period count once in `periods`). */
  orders: Float64Array;
  /** Net spend in satang over all periods. */
  totalSatang: Float64Array;
  /** Days from the first purchase to the calibration end. */
  ageDays: Float64Array;
  /** Days from the last purchase to the calibration end. */
  recencyDays: Float64Array;
}

const CHUNK = 50_000;

/**
 * Customers come back ordered by their summary, the id only breaking ties between equal
 * summaries. The models' sums then run in the same order whatever ids the customers got,
 * so a fit gives the same figures on the same orders every time (ordered by random ids, a
 * fit on thin data could stop at different points from one database to the next).
 */
const SUMMARY_ORDER = sql.raw('first, last, periods, total, repeat_spend, customer_id');

/**
 * One set-based query: counted orders per customer and period (net of refunds, in the
 * business time zone), then per customer. Rows come back packed as text, CHUNK customers
 * per row, so a million customers cost a few dozen rows instead of a million objects.
 */
export async function customerSummaries(db: DbOrTx, o: SummaryOptions): Promise<CustomerSummaries> {
  const tz = o.timeZone;
  const end = o.calibrationEnd;
  const period = o.collapse === 'week' ? sql`date_trunc('week', day::timestamp)::date` : sql`day`;
  const rows = await db.transaction(async (tx) => {
    // Sorting and grouping ~10M orders spill to disk with the default 4 MB; 256 MB (for this
    // query; inside a caller's transaction, until that ends) measured 38.6 s against 46.7 s at
    // 1M customers (docs/BENCHMARKS.md, issue 6).
    await tx.execute(sql`set local work_mem = '256MB'`);
    return rowsOf<{ packed: string }>(
      tx,
      sql`with o as (
          select customer_id, (ordered_at at time zone ${tz})::date as day, total_satang - refunded_satang as net
          from orders
          where status in ('paid', 'fulfilled', 'partially_refunded')
            and ordered_at < ((${end}::date + 1)::timestamp at time zone ${tz})
        ), p as (
          select customer_id, ${period} as period, sum(net) as spend, count(*) as n from o group by 1, 2
        ), f as (
          select p.*, min(period) over (partition by customer_id) as first from p
        ), c as (
          select customer_id, min(period) as first, max(period) as last, count(*) as periods, sum(spend) as total,
                 sum(n) as orders, coalesce(sum(spend) filter (where period > first), 0) as repeat_spend
          from f group by customer_id
        ), r as (
          select c.*, (row_number() over (order by ${SUMMARY_ORDER}) - 1) / ${CHUNK} as chunk
          from c join customers cu on cu.id = c.customer_id and cu.status = 'active'
        )
        select string_agg(concat_ws(',', customer_id, ${end}::date - first, last - first, periods, total, orders,
                 repeat_spend, ${end}::date - last), ';' order by ${SUMMARY_ORDER}) as packed
        from r group by chunk order by chunk`,
    );
  });
  let n = 0;
  const parts = rows.map((r) => {
    const items = r.packed.split(';');
    n += items.length;
    return items;
  });
  const unit = DAYS_PER_UNIT[o.timeUnit];
  const s: CustomerSummaries = {
    ids: new Array<string>(n),
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    m: new Float64Array(n),
    periods: new Float64Array(n),
    orders: new Float64Array(n),
    totalSatang: new Float64Array(n),
    ageDays: new Float64Array(n),
    recencyDays: new Float64Array(n),
  };
  let i = 0;
  for (const items of parts) {
    for (const item of items) {
      const f = item.split(',');
      const age = Number(f[1]);
      const periods = Number(f[3]);
      s.ids[i] = f[0] as string;
      s.ageDays[i] = age;
      s.T[i] = age / unit;
      s.tx[i] = Number(f[2]) / unit;
      s.periods[i] = periods;
      s.x[i] = periods - 1;
      s.totalSatang[i] = Number(f[4]);
      s.orders[i] = Number(f[5]);
      s.m[i] = periods > 1 ? Number(f[6]) / 100 / (periods - 1) : 0;
      s.recencyDays[i] = Number(f[7]);
      i++;
    }
  }
  return s;
}

/** The business day of the earliest counted order, or null when nothing was ever bought. */
export async function firstPurchaseDay(db: DbOrTx, timeZone: string): Promise<string | null> {
  const [row] = await rowsOf<{ day: string | null }>(
    db,
    sql`select to_char((min(ordered_at) at time zone ${timeZone})::date, 'YYYY-MM-DD') as day
        from orders where status in ('paid', 'fulfilled', 'partially_refunded')`,
  );
  return row?.day ?? null;
}
