import type { VatMode } from '../../queries/sales-types.ts';

/** A line as the editor holds it, in satang. */
export interface DraftLine {
  quantity: number;
  unitPriceSatang: number;
  discountSatang: number;
  vatMode: VatMode;
  vatRateBp: number;
}

export interface DraftTotals {
  subtotalSatang: number;
  discountSatang: number;
  netSatang: number;
  vatSatang: number;
  totalSatang: number;
}

/**
 * Live totals while a quote is edited, by the server's rule (src/modules/products/vat.ts:
 * VAT per line in whole satang, half up; an included price is the gross). Only a preview:
 * the server prices the quote again when it is saved, and its figures are the quote's.
 */
export function previewTotals(lines: DraftLine[]): DraftTotals {
  const t: DraftTotals = { subtotalSatang: 0, discountSatang: 0, netSatang: 0, vatSatang: 0, totalSatang: 0 };
  for (const l of lines) {
    const list = l.unitPriceSatang * l.quantity;
    const amount = Math.max(0, list - l.discountSatang);
    const rate = l.vatMode === 'exempt' ? 0 : l.vatRateBp;
    const half = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));
    const vat =
      rate === 0 ? 0 : l.vatMode === 'included' ? half(amount * rate, 10_000 + rate) : half(amount * rate, 10_000);
    t.subtotalSatang += list;
    t.discountSatang += l.discountSatang;
    t.netSatang += l.vatMode === 'included' ? amount - vat : amount;
    t.vatSatang += vat;
    t.totalSatang += l.vatMode === 'included' ? amount : amount + vat;
  }
  return t;
}
