/** Dashboard periods, as business days (YYYY-MM-DD) in the business time zone. */
export const PERIOD_PRESETS = ['last30', 'thisMonth', 'lastMonth', 'last90', 'last365'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function monthShift(month: string, n: number): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The period a preset means on `today`: both ends inclusive. */
export function presetPeriod(preset: PeriodPreset, today: string): { from: string; to: string } {
  switch (preset) {
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'lastMonth': {
      const first = `${today.slice(0, 7)}-01`;
      const last = shift(first, -1);
      return { from: `${last.slice(0, 7)}-01`, to: last };
    }
    case 'last90':
      return { from: shift(today, -89), to: today };
    case 'last365':
      return { from: shift(today, -364), to: today };
    default:
      return { from: shift(today, -29), to: today };
  }
}
