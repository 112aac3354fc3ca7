import { describe, expect, it } from 'vitest';
import { bgnbdLogLikelihood, expectedPurchases, expectedPurchasesNew, fitBgNbd, probabilityAlive } from './bgnbd.ts';
import { cdnowSummaries } from './cdnow-fixture.ts';
import { groupSummaries } from './rfm-data.ts';

const cdnow = cdnowSummaries();
const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('BG/NBD on the CDNOW sample (2-decimal summary)', () => {
  const fit = fitBgNbd(cdnow);

  it('reproduces the published parameters and log-likelihood', () => {
    expect(fit.converged).toBe(true);
    // Fader, Hardie & Lee (2005): 0.243, 4.414, 0.793, 2.426; LL −9582.4. On this 2-dp file
    // the exact optimum is 0.242593, 4.413532, 0.792886, 2.425752, LL −9582.4256.
    expect(rel(fit.r, 0.242593)).toBeLessThan(1e-4);
    expect(rel(fit.alpha, 4.413532)).toBeLessThan(1e-4);
    expect(rel(fit.a, 0.792886)).toBeLessThan(1e-4);
    expect(rel(fit.b, 2.425752)).toBeLessThan(1e-4);
    expect(rel(fit.logLikelihood, -9582.4256)).toBeLessThan(1e-6);
  });

  it("predicts customer 1's next 39 weeks as published (1.2259)", () => {
    expect(expectedPurchases(fit, 39, 2, 30.43, 38.86)).toBeCloseTo(1.22591, 4);
  });

  it('gives P(alive) = 1 to customers with no repeat purchase and less to a lapsed one', () => {
    expect(probabilityAlive(fit, 0, 0, 38.86)).toBe(1);
    expect(probabilityAlive(fit, 5, 10, 38.86)).toBeLessThan(probabilityAlive(fit, 5, 38, 38.86));
  });

  it('grows a new customer’s expected purchases with time, from zero', () => {
    expect(expectedPurchasesNew(fit, 0)).toBeCloseTo(0, 12);
    expect(expectedPurchasesNew(fit, 39)).toBeGreaterThan(expectedPurchasesNew(fit, 13));
  });

  it('has an exact gradient (checked against central differences)', () => {
    const p = { r: 0.5, alpha: 3, a: 0.9, b: 2 };
    const { gradient } = bgnbdLogLikelihood(cdnow, p);
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    keys.forEach((k, i) => {
      const h = 1e-6;
      const up = bgnbdLogLikelihood(cdnow, { ...p, [k]: p[k] * Math.exp(h) }).value;
      const down = bgnbdLogLikelihood(cdnow, { ...p, [k]: p[k] * Math.exp(-h) }).value;
      expect(rel(gradient[i] as number, (up - down) / (2 * h))).toBeLessThan(1e-6);
    });
  });
});

describe('BG/NBD on grouped customers', () => {
  it('gives the same likelihood and gradient for customers grouped by (x, t_x, T) with weights', () => {
    const p = { r: 0.5, alpha: 3, a: 0.9, b: 2 };
    const grouped = groupSummaries(cdnow);
    expect(grouped.x.length).toBeLessThan(cdnow.x.length);
    expect(grouped.w.reduce((s, v) => s + v, 0)).toBe(cdnow.x.length);
    const plain = bgnbdLogLikelihood(cdnow, p);
    const weighted = bgnbdLogLikelihood(grouped, p);
    expect(weighted.value).toBeCloseTo(plain.value, 6);
    for (const [i, g] of weighted.gradient.entries()) expect(g).toBeCloseTo(plain.gradient[i] as number, 6);
  });
});
