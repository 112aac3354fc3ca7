import { AppError } from '../../core/errors/app-error.ts';
import { daysBetween, parseCalendarDate } from './fit-input.ts';

/** The longest KPI period (about five years): a longer one is almost always a typo. */
export const MAX_PERIOD_DAYS = 1830;
/** The most cohorts one request may ask for (ten years of months). */
export const MAX_COHORT_MONTHS = 120;

/** A month written YYYY-MM (2026-13 is not one), returned as its first day YYYY-MM-01. */
export function parseMonth(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s);
  if (!m) throw new AppError('analytics_bad_month', { value: s.slice(0, 40) });
  return `${s}-01`;
}

/** Whole months from month a to month b (both YYYY-MM-01). */
export function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export interface Period {
  from: string;
  to: string;
  days: number;
}

/**
 * A reporting period (both ends inclusive, business days) and the previous period of the
 * same length that ends the day before it starts.
 */
export function parsePeriod(fromInput: unknown, toInput: unknown): { current: Period; previous: Period } {
  const from = parseCalendarDate(fromInput);
  const to = parseCalendarDate(toInput);
  const days = daysBetween(from, to) + 1;
  if (days < 1)
    throw new AppError('analytics_bad_period', { from, to, reason: 'from is after to.', reasonTh: 'วันเริ่มอยู่หลังวันสิ้นสุด' });
  if (days > MAX_PERIOD_DAYS)
    throw new AppError('analytics_bad_period', {
      from,
      to,
      reason: `at most ${MAX_PERIOD_DAYS} days.`,
      reasonTh: `ยาวได้ไม่เกิน ${MAX_PERIOD_DAYS} วัน`,
    });
  const previousTo = addDays(from, -1);
  return { current: { from, to, days }, previous: { from: addDays(from, -days), to: previousTo, days } };
}

export { addDays };
