import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/principal.ts';
import type { DbOrTx } from '../../core/db/database.ts';
import { rowsOf } from '../../core/db/rows-of.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { expectedPurchases } from './clv/bgnbd.ts';
import { customerSummaries, DAYS_PER_UNIT } from './customer-summaries.ts';
import { authorizeWholeBook, fitResultSchema, fitView } from './fit-clv.ts';
import { daysBetween, parseCalendarDate } from './fit-input.ts';
import { fitModels } from './fit-models.ts';
import { loadSummaries } from './load-summaries.ts';
import { addDays } from './period-input.ts';

/** Calibration frequency groups: 0, 1, …, 6 repeat purchases, then 7 or more. */
export const HOLDOUT_GROUPS = 8;

export const holdoutQuerySchema = z.object({
  calibrationEnd: z
    .string()
    .optional()
    .openapi({
      param: { name: 'calibrationEnd', in: 'query' },
      description:
        'Last day of the calibration period (default: two thirds of the way from the first to the last order)',
    }),
});

export const holdoutCheckSchema = z
  .object({
    calibrationEnd: z.string(),
    holdoutEnd: z.string().openapi({ description: 'The day of the last counted order' }),
    holdoutWeeks: z.number(),
    fit: fitResultSchema,
    groups: z.array(
      z.object({
        repeatPurchases: z
          .string()
          .openapi({ description: "Repeat purchases in the calibration period ('7+' for seven or more)" }),
        customers: z.number().int(),
        actualMean: z.number().openapi({ description: 'Mean purchase days in the holdout' }),
        predictedMean: z.number(),
      }),
    ),
    actualTotal: z.number().int(),
    predictedTotal: z.number(),
  })
  .openapi('HoldoutCheck');
export type HoldoutCheck = z.infer<typeof holdoutCheckSchema>;

/**
 * How well the purchase model predicts: fits BG/NBD (weeks) on orders up to the calibration
 * end, predicts each customer's purchase days from then to the last order, and compares with
 * what they really did, by calibration repeat purchases (the published BG/NBD check). Writes
 * nothing; whole-book readers only.
 */
export async function getHoldoutCheck(db: DbOrTx, actor: Actor, q: { calibrationEnd?: string }): Promise<HoldoutCheck> {
  authorizeWholeBook(actor, 'read');
  const { timeZone } = await getSettings(db);
  const [span] = await rowsOf<{ first: string | null; last: string | null }>(
    db,
    sql`select to_char((min(ordered_at) at time zone ${timeZone})::date, 'YYYY-MM-DD') as first,
               to_char((max(ordered_at) at time zone ${timeZone})::date, 'YYYY-MM-DD') as last
        from orders where status in ('paid', 'fulfilled', 'partially_refunded')`,
  );
  if (!span?.first || !span.last) throw new AppError('analytics_no_purchases');
  const holdoutEnd = span.last;
  const calibrationEnd =
    q.calibrationEnd === undefined
      ? addDays(span.first, Math.floor((daysBetween(span.first, span.last) * 2) / 3))
      : parseCalendarDate(q.calibrationEnd);
  if (calibrationEnd >= holdoutEnd)
    throw new AppError('analytics_bad_period', {
      from: calibrationEnd,
      to: holdoutEnd,
      reason: 'the calibration must end before the last order, to leave a holdout.',
      reasonTh: 'ช่วงปรับเทียบต้องสิ้นสุดก่อนคำสั่งซื้อล่าสุด เพื่อให้เหลือช่วงทดสอบ',
    });
  const cal = await loadSummaries(db, { calibrationEnd, timeUnit: 'week' });
  const fit = fitModels(cal.summaries, calibrationEnd);
  const after = await customerSummaries(db, { calibrationEnd: holdoutEnd, timeUnit: 'week', timeZone });
  const periodsAfter = new Map<string, number>();
  after.ids.forEach((id, i) => {
    periodsAfter.set(id, after.periods[i] as number);
  });
  const t = daysBetween(calibrationEnd, holdoutEnd) / DAYS_PER_UNIT.week;
  const s = cal.summaries;
  const n = new Float64Array(HOLDOUT_GROUPS);
  const actual = new Float64Array(HOLDOUT_GROUPS);
  const predicted = new Float64Array(HOLDOUT_GROUPS);
  for (let i = 0; i < s.ids.length; i++) {
    const x = s.x[i] as number;
    const g = Math.min(x, HOLDOUT_GROUPS - 1);
    const later = (periodsAfter.get(s.ids[i] as string) ?? 0) - (s.periods[i] as number);
    n[g] = (n[g] as number) + 1;
    actual[g] = (actual[g] as number) + Math.max(0, later);
    predicted[g] = (predicted[g] as number) + expectedPurchases(fit.bgnbd, t, x, s.tx[i] as number, s.T[i] as number);
  }
  const groups = Array.from({ length: HOLDOUT_GROUPS }, (_, g) => ({
    repeatPurchases: g === HOLDOUT_GROUPS - 1 ? `${g}+` : String(g),
    customers: n[g] as number,
    actualMean: n[g] ? (actual[g] as number) / (n[g] as number) : 0,
    predictedMean: n[g] ? (predicted[g] as number) / (n[g] as number) : 0,
  }));
  return {
    calibrationEnd,
    holdoutEnd,
    holdoutWeeks: t,
    fit: fitView(calibrationEnd, 'week', fit),
    groups,
    actualTotal: actual.reduce((a, b) => a + b, 0),
    predictedTotal: predicted.reduce((a, b) => a + b, 0),
  };
}
