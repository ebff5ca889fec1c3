/**
 * Working days over the engine's day numbers (0 = Sunday … 6 = Saturday, as `weekday` gives
 * them), without a date library, so that the schedule can count them in every report.
 */
import { weekday, type Day } from './dates';

/** Monday to Friday, 0 = Sunday … 6 = Saturday. */
export const MONDAY_TO_FRIDAY: readonly number[] = [1, 2, 3, 4, 5];

function workingSet(workingDays: readonly number[]): Set<number> {
  // No working day at all would make every count endless: fall back to Monday to Friday.
  return new Set(workingDays.length > 0 ? workingDays : MONDAY_TO_FRIDAY);
}

/** Whether a day is a working day. */
export function isWorkingDay(day: Day, workingDays: readonly number[]): boolean {
  return workingSet(workingDays).has(weekday(day));
}

/**
 * Walks the days from `from` on, calling `take` with each working day until it returns false.
 * The first day's weekday is worked out; the days after follow it one by one (day numbers are
 * consecutive, and so are weekdays).
 */
function walkWorkingDays(from: Day, workingDays: readonly number[], take: (day: Day) => boolean): void {
  const set = workingSet(workingDays);
  let wd = weekday(from);
  for (let day = from; ; day++) {
    if (set.has(wd) && !take(day)) return;
    wd = wd === 6 ? 0 : wd + 1;
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
