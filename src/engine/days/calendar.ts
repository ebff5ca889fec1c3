/**
 * Calendar and working-day arithmetic over the engine's day numbers, done by date-fns on local
 * dates at noon (no daylight-saving edge can move a day). Day numbers are converted only here.
 */
import { addDays, addMonths, addWeeks } from 'date-fns';
import { civilFromDay, dayOfDate, type Day } from './dates';

export type Unit = 'd' | 'w' | 'm';

/** The local date of a day number, at noon. */
export function dateOfDay(day: Day): Date {
  const [y, m, d] = civilFromDay(day);
  const date = new Date(2000, 0, 1, 12);
  date.setFullYear(y, m - 1, d);
  return date;
}

/** `day` moved by `n` days, weeks or months (date-fns: a month end stays within the month). */
export function addToDay(day: Day, n: number, unit: Unit): Day {
  const date = dateOfDay(day);
  const moved = unit === 'd' ? addDays(date, n) : unit === 'w' ? addWeeks(date, n) : addMonths(date, n);
  return dayOfDate(moved);
}

// Working days need no date library: they live in working-days.ts, which the schedule loads at start.
export { isWorkingDay, MONDAY_TO_FRIDAY, nextWorkingDays, workingDaysThrough } from './working-days';
