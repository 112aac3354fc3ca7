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
