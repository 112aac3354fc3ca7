import { describe, expect, it } from 'vitest';
import { dueWindows, endOfDay, localDay, resolveDue } from './task-due.ts';

describe('due dates in the business time zone', () => {
  it('a date-only due is 23:59:59 that day in Bangkok', () => {
    expect(endOfDay('Asia/Bangkok', '2026-04-13').toISOString()).toBe('2026-04-13T16:59:59.000Z');
    expect(resolveDue('Asia/Bangkok', { dueOn: '2026-01-01' })).toEqual({
      dueAt: new Date('2026-01-01T16:59:59.000Z'),
      dueAllDay: true,
    });
  });

  it('follows daylight saving where a zone has it', () => {
    expect(endOfDay('Europe/London', '2026-07-01').toISOString()).toBe('2026-07-01T22:59:59.000Z');
    expect(endOfDay('Europe/London', '2026-01-01').toISOString()).toBe('2026-01-01T23:59:59.000Z');
  });

  it('today and this week are Bangkok days, Monday to Sunday', () => {
    // 2026-12-06 20:00 UTC is Monday 7 December 03:00 in Bangkok.
    const now = new Date('2026-12-06T20:00:00Z');
    expect(localDay('Asia/Bangkok', now)).toBe('2026-12-07');
    expect(dueWindows('Asia/Bangkok', now)).toEqual({
      todayStart: new Date('2026-12-06T17:00:00Z'),
      tomorrowStart: new Date('2026-12-07T17:00:00Z'),
      weekStart: new Date('2026-12-06T17:00:00Z'),
      nextWeekStart: new Date('2026-12-13T17:00:00Z'),
    });
  });
});
