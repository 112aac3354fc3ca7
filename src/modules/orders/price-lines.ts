import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import {
  type LinePricingProblem,
  lineTotals,
  type PricingContext,
  priceLines as priceDocumentLines,
} from '../products/index.ts';
import type { OrderLineInput } from './order-input.ts';
import type { orderLines } from './schema.ts';

export type PricedLine = Omit<typeof orderLines.$inferInsert, 'orderId' | 'id'>;

/** The products module's pricing problem as this module's coded error (see errors.ts). */
function orderPricingError(problem: LinePricingProblem): AppError {
  switch (problem.kind) {
    case 'unknown_product':
      return new AppError('order_unknown_product', { line: problem.line, product: problem.product });
    case 'currency_mismatch':
      return new AppError('order_currency_mismatch', {
        line: problem.line,
        sku: problem.sku,
        productCurrency: problem.productCurrency,
        orderCurrency: problem.documentCurrency,
      });
    case 'discount_too_large':
      return new AppError('order_discount_too_large', { line: problem.line });
  }
}

/**
 * Turns requested lines into order lines as sold, by products' priceLines (the one
 * line-pricing rule for orders and quotes). Refuses the whole order on any bad line.
 */
export async function priceLines(db: DbOrTx, lines: OrderLineInput[], ctx: PricingContext): Promise<PricedLine[]> {
  const result = await priceDocumentLines(db, lines, ctx);
  if (!result.ok) throw orderPricingError(result.problem);
  return result.lines.map(({ input, product, ...line }) => ({
    lineNo: line.lineNo,
    productId: line.productId,
    sku: line.sku,
    name: input.name ?? product?.nameTh ?? '',
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

/** Order totals from its lines: subtotal before discounts, discounts, VAT, and what is paid. */
export function orderTotals(lines: PricedLine[]) {
  const { subtotalSatang, discountSatang, vatSatang, totalSatang } = lineTotals(lines);
  return { subtotalSatang, discountSatang, vatSatang, totalSatang };
}
