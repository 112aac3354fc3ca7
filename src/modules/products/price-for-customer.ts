import { z } from '@hono/zod-openapi';
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { customers, validateInput, visibleCustomer } from '../customers/index.ts';
import { authorizeCatalogueRead } from './catalogue-access.ts';
import { priceListItems, priceLists, products } from './schema.ts';
import { VAT_MODES } from './vat.ts';

export const priceQuerySchema = z.object({
  productId: z.string().uuid(),
  customerId: z.string().uuid().optional().openapi({ description: 'Whose price; without it, the list price.' }),
  quantity: z.coerce.number().int().min(1).max(1_000_000).default(1),
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    .optional()
    .openapi({ description: 'The day the price is for; default today in the business time zone.' }),
});
export type PriceQuery = z.input<typeof priceQuerySchema>;

export const priceViewSchema = z
  .object({
    productId: z.string(),
    unitPriceSatang: z.number().int(),
    currency: z.string(),
    vatMode: z.enum(VAT_MODES),
    vatRateBp: z.number().int(),
    source: z.enum(['price_list', 'product']),
    priceListId: z.string().nullable(),
  })
  .openapi('Price');
export type PriceView = z.infer<typeof priceViewSchema>;

/** The calendar day (YYYY-MM-DD) of an instant in a time zone; default now. */
export function todayIn(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export type CustomerGroup = { type: string; tags: string[] };
type ProductRow = typeof products.$inferSelect;

/**
 * The unit price a customer pays for a product: among active price lists valid that day,
 * in the product's currency, whose group (customer type and/or tag) the customer is in,
 * the highest priority wins (then the lower price); within it the volume step for the
 * quantity. With no list that applies (or no customer), the product's own price. No
 * permission check: callers (this module's route, orders, quotes) check their own.
 */
export async function catalogPrice(
  db: DbOrTx,
  product: ProductRow,
  group: CustomerGroup | null,
  quantity: number,
  on: string,
): Promise<PriceView> {
  const candidates = await db
    .select({
      listId: priceLists.id,
      priority: priceLists.priority,
      minQuantity: priceListItems.minQuantity,
      unitPriceSatang: priceListItems.unitPriceSatang,
    })
    .from(priceListItems)
    .innerJoin(priceLists, eq(priceLists.id, priceListItems.priceListId))
    .where(
      and(
        eq(priceListItems.productId, product.id),
        sql`${priceListItems.minQuantity} <= ${quantity}`,
        eq(priceLists.active, true),
        eq(priceLists.currency, product.currency),
        sql`(${priceLists.validFrom} is null or ${priceLists.validFrom} <= ${on}::date)`,
        sql`(${priceLists.validTo} is null or ${priceLists.validTo} >= ${on}::date)`,
        group
          ? and(
              or(isNull(priceLists.customerType), eq(priceLists.customerType, group.type)),
              group.tags.length
                ? or(isNull(priceLists.customerTag), inArray(priceLists.customerTag, group.tags))
                : isNull(priceLists.customerTag),
            )
          : sql`${priceLists.customerType} is null and ${priceLists.customerTag} is null`,
      ),
    )
    .orderBy(desc(priceListItems.minQuantity));
  // Each list's step for this quantity (the largest minimum reached), then the best list.
  const stepOf = new Map<string, (typeof candidates)[number]>();
  for (const c of candidates) if (!stepOf.has(c.listId)) stepOf.set(c.listId, c);
  const [best] = [...stepOf.values()].sort((a, b) => b.priority - a.priority || a.unitPriceSatang - b.unitPriceSatang);
  return {
    productId: product.id,
    unitPriceSatang: best?.unitPriceSatang ?? product.unitPriceSatang,
    currency: product.currency,
    vatMode: product.vatMode as PriceView['vatMode'],
    vatRateBp: product.vatRateBp,
    source: best ? 'price_list' : 'product',
    priceListId: best?.listId ?? null,
  };
}

/** The price lookup behind GET /products/price, for a customer the caller may see. */
export async function priceForCustomer(db: DbOrTx, actor: Actor, raw: PriceQuery): Promise<PriceView> {
  authorizeCatalogueRead(actor.principal);
  const input = validateInput(priceQuerySchema, raw);
  const [product] = await db.select().from(products).where(eq(products.id, input.productId));
  if (!product) throw new AppError('not_found');
  let group: CustomerGroup | null = null;
  if (input.customerId) {
    const [c] = await db
      .select({ type: customers.customerType, tags: customers.tags })
      .from(customers)
      .where(visibleCustomer(actor, eq(customers.id, input.customerId)));
    if (!c) throw new AppError('not_found');
    group = { type: c.type, tags: c.tags ?? [] };
  }
  const on = input.on ?? todayIn((await getSettings(db)).timeZone);
  return catalogPrice(db, product, group, input.quantity, on);
}
