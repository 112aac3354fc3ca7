import type { DbOrTx } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { getSettings } from '../../core/settings/get-settings.ts';
import { type CustomerSummaries, customerSummaries, firstPurchaseDay, type TimeUnit } from './customer-summaries.ts';
import { businessToday, parseCalendarDate, parseTimeUnit } from './fit-input.ts';

export interface CalibrationInput {
  calibrationEnd?: unknown;
  timeUnit?: unknown;
}

export interface Calibration {
  calibrationEnd: string;
  timeUnit: TimeUnit;
  timeZone: string;
}

/**
 * Checks the calibration end and time unit against the orders. Without a calibration end,
 * today (business time zone) is used; without a unit, weeks.
 */
export async function checkCalibration(db: DbOrTx, input: CalibrationInput, now = new Date()): Promise<Calibration> {
  const calibrationEnd = input.calibrationEnd === undefined ? undefined : parseCalendarDate(input.calibrationEnd);
  const timeUnit = input.timeUnit === undefined ? 'week' : parseTimeUnit(input.timeUnit);
  const { timeZone } = await getSettings(db);
  const today = businessToday(timeZone, now);
  const end = calibrationEnd ?? today;
  if (end > today) throw new AppError('analytics_calibration_in_future', { calibrationEnd: end, today });
  const first = await firstPurchaseDay(db, timeZone);
  if (first === null) throw new AppError('analytics_no_purchases');
  if (end < first)
    throw new AppError('analytics_calibration_before_first_order', { calibrationEnd: end, firstOrder: first });
  return { calibrationEnd: end, timeUnit, timeZone };
}

/** Checks the calibration, then summarises every buying customer's orders up to its end. */
export async function loadSummaries(
  db: DbOrTx,
  input: CalibrationInput,
  now = new Date(),
): Promise<Calibration & { summaries: CustomerSummaries }> {
  const calibration = await checkCalibration(db, input, now);
  return { ...calibration, summaries: await customerSummaries(db, calibration) };
}
