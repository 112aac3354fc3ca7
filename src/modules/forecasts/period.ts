import { AppError } from '../../core/errors/app-error.ts';

export type PeriodKind = 'month' | 'quarter';

/** A calendar month or quarter in the business time zone; `end` is the first day after it. */
export interface Period {
  kind: PeriodKind;
  /** "2026-12" or "2026-Q4". */
  label: string;
  start: string;
  end: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

function ymd(year: number, month: number): string {
  // month may run past 12: 2026 month 13 is 2027-01.
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

function build(kind: PeriodKind, year: number, firstMonth: number): Period {
  const months = kind === 'month' ? 1 : 3;
  const label =
    kind === 'month'
      ? `${year}-${String(firstMonth).padStart(2, '0')}`
      : `${year}-Q${Math.floor((firstMonth - 1) / 3) + 1}`;
  return { kind, label, start: ymd(year, firstMonth), end: ymd(year, firstMonth + months) };
}

/** "2026-12" → December 2026, "2026-Q4" → October–December 2026; anything else is a coded 400. */
export function parsePeriod(text: string): Period {
  const value = text.trim().toUpperCase();
  const month = MONTH.exec(value);
  if (month) return build('month', Number(month[1]), Number(month[2]));
  const quarter = QUARTER.exec(value);
  if (quarter) return build('quarter', Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1);
  throw new AppError('sales_period_invalid', { period: text });
}

/** The period a quota row describes. */
export function periodOf(kind: PeriodKind, start: string): Period {
  return build(kind, Number(start.slice(0, 4)), Number(start.slice(5, 7)));
}

/** The same period one year earlier. */
export function lastYear(p: Period): Period {
  return periodOf(p.kind, `${Number(p.start.slice(0, 4)) - 1}${p.start.slice(4)}`);
}

/** The months of a period, as quota period starts ("2026-10-01", …). */
export function monthStarts(p: Period): string[] {
  const year = Number(p.start.slice(0, 4));
  const first = Number(p.start.slice(5, 7));
  return Array.from({ length: p.kind === 'month' ? 1 : 3 }, (_, i) => ymd(year, first + i));
}
