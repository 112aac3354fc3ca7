/**
 * Logistic regression with an L2 penalty, fitted by Newton's method (IRLS). Small and
 * exact: the Hessian is (p+1)×(p+1) for p features, solved by Gaussian elimination, so a
 * few thousand leads and a few dozen rules fit in milliseconds. The intercept is not
 * penalised. Features should be standardised by the caller.
 */
export interface LogisticFit {
  /** Intercept first, then one weight per feature. */
  coefficients: number[];
  iterations: number;
  converged: boolean;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function predict(coefficients: readonly number[], x: readonly number[]): number {
  let z = coefficients[0] ?? 0;
  for (let j = 0; j < x.length; j++) z += (coefficients[j + 1] ?? 0) * (x[j] ?? 0);
  return sigmoid(z);
}

/** Solves A·x = b for a square n×n A stored row-major (both changed in place); null when singular. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const get = (r: number, c: number) => a[r * n + c] ?? 0;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(get(r, col)) > Math.abs(get(pivot, col))) pivot = r;
    if (Math.abs(get(pivot, col)) < 1e-12) return null;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        const t = get(col, k);
        a[col * n + k] = get(pivot, k);
        a[pivot * n + k] = t;
      }
      const t = b[col] ?? 0;
      b[col] = b[pivot] ?? 0;
      b[pivot] = t;
    }
    for (let r = col + 1; r < n; r++) {
      const f = get(r, col) / get(col, col);
      if (f === 0) continue;
      for (let k = col; k < n; k++) a[r * n + k] = get(r, k) - f * get(col, k);
      b[r] = (b[r] ?? 0) - f * (b[col] ?? 0);
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r] ?? 0;
    for (let k = r + 1; k < n; k++) s -= get(r, k) * (x[k] ?? 0);
    x[r] = s / get(r, r);
  }
  return x;
}

export function fitLogistic(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  options: { lambda?: number; maxIterations?: number; tolerance?: number } = {},
): LogisticFit {
  const lambda = options.lambda ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  const p = (xs[0]?.length ?? 0) + 1;
  let w = new Array<number>(p).fill(0);
  for (let it = 1; it <= maxIterations; it++) {
    const grad = new Float64Array(p);
    const hess = new Float64Array(p * p);
    xs.forEach((x, i) => {
      const row = [1, ...x];
      const mu = predict(w, x);
      const r = (ys[i] ?? 0) - mu;
      const v = Math.max(mu * (1 - mu), 1e-10);
      row.forEach((rj, j) => {
        grad[j] = (grad[j] ?? 0) + r * rj;
        for (let k = j; k < p; k++) hess[j * p + k] = (hess[j * p + k] ?? 0) + v * rj * (row[k] ?? 0);
      });
    });
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < j; k++) hess[j * p + k] = hess[k * p + j] ?? 0;
      if (j > 0) {
        grad[j] = (grad[j] ?? 0) - lambda * (w[j] ?? 0);
        hess[j * p + j] = (hess[j * p + j] ?? 0) + lambda;
      }
    }
    const step = solve(hess, grad, p);
    if (!step) return { coefficients: w, iterations: it, converged: false };
    w = w.map((wj, j) => wj + (step[j] ?? 0));
    if (Math.max(...Array.from(step, Math.abs)) < tolerance)
      return { coefficients: w, iterations: it, converged: true };
  }
  return { coefficients: w, iterations: maxIterations, converged: false };
}

/** Area under the ROC curve: the chance a random positive scores above a random negative (ties count ½). */
export function auc(scores: readonly number[], labels: readonly number[]): number | null {
  const pairs = scores.map((s, i) => ({ s, y: labels[i] ?? 0 })).sort((a, b) => a.s - b.s);
  const pos = pairs.filter((p) => p.y === 1).length;
  const neg = pairs.length - pos;
  if (pos === 0 || neg === 0) return null;
  let rankSum = 0;
  for (let i = 0; i < pairs.length; ) {
    const s = pairs[i]?.s;
    let j = i;
    while (j < pairs.length && pairs[j]?.s === s) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (pairs[k]?.y === 1) rankSum += midRank;
    i = j;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
