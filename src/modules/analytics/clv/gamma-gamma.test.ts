import { describe, expect, it } from 'vitest';
import { cdnowSummaries } from './cdnow-fixture.ts';
import { expectedSpend, fitGammaGamma } from './gamma-gamma.ts';

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
