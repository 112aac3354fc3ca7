// Synthetic customers drawn from the BG/NBD + Gamma-Gamma model itself, so a fit can be
// checked against the parameters that made the data. Times are whole days (as the
// summaries from orders are), measured in weeks.
import type { ScoreInput } from '../src/modules/analytics/score-customers.ts';

/** mulberry32: small, fast, seedable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(u: () => number): number {
  let v = 0;
  while (v === 0) v = u();
  return Math.sqrt(-2 * Math.log(v)) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, scale 1) by Marsaglia & Tsang, boosted for shape < 1. */
export function gamma(u: () => number, shape: number): number {
  if (shape < 1) return gamma(u, shape + 1) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = normal(u);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (w < 1 - 0.0331 * z * z * z * z || Math.log(w) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v;
  }
}

export const TRUE = {
  bgnbd: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 },
  gammaGamma: { p: 6.25, q: 3.74, v: 15.44 },
};

/**
 * n customers who first bought on one of 84 days (like CDNOW's first quarter), observed
 * to day 273 (39 weeks): purchases at rate λ ~ Gamma(r, α) a week, dropping out after each
 * repeat purchase with probability p ~ Beta(a, b); each purchase's spend ~ Gamma(p, ν),
 * ν ~ Gamma(q, γ). Purchase times are drawn in continuous time and recorded to the nearest
 * day (as orders are summarised), so customers share (x, t_x, T) as real ones do.
 */
export function syntheticCustomers(n: number, seed = 42): ScoreInput {
  const u = rng(seed);
  const { r, alpha, a, b } = TRUE.bgnbd;
  const g = TRUE.gammaGamma;
  const s: ScoreInput = {
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    m: new Float64Array(n),
    periods: new Float64Array(n),
    totalSatang: new Float64Array(n),
    ageDays: new Float64Array(n),
    recencyDays: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const ageDays = 273 - Math.floor(u() * 84);
    const lambda = gamma(u, r) / alpha / 7; // per day
    const ga = gamma(u, a);
    const p = ga / (ga + gamma(u, b));
    const nu = gamma(u, g.q) / g.v;
    const first = gamma(u, g.p) / nu;
    let t = 0;
    let last = 0;
    let x = 0;
    let spend = 0;
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      if (!(t < ageDays)) break;
      x += 1;
      last = t;
      spend += gamma(u, g.p) / nu;
      if (u() < p) break;
    }
    const lastDay = Math.min(ageDays, Math.round(last));
    s.x[i] = x;
    s.tx[i] = lastDay / 7;
    s.T[i] = ageDays / 7;
    s.ageDays[i] = ageDays;
    s.recencyDays[i] = ageDays - lastDay;
    s.m[i] = x > 0 ? spend / x : 0;
    s.periods[i] = x + 1;
    s.totalSatang[i] = Math.round((first + spend) * 100);
  }
  return s;
}
