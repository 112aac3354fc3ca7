/** Satang as baht for chart values and CSV cells (two decimals at most). */
export function baht(satang: number): number {
  return Math.round(satang) / 100;
}

/** Axis labels: 1.2M / 1.2 ล้าน. */
export function compactNumber(language: string): (value: number) => string {
  const format = new Intl.NumberFormat(language === 'th' ? 'th-TH' : 'en-US', {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return (value: number) => format.format(value);
}

export const COLORS = {
  won: '#12b886',
  committed: '#228be6',
  weighted: '#a5d8ff',
  quota: '#fa5252',
  lost: '#adb5bd',
  lastYear: '#adb5bd',
  thisYear: '#228be6',
};
