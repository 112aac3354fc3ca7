import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit.ts';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { emitEvent } from '../../core/events/emit-event.ts';
import { validateInput } from '../customers/index.ts';
import { authorizeCatalogueChange } from './catalogue-access.ts';
import { type ProductView, toProductView, type UpdateProductInput, updateProductSchema } from './product-input.ts';
import { products } from './schema.ts';

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * Changes a product; archiving is `active: false` (orders keep naming it). A price change
 * applies to new orders and quotes only; what was sold keeps its own line prices.
 */
export async function updateProduct(
  db: DbOrTx,
  actor: Actor,
  id: string,
  raw: UpdateProductInput,
): Promise<ProductView> {
  authorizeCatalogueChange(actor.principal);
  const input = validateInput(updateProductSchema, raw);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(products).where(eq(products.id, id)).for('update');
      if (!before) throw new AppError('not_found');
      const [row] = await tx
        .update(products)
        .set({ ...input, updatedAt: new Date() })
        .where(eq(products.id, id))
        .returning();
      if (!row) throw new AppError('not_found');
      const view = toProductView(row);
      await recordAudit(tx, actor, {
        entityType: 'product',
        entityId: id,
        action: 'update',
        before: toProductView(before),
        after: view,
      });
      await emitEvent(tx, {
        topic: 'product.updated',
        aggregateType: 'product',
        aggregateId: id,
        payload: { sku: row.sku },
      });
      return view;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('product_sku_taken', { sku: input.sku ?? '' });
    throw err;
  }
}
