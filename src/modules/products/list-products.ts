import { z } from '@hono/zod-openapi';
import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { decodeCursor, type Page, pageQuerySchema, toPage } from '../../core/http/pagination.ts';
import { validateInput } from '../customers/index.ts';
import { authorizeCatalogueRead } from './catalogue-access.ts';
import { PRODUCT_KINDS, type ProductView, toProductView } from './product-input.ts';
import { products } from './schema.ts';

export const listProductsQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional().openapi({ description: 'Part of the SKU or the Thai or English name.' }),
  category: z.string().trim().max(100).optional(),
  kind: z.enum(PRODUCT_KINDS).optional(),
  active: z
    .enum(['true', 'false', 'all'])
    .default('true')
    .openapi({ description: 'Active products only (default), archived only, or all.' }),
});
export type ListProductsInput = z.input<typeof listProductsQuerySchema>;

/** Escapes LIKE wildcards so a search for "50%" means the characters. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The catalogue by SKU, filtered and paged by cursor. */
export async function listProducts(db: DbOrTx, actor: Actor, raw: ListProductsInput): Promise<Page<ProductView>> {
  authorizeCatalogueRead(actor.principal);
  const input = validateInput(listProductsQuerySchema, raw);
  const after = decodeCursor(input.cursor, 2);
  const conds: (SQL | undefined)[] = [
    input.active === 'all' ? undefined : eq(products.active, input.active === 'true'),
    input.category ? eq(products.category, input.category) : undefined,
    input.kind ? eq(products.kind, input.kind) : undefined,
    input.q
      ? or(
          ilike(products.sku, likePattern(input.q)),
          ilike(products.nameTh, likePattern(input.q)),
          ilike(products.nameEn, likePattern(input.q)),
        )
      : undefined,
    after
      ? sql`(upper(${products.sku}), ${products.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`
      : undefined,
  ];
  const rows = await db
    .select()
    .from(products)
    .where(and(...conds))
    .orderBy(asc(sql`upper(${products.sku})`), asc(products.id))
    .limit(input.limit + 1);
  return toPage(rows.map(toProductView), input.limit, (p) => [p.sku.toUpperCase(), p.id]);
}
