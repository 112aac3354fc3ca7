import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { authorize, scopeFor } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { visibleCustomer } from '../customers/index.ts';
import { ORDER_SOURCES } from '../orders/index.ts';
import { addDays, type Period, parsePeriod } from './period-input.ts';
import { shareOfWallet, WALLET_FIELD } from './share-of-wallet.ts';

export const kpiQuerySchema = z.object({
  from: z
    .string()
    .openapi({ param: { name: 'from', in: 'query' }, example: '2026-10-01', description: 'First day, YYYY-MM-DD' }),
  to: z.string().openapi({
    param: { name: 'to', in: 'query' },
    example: '2026-10-31',
    description: 'Last day, YYYY-MM-DD (inclusive)',
  }),
  source: z
    .enum(ORDER_SOURCES)
    .optional()
    .openapi({ param: { name: 'source', in: 'query' }, description: 'Only orders from this source' }),
});
export type KpiQuery = z.infer<typeof kpiQuerySchema>;

const ratio = z.number().nullable().openapi({ description: '0–1; null when there is nothing to divide by' });
const figures = z.object({
  from: z.string(),
  to: z.string(),
  customers: z.number().int().openapi({ description: 'Customers with a counted order in the period' }),
  orders: z.number().int(),
  revenueSatang: z.number().int().openapi({ description: 'Net of refunds' }),
  newCustomers: z.number().int().openapi({ description: 'Customers whose first counted order ever is in the period' }),
  newRevenueSatang: z.number().int(),
  returningRevenueSatang: z.number().int(),
  repeatPurchaseRate: ratio.openapi({
    description: 'Share of the period’s customers who bought on two or more days in it',
  }),
  churnRate: ratio.openapi({
    description: 'Share of the previous period’s customers who bought nothing in this one',
  }),
  averageOrderValueSatang: z.number().int().nullable(),
  purchaseFrequency: z.number().nullable().openapi({ description: 'Orders per customer' }),
  revenuePerCustomerSatang: z.number().int().nullable(),
  shareOfWallet: ratio.openapi({
    description: `Revenue ÷ category spend, over customers whose custom field ${WALLET_FIELD} is known`,
  }),
  walletCustomers: z.number().int(),
  marketingSpendSatang: z.number().int().nullable(),
  cacSatang: z
    .number()
    .int()
    .nullable()
    .openapi({ description: 'Marketing spend of the period’s months ÷ new customers' }),
});
export type KpiFigures = z.infer<typeof figures>;

export const kpisSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    source: z.enum(ORDER_SOURCES).nullable(),
    businessCurrency: z.string(),
    currencies: z.array(z.object({ currency: z.string(), current: figures, previous: figures })),
  })
  .openapi('Kpis');
export type Kpis = z.infer<typeof kpisSchema>;

interface Row {
  period: 'current' | 'previous';
  currency: string;
  customers: number;
  orders: number;
  revenue: string | number;
  repeaters: number;
  new_customers: number;
  new_revenue: string | number | null;
  churned: number;
  earlier: number;
}

const div = (a: number, b: number) => (b > 0 ? a / b : null);
const money = (v: number | null) => (v === null ? null : Math.round(v));

/**
 * Key figures of a period and of the previous period of the same length, per order currency
 * (amounts of different currencies are never added). Customers the caller may see; with
 * `source`, only orders from that source. CAC only for whole-book callers without a source
 * filter, because spend is entered for the whole business.
 */
