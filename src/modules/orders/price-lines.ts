import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { type CustomerGroup, catalogPrice, lineAmounts, products, type VatMode } from '../products/index.ts';
import type { OrderLineInput } from './order-input.ts';
import type { orderLines } from './schema.ts';

export type PricedLine = Omit<typeof orderLines.$inferInsert, 'orderId' | 'id'>;

/**
 * Turns requested lines into lines as sold: each product found by id or SKU (unknown →
 * refused), in the order's currency, at the given unit price or the customer's price
 * that day; then discount and VAT in whole satang. Refuses the whole order on any bad line.
 */
export async function priceLines(
  db: DbOrTx,
  lines: OrderLineInput[],
  ctx: { currency: string; group: CustomerGroup; on: string },
): Promise<PricedLine[]> {
  const ids = lines.flatMap((l) => (l.productId ? [l.productId] : []));
  const skus = lines.flatMap((l) => (l.sku && !l.productId ? [l.sku.toUpperCase()] : []));
  const found = [
    ...(ids.length ? await db.select().from(products).where(inArray(products.id, ids)) : []),
    ...(skus.length
      ? await db
          .select()
          .from(products)
          .where(inArray(sql`upper(${products.sku})`, skus))
      : []),
  ];
  const byId = new Map(found.map((p) => [p.id, p]));
  const bySku = new Map(found.map((p) => [p.sku.toUpperCase(), p]));
  const priced: PricedLine[] = [];
  for (const [i, line] of lines.entries()) {
    const lineNo = i + 1;
    const wanted = line.productId ?? line.sku;
    const product = line.productId
      ? byId.get(line.productId)
      : line.sku
        ? bySku.get(line.sku.toUpperCase())
        : undefined;
    if (wanted !== undefined && !product)
      throw new AppError('order_unknown_product', { line: lineNo, product: wanted });
    if (product && product.currency !== ctx.currency)
      throw new AppError('order_currency_mismatch', {
        line: lineNo,
        sku: product.sku,
        productCurrency: product.currency,
        orderCurrency: ctx.currency,
      });
    const unitPriceSatang =
      line.unitPriceSatang ??
      (product ? (await catalogPrice(db, product, ctx.group, line.quantity, ctx.on)).unitPriceSatang : 0);
    const vatMode = (product?.vatMode ?? line.vatMode ?? 'included') as VatMode;
    const vatRateBp = product?.vatRateBp ?? 700;
    if (line.discountSatang > unitPriceSatang * line.quantity)
      throw new AppError('order_discount_too_large', { line: lineNo });
    const amounts = lineAmounts({
      unitPriceSatang,
      quantity: line.quantity,
      discountSatang: line.discountSatang,
      vatMode,
      vatRateBp,
    });
    priced.push({
      lineNo,
      productId: product?.id ?? null,
      sku: product?.sku ?? null,
      name: line.name ?? product?.nameTh ?? '',
      quantity: line.quantity,
      unitPriceSatang,
      discountSatang: line.discountSatang,
      vatMode,
      vatRateBp,
      ...amounts,
    });
  }
  return priced;
}

/** Order totals from its lines: subtotal before discounts, discounts, VAT, and what is paid. */
export function orderTotals(lines: PricedLine[]) {
  let subtotalSatang = 0;
  let discountSatang = 0;
  let vatSatang = 0;
  let totalSatang = 0;
  for (const l of lines) {
    subtotalSatang += l.unitPriceSatang * l.quantity;
    discountSatang += l.discountSatang ?? 0;
    vatSatang += l.vatSatang;
    totalSatang += l.grossSatang;
  }
  return { subtotalSatang, discountSatang, vatSatang, totalSatang };
}
