import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError, invalidField } from '../../core/errors/app-error.ts';
import { validateInput } from '../customers/index.ts';
import { authorizeCatalogueChange } from './catalogue-access.ts';
import {
  type PriceListView,
  toPriceListView,
  type UpdatePriceListInput,
  updatePriceListSchema,
} from './price-list-input.ts';
import { priceListItemsOf, replacePriceListItems } from './price-list-items.ts';
import { priceLists } from './schema.ts';

/** Changes a price list; `items`, when given, replaces all its prices. */
export async function updatePriceList(
  db: DbOrTx,
  actor: Actor,
  id: string,
  raw: UpdatePriceListInput,
): Promise<PriceListView> {
  authorizeCatalogueChange(actor.principal);
  const { items, ...fields } = validateInput(updatePriceListSchema, raw);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(priceLists).where(eq(priceLists.id, id)).for('update');
    if (!before) throw new AppError('not_found');
    const currency = fields.currency ?? before.currency;
    const validFrom = fields.validFrom === undefined ? before.validFrom : fields.validFrom;
    const validTo = fields.validTo === undefined ? before.validTo : fields.validTo;
    if (validFrom && validTo && validTo < validFrom)
      throw invalidField('validTo', 'must not be before validFrom', 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น');
    const beforeItems = await priceListItemsOf(tx, id);
    const [row] = await tx
      .update(priceLists)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(priceLists.id, id))
      .returning();
    if (!row) throw new AppError('not_found');
    // A new currency must hold for the prices kept as well as for new ones.
    if (items !== undefined || currency !== before.currency)
      await replacePriceListItems(tx, id, currency, items ?? beforeItems);
    const view = toPriceListView(row, await priceListItemsOf(tx, id));
    await recordAudit(tx, actor, {
      entityType: 'price_list',
      entityId: id,
      action: 'update',
      before: { ...toPriceListView(before, beforeItems), items: beforeItems.length },
      after: { ...view, items: view.items.length },
    });
    return view;
  });
}
