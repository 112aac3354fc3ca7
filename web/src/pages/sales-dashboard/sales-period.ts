import { dateLocale } from '../../format/formatters.ts';

export type PeriodKind = 'month' | 'quarter';

/** Today's year and month in the business time zone. */
function todayIn(timeZone: string, now = new Date()): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month') };
}

export function periodLabel(kind: PeriodKind, year: number, month: number): string {
  return kind === 'month' ? `${year}-${String(month).padStart(2, '0')}` : `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The current month or quarter, as the API writes it (2026-12, 2026-Q4). */
export function currentPeriod(kind: PeriodKind, timeZone: string): string {
  const { year, month } = todayIn(timeZone);
  return periodLabel(kind, year, month);
}

/** First day, last day (inclusive) and year of a period label. */
export function periodRange(label: string): { from: string; to: string; year: number; kind: PeriodKind } {
  const year = Number(label.slice(0, 4));
  const quarter = /Q([1-4])$/.exec(label);
  const first = quarter ? (Number(quarter[1]) - 1) * 3 + 1 : Number(label.slice(5, 7));
  const months = quarter ? 3 : 1;
  const last = new Date(Date.UTC(year, first - 1 + months, 0));
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    from: `${year}-${pad(first)}-01`,
    to: `${last.getUTCFullYear()}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}`,
    year,
    kind: quarter ? 'quarter' : 'month',
  };
}

/** A period for people: "ธ.ค. 2569" / "Dec 2026", "ไตรมาส 4/2569" / "Q4 2026". */
export function displayPeriod(label: string, language: string, buddhistEra: boolean): string {
  const { year, kind, from } = periodRange(label);
  const locale = dateLocale(language, buddhistEra);
  if (kind === 'month')
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${from}T00:00:00Z`),
    );
  const shownYear = displayYear(year, language, buddhistEra);
  const q = label.slice(-1);
  return language === 'th' ? `ไตรมาส ${q}/${shownYear}` : `Q${q} ${shownYear}`;
}

/** A calendar year as the date formatters show it (Buddhist era when the setting asks for it). */
export function displayYear(year: number, language: string, buddhistEra: boolean): string {
  return new Intl.DateTimeFormat(dateLocale(language, buddhistEra), { year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, 6, 1)))
    .replace(/\D/g, '');
}

/** The periods offered in the picker: the next one, the current one and the ones before it. */
export function periodChoices(kind: PeriodKind, timeZone: string): string[] {
  const { year, month } = todayIn(timeZone);
  const step = kind === 'month' ? 1 : 3;
  const count = kind === 'month' ? 18 : 9;
  const startMonth = kind === 'month' ? month : Math.floor((month - 1) / 3) * 3 + 1;
  return Array.from({ length: count }, (_, i) => {
    const m0 = startMonth - 1 + step * (1 - i);
    const y = year + Math.floor(m0 / 12);
    const m = ((m0 % 12) + 12) % 12;
    return periodLabel(kind, y, m + 1);
  });
}

/** Short month names for chart axes. */
export function monthNames(language: string, buddhistEra: boolean): string[] {
  const format = new Intl.DateTimeFormat(dateLocale(language, buddhistEra), { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2026, i, 1))));
}
