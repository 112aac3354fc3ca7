import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/database.ts';
import { type CustomerGroup, catalogPrice } from './price-for-customer.ts';
import { products } from './schema.ts';
import { type LineAmounts, lineAmounts, THAI_VAT_RATE_BP, type VatMode } from './vat.ts';

type ProductRow = typeof products.$inferSelect;

/** A requested line of an order or a quote: a product (by id or SKU) or a free line. */
export interface LineToPrice {
  productId?: string | undefined;
  /** Looked up ignoring case; used only when there is no productId. */
  sku?: string | undefined;
  quantity: number;
  /** Without it, a product line takes the customer's price that day (price lists). */
  unitPriceSatang?: number | undefined;
  discountSatang: number;
  /** Only for a free line; a product line takes its product's VAT. Default included. */
  vatMode?: VatMode | undefined;
}

/** A line as priced, in whole satang, with the product it names (if any). */
export interface PricedLine<L extends LineToPrice = LineToPrice> extends LineAmounts {
  lineNo: number;
  input: L;
  product: ProductRow | undefined;
  productId: string | null;
  sku: string | null;
  quantity: number;
  unitPriceSatang: number;
  discountSatang: number;
  vatMode: VatMode;
  vatRateBp: number;
}

/**
 * Why a document's lines cannot be priced. A value, not an error: each caller (orders,
 * quotes) turns it into its own coded error, so a user reads "the order" or "the quote".
 */
export type LinePricingProblem =
  | { kind: 'unknown_product'; line: number; product: string }
  | { kind: 'currency_mismatch'; line: number; sku: string; productCurrency: string; documentCurrency: string }
  | { kind: 'discount_too_large'; line: number };

export type LinePricingResult<L extends LineToPrice> =
  | { ok: true; lines: PricedLine<L>[] }
  | { ok: false; problem: LinePricingProblem };

export interface PricingContext {
  /** The document's currency; every product must be priced in it. */
  currency: string;
  /** Whose price lists apply. */
  group: CustomerGroup;
  /** The day the prices are for (YYYY-MM-DD). */
  on: string;
}

async function findProducts(db: DbOrTx, lines: readonly LineToPrice[]) {
  const ids = [...new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))];
  const skus = [...new Set(lines.flatMap((l) => (l.sku && !l.productId ? [l.sku.toUpperCase()] : [])))];
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
  return (line: LineToPrice) =>
    line.productId ? byId.get(line.productId) : line.sku ? bySku.get(line.sku.toUpperCase()) : undefined;
}

/**
 * Prices the lines of an order or a quote, the one money rule for both: each product found
 * by id or SKU, in the document's currency, at the given unit price or the customer's
 * price that day; the discount may not exceed the line; then VAT in whole satang. The
 * first bad line decides the result, so a caller refuses the whole document.
 */
export async function priceLines<L extends LineToPrice>(
  db: DbOrTx,
  lines: readonly L[],
  ctx: PricingContext,
): Promise<LinePricingResult<L>> {
  const productOf = await findProducts(db, lines);
  const priced: PricedLine<L>[] = [];
  for (const [i, line] of lines.entries()) {
    const lineNo = i + 1;
    const wanted = line.productId ?? line.sku;
    const product = productOf(line);
    if (wanted !== undefined && !product)
      return { ok: false, problem: { kind: 'unknown_product', line: lineNo, product: wanted } };
    if (product && product.currency !== ctx.currency)
      return {
        ok: false,
        problem: {
          kind: 'currency_mismatch',
          line: lineNo,
          sku: product.sku,
          productCurrency: product.currency,
          documentCurrency: ctx.currency,
        },
      };
    const unitPriceSatang =
      line.unitPriceSatang ??
      (product ? (await catalogPrice(db, product, ctx.group, line.quantity, ctx.on)).unitPriceSatang : 0);
    const vatMode = (product?.vatMode ?? line.vatMode ?? 'included') as VatMode;
    const vatRateBp = product?.vatRateBp ?? THAI_VAT_RATE_BP;
    if (line.discountSatang > unitPriceSatang * line.quantity)
      return { ok: false, problem: { kind: 'discount_too_large', line: lineNo } };
    const amounts = lineAmounts({
      unitPriceSatang,
      quantity: line.quantity,
      discountSatang: line.discountSatang,
      vatMode,
      vatRateBp,
    });
    priced.push({
      lineNo,
      input: line,
      product,
      productId: product?.id ?? null,
      sku: product?.sku ?? null,
      quantity: line.quantity,
      unitPriceSatang,
      discountSatang: line.discountSatang,
      vatMode,
      vatRateBp,
      ...amounts,
    });
  }
  return { ok: true, lines: priced };
}

/** The amounts of priced lines that a document's totals are made of. */
export interface LineTotalsInput {
  unitPriceSatang: number;
  quantity: number;
  discountSatang?: number | null | undefined;
  netSatang: number;
  vatSatang: number;
  grossSatang: number;
}

/** A document's totals: list value before discounts, discounts, net (before VAT), VAT and what is paid. */
export function lineTotals(lines: readonly LineTotalsInput[]) {
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
