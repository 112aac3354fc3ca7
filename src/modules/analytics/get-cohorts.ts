import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { visibleCustomer } from '../customers/index.ts';
import { ORDER_SOURCES } from '../orders/index.ts';
import { businessToday } from './fit-input.ts';
import { MAX_COHORT_MONTHS, monthsBetween, parseMonth } from './period-input.ts';

export const cohortQuerySchema = z.object({
  from: z
    .string()
    .optional()
    .openapi({
      param: { name: 'from', in: 'query' },
      example: '2026-01',
      description: 'First cohort month, YYYY-MM (default 11 months before to)',
    }),
  to: z
    .string()
    .optional()
    .openapi({
      param: { name: 'to', in: 'query' },
      example: '2026-12',
      description: 'Last cohort month, YYYY-MM (default this month)',
    }),
  source: z
    .enum(ORDER_SOURCES)
    .optional()
    .openapi({ param: { name: 'source', in: 'query' }, description: 'Only orders from this source' }),
});
export type CohortQuery = z.infer<typeof cohortQuerySchema>;

export const cohortsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    source: z.enum(ORDER_SOURCES).nullable(),
    currency: z.string().openapi({ description: 'Revenue is of orders in this currency only' }),
    cohorts: z.array(
      z.object({
        cohort: z.string().openapi({ example: '2026-01' }),
        customers: z.number().int().openapi({ description: 'Customers whose first counted order fell in the month' }),
        cells: z.array(
          z.object({
            monthsSince: z.number().int(),
            customers: z.number().int().openapi({ description: 'Of the cohort, customers who bought in that month' }),
            retention: z.number().openapi({ description: 'customers / cohort size, 0–1' }),
            revenueSatang: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .openapi('Cohorts');
export type Cohorts = z.infer<typeof cohortsSchema>;

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const shiftMonths = (month: string, n: number) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 10);
};

/**
 * Monthly acquisition cohorts: customers grouped by the month (business time zone) of their
 * first counted order (paid, fulfilled or partly refunded; with `source`, their first order
 * from that source), and for each later month how many of them bought again and for how much
 * (net of refunds, orders in the business currency). One SQL query; only customers the caller
 * may see.
 */
export async function getCohorts(db: DbOrTx, actor: Actor, q: CohortQuery): Promise<Cohorts> {
  authorize(actor.principal, 'analytics', 'read');
  const { timeZone: tz, currency } = await getSettings(db);
  const to = q.to === undefined ? monthOf(businessToday(tz)) : parseMonth(q.to);
  const from = q.from === undefined ? shiftMonths(to, -11) : parseMonth(q.from);
  const span = monthsBetween(from, to) + 1;
  const show = (m: string) => m.slice(0, 7);
  if (span < 1)
    throw new AppError('analytics_bad_period', {
      from: show(from),
      to: show(to),
      reason: 'from is after to.',
      reasonTh: 'เดือนเริ่มอยู่หลังเดือนสิ้นสุด',
    });
  if (span > MAX_COHORT_MONTHS)
    throw new AppError('analytics_bad_period', {
      from: show(from),
      to: show(to),
      reason: `at most ${MAX_COHORT_MONTHS} cohorts.`,
      reasonTh: `ได้ไม่เกิน ${MAX_COHORT_MONTHS} เดือน`,
    });
  const source = q.source ? sql`and orders.source = ${q.source}` : sql``;
  const rows = await rowsOf<{ cohort: string; k: number; n: number; revenue: string | number }>(
    db,
    sql`with o as (
          select orders.customer_id, date_trunc('month', orders.ordered_at at time zone ${tz})::date as month,
                 case when orders.currency = ${currency} then orders.total_satang - orders.refunded_satang else 0 end as net
          from orders join customers on customers.id = orders.customer_id
          where orders.status in ('paid', 'fulfilled', 'partially_refunded') ${source}
            and ${visibleCustomer(actor, sql`customers.status = 'active'`) ?? sql`false`}
        ), f as (
          select customer_id, min(month) as cohort from o group by customer_id
        )
        select to_char(f.cohort, 'YYYY-MM') as cohort,
               ((extract(year from o.month) - extract(year from f.cohort)) * 12
                 + extract(month from o.month) - extract(month from f.cohort))::int as k,
               count(distinct o.customer_id)::int as n, sum(o.net)::bigint as revenue
        from o join f on f.customer_id = o.customer_id
        where f.cohort between ${from}::date and ${to}::date
        group by 1, 2 order by 1, 2`,
  );
  const cohorts: Cohorts['cohorts'] = [];
  for (const r of rows) {
    let c = cohorts[cohorts.length - 1];
    if (!c || c.cohort !== r.cohort) {
      c = { cohort: r.cohort, customers: Number(r.n), cells: [] };
      cohorts.push(c);
    }
    const n = Number(r.n);
    c.cells.push({
      monthsSince: Number(r.k),
      customers: n,
      retention: c.customers ? n / c.customers : 0,
      revenueSatang: Number(r.revenue),
    });
  }
  return { from: show(from), to: show(to), source: q.source ?? null, currency, cohorts };
}
