import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { validateInput } from '../customers/index.ts';
import { authorizeCatalogueChange } from './catalogue-access.ts';
import {
  type CreatePriceListInput,
  createPriceListSchema,
  type PriceListView,
  toPriceListView,
} from './price-list-input.ts';
import { priceListItemsOf, replacePriceListItems } from './price-list-items.ts';
import { priceLists } from './schema.ts';

/** A price list for a customer group (type and/or tag), with its prices, in one transaction. */
export async function createPriceList(db: DbOrTx, actor: Actor, raw: CreatePriceListInput): Promise<PriceListView> {
  authorizeCatalogueChange(actor.principal);
  const { items = [], ...fields } = validateInput(createPriceListSchema, raw);
  return db.transaction(async (tx) => {
    const currency = fields.currency ?? (await getSettings(tx)).currency;
    const [row] = await tx
      .insert(priceLists)
      .values({ ...fields, currency })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await replacePriceListItems(tx, row.id, currency, items);
    const view = toPriceListView(row, await priceListItemsOf(tx, row.id));
    await recordAudit(tx, actor, {
      entityType: 'price_list',
      entityId: row.id,
      action: 'create',
      after: { ...view, items: view.items.length },
    });
    return view;
  });
}
