import { z } from '@hono/zod-openapi';
import { AppError } from '../../core/errors/app-error.ts';
import { DEFAULT_SCORE_OPTIONS } from './score-customers.ts';

export const recomputeRequestSchema = z
  .object({
    calibrationEnd: z.string().optional().openapi({ description: 'YYYY-MM-DD; default today (business time zone)' }),
    timeUnit: z.string().optional().openapi({ description: 'week (default) or day' }),
    monthlyDiscountRate: z.number().optional().openapi({ description: 'default 0.01 (1% a month)' }),
    gradeShares: z
      .object({ a: z.number(), b: z.number() })
      .optional()
      .openapi({ description: 'shares of customers graded A and B by CLV; default 0.2 and 0.3' }),
  })
  .openapi('RecomputeRequest');
export type RecomputeRequest = z.infer<typeof recomputeRequestSchema>;

export interface ValueOptions {
  monthlyDiscountRate: number;
  gradeShares: { a: number; b: number };
}

/** The CLV and grading options of a recompute, checked, with defaults filled in. */
export function valueOptions(input: { monthlyDiscountRate?: unknown; gradeShares?: unknown }): ValueOptions {
  const rate = input.monthlyDiscountRate ?? DEFAULT_SCORE_OPTIONS.monthlyDiscountRate;
  if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
    throw new AppError('analytics_bad_options', {
      field: 'monthlyDiscountRate',
      reason: 'a share of 0 or more and below 1, e.g. 0.01 for 1% a month',
      reasonTh: 'ต้องเป็นสัดส่วนตั้งแต่ 0 แต่ไม่ถึง 1 เช่น 0.01 คือ 1% ต่อเดือน',
    });
  }
  const shares = (input.gradeShares ?? DEFAULT_SCORE_OPTIONS.gradeShares) as { a?: unknown; b?: unknown };
  const { a, b } = shares;
  if (typeof a !== 'number' || typeof b !== 'number' || !(a > 0 && b >= 0 && a + b <= 1)) {
    throw new AppError('analytics_bad_options', {
      field: 'gradeShares',
      reason: 'a above 0, b 0 or more, and a + b at most 1 (e.g. 0.2 and 0.3)',
      reasonTh: 'a ต้องมากกว่า 0 และ b ตั้งแต่ 0 ขึ้นไป โดย a + b ไม่เกิน 1 (เช่น 0.2 และ 0.3)',
    });
  }
  return { monthlyDiscountRate: rate, gradeShares: { a, b } };
}
