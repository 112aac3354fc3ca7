import { minimise } from './bfgs.ts';
import { frequencyCounts, groupSummaries, type Summaries, strideSample } from './rfm-data.ts';
import { digamma, hyp2f1, lgamma } from './special.ts';

/** BG/NBD parameters (Fader, Hardie & Lee 2005): purchase rate ~ Gamma(r, α), dropout ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export type BgNbdParamName = keyof BgNbdParams;

export interface BgNbdFit extends BgNbdParams {
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /**
   * Parameters that ended on the edge of their allowed range (BGNBD_BOUNDS): the data
   * points to one of the model's limiting cases, e.g. b at its upper edge (or a at its
   * lower one) when customers hardly ever stop buying.
   */
  atBounds: { param: BgNbdParamName; edge: 'lower' | 'upper' }[];
  /** Of the mean negative log-likelihood in log-parameters, as the optimiser ended. */
  inverseHessian: number[][];
}

/**
 * Σ_{k<x} of the x-only terms, for every whole x up to maxX: log((r+k)(b+k)/(a+b+k)) and
 * its derivatives in r, a and b. These equal the gamma-function ratios
 * Γ(r+x)/Γ(r) · B(a, b+x)/B(a, b) of the published likelihood, but sum small logarithms
 * instead of subtracting huge log-gammas, so they keep their digits when a parameter is
 * large (b = 1e6 near the "no dropout" limit loses ten digits the other way).
 */
function wholeXTerms(r: number, a: number, b: number, maxX: number) {
  const value = new Float64Array(maxX + 1);
  const dr = new Float64Array(maxX + 1);
  const da = new Float64Array(maxX + 1);
  const db = new Float64Array(maxX + 1);
  for (let k = 0; k < maxX; k++) {
    const abk = a + b + k;
    value[k + 1] = (value[k] as number) + Math.log(r + k) + Math.log1p(-a / abk);
    dr[k + 1] = (dr[k] as number) + 1 / (r + k);
    da[k + 1] = (da[k] as number) - 1 / abk;
    db[k + 1] = (db[k] as number) + a / ((b + k) * abk);
  }
  return { value, dr, da, db };
}

/** The same x-only terms for any x ≥ 0 through gamma functions (for fractional x). */
function gammaXTerms(r: number, a: number, b: number, x: number) {
  return {
    value: lgamma(r + x) - lgamma(r) + lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x),
    dr: digamma(r + x) - digamma(r),
    da: digamma(a + b) - digamma(a + b + x),
    db: digamma(a + b) + digamma(b + x) - digamma(b) - digamma(a + b + x),
  };
}

/**
 * The log-likelihood of the data and its gradient in log-parameters. Terms that depend
 * on x alone (the gamma and beta functions) are summed once per distinct x; per customer
 * (or per distinct (x, t_x, T) with its weight w) remain a few logarithms and a stable
 * log-sum-exp of the two likelihood terms. r·log α is folded into each customer's term as
 * −r·log(1 + T/α), which stays exact when r and α are both large (one rate for all).
 */
export function bgnbdLogLikelihood(
  data: Summaries,
  p: BgNbdParams,
  counts = frequencyCounts(data.x, data.w),
): { value: number; gradient: [number, number, number, number] } {
  const { r, alpha, a, b } = p;
  const w = data.w;
  const n = data.x.length;
  let value = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  let maxX = 0;
  let whole = true;
  for (const x of counts.keys()) {
    if (!Number.isInteger(x) || x < 0) whole = false;
    else if (x > maxX) maxX = x;
  }
  const table = whole ? wholeXTerms(r, a, b, maxX) : undefined;
  for (const [x, count] of counts) {
    const t = table
      ? {
          value: table.value[x] as number,
          dr: table.dr[x] as number,
          da: table.da[x] as number,
          db: table.db[x] as number,
        }
      : gammaXTerms(r, a, b, x);
    value += count * t.value;
    gr += count * t.dr;
    ga += count * t.da;
    gb += count * t.db;
  }
  const logA = Math.log(a);
  const { x: xs, tx, T } = data;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const wi = w ? (w[i] as number) : 1;
    const Ti = T[i] as number;
    const aT = alpha + Ti;
    // r·log α − (r+x)·log(α+T) = −r·log(1+T/α) − x·log(α+T).
    const l3 = Math.log1p(Ti / alpha);
    const a3 = -r * l3 - x * Math.log(aT);
    // ∂a3/∂α = (rT/α − x)/(α+T).
    const d3Alpha = ((r * Ti) / alpha - x) / aT;
    if (x === 0) {
      value += wi * a3;
      gr -= wi * l3;
      gAlpha += wi * d3Alpha;
      continue;
    }
    const txi = tx[i] as number;
    const aTx = alpha + txi;
    const bx1 = b + x - 1;
    const l4 = Math.log1p(txi / alpha);
    const a4 = logA - Math.log(bx1) - r * l4 - x * Math.log(aTx);
    const d4Alpha = ((r * txi) / alpha - x) / aTx;
    // log(e^a3 + e^a4) and the weight of the second term, without overflow.
    const d = a4 - a3;
    const e = Math.exp(-Math.abs(d));
    value += wi * (Math.max(a3, a4) + Math.log1p(e));
    const w4 = (d >= 0 ? 1 / (1 + e) : e / (1 + e)) * wi;
    const w3 = wi - w4;
    gr -= w3 * l3 + w4 * l4;
    gAlpha += w3 * d3Alpha + w4 * d4Alpha;
    ga += w4 / a;
    gb -= w4 / bx1;
  }
  return { value, gradient: [gr * r, gAlpha * alpha, ga * a, gb * b] };
}

