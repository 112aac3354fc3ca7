import { AppError } from '../../core/errors/app-error.ts';
import { TIME_UNITS, type TimeUnit } from './customer-summaries.ts';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function parseCalendarDate(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== s) throw new AppError('analytics_bad_date', { value: s.slice(0, 40) });
  return s;
}

export function parseTimeUnit(value: unknown): TimeUnit {
  if (typeof value === 'string' && (TIME_UNITS as readonly string[]).includes(value)) return value as TimeUnit;
  throw new AppError('analytics_unsupported_time_unit', { value: String(value).slice(0, 40) });
}

/** Today's date in the business time zone. */
export function businessToday(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Days from a to b (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}
