import type { z } from '@hono/zod-openapi';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { products } from '../products/index.ts';
import type { dealProductInputSchema } from './deal-input.ts';
import { dealProducts } from './schema.ts';

export type DealProductInput = z.output<typeof dealProductInputSchema>;
export interface PricedProduct {
  productId: string;
  quantity: number;
  unitPriceSatang: number;
}

/** Products checked to exist, each priced (catalogue price unless negotiated). */
export async function priceDealProducts(tx: DbOrTx, items: DealProductInput[]): Promise<PricedProduct[]> {
  if (items.length === 0) return [];
  const found = await tx
    .select({ id: products.id, price: products.unitPriceSatang })
    .from(products)
    .where(
      inArray(
        products.id,
        items.map((i) => i.productId),
      ),
    );
  const priceOf = new Map(found.map((p) => [p.id, p.price]));
  return items.map((item, i) => {
    const price = priceOf.get(item.productId);
    if (price === undefined) throw new AppError('deal_unknown_product', { index: i + 1, productId: item.productId });
    return { productId: item.productId, quantity: item.quantity, unitPriceSatang: item.unitPriceSatang ?? price };
  });
}

export function productsTotal(items: PricedProduct[]): number {
  return items.reduce((sum, p) => sum + p.quantity * p.unitPriceSatang, 0);
}

/** Replaces a deal's products. */
export async function saveDealProducts(tx: DbOrTx, dealId: string, items: PricedProduct[]): Promise<void> {
  await tx.delete(dealProducts).where(eq(dealProducts.dealId, dealId));
  if (items.length) await tx.insert(dealProducts).values(items.map((p) => ({ ...p, dealId })));
}
