import { startOfDayIn } from '../../format/zoned-date.ts';
import type { Task } from '../../queries/tasks-api.ts';

export type ReminderChoice = 'none' | 'morning' | 'dayBefore';

const HOUR = 3_600_000;

/** 9:00 on the due date, or 9:00 the day before, in the business time zone. */
export function reminderAt(day: string, choice: ReminderChoice, timeZone: string): string | undefined {
  if (choice === 'none' || !day) return undefined;
  const start = startOfDayIn(day, timeZone);
  if (!start) return undefined;
  const offset = choice === 'morning' ? 9 * HOUR : -15 * HOUR;
  return new Date(new Date(start).getTime() + offset).toISOString();
}

export const PRIORITY_COLOR: Record<Task['priority'], string> = { low: 'gray', normal: 'blue', high: 'red' };
