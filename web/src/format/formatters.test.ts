import { describe, expect, it } from 'vitest';
import { dateLocale, makeFormatters } from './formatters.ts';

const bangkok = { companyName: 'x', currency: 'THB', timeZone: 'Asia/Bangkok', buddhistEra: true };
const at = '2026-11-23T17:30:00.000Z'; // already 24 Nov in Bangkok

describe('formatters', () => {
  it('chooses the calendar from the Buddhist-era setting', () => {
    expect(dateLocale('th', true)).toBe('th-TH-u-ca-buddhist');
    expect(dateLocale('th', false)).toBe('th-TH-u-ca-gregory');
    expect(dateLocale('en', true)).toBe('en-GB-u-ca-buddhist');
  });

  it('shows dates in the business time zone, in B.E. when asked', () => {
    expect(makeFormatters('th', bangkok).date(at)).toContain('2569');
    expect(makeFormatters('th', bangkok).date(at)).toContain('24');
    expect(makeFormatters('th', { ...bangkok, buddhistEra: false }).date(at)).toContain('2026');
    expect(makeFormatters('en', { ...bangkok, buddhistEra: false }).dateTime(at)).toMatch(/24 Nov 2026.*00:30/);
  });

  it('shows money from satang in baht', () => {
    expect(makeFormatters('th', bangkok).money(123456)).toBe('฿1,234.56');
    expect(makeFormatters('en', bangkok).money(123456)).toMatch(/THB\s?1,234\.56/);
  });

  it('marks missing dates', () => {
    expect(makeFormatters('th', bangkok).date(null)).toBe('—');
  });
});
