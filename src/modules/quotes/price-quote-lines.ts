import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { type LinePricingProblem, lineTotals, type PricingContext, priceLines } from '../products/index.ts';
import type { QuoteLineInput } from './quote-input.ts';
import type { quoteLines } from './schema.ts';

export type PricedQuoteLine = Omit<typeof quoteLines.$inferInsert, 'quoteId' | 'id'>;

/** The products module's pricing problem as this module's coded error (see errors.ts). */
function quotePricingError(problem: LinePricingProblem): AppError {
  switch (problem.kind) {
    case 'unknown_product':
      return new AppError('quote_unknown_product', { line: problem.line, product: problem.product });
    case 'currency_mismatch':
      return new AppError('quote_currency_mismatch', {
        line: problem.line,
        sku: problem.sku,
        productCurrency: problem.productCurrency,
        quoteCurrency: problem.documentCurrency,
      });
    case 'discount_too_large':
      return new AppError('quote_discount_too_large', { line: problem.line });
  }
}

/**
 * Requested lines as quoted, by products' priceLines — the same rule as order lines. Any
 * bad line refuses the whole quote, with this module's codes.
 */
export async function priceQuoteLines(
  db: DbOrTx,
  lines: QuoteLineInput[],
  ctx: PricingContext,
): Promise<PricedQuoteLine[]> {
  const result = await priceLines(db, lines, ctx);
  if (!result.ok) throw quotePricingError(result.problem);
  return result.lines.map(({ input, product, ...line }) => ({
    lineNo: line.lineNo,
    productId: line.productId,
    sku: line.sku,
    descriptionTh: input.descriptionTh ?? product?.nameTh ?? '',
    descriptionEn: input.descriptionEn ?? product?.nameEn ?? null,
    quantity: line.quantity,
    unitPriceSatang: line.unitPriceSatang,
    discountSatang: line.discountSatang,
    vatMode: line.vatMode,
    vatRateBp: line.vatRateBp,
    netSatang: line.netSatang,
    vatSatang: line.vatSatang,
    grossSatang: line.grossSatang,
  }));
}

/** Quote totals: list value before discounts, discounts, net (before VAT), VAT and gross. */
export const quoteTotals = lineTotals;
