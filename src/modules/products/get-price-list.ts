import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { authorizeCatalogueRead } from './catalogue-access.ts';
import { type PriceListView, toPriceListView } from './price-list-input.ts';
import { priceListItemsOf } from './price-list-items.ts';
import { priceLists } from './schema.ts';

export async function getPriceList(db: DbOrTx, actor: Actor, id: string): Promise<PriceListView> {
  authorizeCatalogueRead(actor.principal);
  const [row] = await db.select().from(priceLists).where(eq(priceLists.id, id));
  if (!row) throw new AppError('not_found');
  return toPriceListView(row, await priceListItemsOf(db, id));
}
