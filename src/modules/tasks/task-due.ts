import { AppError } from '../../core/errors/app-error.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC (ms) at an instant. */
function offsetAt(timeZone: string, ms: number): number {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const local = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return local - Math.floor(ms / 1000) * 1000;
}

/** A wall-clock time in a zone (as if UTC ms) → the instant. */
export function zonedInstant(timeZone: string, localMs: number): Date {
  const guess = localMs - offsetAt(timeZone, localMs);
  return new Date(localMs - offsetAt(timeZone, guess));
}

/** The local calendar day (YYYY-MM-DD) of an instant in a zone. */
export function localDay(timeZone: string, at: Date): string {
  return new Date(at.getTime() + offsetAt(timeZone, at.getTime())).toISOString().slice(0, 10);
}

/** A date-only due is the end of that day (23:59:59) in the business time zone. */
export function endOfDay(timeZone: string, day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedInstant(timeZone, Date.UTC(y, m - 1, d, 23, 59, 59));
}

/** Start of the local day `day` plus `plusDays` days, as an instant. */
function startOf(timeZone: string, day: string, plusDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedInstant(timeZone, Date.UTC(y, m - 1, d + plusDays));
}

export interface DueWindows {
  todayStart: Date;
  tomorrowStart: Date;
  /** Monday 00:00 of this week and of the next, in the business time zone. */
  weekStart: Date;
  nextWeekStart: Date;
}

/** "Today" and "this week" (Monday to Sunday) in the business time zone, as instants. */
export function dueWindows(timeZone: string, now: Date): DueWindows {
  const today = localDay(timeZone, now);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return {
    todayStart: startOf(timeZone, today),
    tomorrowStart: startOf(timeZone, today, 1),
    weekStart: startOf(timeZone, today, -weekday),
    nextWeekStart: startOf(timeZone, today, 7 - weekday),
  };
}

export interface DueInput {
  dueAt?: string | null | undefined;
  dueOn?: string | undefined;
}

/** The due instant and whether it was a date only; undefined when the input says nothing. */
export function resolveDue(timeZone: string, input: DueInput): { dueAt: Date | null; dueAllDay: boolean } | undefined {
  if (input.dueOn !== undefined && input.dueAt != null) throw new AppError('task_due_twice');
  if (input.dueOn !== undefined) return { dueAt: endOfDay(timeZone, input.dueOn), dueAllDay: true };
  if (input.dueAt === undefined) return undefined;
  return { dueAt: input.dueAt === null ? null : new Date(input.dueAt), dueAllDay: false };
}

/** A reminder after the due time is refused: the overdue notice covers that moment. */
export function checkReminder(dueAt: Date | null, remindAt: Date | null): void {
  if (dueAt && remindAt && remindAt.getTime() > dueAt.getTime()) throw new AppError('task_remind_after_due');
}
