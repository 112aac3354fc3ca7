/** What minimise() reports: the point, the value there, and how it stopped. */
export interface MinimiseResult {
  x: number[];
  value: number;
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** The final inverse Hessian estimate (to warm-start a related problem). */
  inverseHessian: number[][];
}

export type Objective = (x: readonly number[]) => { value: number; gradient: number[] };

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);
const normInf = (a: readonly number[]) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/**
 * BFGS with an Armijo backtracking line search, for smooth objectives with exact
 * gradients (the CLV likelihoods in log-parameters). Stops when the largest gradient
 * component falls below `gradientTolerance`, or when a step no longer changes the value.
 */
export function minimise(
  f: Objective,
  start: readonly number[],
  options: { gradientTolerance?: number; maxIterations?: number; inverseHessian?: number[][] } = {},
): MinimiseResult {
  const tol = options.gradientTolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 500;
  const n = start.length;
  let x = [...start];
  let { value, gradient } = f(x);
  let evaluations = 1;
  if (!Number.isFinite(value)) throw new RangeError('the objective is not finite at the start');
  // Inverse Hessian approximation, starting as the identity.
  let h: number[][] =
    options.inverseHessian?.map((row) => [...row]) ??
    Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (normInf(gradient) < tol) break;
    let direction = h.map((row) => -dot(row, gradient));
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Not a descent direction (lost curvature): restart from steepest descent.
      h = h.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      direction = gradient.map((g) => -g);
      slope = dot(direction, gradient);
    }
    let step = 1;
    let next = x;
    let trial = { value: Number.POSITIVE_INFINITY, gradient };
    for (let k = 0; k < 60; k++) {
      next = x.map((v, i) => v + step * (direction[i] as number));
      trial = f(next);
      evaluations += 1;
      if (Number.isFinite(trial.value) && trial.value <= value + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(trial.value <= value)) break;
    const s = next.map((v, i) => v - (x[i] as number));
    const y = trial.gradient.map((g, i) => g - (gradient[i] as number));
    const sy = dot(s, y);
    const improved = value - trial.value;
    x = next;
    value = trial.value;
    gradient = trial.gradient;
    if (sy > 1e-12) {
      const rho = 1 / sy;
      const hy = h.map((row) => dot(row, y));
      const yhy = dot(y, hy);
      h = h.map((row, i) =>
        row.map(
          (v, j) =>
            v -
            rho * ((hy[i] as number) * (s[j] as number) + (s[i] as number) * (hy[j] as number)) +
            (rho * rho * yhy + rho) * (s[i] as number) * (s[j] as number),
        ),
      );
    }
    if (improved <= 1e-15 * Math.max(1, Math.abs(value)) && normInf(gradient) < Math.sqrt(tol)) break;
  }
  const gradientNorm = normInf(gradient);
  return {
    x,
    value,
    gradientNorm,
    iterations,
    evaluations,
    converged: gradientNorm < Math.sqrt(tol),
    inverseHessian: h,
  };
}
