import { describe, expect, it } from 'vitest';
import { previewTotals } from './quote-preview.ts';

describe('previewTotals', () => {
  it('matches the server on included, excluded and exempt lines', () => {
    expect(
      previewTotals([
        { quantity: 10, unitPriceSatang: 5_000, discountSatang: 2_000, vatMode: 'included', vatRateBp: 700 },
        { quantity: 1, unitPriceSatang: 10_700, discountSatang: 0, vatMode: 'included', vatRateBp: 700 },
      ]),
    ).toEqual({
      subtotalSatang: 60_700,
      discountSatang: 2_000,
      netSatang: 54_860,
      vatSatang: 3_840,
      totalSatang: 58_700,
    });
    expect(
      previewTotals([{ quantity: 1, unitPriceSatang: 25_000, discountSatang: 0, vatMode: 'excluded', vatRateBp: 700 }]),
    ).toEqual({ subtotalSatang: 25_000, discountSatang: 0, netSatang: 25_000, vatSatang: 1_750, totalSatang: 26_750 });
    expect(
      previewTotals([{ quantity: 3, unitPriceSatang: 100, discountSatang: 0, vatMode: 'exempt', vatRateBp: 700 }])
        .vatSatang,
    ).toBe(0);
  });
});
