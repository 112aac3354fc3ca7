import { minimise } from './bfgs.ts';
import { strideSample } from './rfm-data.ts';
import { digamma, lgamma } from './special.ts';

const WARM_START_SAMPLE = 20_000;

/** Gamma-Gamma spend model (Fader & Hardie 2013): spend per purchase ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams {
  p: number;
  q: number;
  /** γ (lifetimes calls it v). */
  v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  /** Customers fitted: repeat customers (x > 0) with a mean spend above zero. */
  customers: number;
  /** Left out: no repeat purchase, or repeat purchases that were all zero. */
  excluded: number;
  converged: boolean;
  /** Of the mean negative log-likelihood in log-parameters, as the optimiser ended. */
  inverseHessian: number[][];
}

interface Prepared {
  x: Float64Array;
  m: Float64Array;
  /** Σ over customers of x ln m + x ln x, and Σ ln m, for each distinct x. */
  byX: Map<number, { count: number; xLogMX: number; logM: number }>;
}

function prepare(x: Float64Array, m: Float64Array): Prepared & { excluded: number } {
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) if ((x[i] as number) > 0 && (m[i] as number) > 0) keep.push(i);
  const xs = Float64Array.from(keep, (i) => x[i] as number);
  const ms = Float64Array.from(keep, (i) => m[i] as number);
  const byX = new Map<number, { count: number; xLogMX: number; logM: number }>();
  for (let i = 0; i < xs.length; i++) {
    const xi = xs[i] as number;
    const mi = ms[i] as number;
    const e = byX.get(xi) ?? { count: 0, xLogMX: 0, logM: 0 };
    e.count += 1;
    e.xLogMX += xi * (Math.log(mi) + Math.log(xi));
    e.logM += Math.log(mi);
    byX.set(xi, e);
  }
  return { x: xs, m: ms, byX, excluded: x.length - keep.length };
}

/** The log-likelihood and its gradient in log-parameters, over the prepared customers. */
function logLikelihood(d: Prepared, g: GammaGammaParams): { value: number; gradient: [number, number, number] } {
  const { p, q, v } = g;
  let value = 0;
  let gp = 0;
  let gq = 0;
  let gv = 0;
  const lgQ = lgamma(q);
  const psiQ = digamma(q);
  const logV = Math.log(v);
  for (const [x, e] of d.byX) {
    const px = p * x;
    value += e.count * (lgamma(px + q) - lgamma(px) - lgQ + q * logV) + p * e.xLogMX - e.logM;
    gp += e.count * x * (digamma(px + q) - digamma(px)) + e.xLogMX;
    gq += e.count * (digamma(px + q) - psiQ + logV);
    gv += (e.count * q) / v;
  }
  const { x: xs, m: ms } = d;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const denom = v + x * (ms[i] as number);
    const logD = Math.log(denom);
    const pxq = p * x + q;
    value -= pxq * logD;
    gp -= x * logD;
    gq -= logD;
    gv -= pxq / denom;
  }
  return { value, gradient: [gp * p, gq * q, gv * v] };
}

/**
 * Fits the Gamma-Gamma model by maximum likelihood on repeat customers with mean spend
 * above zero. Others are counted as excluded, never a reason to fail; too few left is.
 */
export function fitGammaGamma(x: Float64Array, m: Float64Array, minimumCustomers = 10): GammaGammaFit {
  const d = prepare(x, m);
  const n = d.x.length;
  if (n < minimumCustomers) throw new RangeError(`only ${n} repeat customers with spend above zero`);
  // A large book starts from a fit on an evenly spread sample, so the full fit needs few steps.
  const warm =
    n > 2 * WARM_START_SAMPLE
      ? (() => {
          const s = strideSample({ x: d.x, m: d.m }, WARM_START_SAMPLE);
          return fitGammaGamma(s.x, s.m, minimumCustomers);
        })()
      : undefined;
  const start = warm ? [warm.p, warm.q, warm.v].map(Math.log) : [0, 0, 0];
  const result = minimise(
    (u) => {
      const { value, gradient } = logLikelihood(d, {
        p: Math.exp(u[0] as number),
        q: Math.exp(u[1] as number),
        v: Math.exp(u[2] as number),
      });
      return { value: -value / n, gradient: gradient.map((gi) => -gi / n) };
    },
    start,
    { gradientTolerance: 1e-10, ...(warm ? { inverseHessian: warm.inverseHessian } : {}) },
  );
  const [p, q, v] = result.x.map(Math.exp) as [number, number, number];
  return {
    p,
    q,
    v,
    logLikelihood: -result.value * n,
    customers: n,
    excluded: d.excluded,
    converged: result.converged,
    inverseHessian: result.inverseHessian,
  };
}

/** E[M | x, m̄]: the expected spend per purchase, shrunk from the customer's mean to the population's. */
export function expectedSpend(g: GammaGammaParams, x: number, m: number): number {
  if (x === 0 || !(m > 0)) return (g.p * g.v) / (g.q - 1);
  return (g.p * (g.v + x * m)) / (g.p * x + g.q - 1);
}
