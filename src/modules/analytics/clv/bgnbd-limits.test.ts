import { describe, expect, it } from 'vitest';
import { minimise } from './bfgs.ts';
import { BGNBD_BOUNDS, expectedPurchases, fitBgNbd, probabilityAlive } from './bgnbd.ts';
import type { Summaries } from './rfm-data.ts';
import { digamma, lgamma } from './special.ts';

/** A small deterministic generator (LCG), so each data set is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s + 0.5) / 2147483648;
  };
}

/**
 * Customers who never stop buying: per customer 1 + ⌊−k·ln U⌋ purchases on random days of
 * two years, observed to the end (the shape of many shops' first months, and of the
 * recompute benchmark's data). BG/NBD's best fit then lies at its "no dropout" limit.
 */
function neverLeaving(n: number, seed: number, k = 9): Summaries {
  const rnd = random(seed);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const count = 1 + Math.floor(-k * Math.log(rnd()));
    const days = [...new Set(Array.from({ length: count }, () => Math.floor(rnd() * 730)))].sort((p, q) => p - q);
    const first = days[0] as number;
    x[i] = days.length - 1;
    tx[i] = ((days.at(-1) as number) - first) / 7;
    T[i] = (730 - first) / 7;
  }
  return { x, tx, T };
}

/** A Gamma(k, 1) draw (Marsaglia & Tsang; k < 1 through the boost U^(1/k)). */
function gammaDraw(k: number, rnd: () => number): number {
  if (k < 1) return gammaDraw(k + 1, rnd) * rnd() ** (1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(rnd())) * Math.cos(2 * Math.PI * rnd());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(rnd()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * The NBD itself: each customer buys at their own Poisson rate λ ~ Gamma(r = 0.8, α = 6)
 * per week and never drops out, observed for 20–103 weeks. BG/NBD's limit exactly.
 */
function nbdCustomers(n: number, seed: number): Summaries {
  const rnd = random(seed);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rate = gammaDraw(0.8, rnd) / 6;
    const age = 20 + Math.floor(rnd() * 84);
    let t = -Math.log(rnd()) / rate;
    while (t <= age) {
      x[i] = (x[i] as number) + 1;
      tx[i] = Math.round(t * 7) / 7;
      t += -Math.log(rnd()) / rate;
    }
    T[i] = age;
  }
  return { x, tx, T };
}

/** The NBD (BG/NBD with no dropout at all) fitted by itself: its log-likelihood and r, α. */
function fitNbd(s: Summaries): { r: number; alpha: number; logLikelihood: number } {
  const n = s.x.length;
  const res = minimise(
    ([u = 0, v = 0]) => {
      const r = Math.exp(u);
      const alpha = Math.exp(v);
      let value = 0;
      let dr = 0;
      let dAlpha = 0;
      for (let i = 0; i < n; i++) {
        const x = s.x[i] as number;
        const aT = alpha + (s.T[i] as number);
        value += lgamma(r + x) - lgamma(r) + r * Math.log(alpha) - (r + x) * Math.log(aT);
        dr += digamma(r + x) - digamma(r) + Math.log(alpha) - Math.log(aT);
        dAlpha += r / alpha - (r + x) / aT;
      }
      return { value: -value / n, gradient: [(-dr * r) / n, (-dAlpha * alpha) / n] };
    },
    [0, 0],
    { gradientTolerance: 1e-10 },
  );
  return { r: Math.exp(res.x[0] as number), alpha: Math.exp(res.x[1] as number), logLikelihood: -res.value * n };
}

describe('BG/NBD at its limiting cases', () => {
  it('stops at the "no dropout" edge on customers who never leave, and predicts as the NBD does', () => {
    const data = nbdCustomers(2000, 11);
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(true);
    const edges = fit.atBounds.map((e) => `${e.param}:${e.edge}`);
    expect(edges.includes('a:lower') || edges.includes('b:upper')).toBe(true);
    const nbd = fitNbd(data);
    // The NBD is BG/NBD's limit, so the bounded fit can be no worse than it (to rounding)…
    expect(fit.logLikelihood).toBeGreaterThan(nbd.logLikelihood - 1e-6 * Math.abs(nbd.logLikelihood));
    // …and at the edge everyone is (all but) alive, expecting what the NBD expects.
    expect(probabilityAlive(fit, 5, 70, 80)).toBeGreaterThan(0.999);
    const nbdExpected = ((nbd.r + 5) / (nbd.alpha + 80)) * 12;
    expect(Math.abs(expectedPurchases(fit, 12, 5, 70, 80) / nbdExpected - 1)).toBeLessThan(0.01);
  });

  it('never leaves its bounds nor returns a meaningless likelihood on thin or odd data', () => {
    // Once an unbounded fit on 25 such customers ran to a = 5e297 and a log-likelihood of +6658.
    for (let seed = 0; seed < 40; seed++) {
      const n = 25 + (seed % 4) * 20;
      const data = seed % 3 === 0 ? nbdCustomers(n, seed) : neverLeaving(n, 1000 + seed, seed % 2 === 0 ? 9 : 2);
      const fit = fitBgNbd(data);
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
      for (const key of ['r', 'alpha', 'a', 'b'] as const) {
        expect(fit[key]).toBeGreaterThanOrEqual(BGNBD_BOUNDS[key].lower * (1 - 1e-9));
        expect(fit[key]).toBeLessThanOrEqual(BGNBD_BOUNDS[key].upper * (1 + 1e-9));
      }
      expect(fit.logLikelihood).toBeGreaterThan(fitNbd(data).logLikelihood - 1e-6 * Math.abs(fit.logLikelihood));
      const e = expectedPurchases(fit, 12, 3, 20, 60);
      expect(Number.isFinite(e) && e >= 0).toBe(true);
    }
  });
});
