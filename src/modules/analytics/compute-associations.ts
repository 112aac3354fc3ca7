import { sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { baskets, MIN_PAIR_CUSTOMERS } from './product-associations.ts';

/**
 * Counts every product pair bought by the same customers (at least MIN_PAIR_CUSTOMERS) over
 * all counted orders and replaces the stored counts in one transaction. At 100k customers
 * and 1.9M order lines this is a batch job (see docs/BENCHMARKS.md), so it runs nightly;
 * reads use the stored counts once they exist.
 */
export async function computeAssociations(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`delete from product_associations`);
    await tx.execute(
      sql`insert into product_associations (product_id, other_product_id, customers, product_customers, other_customers,
            basket_customers, computed_at)
          with b as (${baskets(sql`true`)}),
          n as (select product_id, count(*)::int as n from b group by 1),
          total as (select count(distinct customer_id)::int as t from b),
          pairs as (
            select x.product_id as x, y.product_id as y, count(*)::int as both
            from b x join b y on y.customer_id = x.customer_id and y.product_id <> x.product_id
            group by 1, 2 having count(*) >= ${MIN_PAIR_CUSTOMERS}
          )
          select p.x, p.y, p.both, nx.n, ny.n, total.t, now()
          from pairs p join n nx on nx.product_id = p.x join n ny on ny.product_id = p.y cross join total`,
    );
    const [row] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from product_associations`);
    return Number(row?.n ?? 0);
  });
}
