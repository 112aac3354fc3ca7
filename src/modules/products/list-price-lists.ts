import { asc, desc } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { authorizeCatalogueRead } from './catalogue-access.ts';
import { type PriceListView, toPriceListView } from './price-list-input.ts';
import { priceListItems, priceLists } from './schema.ts';

/** Every price list, highest priority first, with its prices. Lists are few; no paging. */
export async function listPriceLists(db: DbOrTx, actor: Actor): Promise<{ items: PriceListView[] }> {
  authorizeCatalogueRead(actor.principal);
  const lists = await db.select().from(priceLists).orderBy(desc(priceLists.priority), asc(priceLists.nameTh));
  const items = lists.length
    ? await db.select().from(priceListItems).orderBy(asc(priceListItems.productId), asc(priceListItems.minQuantity))
    : [];
  return {
    items: lists.map((l) =>
      toPriceListView(
        l,
        items.filter((i) => i.priceListId === l.id),
      ),
    ),
  };
}
