import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { priceListItems, products } from './schema.ts';

type Item = { productId: string; minQuantity: number; unitPriceSatang: number };

/**
 * Replaces a price list's prices in the caller's transaction. Every product must exist and
 * be priced in the list's currency; one refused item refuses the whole change.
 */
export async function replacePriceListItems(
  tx: DbOrTx,
  listId: string,
  currency: string,
  items: Item[],
): Promise<void> {
  const ids = [...new Set(items.map((i) => i.productId))];
  const found = ids.length
    ? await tx
        .select({ id: products.id, sku: products.sku, currency: products.currency })
        .from(products)
        .where(inArray(products.id, ids))
    : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  for (const id of ids) {
    const p = byId.get(id);
    if (!p) throw new AppError('price_list_unknown_product', { productId: id });
    if (p.currency !== currency)
      throw new AppError('price_list_currency_mismatch', {
        sku: p.sku,
        productCurrency: p.currency,
        listCurrency: currency,
      });
  }
  await tx.delete(priceListItems).where(eq(priceListItems.priceListId, listId));
  if (items.length) await tx.insert(priceListItems).values(items.map((i) => ({ ...i, priceListId: listId })));
}

export async function priceListItemsOf(db: DbOrTx, listId: string) {
  return db
    .select()
    .from(priceListItems)
    .where(eq(priceListItems.priceListId, listId))
    .orderBy(asc(priceListItems.productId), asc(priceListItems.minQuantity));
}
