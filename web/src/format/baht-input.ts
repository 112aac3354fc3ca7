/**
 * Reads an amount typed in baht ("65", "1,250.50", "฿ 99.5") as whole satang, or null
 * when it is not a non-negative amount with at most two decimals.
 */
export function parseBaht(text: string): number | null {
  const cleaned = text.replace(/[฿,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  const satang = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(satang) ? satang : null;
}

/** Satang as the plain baht text an input shows ("1250.50", "65"). */
export function bahtText(satang: number): string {
  const whole = Math.floor(satang / 100);
  const fraction = satang % 100;
  return fraction ? `${whole}.${String(fraction).padStart(2, '0')}` : String(whole);
}
