import { describe, expect, it } from 'vitest';
import { expectedPurchases, fitBgNbd, probabilityAlive } from './clv/bgnbd.ts';
import { cdnowSummaries } from './clv/cdnow-fixture.ts';
import { fitGammaGamma } from './clv/gamma-gamma.ts';
import { discountedPurchases, lifetimeValue } from './clv/lifetime-value.ts';
import { churnRiskOf, gradesByValue, scoreCustomers } from './score-customers.ts';

const cdnow = cdnowSummaries();
const bg = fitBgNbd(cdnow);
const gg = fitGammaGamma(cdnow.x, cdnow.m);
const n = cdnow.x.length;
const input = {
  ...cdnow,
  periods: Float64Array.from(cdnow.x, (x) => x + 1),
  totalSatang: Float64Array.from(cdnow.x, (x, i) => Math.round((x + 1) * (cdnow.m[i] as number) * 100) || 1000),
  ageDays: Float64Array.from(cdnow.T, (t) => Math.round(t * 7)),
  recencyDays: Float64Array.from(cdnow.T, (t, i) => Math.round((t - (cdnow.tx[i] as number)) * 7)),
};

describe('scoring every customer', () => {
  const options = {
    timeUnit: 'week' as const,
    monthlyDiscountRate: 0.01,
    horizonMonths: 12,
    gradeShares: { a: 0.2, b: 0.3 },
  };
  const s = scoreCustomers(input, bg, gg, options);

  it('gives each customer the same P(alive), 90-day purchases and CLV as the per-customer formulas', () => {
    for (const i of [0, 1, 17, 500, n - 1]) {
      const c = {
        x: cdnow.x[i] as number,
        tx: cdnow.tx[i] as number,
        T: cdnow.T[i] as number,
        m: cdnow.m[i] as number,
      };
      expect(s.pAlive[i]).toBeCloseTo(probabilityAlive(bg, c.x, c.tx, c.T), 12);
      expect(s.expected90d[i]).toBeCloseTo(expectedPurchases(bg, 90 / 7, c.x, c.tx, c.T), 12);
      const clv = lifetimeValue(bg, gg, c, {
        horizonMonths: 12,
        monthlyDiscountRate: 0.01,
        unitsPerMonth: 30.4375 / 7,
      });
      expect(s.clvSatang[i]).toBe(Math.round(clv * 100));
    }
  });

  it('grades the top 20% by CLV A, the next 30% B and the rest C', () => {
    const count = (g: string) => s.grade.filter((v) => v === g).length;
    expect(count('A')).toBe(Math.round(n * 0.2));
    expect(count('B')).toBe(Math.round(n * 0.5) - Math.round(n * 0.2));
    let minA = Number.POSITIVE_INFINITY;
    let maxC = 0;
    s.grade.forEach((g, i) => {
      if (g === 'A') minA = Math.min(minA, s.clvSatang[i] as number);
      if (g === 'C') maxC = Math.max(maxC, s.clvSatang[i] as number);
    });
    expect(minA).toBeGreaterThanOrEqual(maxC);
  });

  it('fills grade places exactly even when many customers tie at the cut', () => {
    const g = gradesByValue(Float64Array.from([5, 3, 3, 3, 3, 3, 3, 3, 1, 0]), { a: 0.2, b: 0.3 });
    expect(g).toEqual(['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C']);
  });

  it('bands churn risk by P(alive) for repeat buyers and by days since the purchase for one-time buyers', () => {
    expect(churnRiskOf(3, 0.9, 400)).toBe('low');
    expect(churnRiskOf(3, 0.5, 1)).toBe('medium');
    expect(churnRiskOf(3, 0.1, 1)).toBe('high');
    expect(churnRiskOf(0, 1, 30)).toBe('low');
    expect(churnRiskOf(0, 1, 120)).toBe('medium');
    expect(churnRiskOf(0, 1, 365)).toBe('high');
  });

  it('uses the customer’s own mean spend per period when there is no spend model', () => {
    const own = scoreCustomers(input, bg, null, options);
    expect(own.pAlive).toEqual(s.pAlive);
    const i = 3;
    const perPeriod = (input.totalSatang[i] as number) / 100 / (input.periods[i] as number);
    const c = { x: cdnow.x[i] as number, tx: cdnow.tx[i] as number, T: cdnow.T[i] as number };
    const purchases = discountedPurchases(bg, c, {
      horizonMonths: 12,
      monthlyDiscountRate: 0.01,
      unitsPerMonth: 30.4375 / 7,
    });
    expect(own.clvSatang[i]).toBe(Math.round(perPeriod * purchases * 100));
    expect(own.clvSatang[i]).toBeGreaterThan(0);
  });
});
