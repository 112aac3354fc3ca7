/**
 * Special functions for the CLV models, in double precision: log-gamma (Lanczos, g = 7),
 * digamma (recurrence to x ≥ 10, then the asymptotic series) and the Gauss hypergeometric
 * ₂F₁ (power series, summed until the terms no longer change the sum).
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) sum += (LANCZOS[i] as number) / (z + i);
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ψ(x) = d/dx ln Γ(x), for x > 0. */
export function digamma(x: number): number {
  let result = 0;
  let v = x;
  while (v < 10) {
    result -= 1 / v;
    v += 1;
  }
  const inv = 1 / v;
  const inv2 = inv * inv;
  return (
    result +
    Math.log(v) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))))
  );
}

/**
 * ₂F₁(a, b; c; z) for |z| < 1 by its power series. The CLV formulas call it with
 * z = t/(α+T+t) ∈ [0, 1); the series converges for every such z, more slowly near 1,
 * so it is summed until a term no longer changes the sum (at most 100,000 terms).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(Math.abs(z) < 1)) throw new RangeError('hyp2f1 needs |z| < 1');
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100_000; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    const next = sum + term;
    if (next === sum) return next;
    sum = next;
  }
  return sum;
}
