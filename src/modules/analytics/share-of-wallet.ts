import { sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { visibleCustomer } from '../customers/index.ts';
import type { Period } from './period-input.ts';

/**
 * The customer custom field holding what a customer spends per month on the shop's kind of
 * goods, everywhere (in satang of the business currency, e.g. asked in a survey). Share of
 * wallet exists only for customers where it is known.
 */
export const WALLET_FIELD = 'category_spend_monthly_satang';
const DAYS_PER_MONTH = 365.25 / 12;

export interface Wallet {
  customers: number;
  revenue: number;
  categorySpend: number;
}

/**
 * Per period: over visible customers whose monthly category spend is known (a positive
 * number), their net revenue with the shop in the period (business currency) and their
 * category spend over the period's length (monthly figure × days ÷ 30.44).
 */
export async function shareOfWallet(
  db: DbOrTx,
  actor: Actor,
  o: { tz: string; currency: string; source?: string },
  [current, previous]: [Period, Period],
): Promise<{ current: Wallet; previous: Wallet }> {
  const source = o.source ? sql`and orders.source = ${o.source}` : sql``;
  const [row] = await rowsOf<{ n: number; monthly: string | number; cur: string | number; prev: string | number }>(
    db,
    sql`with w as (
          select customers.id, (customers.custom_fields ->> ${WALLET_FIELD})::numeric as monthly
          from customers
          where customers.custom_fields ->> ${WALLET_FIELD} ~ '^[0-9]+(\\.[0-9]+)?$'
            and (customers.custom_fields ->> ${WALLET_FIELD})::numeric > 0
            and ${visibleCustomer(actor, sql`customers.status = 'active'`) ?? sql`false`}
        ), s as (
          select orders.customer_id, (orders.ordered_at at time zone ${o.tz})::date as day,
                 orders.total_satang - orders.refunded_satang as net
          from orders join w on w.id = orders.customer_id
          where orders.status in ('paid', 'fulfilled', 'partially_refunded') and orders.currency = ${o.currency} ${source}
            and orders.ordered_at >= (${previous.from}::date::timestamp at time zone ${o.tz})
            and orders.ordered_at < ((${current.to}::date + 1)::timestamp at time zone ${o.tz})
        )
        select (select count(*) from w)::int as n, (select coalesce(sum(monthly), 0) from w) as monthly,
               coalesce(sum(net) filter (where day >= ${current.from}::date), 0)::bigint as cur,
               coalesce(sum(net) filter (where day < ${current.from}::date), 0)::bigint as prev
        from s`,
  );
  const n = Number(row?.n ?? 0);
  const monthly = Number(row?.monthly ?? 0);
  return {
    current: { customers: n, revenue: Number(row?.cur ?? 0), categorySpend: (monthly * current.days) / DAYS_PER_MONTH },
    previous: {
      customers: n,
      revenue: Number(row?.prev ?? 0),
      categorySpend: (monthly * previous.days) / DAYS_PER_MONTH,
    },
  };
}
