import { describe, expect, it } from 'vitest';
import { cdnowSummaries } from './cdnow-fixture.ts';
import { expectedSpend, fitGammaGamma, GAMMA_GAMMA_BOUNDS } from './gamma-gamma.ts';

const cdnow = cdnowSummaries();
const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('Gamma-Gamma on the CDNOW sample', () => {
  const fit = fitGammaGamma(cdnow.x, cdnow.m);

  it('reproduces the published parameters (6.25, 3.74, 15.44) and log-likelihood', () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    expect(fit.excluded).toBe(2357 - 946);
    // On the zbar file the optimum is 6.248802, 3.744588, 15.447748 with LL −4055.9232.
    expect(rel(fit.p, 6.248802)).toBeLessThan(1e-4);
    expect(rel(fit.q, 3.744588)).toBeLessThan(1e-4);
    expect(rel(fit.v, 15.447748)).toBeLessThan(1e-4);
    expect(rel(fit.logLikelihood, -4055.9232)).toBeLessThan(1e-6);
  });

  it('shrinks a customer’s mean spend toward the population mean', () => {
    const population = (fit.p * fit.v) / (fit.q - 1);
    const big = expectedSpend(fit, 1, 300);
    expect(big).toBeLessThan(300);
    expect(big).toBeGreaterThan(population);
    expect(expectedSpend(fit, 0, 0)).toBeCloseTo(population, 10);
  });

  it('leaves out all-zero spenders, counted, without failing', () => {
    const x = Float64Array.from([...cdnow.x, 3, 2]);
    const m = Float64Array.from([...cdnow.m, 0, 0]);
    const withZeros = fitGammaGamma(x, m);
    expect(withZeros.excluded).toBe(fit.excluded + 2);
    expect(rel(withZeros.p, fit.p)).toBeLessThan(1e-6);
  });

  it('refuses data too thin to fit', () => {
    expect(() => fitGammaGamma(Float64Array.from([1, 0]), Float64Array.from([10, 0]))).toThrow(/only 1 repeat/);
  });
});

describe('Gamma-Gamma on spends that hardly differ', () => {
  /** Customers whose every order is 100–1,000 baht, drawn alike: no spend heterogeneity to learn. */
  function alike(n: number): { x: Float64Array; m: Float64Array } {
    let s = 5;
    const rnd = () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return (s + 0.5) / 2147483648;
    };
    const x = new Float64Array(n);
    const m = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const k = Math.floor(-9 * Math.log(rnd()));
      let total = 0;
      for (let j = 0; j < k; j++) total += 100 + Math.floor(rnd() * 900);
      x[i] = k;
      m[i] = k > 0 ? total / k : 0;
    }
    return { x, m };
  }

  it('stops at the edge of its range and says so, on a small book and (from a sample) on a large one', () => {
    for (const n of [5_000, 60_000]) {
      const { x, m } = alike(n);
      const fit = fitGammaGamma(x, m);
      expect(fit.atBounds.some((e) => e.edge === 'upper')).toBe(true);
      for (const key of ['p', 'q', 'v'] as const) {
        expect(fit[key]).toBeLessThanOrEqual(GAMMA_GAMMA_BOUNDS[key].upper * (1 + 1e-9));
      }
      // The log-likelihood is of every customer fitted, also when a sample decided the edge.
      expect(fit.customers).toBe(Array.from(x).filter((v, i) => v > 0 && (m[i] as number) > 0).length);
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
      expect(fit.logLikelihood).toBeLessThan(-fit.customers);
    }
  });
});
