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

/** Box constraints: lower[i] ≤ x[i] ≤ upper[i]. */
export interface Bounds {
  lower: readonly number[];
  upper: readonly number[];
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);
const normInf = (a: readonly number[]) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

const identity = (n: number) =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

/**
 * BFGS with an Armijo backtracking line search, for smooth objectives with exact
 * gradients (the CLV likelihoods in log-parameters). Stops when the largest gradient
 * component falls below `gradientTolerance`, or when a step no longer changes the value.
 *
 * With `bounds`, a projected variant: a variable resting on a bound while the gradient
 * pushes it outward is held there (its direction and gradient component count as zero),
 * and every trial point is clamped into the box. Likelihoods whose optimum lies "at
 * infinity" (a model's limiting case) then stop at the box's face instead of walking off
 * until the arithmetic breaks down.
 */
export function minimise(
  f: Objective,
  start: readonly number[],
  options: {
    gradientTolerance?: number;
    maxIterations?: number;
    inverseHessian?: number[][];
    bounds?: Bounds;
    /**
     * Stop as soon as a variable comes within this distance of a bound (when an edge means
     * the fit is of no use, walking the last stretch would only cost time).
     */
    stopNearBound?: number;
  } = {},
): MinimiseResult {
  const tol = options.gradientTolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 500;
  const n = start.length;
  const lower = options.bounds?.lower ?? Array<number>(n).fill(Number.NEGATIVE_INFINITY);
  const upper = options.bounds?.upper ?? Array<number>(n).fill(Number.POSITIVE_INFINITY);
  const clamp = (v: number, i: number) => Math.min(upper[i] as number, Math.max(lower[i] as number, v));
  // A variable on a bound is let go only when the gradient clearly pulls it back inside:
  // near a model's limiting case the pull is tiny and flips sign from step to step, and
  // letting go each time would keep restarting the curvature estimate.
  const release = Math.sqrt(tol);
  /** The gradient with the components of variables held at a bound set to zero. */
  const projected = (at: readonly number[], g: readonly number[]) =>
    g.map((gi, i) => {
      const v = at[i] as number;
      const held = (v <= (lower[i] as number) && gi > -release) || (v >= (upper[i] as number) && gi < release);
      return held ? 0 : gi;
    });
  let x = start.map(clamp);
  let { value, gradient } = f(x);
  let evaluations = 1;
  if (!Number.isFinite(value)) throw new RangeError('the objective is not finite at the start');
  // Inverse Hessian approximation, starting as the identity.
  let h: number[][] = options.inverseHessian?.map((row) => [...row]) ?? identity(n);
  let freshH = !options.inverseHessian;
  let pg = projected(x, gradient);
  let heldBefore = '';
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (normInf(pg) < tol) break;
    const free = pg.map((g, i) => g !== 0 || gradient[i] === 0);
    const held = free.map((f) => (f ? '.' : 'h')).join('');
    if (held !== heldBefore && iterations > 0) {
      // The set of variables held on a bound changed: the curvature learnt so far mixes
      // in directions that are now closed, so start the estimate afresh.
      h = identity(n);
      freshH = true;
    }
    heldBefore = held;
    const freeGradient = gradient.map((g, i) => (free[i] ? g : 0));
    let direction = h.map((row, i) => (free[i] ? -dot(row, freeGradient) : 0));
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Not a descent direction (lost curvature): restart from steepest descent.
      h = identity(n);
      freshH = true;
      direction = pg.map((g) => -g);
      slope = dot(direction, gradient);
    }
    let step = 1;
    let next = x;
    let trial = { value: Number.POSITIVE_INFINITY, gradient };
    for (let k = 0; k < 60; k++) {
      next = x.map((v, i) => clamp(v + step * (direction[i] as number), i));
      trial = f(next);
      evaluations += 1;
      const change = dot(
        gradient,
        next.map((v, i) => v - (x[i] as number)),
      );
      if (Number.isFinite(trial.value) && trial.value <= value + 1e-4 * Math.min(change, 0)) break;
      step *= 0.5;
    }
    if (!(trial.value <= value)) {
      if (freshH) break;
      // The curvature estimate led nowhere: try once more from steepest descent.
      h = identity(n);
      freshH = true;
      continue;
    }
    freshH = false;
    const s = next.map((v, i) => v - (x[i] as number));
    const y = trial.gradient.map((g, i) => g - (gradient[i] as number));
    const sy = dot(s, y);
    const improved = value - trial.value;
    x = next;
    value = trial.value;
    gradient = trial.gradient;
    pg = projected(x, gradient);
    const near = options.stopNearBound;
    if (near !== undefined && x.some((v, i) => v <= (lower[i] as number) + near || v >= (upper[i] as number) - near)) {
      iterations++;
      break;
    }
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
    if (improved <= 1e-15 * Math.max(1, Math.abs(value)) && normInf(pg) < Math.sqrt(tol)) break;
  }
  const gradientNorm = normInf(pg);
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
