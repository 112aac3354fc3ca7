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

export interface BgNbdFit extends BgNbdParams {
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** Of the mean negative log-likelihood in log-parameters, as the optimiser ended. */
  inverseHessian: number[][];
}

/**
 * The log-likelihood of the data and its gradient in log-parameters. Terms that depend
 * on x alone (the gamma and beta functions) are summed once per distinct x; per customer
 * (or per distinct (x, t_x, T) with its weight w) remain two logarithms and a stable
 * log-sum-exp of the two likelihood terms.
 */
export function bgnbdLogLikelihood(
  data: Summaries,
  p: BgNbdParams,
  counts = frequencyCounts(data.x, data.w),
): { value: number; gradient: [number, number, number, number] } {
  const { r, alpha, a, b } = p;
  const w = data.w;
  const n = data.x.length;
  let total = n;
  if (w) {
    total = 0;
    for (let i = 0; i < n; i++) total += w[i] as number;
  }
  let value = total * r * Math.log(alpha);
  let gr = total * Math.log(alpha);
  let gAlpha = (total * r) / alpha;
  let ga = 0;
  let gb = 0;
  const lgR = lgamma(r);
  const psiR = digamma(r);
  const lgAB = lgamma(a + b);
  const lgB = lgamma(b);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  for (const [x, count] of counts) {
    value += count * (lgamma(r + x) - lgR + lgAB + lgamma(b + x) - lgB - lgamma(a + b + x));
    gr += count * (digamma(r + x) - psiR);
    const psiABx = digamma(a + b + x);
    ga += count * (psiAB - psiABx);
    gb += count * (psiAB + digamma(b + x) - psiB - psiABx);
  }
  const logA = Math.log(a);
  const { x: xs, tx, T } = data;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const wi = w ? (w[i] as number) : 1;
    const rx = r + x;
    const aT = alpha + (T[i] as number);
    const logAT = Math.log(aT);
    const a3 = -rx * logAT;
    if (x === 0) {
      value += wi * a3;
      gr -= wi * logAT;
      gAlpha -= (wi * rx) / aT;
      continue;
    }
    const aTx = alpha + (tx[i] as number);
    const bx1 = b + x - 1;
    const logATx = Math.log(aTx);
    const a4 = logA - Math.log(bx1) - rx * logATx;
    // log(e^a3 + e^a4) and the weight of the second term, without overflow.
    const d = a4 - a3;
    const e = Math.exp(-Math.abs(d));
    value += wi * (Math.max(a3, a4) + Math.log1p(e));
    const w4 = (d >= 0 ? 1 / (1 + e) : e / (1 + e)) * wi;
    const w3 = wi - w4;
    gr -= w3 * logAT + w4 * logATx;
    gAlpha -= w3 * (rx / aT) + w4 * (rx / aTx);
    ga += w4 / a;
    gb -= w4 / bx1;
  }
  return { value, gradient: [gr * r, gAlpha * alpha, ga * a, gb * b] };
}

/** Above this many customers, a fit on a sample of this size gives the full fit its start. */
const WARM_START_SAMPLE = 20_000;

/**
 * Fits the BG/NBD by maximum likelihood: BFGS on the mean negative log-likelihood in
 * log-parameters (so every parameter stays positive), from r = α = a = b = 1, or for a
 * large book from a fit on an evenly spread sample (the full fit then needs few steps).
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
    { gradientTolerance: 1e-10, ...(warm ? { inverseHessian: warm.inverseHessian } : {}) },
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
