import { describe, expect, it } from 'vitest';
import { minimise } from './bfgs.ts';

describe('BFGS', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const r = minimise(
      ([x = 0, y = 0]) => ({
        value: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
        gradient: [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
      }),
      [-1.2, 1],
    );
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
  });

  it('refuses a start where the objective is not finite', () => {
    expect(() => minimise(() => ({ value: Number.NaN, gradient: [0] }), [0])).toThrow(RangeError);
  });
});

describe('BFGS within bounds', () => {
  const bowl = ([x = 0, y = 0]: readonly number[]) => ({
    value: (x - 3) ** 2 + 10 * (y + 2) ** 2 + x * y,
    gradient: [2 * (x - 3) + y, 20 * (y + 2) + x],
  });

  it('stops on the face of the box when the free minimum lies outside it', () => {
    // Free minimum near (3.7, -2.2); with x ≤ 1 the minimum is x = 1, y = −2.05.
    const r = minimise(bowl, [0, 0], { bounds: { lower: [-5, -5], upper: [1, 5] } });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBe(1);
    expect(r.x[1]).toBeCloseTo(-2.05, 6);
  });

  it('clamps a start outside the box and finds the interior minimum as without bounds', () => {
    const free = minimise(bowl, [0, 0]);
    const boxed = minimise(bowl, [50, 50], { bounds: { lower: [-10, -10], upper: [10, 10] } });
    expect(boxed.converged).toBe(true);
    expect(boxed.x[0]).toBeCloseTo(free.x[0] as number, 6);
    expect(boxed.x[1]).toBeCloseTo(free.x[1] as number, 6);
  });
});
