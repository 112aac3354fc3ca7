import { minimise } from './bfgs.ts';
import { frequencyCounts, type Summaries } from './rfm-data.ts';
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
}

/**
 * The log-likelihood of the data and its gradient in log-parameters. Terms that depend
 * on x alone (the gamma and beta functions) are summed once per distinct x; per customer
 * remain two logarithms and a stable log-sum-exp of the two likelihood terms.
 */
export function bgnbdLogLikelihood(
  data: Summaries,
  p: BgNbdParams,
  counts = frequencyCounts(data.x),
): { value: number; gradient: [number, number, number, number] } {
  const { r, alpha, a, b } = p;
  const n = data.x.length;
  let value = n * r * Math.log(alpha);
  let gr = n * Math.log(alpha);
  let gAlpha = (n * r) / alpha;
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
    const rx = r + x;
    const aT = alpha + (T[i] as number);
    const a3 = -rx * Math.log(aT);
    if (x === 0) {
      value += a3;
      gr -= Math.log(aT);
      gAlpha -= rx / aT;
      continue;
    }
    const aTx = alpha + (tx[i] as number);
    const bx1 = b + x - 1;
    const logATx = Math.log(aTx);
    const a4 = logA - Math.log(bx1) - rx * logATx;
    // log(e^a3 + e^a4) and the weight of the second term, without overflow.
    const d = a4 - a3;
    const e = Math.exp(-Math.abs(d));
    value += Math.max(a3, a4) + Math.log1p(e);
    const w4 = d >= 0 ? 1 / (1 + e) : e / (1 + e);
    const w3 = 1 - w4;
    gr -= w3 * Math.log(aT) + w4 * logATx;
    gAlpha -= w3 * (rx / aT) + w4 * (rx / aTx);
    ga += w4 / a;
    gb -= w4 / bx1;
  }
  return { value, gradient: [gr * r, gAlpha * alpha, ga * a, gb * b] };
}

/**
 * Fits the BG/NBD by maximum likelihood: BFGS on the mean negative log-likelihood in
 * log-parameters (so every parameter stays positive), from r = α = a = b = 1.
 */
export function fitBgNbd(data: Summaries): BgNbdFit {
  const n = data.x.length;
  if (n === 0) throw new RangeError('no customers to fit');
  const counts = frequencyCounts(data.x);
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
    [0, 0, 0, 0],
    { gradientTolerance: 1e-10 },
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
  };
}

/** P(alive | x, t_x, T): the chance the customer has not dropped out. */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const ratio = Math.exp((p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx)));
  return 1 / (1 + (p.a / (p.b + x - 1)) * ratio);
}

/** E[Y(t) | x, t_x, T]: expected repeat purchases in the next t periods. */
export function expectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const head = (a + b + x - 1) / (a - 1);
  const tail = ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  return head * (1 - tail) * probabilityAlive(p, x, tx, T);
}

/** E[X(t)]: expected repeat purchases of a new customer in their first t periods. */
export function expectedPurchasesNew(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  return ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}
