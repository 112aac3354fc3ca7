import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { authorizeCatalogueRead } from './catalogue-access.ts';
import { type ProductView, toProductView } from './product-input.ts';
import { products } from './schema.ts';

export async function getProduct(db: DbOrTx, actor: Actor, id: string): Promise<ProductView> {
  authorizeCatalogueRead(actor.principal);
  const [row] = await db.select().from(products).where(eq(products.id, id));
  if (!row) throw new AppError('not_found');
  return toProductView(row);
}
