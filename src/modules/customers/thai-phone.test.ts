import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../demo/random.ts';
import { normalisePhone, phoneSearchDigits } from './thai-phone.ts';

describe('normalisePhone', () => {
  it.each([
    ['081-234-5678', '+66812345678', 'mobile'],
    ['0812345678', '+66812345678', 'mobile'],
    ['+66 81 234 5678', '+66812345678', 'mobile'],
    ['66812345678', '+66812345678', 'mobile'],
    ['+66 (0) 81 234 5678', '+66812345678', 'mobile'],
    ['0066 81 234 5678', '+66812345678', 'mobile'],
    ['  081.234.5678 ', '+66812345678', 'mobile'],
    ['๐๘๑-๒๓๔-๕๖๗๘', '+66812345678', 'mobile'],
    ['061 999 0000', '+66619990000', 'mobile'],
    ['095-555-1212', '+66955551212', 'mobile'],
    ['02-123-4567', '+6621234567', 'landline'],
    ['(02) 123 4567', '+6621234567', 'landline'],
    ['+66 2 123 4567', '+6621234567', 'landline'],
    ['053-123-456', '+6653123456', 'landline'],
    ['074 201 234', '+6674201234', 'landline'],
    ['+1 415 555 2671', '+14155552671', 'international'],
    ['+44 20 7946 0958', '+442079460958', 'international'],
  ])('%s → %s', (input, e164, kind) => {
    expect(normalisePhone(input)).toEqual({ ok: true, e164, kind });
  });

  it.each([
    ['', /empty/],
    ['081-234-567', /10 digits/],
    ['08123456789', /10 digits/],
    ['02-123-456', /9 digits/],
    ['02-1234-5678', /9 digits/],
    ['012345678', /starts with/],
    ['1112', /starts with/],
    ['081-234-5678 ต่อ 12', /only digits/],
    ['abc', /only digits/],
    ['+66 1 234 5678', /starts with/],
    ['+0123456789', /international/],
    ['+12345', /international/],
    ['++66812345678', /only digits/],
    // right length, but ranges libphonenumber-js knows are not in use
    ['031-234-567', /not a Thai number range in use/],
    ['069-123-4567', /not a Thai number range in use/],
    ['+1 123 555 0000', /not a valid number for its country/],
  ])('refuses %j', (input, reason) => {
    const result = normalisePhone(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      expect(result.reasonTh).toMatch(/[\u0E00-\u0E7F]/);
    }
  });

  it('gives the same E.164 for every way of writing a random Thai number (property)', () => {
    const random = mulberry32(20240607);
    // ranges in use per libphonenumber-js: mobile 06x (not 069), 08x, 09x; Bangkok 02; area codes
    const prefixes = ['061', '065', '08', '09', '02', '032', '038', '043', '053', '056', '074', '077'];
    for (let i = 0; i < 500; i += 1) {
      const prefix = prefixes[Math.floor(random() * prefixes.length)] ?? '08';
      const isMobile = ['06', '08', '09'].includes(prefix.slice(0, 2));
      let national = prefix;
      while (national.length < (isMobile ? 10 : 9)) national += String(Math.floor(random() * 10));
      const e164 = `+66${national.slice(1)}`;
      const rest = national.slice(1);
      const forms = [
        national,
        `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`,
        `+66 ${rest}`,
        `66${rest}`,
        `+66 (0) ${rest}`,
        `0066${rest}`,
        national.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d))),
      ];
      for (const form of forms) {
        const result = normalisePhone(form);
        expect(result, form).toMatchObject({ ok: true, e164, kind: isMobile ? 'mobile' : 'landline' });
      }
      // one digit more or less is never a valid Thai number
      expect(normalisePhone(`${national}1`).ok, `${national}1`).toBe(false);
      expect(normalisePhone(national.slice(0, -1)).ok, national.slice(0, -1)).toBe(false);
    }
  });
});

describe('phoneSearchDigits', () => {
  it.each([
    ['081-234-5678', '66812345678'],
    ['+66 81 234', '6681234'],
    ['0812', '66812'],
    ['5678', '5678'],
    ['๐๘๑๒', '66812'],
    ['0066 81', '6681'],
  ])('%s → %s', (term, digits) => {
    expect(phoneSearchDigits(term)).toBe(digits);
  });

  it.each(['สมชาย', 'line123', '12', ''])('ignores %j', (term) => {
    expect(phoneSearchDigits(term)).toBeUndefined();
  });
});
