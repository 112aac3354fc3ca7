import { isBackupFileName } from './format.ts';

/**
 * When the daily backup is due and which old files go: pure functions of the clock, the
 * settings and the file names, so they are tested with fixed dates. File names carry the
 * local time of the business time zone: sampan-YYYYMMDD-HHmm[ss].jsonl.gz.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalTime {
  /** YYYYMMDD */
  date: string;
  hour: number;
  /** HHmmss */
  time: string;
}

export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const hh = parts.hour === '24' ? '00' : (parts.hour ?? '00');
  return {
    date: `${parts.year}${parts.month}${parts.day}`,
    hour: Number(hh),
    time: `${hh}${parts.minute}${parts.second}`,
  };
}

/** Scheduled backups are named to the minute; backups made on demand to the second. */
export function backupFileName(at: Date, timeZone: string, precision: 'minute' | 'second'): string {
  const t = localTime(at, timeZone);
  return `sampan-${t.date}-${precision === 'minute' ? t.time.slice(0, 4) : t.time}.jsonl.gz`;
}

/** YYYYMMDDHHmmss of a backup file name (minutes-only names count as :00), or undefined. */
export function backupStamp(name: string): string | undefined {
  if (!isBackupFileName(name)) return undefined;
  const [, date, time] = /^sampan-(\d{8})-(\d+)\./.exec(name) ?? [];
  if (!date || !time || (time.length !== 4 && time.length !== 6)) return undefined;
  return `${date}${time.padEnd(6, '0')}`;
}

export interface BackupSchedule {
  enabled: boolean;
  /** Local hour from which the day's backup is due. */
  hour: number;
}

/**
 * Due when enabled, the local hour has reached the configured one, and no backup of
 * today's local date exists yet. "Reached", not "equals": a laptop that is off at 02:00
 * still gets its backup at the first hourly check after it starts.
 */
export function isBackupDue(
  now: Date,
  schedule: BackupSchedule,
  timeZone: string,
  existing: readonly string[],
): boolean {
  if (!schedule.enabled) return false;
  const today = localTime(now, timeZone);
  if (today.hour < schedule.hour) return false;
  return !existing.some((name) => backupStamp(name)?.startsWith(today.date));
}

/**
 * Backup files older than `retentionDays` (by the local time in their names). The newest
 * backup is never pruned, however old, so a long run of failed backups cannot leave the
 * folder empty.
 */
export function backupsToPrune(
  existing: readonly string[],
  now: Date,
  retentionDays: number,
  timeZone: string,
): string[] {
  const cutoff = localTime(new Date(now.getTime() - retentionDays * 86_400_000), timeZone);
  const limit = `${cutoff.date}${cutoff.time}`;
  const dated = existing
    .map((name) => ({ name, stamp: backupStamp(name) }))
    .filter((f): f is { name: string; stamp: string } => f.stamp !== undefined)
    .sort((a, b) => (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0));
  const newest = dated.at(-1)?.name;
  return dated.filter((f) => f.stamp < limit && f.name !== newest).map((f) => f.name);
}
