const DIGITS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const PLACES = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];

/**
 * Reads 1–999,999 in Thai: 1 in the tens is สิบ (not หนึ่งสิบ), 2 in the tens is ยี่สิบ,
 * and 1 in the units after a higher digit is เอ็ด (สิบเอ็ด, หนึ่งร้อยเอ็ด).
 */
function group(n: number): string {
  const digits = String(n).split('').map(Number);
  let out = '';
  for (const [i, d] of digits.entries()) {
    const place = digits.length - 1 - i;
    if (d === 0) continue;
    if (place === 0 && d === 1 && n > 1) out += 'เอ็ด';
    else if (place === 1 && d === 1) out += 'สิบ';
    else if (place === 1 && d === 2) out += 'ยี่สิบ';
    else out += (DIGITS[d] ?? '') + (PLACES[place] ?? '');
  }
  return out;
}

/** Reads a whole number in Thai, in groups of a million (ล้าน). */
export function thaiNumberWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('a whole number ≥ 0');
  if (n === 0) return DIGITS[0] as string;
  const parts: string[] = [];
  let rest = n;
  while (rest > 0) {
    parts.unshift(String(rest % 1_000_000));
    rest = Math.floor(rest / 1_000_000);
  }
  return parts.map((p, i) => (Number(p) ? group(Number(p)) : '') + (i < parts.length - 1 ? 'ล้าน' : '')).join('');
}

/**
 * An amount in satang as Thai words, as written on Thai invoices and quotes (like Excel's
 * BAHTTEXT): 125050 → หนึ่งพันสองร้อยห้าสิบบาทห้าสิบสตางค์, 100000 → หนึ่งพันบาทถ้วน,
 * 50 → ห้าสิบสตางค์, 0 → ศูนย์บาทถ้วน; a negative amount starts with ลบ.
 */
export function bahtText(satang: number): string {
  if (!Number.isSafeInteger(satang)) throw new RangeError('amount must be whole satang');
  if (satang < 0) return `ลบ${bahtText(-satang)}`;
  const baht = Math.floor(satang / 100);
  const st = satang % 100;
  if (st === 0) return `${thaiNumberWords(baht)}บาทถ้วน`;
  return `${baht > 0 ? `${thaiNumberWords(baht)}บาท` : ''}${thaiNumberWords(st)}สตางค์`;
}