export async function getKpis(db: DbOrTx, actor: Actor, q: KpiQuery): Promise<Kpis> {
  authorize(actor.principal, 'analytics', 'read');
  const { current, previous } = parsePeriod(q.from, q.to);
  const before: Period = {
    from: addDays(previous.from, -current.days),
    to: addDays(previous.from, -1),
    days: current.days,
  };
  const { timeZone: tz, currency: businessCurrency } = await getSettings(db);
  const source = q.source ? sql`and orders.source = ${q.source}` : sql``;
  const rows = await rowsOf<Row>(
    db,
    sql`with o as (
          select orders.customer_id, orders.currency, (orders.ordered_at at time zone ${tz})::date as day,
                 orders.total_satang - orders.refunded_satang as net
          from orders join customers on customers.id = orders.customer_id
          where orders.status in ('paid', 'fulfilled', 'partially_refunded') ${source}
            and orders.ordered_at < ((${current.to}::date + 1)::timestamp at time zone ${tz})
            and ${visibleCustomer(actor, sql`customers.status = 'active'`) ?? sql`false`}
        ), firsts as (
          select customer_id, currency, min(day) as first_day from o group by 1, 2
        ), pc as (
          select case when day >= ${current.from}::date then 'current'
                      when day >= ${previous.from}::date then 'previous' else 'before' end as period,
                 customer_id, currency, count(*) as orders, count(distinct day) as days, sum(net) as revenue
          from o where day >= ${before.from}::date
          group by 1, 2, 3
        ), periods(period, earlier, starts) as (
          values ('current', 'previous', ${current.from}::date), ('previous', 'before', ${previous.from}::date)
        ), bought as (
          select p.period, pc.currency, count(*)::int as customers, sum(pc.orders)::int as orders,
                 sum(pc.revenue)::bigint as revenue, count(*) filter (where pc.days >= 2)::int as repeaters,
                 count(*) filter (where f.first_day >= p.starts)::int as new_customers,
                 sum(pc.revenue) filter (where f.first_day >= p.starts)::bigint as new_revenue
          from periods p
          join pc on pc.period = p.period
          join firsts f on f.customer_id = pc.customer_id and f.currency = pc.currency
          group by 1, 2
        ), lapsed as (
          select p.period, e.currency, count(*)::int as earlier, count(*) filter (where n.customer_id is null)::int as churned
          from periods p
          join pc e on e.period = p.earlier
          left join pc n on n.period = p.period and n.customer_id = e.customer_id and n.currency = e.currency
          group by 1, 2
        )
        select coalesce(b.period, l.period) as period, coalesce(b.currency, l.currency) as currency,
               coalesce(b.customers, 0) as customers, coalesce(b.orders, 0) as orders, coalesce(b.revenue, 0) as revenue,
               coalesce(b.repeaters, 0) as repeaters, coalesce(b.new_customers, 0) as new_customers,
               coalesce(b.new_revenue, 0) as new_revenue, coalesce(l.churned, 0) as churned, coalesce(l.earlier, 0) as earlier
        from bought b full join lapsed l on l.period = b.period and l.currency = b.currency
        order by 2, 1`,
  );
  const wholeBook =
    scopeFor(actor.principal, 'analytics') === 'all' && scopeFor(actor.principal, 'customers') === 'all';
  const withSpend = wholeBook && !q.source;
  const spend = withSpend ? await spendByMonth(db, previous.from, current.to) : [];
  const wallet = await shareOfWallet(db, actor, { tz, currency: businessCurrency, source: q.source }, [
    current,
    previous,
  ]);
  const currencies = [...new Set([businessCurrency, ...rows.map((r) => r.currency)])];
  const build = (currency: string, period: Period, name: 'current' | 'previous'): KpiFigures => {
    const r = rows.find((x) => x.currency === currency && x.period === name);
    const customers = Number(r?.customers ?? 0);
    const orders = Number(r?.orders ?? 0);
    const revenue = Number(r?.revenue ?? 0);
    const newCustomers = Number(r?.new_customers ?? 0);
    const newRevenue = Number(r?.new_revenue ?? 0);
    const entries = spend.filter(
      (s) => s.currency === currency && s.month >= `${period.from.slice(0, 7)}-01` && s.month <= period.to,
    );
    // No entry for the period's months: the spend is unknown, not zero.
    const spent = withSpend && entries.length ? entries.reduce((sum, s) => sum + Number(s.amount), 0) : null;
    const w = currency === businessCurrency ? wallet[name] : undefined;
    return {
      from: period.from,
      to: period.to,
      customers,
      orders,
      revenueSatang: revenue,
      newCustomers,
      newRevenueSatang: newRevenue,
      returningRevenueSatang: revenue - newRevenue,
      repeatPurchaseRate: div(Number(r?.repeaters ?? 0), customers),
      churnRate: div(Number(r?.churned ?? 0), Number(r?.earlier ?? 0)),
      averageOrderValueSatang: money(div(revenue, orders)),
      purchaseFrequency: div(orders, customers),
      revenuePerCustomerSatang: money(div(revenue, customers)),
      shareOfWallet: w ? div(w.revenue, w.categorySpend) : null,
      walletCustomers: w?.customers ?? 0,
      marketingSpendSatang: spent,
      cacSatang: spent === null ? null : money(div(spent, newCustomers)),
    };
  };
  return {
    from: current.from,
    to: current.to,
    source: q.source ?? null,
    businessCurrency,
    currencies: currencies.map((currency) => ({
      currency,
      current: build(currency, current, 'current'),
      previous: build(currency, previous, 'previous'),
    })),
  };
}

async function spendByMonth(db: DbOrTx, from: string, to: string) {
  return rowsOf<{ month: string; currency: string; amount: string | number }>(
    db,
    sql`select to_char(month, 'YYYY-MM-DD') as month, currency, sum(amount_satang)::bigint as amount
        from marketing_spend where month between date_trunc('month', ${from}::date)::date and ${to}::date
        group by 1, 2`,
  );
}
