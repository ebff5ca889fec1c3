/**
 * Calendar and working-day arithmetic over the engine's day numbers, done by date-fns on local
 * dates at noon (no daylight-saving edge can move a day). Day numbers are converted only here.
 */
import { addDays, addMonths, addWeeks, getDay } from 'date-fns';
import { civilFromDay, dayOfDate, type Day } from './dates';

export type Unit = 'd' | 'w' | 'm';

/** Monday to Friday, 0 = Sunday … 6 = Saturday. */
export const MONDAY_TO_FRIDAY: readonly number[] = [1, 2, 3, 4, 5];

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

function workingSet(workingDays: readonly number[]): Set<number> {
  // No working day at all would make every count endless: fall back to Monday to Friday.
  return new Set(workingDays.length > 0 ? workingDays : MONDAY_TO_FRIDAY);
}

/** Whether a day is a working day. */
export function isWorkingDay(day: Day, workingDays: readonly number[]): boolean {
  return workingSet(workingDays).has(getDay(dateOfDay(day)));
}

/**
 * Walks the days from `from` on, calling `take` with each working day until it returns false.
 * date-fns gives the first day's weekday; the days after follow it one by one, so a window of
 * months costs no Date per day (day numbers are consecutive, and so are weekdays).
 */
function walkWorkingDays(from: Day, workingDays: readonly number[], take: (day: Day) => boolean): void {
  const set = workingSet(workingDays);
  let weekday = getDay(dateOfDay(from));
  for (let day = from; ; day++) {
    if (set.has(weekday) && !take(day)) return;
    weekday = weekday === 6 ? 0 : weekday + 1;
  }
}

/** The working days from `from` through `to`, both included; empty when `to` is before `from`. */
export function workingDaysThrough(from: Day, to: Day, workingDays: readonly number[]): Day[] {
  const out: Day[] = [];
  if (to < from) return out;
  walkWorkingDays(from, workingDays, (day) => {
    if (day > to) return false;
    out.push(day);
    return true;
  });
  return out;
}

/** The first `count` working days from `from` (included when it is one). */
export function nextWorkingDays(from: Day, count: number, workingDays: readonly number[]): Day[] {
  const out: Day[] = [];
  if (count <= 0) return out;
  walkWorkingDays(from, workingDays, (day) => {
    out.push(day);
    return out.length < count;
  });
  return out;
}
