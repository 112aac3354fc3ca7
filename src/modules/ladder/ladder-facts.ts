import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { activities } from '../activities/index.ts';
import { customers } from '../customers/index.ts';
import { rowsOf, uuidArray } from './sql-helpers.ts';

export interface LadderFacts {
  purchases: number;
  referrals: number;
}

/**
 * One source of ladder facts: a query of (customer_id, purchases, referrals) rows for the
 * customers in `ids` (an SQL uuid[]). Sources are summed per customer.
 *
 * THE SEAM for later modules: when orders, referrals or reviews arrive, add their source
 * here (e.g. the orders module's count of paid orders as purchases) and the rules, the
 * nightly recompute and the counts pick them up. Each source must be one set-based query
 * that uses an index on customer_id, so a 5,000-customer batch stays fast.
 */
export type FactSource = (ids: SQL) => SQL;

/** Orders whose latest timeline entry has one of these statuses are not purchases (yet, or any more). */
const NOT_PURCHASES = sql`('pending', 'cancelled', 'canceled', 'refunded', 'void')`;

export const FACT_SOURCES: readonly FactSource[] = [
  // Until the orders module feeds this seam, purchases are the timeline's 'order' entries:
  // one per order (entries of one order share ref_type/ref_id: created, paid, refunded…),
  // counted when its latest entry is not pending, cancelled or refunded. Entries without a
  // reference (logged or imported by hand) are one purchase each.
  (ids) => sql`select customer_id, count(*)::int as purchases, 0 as referrals
                 from (select distinct on (${activities.customerId}, order_key)
                              ${activities.customerId} as customer_id, coalesce(${activities.data} ->> 'status', '') as status
                         from ${activities},
                              lateral (select coalesce(${activities.refType} || ':' || ${activities.refId}, ${activities.id}::text) as order_key) k
                        where ${activities.customerId} = any(${ids}) and ${activities.kind} = 'order'
                        order by ${activities.customerId}, order_key, ${activities.occurredAt} desc, ${activities.createdAt} desc) o
                where status not in ${NOT_PURCHASES}
                group by customer_id`,
  // Referrals: active customers who name this one as their referrer (as countReferrals counts).
  (ids) => sql`select ${customers.referredById} as customer_id, 0 as purchases, count(*)::int as referrals
                 from ${customers}
                where ${customers.referredById} = any(${ids}) and ${customers.status} = 'active'
                group by ${customers.referredById}`,
];

/** All sources for `ids`, as one subquery of (customer_id, purchases, referrals) summed. */
export function factsSubquery(ids: SQL): SQL {
  const union = sql.join(
    FACT_SOURCES.map((source) => sql`(${source(ids)})`),
    sql` union all `,
  );
  return sql`(select customer_id, sum(purchases)::int as purchases, sum(referrals)::int as referrals
                from (${union}) s group by customer_id)`;
}

/** The facts of these customers (zero when a source knows nothing of them). */
export async function ladderFacts(db: DbOrTx, customerIds: readonly string[]): Promise<Map<string, LadderFacts>> {
  const facts = new Map<string, LadderFacts>(customerIds.map((id) => [id, { purchases: 0, referrals: 0 }]));
  if (customerIds.length === 0) return facts;
  const rows = await rowsOf<{ customer_id: string; purchases: number; referrals: number }>(
    db,
    sql`select customer_id::text as customer_id, purchases, referrals from ${factsSubquery(uuidArray(customerIds))} f`,
  );
  for (const r of rows) facts.set(r.customer_id, { purchases: Number(r.purchases), referrals: Number(r.referrals) });
  return facts;
}
