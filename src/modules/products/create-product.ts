import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { validateInput } from '../customers/index.ts';
import { authorizeCatalogueChange } from './catalogue-access.ts';
import { type CreateProductInput, createProductSchema, type ProductView, toProductView } from './product-input.ts';
import { products } from './schema.ts';

/** Adds a product or service to the catalogue (managers and admins). SKUs are unique. */
export async function createProduct(db: DbOrTx, actor: Actor, raw: CreateProductInput): Promise<ProductView> {
  authorizeCatalogueChange(actor.principal);
  const input = validateInput(createProductSchema, raw);
  return db.transaction(async (tx) => {
    const currency = input.currency ?? (await getSettings(tx)).currency;
    const [row] = await tx
      .insert(products)
      .values({ ...input, currency })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('product_sku_taken', { sku: input.sku });
    const view = toProductView(row);
    await recordAudit(tx, actor, { entityType: 'product', entityId: row.id, action: 'create', after: view });
    await emitEvent(tx, {
      topic: 'product.created',
      aggregateType: 'product',
      aggregateId: row.id,
      payload: { sku: row.sku },
    });
    return view;
  });
}
