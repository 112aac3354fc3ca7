import { describe, expect, it } from 'vitest';
import { endOfDayIn, startOfDayIn } from './zoned-date.ts';

describe('business-day bounds', () => {
  it('starts a Bangkok day at 17:00 UTC the day before', () => {
    expect(startOfDayIn('2026-11-23', 'Asia/Bangkok')).toBe('2026-11-22T17:00:00.000Z');
    expect(endOfDayIn('2026-11-23', 'Asia/Bangkok')).toBe('2026-11-23T16:59:59.999Z');
  });

  it('follows daylight saving where there is some', () => {
    expect(startOfDayIn('2026-07-01', 'Europe/London')).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfDayIn('2026-01-01', 'Europe/London')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('ignores what is not a date', () => {
    expect(startOfDayIn('', 'Asia/Bangkok')).toBeUndefined();
    expect(endOfDayIn('23/11/2026', 'Asia/Bangkok')).toBeUndefined();
  });
});
