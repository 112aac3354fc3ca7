import { describe, expect, it } from 'vitest';
import { backupFileName, backupStamp, backupsToPrune, isBackupDue, localTime } from './schedule.ts';

const BKK = 'Asia/Bangkok'; // UTC+7, no daylight saving
const at = (iso: string) => new Date(iso);

describe('local time in the business time zone', () => {
  it('turns UTC instants into Bangkok dates and hours', () => {
    expect(localTime(at('2026-03-14T18:59:59Z'), BKK)).toEqual({ date: '20260315', hour: 1, time: '015959' });
    expect(localTime(at('2026-03-14T16:59:59Z'), BKK)).toEqual({ date: '20260314', hour: 23, time: '235959' });
    expect(localTime(at('2026-03-14T17:00:00Z'), BKK)).toEqual({ date: '20260315', hour: 0, time: '000000' });
  });

  it('names files by local time: minutes when scheduled, seconds on demand', () => {
    expect(backupFileName(at('2026-03-14T19:05:09Z'), BKK, 'minute')).toBe('sampan-20260315-0205.jsonl.gz');
    expect(backupFileName(at('2026-03-14T19:05:09Z'), BKK, 'second')).toBe('sampan-20260315-020509.jsonl.gz');
    expect(backupFileName(at('2026-03-14T19:05:09Z'), 'UTC', 'minute')).toBe('sampan-20260314-1905.jsonl.gz');
  });

  it('reads stamps back from names and ignores other files', () => {
    expect(backupStamp('sampan-20260315-0205.jsonl.gz')).toBe('20260315020500');
    expect(backupStamp('sampan-20260315-020509.jsonl.gz')).toBe('20260315020509');
    expect(backupStamp('sampan-20260315-02050.jsonl.gz')).toBeUndefined();
    expect(backupStamp('sampan-20260315-0205.jsonl.gz.partial')).toBeUndefined();
    expect(backupStamp('notes.txt')).toBeUndefined();
    expect(backupStamp('../sampan-20260315-0205.jsonl.gz')).toBeUndefined();
  });
});

describe('isBackupDue', () => {
  const daily = { enabled: true, hour: 2 };

  it('is due at the configured local hour when today has no backup', () => {
    // 02:05 in Bangkok is 19:05 UTC the day before.
    expect(isBackupDue(at('2026-03-14T19:05:00Z'), daily, BKK, [])).toBe(true);
  });

  it('is not due before the hour', () => {
    expect(isBackupDue(at('2026-03-14T18:05:00Z'), daily, BKK, [])).toBe(false); // 01:05 local
    expect(isBackupDue(at('2026-03-14T17:05:00Z'), daily, BKK, [])).toBe(false); // 00:05 local
  });

  it('catches up later the same day when the hour was missed', () => {
    expect(isBackupDue(at('2026-03-15T03:05:00Z'), daily, BKK, ['sampan-20260314-0205.jsonl.gz'])).toBe(true); // 10:05 local
  });

  it('is not due when today (local date) already has a backup, scheduled or on demand', () => {
    expect(isBackupDue(at('2026-03-14T20:05:00Z'), daily, BKK, ['sampan-20260315-0205.jsonl.gz'])).toBe(false);
    expect(isBackupDue(at('2026-03-14T20:05:00Z'), daily, BKK, ['sampan-20260315-013000.jsonl.gz'])).toBe(false);
  });

  it('uses the local date, not the UTC date', () => {
    // 02:05 local on the 15th is still the 14th in UTC; a backup named for the 14th does not count.
    expect(isBackupDue(at('2026-03-14T19:05:00Z'), daily, BKK, ['sampan-20260314-0205.jsonl.gz'])).toBe(true);
  });

  it('is never due when disabled', () => {
    expect(isBackupDue(at('2026-03-14T19:05:00Z'), { enabled: false, hour: 2 }, BKK, [])).toBe(false);
  });

  it('ignores files that are not backups', () => {
    expect(isBackupDue(at('2026-03-14T19:05:00Z'), daily, BKK, ['sampan-20260315-0205.jsonl.gz.partial', 'x'])).toBe(
      true,
    );
  });
});

describe('backupsToPrune', () => {
  const files = [
    'sampan-20260301-0205.jsonl.gz',
    'sampan-20260307-0205.jsonl.gz',
    'sampan-20260308-0205.jsonl.gz',
    'sampan-20260308-101500.jsonl.gz',
    'sampan-20260314-0205.jsonl.gz',
    'sampan-20260315-0205.jsonl.gz',
    'readme.txt',
  ];

  it('prunes backups older than the retention period, by local time', () => {
    // Now: 2026-03-15 02:06 Bangkok; 7 days back is 2026-03-08 02:06 local.
    expect(backupsToPrune(files, at('2026-03-14T19:06:00Z'), 7, BKK)).toEqual([
      'sampan-20260301-0205.jsonl.gz',
      'sampan-20260307-0205.jsonl.gz',
      'sampan-20260308-0205.jsonl.gz',
    ]);
  });

  it('keeps everything inside the period', () => {
    expect(backupsToPrune(files, at('2026-03-14T19:06:00Z'), 30, BKK)).toEqual([]);
  });

  it('never prunes the newest backup, however old', () => {
    const old = ['sampan-20250101-0205.jsonl.gz', 'sampan-20250102-0205.jsonl.gz'];
    expect(backupsToPrune(old, at('2026-03-14T19:06:00Z'), 1, BKK)).toEqual(['sampan-20250101-0205.jsonl.gz']);
  });

  it('never touches files that are not backups', () => {
    expect(backupsToPrune(['notes.txt', 'sampan-1.jsonl.gz'], at('2026-03-14T19:06:00Z'), 1, BKK)).toEqual([]);
  });
});
