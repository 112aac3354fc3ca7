import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, lgamma } from './special.ts';

describe('special functions', () => {
  it('ln Γ matches factorials and Γ(1/2) = √π', () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      factorial *= n;
      expect(lgamma(n + 1)).toBeCloseTo(Math.log(factorial), 10);
    }
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lgamma(1e-3)).toBeCloseTo(6.907178885383853, 10);
    // Large arguments: Stirling's series, and Γ(x+1) = xΓ(x).
    const x = 1000.5;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
    expect(lgamma(x)).toBeCloseTo(stirling, 9);
    expect(lgamma(x + 1) - lgamma(x)).toBeCloseTo(Math.log(x), 10);
  });

  it('ψ matches known values and the difference of ln Γ', () => {
    const eulerGamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-eulerGamma, 13);
    expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.log(2), 12);
    for (const x of [0.2426, 2.4259, 7.5, 31.2]) {
      const h = 1e-5;
      expect(digamma(x)).toBeCloseTo((lgamma(x + h) - lgamma(x - h)) / (2 * h), 6);
    }
  });

  it('₂F₁ matches closed forms', () => {
    // ₂F₁(1, 1; 2; z) = −ln(1−z)/z
    for (const z of [0.1, 0.5, 0.9, 0.99]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 10);
    // ₂F₁(a, b; b; z) = (1−z)^(−a)
    expect(hyp2f1(0.7, 3.2, 3.2, 0.6)).toBeCloseTo((1 - 0.6) ** -0.7, 12);
    expect(hyp2f1(2, 3, 4, 0)).toBe(1);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
  });
});