/** Above this many customers, a fit on a sample of this size gives the full fit its start. */
const WARM_START_SAMPLE = 20_000;
/** Steps allowed to the full fit after a warm start (a sound one takes fewer than 20). */
const WARM_MAX_ITERATIONS = 100;

/**
 * The range each parameter may take. On some data the likelihood keeps rising towards a
 * limiting case of the model: with no dropout in sight, a → 0 and b → ∞ (the model
 * becomes the NBD, everyone alive); with one rate for all, r, α → ∞; with one dropout
 * chance for all, a, b → ∞ together. Left unbounded the optimiser walks off until gamma
 * functions of 1e300 lose every digit (a log-likelihood of +5.8e282 was seen). Inside
 * these bounds every term keeps ten or more significant digits, and at the edge the
 * model is as close to its limit as any prediction can tell.
 */
export const BGNBD_BOUNDS: Record<BgNbdParamName, { lower: number; upper: number }> = {
  r: { lower: 1e-4, upper: 1e4 },
  // α is in the time unit (day or week): a mean rate r/α as low as 1e-4 per unit at r's top.
  alpha: { lower: 1e-4, upper: 1e8 },
  a: { lower: 1e-4, upper: 1e6 },
  b: { lower: 1e-4, upper: 1e6 },
};
const PARAMS: BgNbdParamName[] = ['r', 'alpha', 'a', 'b'];
const LOG_BOUNDS = {
  lower: PARAMS.map((k) => Math.log(BGNBD_BOUNDS[k].lower)),
  upper: PARAMS.map((k) => Math.log(BGNBD_BOUNDS[k].upper)),
};

/** Which parameters (log scale u) sit on a bound. */
function paramsAtBounds(u: readonly number[]): BgNbdFit['atBounds'] {
  const out: BgNbdFit['atBounds'] = [];
  PARAMS.forEach((param, i) => {
    const v = u[i] as number;
    if (v <= (LOG_BOUNDS.lower[i] as number) + 1e-6) out.push({ param, edge: 'lower' });
    else if (v >= (LOG_BOUNDS.upper[i] as number) - 1e-6) out.push({ param, edge: 'upper' });
  });
  return out;
}

/**
 * Fits the BG/NBD by maximum likelihood: BFGS on the mean negative log-likelihood in
 * log-parameters (so every parameter stays positive) within BGNBD_BOUNDS, from
 * r = α = a = b = 1, or for a large book from a fit on an evenly spread sample (the full
 * fit then needs few steps).
 */
export function fitBgNbd(customers: Summaries): BgNbdFit {
  const n = customers.x.length;
  if (n === 0) throw new RangeError('no customers to fit');
  const warm =
    n > 2 * WARM_START_SAMPLE
      ? fitBgNbd(strideSample({ x: customers.x, tx: customers.tx, T: customers.T }, WARM_START_SAMPLE))
      : undefined;
  const start = warm ? [warm.r, warm.alpha, warm.a, warm.b].map(Math.log) : [0, 0, 0, 0];
  // Customers with the same (x, t_x, T) add the same term: sum each distinct one once.
  const data = groupSummaries(customers);
  const counts = frequencyCounts(data.x, data.w);
  const result = minimise(
    (u) => {
      const p = {
        r: Math.exp(u[0] as number),
        alpha: Math.exp(u[1] as number),
        a: Math.exp(u[2] as number),
        b: Math.exp(u[3] as number),
      };
      const { value, gradient } = bgnbdLogLikelihood(data, p, counts);
      return { value: -value / n, gradient: gradient.map((g) => -g / n) };
    },
    start,
    {
      gradientTolerance: 1e-10,
      bounds: LOG_BOUNDS,
      // From a sample's optimum a sound fit needs a handful of steps; more means a crawl.
      ...(warm ? { inverseHessian: warm.inverseHessian, maxIterations: WARM_MAX_ITERATIONS } : {}),
    },
  );
  const [r, alpha, a, b] = result.x.map(Math.exp) as [number, number, number, number];
  return {
    r,
    alpha,
    a,
    b,
    logLikelihood: -result.value * n,
    iterations: result.iterations,
    converged: result.converged,
    atBounds: paramsAtBounds(result.x),
    inverseHessian: result.inverseHessian,
  };
}

/** P(alive | x, t_x, T): the chance the customer has not dropped out. */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const ratio = Math.exp((p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx)));
  return 1 / (1 + (p.a / (p.b + x - 1)) * ratio);
}

/**
 * E[Y(t) | x, T, alive]: expected repeat purchases in the next t periods of a customer
 * still alive. It does not depend on t_x, so customers sharing (x, T) share it.
 */
export function expectedPurchasesIfAlive(p: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const head = (a + b + x - 1) / (a - 1);
  const tail = ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  return head * (1 - tail);
}

/** E[Y(t) | x, t_x, T]: expected repeat purchases in the next t periods. */
export function expectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  return expectedPurchasesIfAlive(p, t, x, T) * probabilityAlive(p, x, tx, T);
}

/** E[X(t)]: expected repeat purchases of a new customer in their first t periods. */
export function expectedPurchasesNew(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  return ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}
