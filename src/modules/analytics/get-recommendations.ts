import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { getCustomer } from '../customers/index.ts';
import { DEFAULT_LIMIT, measuresOf, pairsFrom, productRefSchema } from './product-associations.ts';

export const recommendationsSchema = z
  .object({
    customerId: z.string().uuid(),
    basis: z.enum(['purchases', 'best_sellers']).openapi({
      description: 'purchases: from what the customer bought; best_sellers: the customer has no product purchases yet',
    }),
    items: z.array(
      productRefSchema.extend({
        score: z
          .number()
          .openapi({ description: 'Sum of lift × confidence over the customer’s products (0 for best sellers)' }),
        reason: z.discriminatedUnion('kind', [
          z.object({
            kind: z.literal('bought_with'),
            product: productRefSchema,
            confidence: z.number(),
            lift: z.number(),
          }),
          z.object({ kind: z.literal('best_seller'), customers: z.number().int() }),
        ]),
      }),
    ),
  })
  .openapi('Recommendations');
export type Recommendations = z.infer<typeof recommendationsSchema>;
type Item = Recommendations['items'][number];

const COUNTED = sql.raw(`('paid', 'fulfilled', 'partially_refunded')`);

/**
 * Next-best products for a customer: products bought by customers who bought the same things,
 * scored by the sum of lift × confidence over the customer's own products, leaving out what
 * they already bought; each with the product that most recommends it ("bought with X").
 * Without purchases (or too few matches) best sellers fill the list, said so. A customer the
 * caller may not see is not found.
 */
export async function getRecommendations(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  limit = DEFAULT_LIMIT,
): Promise<Recommendations> {
  authorize(actor.principal, 'analytics', 'read');
  await getCustomer(db, actor, customerId);
  const mine = sql`select distinct l.product_id from order_lines l join orders o on o.id = l.order_id
                   where o.customer_id = ${customerId}::uuid and o.status in ${COUNTED} and l.product_id is not null`;
  const owned = await rowsOf<{ id: string; sku: string; name_th: string; name_en: string | null }>(
    db,
    sql`select p.id::text, p.sku, p.name_th, p.name_en from products p where p.id in (${mine})`,
  );
  const byId = new Map(owned.map((p) => [p.id, { productId: p.id, sku: p.sku, nameTh: p.name_th, nameEn: p.name_en }]));
  const scored = new Map<string, Item>();
  if (owned.length) {
    for (const r of await pairsFrom(db, sql`select product_id as x from (${mine}) m`, mine)) {
      const m = measuresOf(r);
      const weight = m.lift * m.confidence;
      const seen = scored.get(r.y);
      const because = byId.get(r.x);
      if (!because) continue;
      if (!seen) {
        scored.set(r.y, {
          productId: r.y,
          sku: r.sku,
          nameTh: r.name_th,
          nameEn: r.name_en,
          score: weight,
          reason: { kind: 'bought_with', product: because, confidence: m.confidence, lift: m.lift },
        });
      } else {
        const best = seen.reason.kind === 'bought_with' ? seen.reason.lift * seen.reason.confidence : 0;
        seen.score += weight;
        if (weight > best)
          seen.reason = { kind: 'bought_with', product: because, confidence: m.confidence, lift: m.lift };
      }
    }
  }
  const items = [...scored.values()].sort((a, b) => b.score - a.score || a.sku.localeCompare(b.sku)).slice(0, limit);
  if (items.length < limit) {
    const taken = new Set([...items.map((i) => i.productId), ...byId.keys()]);
    for (const b of await bestSellers(db, limit + taken.size)) {
      if (items.length >= limit) break;
      if (taken.has(b.id)) continue;
      items.push({
        productId: b.id,
        sku: b.sku,
        nameTh: b.name_th,
        nameEn: b.name_en,
        score: 0,
        reason: { kind: 'best_seller', customers: Number(b.customers) },
      });
    }
  }
  return { customerId, basis: owned.length ? 'purchases' : 'best_sellers', items };
}

/** Active products bought by the most customers. */
async function bestSellers(db: DbOrTx, n: number) {
  return rowsOf<{ id: string; sku: string; name_th: string; name_en: string | null; customers: number }>(
    db,
    sql`select p.id::text, p.sku, p.name_th, p.name_en, t.customers
        from (select l.product_id, count(distinct o.customer_id)::int as customers
              from order_lines l join orders o on o.id = l.order_id
              where o.status in ${COUNTED} and l.product_id is not null
              group by 1 order by 2 desc limit ${n}) t
        join products p on p.id = t.product_id and p.active
        order by t.customers desc, p.sku`,
  );
}
