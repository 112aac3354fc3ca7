import { minimise } from './bfgs.ts';
import { strideSample } from './rfm-data.ts';
import { digamma, lgamma } from './special.ts';

const WARM_START_SAMPLE = 20_000;
/** Steps allowed to the full fit after a warm start (a sound one takes fewer than 20). */
const WARM_MAX_ITERATIONS = 100;

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
  /** Parameters that ended on the edge of GAMMA_GAMMA_BOUNDS (the fit ran off towards a limit). */
  atBounds: { param: keyof GammaGammaParams; edge: 'lower' | 'upper' }[];
  /** Of the mean negative log-likelihood in log-parameters, as the optimiser ended. */
  inverseHessian: number[][];
}

interface Prepared {
  x: Float64Array;
  m: Float64Array;
  /** Σ ln m of the customers with each distinct x. */
  byX: Map<number, { count: number; logM: number }>;
}

function prepare(x: Float64Array, m: Float64Array): Prepared & { excluded: number } {
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) if ((x[i] as number) > 0 && (m[i] as number) > 0) keep.push(i);
  const xs = Float64Array.from(keep, (i) => x[i] as number);
  const ms = Float64Array.from(keep, (i) => m[i] as number);
  const byX = new Map<number, { count: number; logM: number }>();
  for (let i = 0; i < xs.length; i++) {
    const xi = xs[i] as number;
    const e = byX.get(xi) ?? { count: 0, logM: 0 };
    e.count += 1;
    e.logM += Math.log(ms[i] as number);
    byX.set(xi, e);
  }
  return { x: xs, m: ms, byX, excluded: x.length - keep.length };
}

/**
 * The log-likelihood and its gradient in log-parameters, over the prepared customers.
 * Per customer, p·x·ln(x·m) + q·ln γ − (p·x + q)·ln(γ + x·m) is written as
 * −p·x·ln(1 + γ/(x·m)) − q·ln(1 + x·m/γ): the same number without subtracting two large
 * ones, so it keeps its digits when p or q is large (spends that hardly differ).
 */
function logLikelihood(d: Prepared, g: GammaGammaParams): { value: number; gradient: [number, number, number] } {
  const { p, q, v } = g;
  let value = 0;
  let gp = 0;
  let gq = 0;
  let gv = 0;
  const lgQ = lgamma(q);
  const psiQ = digamma(q);
  for (const [x, e] of d.byX) {
    const px = p * x;
    value += e.count * (lgamma(px + q) - lgamma(px) - lgQ) - e.logM;
    const psiPxQ = digamma(px + q);
    gp += e.count * x * (psiPxQ - digamma(px));
    gq += e.count * (psiPxQ - psiQ);
  }
  const { x: xs, m: ms } = d;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const xm = x * (ms[i] as number);
    const spendOverV = Math.log1p(xm / v);
    const vOverSpend = Math.log1p(v / xm);
    const px = p * x;
    value -= px * vOverSpend + q * spendOverV;
    gp -= x * vOverSpend;
    gq -= spendOverV;
    gv += (q * xm - px * v) / (v * (v + xm));
  }
  return { value, gradient: [gp * p, gq * q, gv * v] };
}

/**
 * The range each parameter may take. When every customer spends about the same, the
 * likelihood keeps rising as p (or q and γ) grow without bound; unbounded, the fit walked
 * there for minutes on a million customers. At p = 10⁴ a customer's purchases would vary
 * by 1% around their mean, at q = 10⁴ customers' means by 1% around the book's: no shop's
 * spends look like that. The fit stops at the first edge it reaches, and such a fit is
 * dropped (see fit-models.ts): a customer's own mean says as much.
 */
export const GAMMA_GAMMA_BOUNDS: Record<keyof GammaGammaParams, { lower: number; upper: number }> = {
  p: { lower: 1e-4, upper: 1e4 },
  q: { lower: 1e-4, upper: 1e4 },
  // γ is in currency units (baht): from a satang's fraction to a fortune.
  v: { lower: 1e-6, upper: 1e12 },
};
const PARAMS: (keyof GammaGammaParams)[] = ['p', 'q', 'v'];
const LOG_BOUNDS = {
  lower: PARAMS.map((k) => Math.log(GAMMA_GAMMA_BOUNDS[k].lower)),
  upper: PARAMS.map((k) => Math.log(GAMMA_GAMMA_BOUNDS[k].upper)),
};

function paramsAtBounds(u: readonly number[]): GammaGammaFit['atBounds'] {
  const out: GammaGammaFit['atBounds'] = [];
  PARAMS.forEach((param, i) => {
    const v = u[i] as number;
    if (v <= (LOG_BOUNDS.lower[i] as number) + 1e-3) out.push({ param, edge: 'lower' });
    else if (v >= (LOG_BOUNDS.upper[i] as number) - 1e-3) out.push({ param, edge: 'upper' });
  });
  return out;
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
  // A sample that already runs to an edge speaks for the whole book: the full fit would
  // only walk the same way, slower (minutes at a million customers).
  if (warm && warm.atBounds.length > 0) {
    return { ...warm, logLikelihood: logLikelihood(d, warm).value, customers: n, excluded: d.excluded };
  }
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
    {
      gradientTolerance: 1e-10,
      bounds: LOG_BOUNDS,
      // Within 0.1% of an edge is at the edge.
      stopNearBound: 1e-3,
      // From a sample's optimum a sound fit needs a handful of steps; more means a crawl.
      ...(warm ? { inverseHessian: warm.inverseHessian, maxIterations: WARM_MAX_ITERATIONS } : {}),
    },
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
    atBounds: paramsAtBounds(result.x),
    inverseHessian: result.inverseHessian,
  };
}

/** E[M | x, m̄]: the expected spend per purchase, shrunk from the customer's mean to the population's. */
export function expectedSpend(g: GammaGammaParams, x: number, m: number): number {
  if (x === 0 || !(m > 0)) return (g.p * g.v) / (g.q - 1);
  return (g.p * (g.v + x * m)) / (g.p * x + g.q - 1);
}
