import { describe, expect, it } from 'vitest';
import { lineAmounts, THAI_VAT_RATE_BP, vatOf } from './vat.ts';

describe('VAT on satang amounts', () => {
  it('takes 7% out of an included price: ฿107.00 is ฿100.00 + ฿7.00', () => {
    expect(vatOf(10_700, 'included', THAI_VAT_RATE_BP)).toEqual({
      netSatang: 10_000,
      vatSatang: 700,
      grossSatang: 10_700,
    });
  });

  it('adds 7% on top of an excluded price, rounding half up', () => {
    expect(vatOf(10_000, 'excluded', THAI_VAT_RATE_BP)).toEqual({
      netSatang: 10_000,
      vatSatang: 700,
      grossSatang: 10_700,
    });
    // 7% of ฿0.50 is 3.5 satang → 4.
    expect(vatOf(50, 'excluded', THAI_VAT_RATE_BP).vatSatang).toBe(4);
    // 7% of ฿0.49 is 3.43 satang → 3.
    expect(vatOf(49, 'excluded', THAI_VAT_RATE_BP).vatSatang).toBe(3);
  });

  it('always adds up, for every amount from 0 to ฿50 in both modes', () => {
    for (let a = 0; a <= 5_000; a++) {
      for (const mode of ['included', 'excluded'] as const) {
        const r = vatOf(a, mode, THAI_VAT_RATE_BP);
        expect(r.netSatang + r.vatSatang).toBe(r.grossSatang);
        expect(Math.abs(r.vatSatang - (r.netSatang * 7) / 100)).toBeLessThanOrEqual(0.5 + 0.07);
      }
    }
  });

  it('charges nothing when exempt or at rate 0', () => {
    expect(vatOf(999, 'exempt', THAI_VAT_RATE_BP)).toEqual({ netSatang: 999, vatSatang: 0, grossSatang: 999 });
    expect(vatOf(999, 'excluded', 0)).toEqual({ netSatang: 999, vatSatang: 0, grossSatang: 999 });
  });

  it('applies quantity and discount before VAT, and refuses impossible lines', () => {
    expect(
      lineAmounts({ unitPriceSatang: 5_350, quantity: 3, discountSatang: 1_050, vatMode: 'included', vatRateBp: 700 }),
    ).toEqual({ netSatang: 14_019, vatSatang: 981, grossSatang: 15_000 });
    expect(() =>
      lineAmounts({ unitPriceSatang: 100, quantity: 1, discountSatang: 101, vatMode: 'included', vatRateBp: 700 }),
    ).toThrow(/discount/);
    expect(() => vatOf(-1, 'included', 700)).toThrow(RangeError);
    expect(() => vatOf(1.5, 'included', 700)).toThrow(RangeError);
    expect(() => vatOf(100, 'included', 10_001)).toThrow(RangeError);
  });
});
