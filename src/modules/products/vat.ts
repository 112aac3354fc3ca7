/** How VAT applies to a price: included in it, added on top, or not charged. */
export const VAT_MODES = ['included', 'excluded', 'exempt'] as const;
export type VatMode = (typeof VAT_MODES)[number];

/** Thai VAT is 7%; rates are kept in basis points (700 = 7.00%). */
export const THAI_VAT_RATE_BP = 700;

export interface LineAmounts {
  /** Before VAT. */
  netSatang: number;
  vatSatang: number;
  /** What the customer pays. */
  grossSatang: number;
}

/** Rounds a non-negative amount of satang half up, as Thai tax invoices do. */
function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * Splits an amount (already quantity × unit price − discount, in integer satang) into net,
 * VAT and gross. An included price is the gross; an excluded price is the net. Integer
 * arithmetic only, so the three always add up.
 */
export function vatOf(amountSatang: number, mode: VatMode, rateBp: number): LineAmounts {
  if (!Number.isSafeInteger(amountSatang) || amountSatang < 0) throw new RangeError('amount must be whole satang ≥ 0');
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new RangeError('rate must be 0–10000 bp');
  if (mode === 'exempt' || rateBp === 0) return { netSatang: amountSatang, vatSatang: 0, grossSatang: amountSatang };
  if (mode === 'included') {
    const vat = roundHalfUp(amountSatang * rateBp, 10_000 + rateBp);
    return { netSatang: amountSatang - vat, vatSatang: vat, grossSatang: amountSatang };
  }
  const vat = roundHalfUp(amountSatang * rateBp, 10_000);
  return { netSatang: amountSatang, vatSatang: vat, grossSatang: amountSatang + vat };
}

/** One line: quantity × unit price − discount (never below zero), then VAT. */
export function lineAmounts(input: {
  unitPriceSatang: number;
  quantity: number;
  discountSatang?: number;
  vatMode: VatMode;
  vatRateBp: number;
}): LineAmounts {
  const gross = input.unitPriceSatang * input.quantity - (input.discountSatang ?? 0);
  if (!Number.isSafeInteger(gross)) throw new RangeError('line amount is not whole satang');
  if (gross < 0) throw new RangeError('discount is larger than the line');
  return vatOf(gross, input.vatMode, input.vatRateBp);
}
