import { z } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import { authorize } from '../../core/auth/authorize.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { products } from '../products/index.ts';
import { DEFAULT_LIMIT, MIN_PAIR_CUSTOMERS, measuresOf, pairsFrom, productRefSchema } from './product-associations.ts';

export const alsoBoughtSchema = z
  .object({
    product: productRefSchema,
    minCustomers: z.number().int().openapi({ description: 'Customers a pair needs before it is shown' }),
    items: z.array(
      productRefSchema.extend({
        customers: z.number().int().openapi({ description: 'Customers who bought both' }),
        support: z.number(),
        confidence: z
          .number()
          .openapi({ description: 'Of the customers who bought the product, the share who bought this one' }),
        lift: z
          .number()
          .openapi({ description: 'How many times more likely than for any customer; above 1 means bought together' }),
      }),
    ),
  })
  .openapi('AlsoBought');
export type AlsoBought = z.infer<typeof alsoBoughtSchema>;

/**
 * "Customers who bought X also bought Y": the products most often bought by the same
 * customers as X, strongest lift first (ties: confidence). Aggregates over every customer,
 * no customer named: anyone with analytics read may see them.
 */
export async function getAlsoBought(
  db: DbOrTx,
  actor: Actor,
  productId: string,
  limit = DEFAULT_LIMIT,
): Promise<AlsoBought> {
  authorize(actor.principal, 'analytics', 'read');
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  if (!product) throw new AppError('not_found');
  const rows = await pairsFrom(db, sql`select ${productId}::uuid as x`, sql`select ${productId}::uuid`);
  const items = rows
    .map((r) => ({ productId: r.y, sku: r.sku, nameTh: r.name_th, nameEn: r.name_en, ...measuresOf(r) }))
    .sort((a, b) => b.lift - a.lift || b.confidence - a.confidence || a.sku.localeCompare(b.sku))
    .slice(0, limit);
  return {
    product: { productId: product.id, sku: product.sku, nameTh: product.nameTh, nameEn: product.nameEn },
    minCustomers: MIN_PAIR_CUSTOMERS,
    items,
  };
}
