import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import {
  type CustomerGroup,
  catalogPrice,
  lineAmounts,
  products,
  THAI_VAT_RATE_BP,
  type VatMode,
} from '../products/index.ts';
import type { QuoteLineInput } from './quote-input.ts';
import type { quoteLines } from './schema.ts';

export type PricedQuoteLine = Omit<typeof quoteLines.$inferInsert, 'quoteId' | 'id'>;

/**
 * Requested lines as quoted, with the same rules as order lines (orders/price-lines.ts):
 * each product must exist and be priced in the quote's currency; without a given unit
 * price the customer's price-list price that day (products' catalogPrice) is used; the
 * discount may not exceed the line; VAT in whole satang by products' lineAmounts. Any
 * bad line refuses the whole quote, with this module's codes.
 */
export async function priceQuoteLines(
  db: DbOrTx,
  lines: QuoteLineInput[],
  ctx: { currency: string; group: CustomerGroup; on: string },
): Promise<PricedQuoteLine[]> {
  const ids = [...new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))];
  const found = ids.length ? await db.select().from(products).where(inArray(products.id, ids)) : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const priced: PricedQuoteLine[] = [];
  for (const [i, line] of lines.entries()) {
    const lineNo = i + 1;
    const product = line.productId ? byId.get(line.productId) : undefined;
    if (line.productId && !product)
      throw new AppError('quote_unknown_product', { line: lineNo, product: line.productId });
    if (product && product.currency !== ctx.currency)
      throw new AppError('quote_currency_mismatch', {
        line: lineNo,
        sku: product.sku,
        productCurrency: product.currency,
        quoteCurrency: ctx.currency,
      });
    const unitPriceSatang =
      line.unitPriceSatang ??
      (product ? (await catalogPrice(db, product, ctx.group, line.quantity, ctx.on)).unitPriceSatang : 0);
    const vatMode = (product?.vatMode ?? line.vatMode ?? 'included') as VatMode;
    const vatRateBp = product?.vatRateBp ?? THAI_VAT_RATE_BP;
    if (line.discountSatang > unitPriceSatang * line.quantity)
      throw new AppError('quote_discount_too_large', { line: lineNo });
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
      descriptionTh: line.descriptionTh ?? product?.nameTh ?? '',
      descriptionEn: line.descriptionEn ?? product?.nameEn ?? null,
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

/** Quote totals: list value before discounts, discounts, net (before VAT), VAT and gross. */
export function quoteTotals(lines: PricedQuoteLine[]) {
  let subtotalSatang = 0;
  let discountSatang = 0;
  let netSatang = 0;
  let vatSatang = 0;
  let totalSatang = 0;
  for (const l of lines) {
    subtotalSatang += l.unitPriceSatang * l.quantity;
    discountSatang += l.discountSatang ?? 0;
    netSatang += l.netSatang;
    vatSatang += l.vatSatang;
    totalSatang += l.grossSatang;
  }
  return { subtotalSatang, discountSatang, netSatang, vatSatang, totalSatang };
}
