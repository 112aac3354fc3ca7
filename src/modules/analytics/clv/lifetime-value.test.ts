import { describe, expect, it } from 'vitest';
import { expectedPurchases, fitBgNbd } from './bgnbd.ts';
import { cdnowSummaries } from './cdnow-fixture.ts';
import { expectedSpend, fitGammaGamma } from './gamma-gamma.ts';
import { lifetimeValue } from './lifetime-value.ts';

const cdnow = cdnowSummaries();
const bg = fitBgNbd(cdnow);
const gg = fitGammaGamma(cdnow.x, cdnow.m);
const weeks = { unitsPerMonth: 4.345 };

describe('lifetime value', () => {
  const one = { x: 2, tx: 30.43, T: 38.86, m: 22.35 };

  it('is expected purchases times expected spend when nothing is discounted', () => {
    const undiscounted = lifetimeValue(bg, gg, one, { horizonMonths: 12, monthlyDiscountRate: 0, ...weeks });
    const purchases = expectedPurchases(bg, 12 * 4.345, one.x, one.tx, one.T);
    expect(undiscounted).toBeCloseTo(purchases * expectedSpend(gg, one.x, one.m), 8);
  });

  it('is less with discounting, more over a longer horizon, and more for an active frequent buyer', () => {
    const base = lifetimeValue(bg, gg, one, { horizonMonths: 12, monthlyDiscountRate: 0.01, ...weeks });
    expect(base).toBeLessThan(lifetimeValue(bg, gg, one, { horizonMonths: 12, monthlyDiscountRate: 0, ...weeks }));
    expect(lifetimeValue(bg, gg, one, { horizonMonths: 24, monthlyDiscountRate: 0.01, ...weeks })).toBeGreaterThan(
      base,
    );
    const frequent = { x: 10, tx: 38, T: 38.86, m: 22.35 };
    expect(lifetimeValue(bg, gg, frequent, { horizonMonths: 12, monthlyDiscountRate: 0.01, ...weeks })).toBeGreaterThan(
      base,
    );
    const lapsed = { x: 10, tx: 5, T: 38.86, m: 22.35 };
    expect(lifetimeValue(bg, gg, lapsed, { horizonMonths: 12, monthlyDiscountRate: 0.01, ...weeks })).toBeLessThan(
      base,
    );
  });
});
