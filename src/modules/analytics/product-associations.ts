import { z } from '@hono/zod-openapi';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';

/**
 * Co-purchase over counted orders' product lines, with the customer as the basket: X and Y
 * are "bought together" when one customer bought both (in any of their counted orders).
 * support = customers with both ÷ customers with any product line; confidence(X→Y) = with
 * both ÷ with X; lift = confidence ÷ (share of customers with Y). A pair needs at least
 * MIN_PAIR_CUSTOMERS customers, so one odd basket recommends nothing.
 */
export const MIN_PAIR_CUSTOMERS = 2;
export const DEFAULT_LIMIT = 10;

export const limitQuery = z.coerce
  .number()
  .int()
  .min(1)
  .max(50)
  .optional()
  .openapi({ param: { name: 'limit', in: 'query' }, description: `How many (default ${DEFAULT_LIMIT}, at most 50)` });

export const productRefSchema = z.object({
  productId: z.string().uuid(),
  sku: z.string(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
});
export type ProductRef = z.infer<typeof productRefSchema>;

const COUNTED = sql.raw(`('paid', 'fulfilled', 'partially_refunded')`);

/** Distinct (customer, product) of counted orders whose product lines match `where`. */
export const baskets = (where: SQL) =>
  sql`select distinct o.customer_id, l.product_id from order_lines l join orders o on o.id = l.order_id
      where o.status in ${COUNTED} and l.product_id is not null and ${where}`;

/** Customers with at least one product line in a counted order (the denominator of support and lift). */
export const basketCustomers = sql`select count(distinct o.customer_id)::float8 as n from orders o
  where o.status in ${COUNTED} and exists (select 1 from order_lines l where l.order_id = o.id and l.product_id is not null)`;

export interface PairRow {
  x: string;
  y: string;
  both: number;
  nx: number;
  ny: number;
  total: number;
  sku: string;
  name_th: string;
  name_en: string | null;
}

/**
 * The pairs X→Y for X among `xs` (a query of product ids) and Y not in `exclude`, with the
 * counts behind support, confidence and lift, and Y's catalogue names (active products only):
 * from the nightly counts (product_associations) once they exist, otherwise counted now.
 */
export async function pairsFrom(db: DbOrTx, xs: SQL, exclude: SQL): Promise<PairRow[]> {
  const [stored] = await rowsOf<{ yes: boolean }>(db, sql`select exists (select 1 from product_associations) as yes`);
  if (stored?.yes) {
    return rowsOf<PairRow>(
      db,
      sql`select a.product_id::text as x, a.other_product_id::text as y, a.customers as both, a.product_customers as nx,
                 a.other_customers as ny, a.basket_customers as total, pr.sku, pr.name_th, pr.name_en
          from product_associations a join products pr on pr.id = a.other_product_id and pr.active
          where a.product_id in (select x from (${xs}) xs) and a.other_product_id not in (${exclude})`,
    );
  }
  return livePairs(db, xs, exclude);
}

/** The same pairs counted from the order lines now (before the first nightly count). */
export async function livePairs(db: DbOrTx, xs: SQL, exclude: SQL): Promise<PairRow[]> {
  return rowsOf<PairRow>(
    db,
    sql`with xs as (${xs}),
        holders as (${baskets(sql`l.product_id in (select x from xs)`)}),
        nx as (select product_id as x, count(*)::int as n from holders group by 1),
        pairs as (
          select h.product_id as x, l.product_id as y, count(distinct h.customer_id)::int as both
          from holders h
          join orders o on o.customer_id = h.customer_id and o.status in ${COUNTED}
          join order_lines l on l.order_id = o.id
          where l.product_id is not null and l.product_id not in (${exclude})
          group by 1, 2 having count(distinct h.customer_id) >= ${MIN_PAIR_CUSTOMERS}
        ),
        ny as (
          select product_id as y, count(*)::int as n
          from (${baskets(sql`l.product_id in (select distinct y from pairs)`)}) b group by 1
        ),
        total as (${basketCustomers})
        select p.x::text, p.y::text, p.both, nx.n as nx, ny.n as ny, total.n as total,
               pr.sku, pr.name_th, pr.name_en
        from pairs p join nx on nx.x = p.x join ny on ny.y = p.y cross join total
        join products pr on pr.id = p.y and pr.active`,
  );
}

export interface Measures {
  customers: number;
  support: number;
  confidence: number;
  lift: number;
}

export function measuresOf(r: PairRow): Measures {
  const both = Number(r.both);
  const total = Number(r.total);
  const confidence = both / Number(r.nx);
  return {
    customers: both,
    support: both / total,
    confidence,
    lift: confidence / (Number(r.ny) / total),
  };
}
