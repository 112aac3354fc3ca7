import { eq } from 'drizzle-orm';
import { diffFields, recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { dealFor } from './deal-access.ts';
import { type UpdateDealInput, updateDealSchema } from './deal-input.ts';
import { dealOwner } from './deal-owner.ts';
import { priceDealProducts, productsTotal, saveDealProducts } from './deal-products.ts';
import { type DealView, loadDealView } from './deal-view.ts';
import { deals } from './schema.ts';

/**
 * Changes a deal's title, value, close date, owner, note or products (stage and outcome
 * change through move / won / lost). New products without a value set the value to their sum.
 */
export async function updateDeal(db: DbOrTx, actor: Actor, id: string, raw: UpdateDealInput): Promise<DealView> {
  const input = validateInput(updateDealSchema, raw);
  return db.transaction(async (tx) => {
    const before = await dealFor(tx, actor, id, 'update', true);
    const owner =
      input.ownerId !== undefined && input.ownerId !== before.ownerId
        ? await dealOwner(tx, actor, input.ownerId)
        : undefined;
    const items = input.products ? await priceDealProducts(tx, input.products) : undefined;
    const value = input.valueSatang ?? (items ? productsTotal(items) : undefined);
    const [row] = await tx
      .update(deals)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(value !== undefined ? { valueSatang: value } : {}),
        ...(input.currency !== undefined ? { currency: input.currency } : {}),
        ...(input.expectedCloseOn !== undefined ? { expectedCloseOn: input.expectedCloseOn } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        ...(owner ?? {}),
        updatedAt: new Date(),
      })
      .where(eq(deals.id, id))
      .returning();
    if (!row) throw new AppError('not_found');
    if (items) await saveDealProducts(tx, id, items);
    const changes = diffFields(before, row);
    if (items) changes.products = { before: null, after: items.length };
    await recordAudit(tx, actor, { entityType: 'deal', entityId: id, action: 'update', changes });
    await emitEvent(tx, {
      topic: 'deals.updated',
      aggregateType: 'deal',
      aggregateId: id,
      payload: { customerId: row.customerId, fields: Object.keys(changes) },
    });
    return loadDealView(tx, row);
  });
}
