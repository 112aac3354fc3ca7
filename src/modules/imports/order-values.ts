import { CellError } from './row-values.ts';

/** Largest amount a cell may hold: 10,000,000,000 baht (in satang). */
const MAX_SATANG = 1_000_000_000_000;

/**
 * A decimal amount in baht ("1,234.50", "฿99", "12.5") as whole satang, read from the
 * digits (never through a float): more than two decimals must be zeros, negatives are refused.
 */
export function parseAmount(field: string, raw: string): number {
  const text = raw.replace(/^฿\s*/, '').replace(/\s*(บาท|THB)$/i, '');
  if (/^-/.test(text)) throw new CellError(field, 'must not be negative', 'ต้องไม่ติดลบ');
  const m = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$/.exec(text);
  if (!m) throw new CellError(field, `"${raw}" is not an amount such as 1234.50`, `"${raw}" ไม่ใช่จำนวนเงิน เช่น 1234.50`);
  const whole = (m[1] ?? '').replaceAll(',', '');
  const fraction = m[2] ?? '';
  if (/[1-9]/.test(fraction.slice(2)))
    throw new CellError(field, 'has more than 2 decimal places', 'มีทศนิยมเกิน 2 ตำแหน่ง');
  if (whole.length > 11) throw new CellError(field, 'is too large', 'มากเกินไป');
  const satang = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (satang > MAX_SATANG) throw new CellError(field, 'is too large', 'มากเกินไป');
  return satang;
}

export function parseQuantity(field: string, raw: string): number {
  if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1 || Number(raw) > 1_000_000)
    throw new CellError(field, 'must be a whole number from 1 to 1,000,000', 'ต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง 1,000,000');
  return Number(raw);
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const CURRENCY_WORDS: Record<string, string> = { '฿': 'THB', บาท: 'THB' };

/** An ISO 4217 currency code this runtime knows ("thb" → "THB"; "บาท" and "฿" → THB). */
export function parseCurrency(field: string, raw: string): string {
  const code = CURRENCY_WORDS[raw] ?? raw.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !CURRENCIES.has(code))
    throw new CellError(
      field,
      `"${raw}" is not a known currency code such as THB`,
      `"${raw}" ไม่ใช่รหัสสกุลเงินที่รู้จัก เช่น THB`,
    );
  return code;
}

/** Statuses an imported order may have (as with POST /orders) and the words people write for them. */
const STATUS_WORDS: Record<string, 'pending' | 'paid' | 'fulfilled'> = {
  pending: 'pending',
  unpaid: 'pending',
  รอชำระ: 'pending',
  รอชำระเงิน: 'pending',
  paid: 'paid',
  ชำระแล้ว: 'paid',
  จ่ายแล้ว: 'paid',
  fulfilled: 'fulfilled',
  delivered: 'fulfilled',
  shipped: 'fulfilled',
  จัดส่งแล้ว: 'fulfilled',
  ส่งแล้ว: 'fulfilled',
};

export function parseOrderStatus(field: string, raw: string): 'pending' | 'paid' | 'fulfilled' {
  const status = STATUS_WORDS[raw.toLowerCase()];
  if (!status)
    throw new CellError(
      field,
      'must be pending, paid or fulfilled',
      'ต้องเป็น pending (รอชำระ), paid (ชำระแล้ว) หรือ fulfilled (จัดส่งแล้ว)',
    );
  return status;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(timeZone: string, ms: number): number {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

const offsets = new Map<string, number>();

/** A wall-clock time in a zone as an instant (the offset memoised per zone and local hour). */
export function zonedTime(timeZone: string, localMs: number): Date {
  const key = `${timeZone}|${Math.floor(localMs / 3_600_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = offsetAt(timeZone, localMs - offsetAt(timeZone, localMs));
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return new Date(localMs - offset);
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * An order date or date-time: 2026-04-13, 20260413, 13/04/2026 or 13/04/2569 (Buddhist
 * era, day first), each optionally with a time (HH:mm[:ss]); an ISO date-time may carry Z
 * or an offset. A date without a time is midnight, and a time without a zone is wall-clock
 * time, in the business time zone.
 */
export function parseOrderDate(field: string, raw: string, timeZone: string): Date {
  let y: number;
  let mo: number;
  let d: number;
  let h = 0;
  let mi = 0;
  let s = 0;
  let ms = 0;
  let zone: string | undefined;
  const iso = ISO.exec(raw);
  const dmy = iso ? undefined : DMY.exec(raw);
  const compact = iso || dmy ? undefined : COMPACT.exec(raw);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    [h, mi, s] = [Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0)];
    ms = Number((iso[7] ?? '').slice(0, 3).padEnd(3, '0'));
    zone = iso[8];
  } else if (dmy) {
    [d, mo, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
    if (y >= 2400) y -= 543;
    [h, mi, s] = [Number(dmy[4] ?? 0), Number(dmy[5] ?? 0), Number(dmy[6] ?? 0)];
  } else if (compact) {
    [y, mo, d] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
  } else {
    throw new CellError(
      field,
      `"${raw}" is not a date such as 2026-04-13 or 13/04/2569 (optionally with a time 14:30)`,
      `"${raw}" ไม่ใช่วันที่ เช่น 2026-04-13 หรือ 13/04/2569 (ใส่เวลาได้ เช่น 14:30)`,
    );
  }
  const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(local);
  if (
    y < 1900 ||
    y > 2200 ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    throw new CellError(field, `"${raw}" is not a real date or time`, `"${raw}" ไม่ใช่วันที่หรือเวลาที่มีอยู่จริง`);
  }
  if (zone === undefined) return zonedTime(timeZone, local);
  if (zone.toUpperCase() === 'Z') return new Date(local);
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  return new Date(local - offset);
}
