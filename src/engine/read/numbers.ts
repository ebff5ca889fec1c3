/**
 * The numbers a report shows stay numbers: weights within bounds, totals without float noise,
 * a percent that says 100 only when nothing counted is open, a forecast that is a real day.
 */
import { dayFromCivil, isDay, NO_DAY, type Day } from '../days/dates';

/** The largest `[weight:: n]` accepted; a weight above it is a `bad-weight` problem. */
export const MAX_WEIGHT = 1000;

/** Decimal places kept in totals of fractional weights (0.1 + 0.2 is 0.3, not 0.30000000000000004). */
const TOTAL_DECIMALS = 6;

const SCALE = 10 ** TOTAL_DECIMALS;

/**
 * A weight as written (`[weight:: 2.5]`): the number when it is positive, finite and at most
 * `MAX_WEIGHT`, else null (the step then counts 1 and the reader reports `bad-weight`).
 */
export function readWeight(value: string): number | null {
  const s = value.trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) && n > 0 && n <= MAX_WEIGHT ? n : null;
}

/** A total (or done count) rounded to `TOTAL_DECIMALS`; any non-finite value is 0. */
export function roundTotal(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const r = Math.round(x * SCALE) / SCALE;
  return r === 0 ? 0 : r; // no -0 in JSON
}

/**
 * round(100·done/total), 0 when nothing counts; 99 at most while `done < total` (a plan with a
 * counted step open is not 100% done, however small that step), 100 when done.
 */
export function percentOf(done: number, total: number): number {
  const t = roundTotal(total);
  const d = roundTotal(done);
  if (t <= 0) return 0;
  if (d >= t) return 100;
  if (d <= 0) return 0;
  return Math.min(99, Math.round((100 * d) / t));
}

/** The last day a report shows: 9999-12-31 (four-digit years only). */
export const LAST_DAY = dayFromCivil(9999, 12, 31);

/**
 * The projected finish: `remaining` units at the pace of `doneInWindow` units per `window` days,
 * from `today`. NO_DAY when there is no pace, nothing remains, or the day would be past
 * 9999-12-31 (or any input is not a finite number).
 */
export function forecastDay(today: Day, remaining: number, doneInWindow: number, window: number): Day {
  if (!isDay(today) || !Number.isFinite(remaining) || !Number.isFinite(doneInWindow) || !Number.isFinite(window)) return NO_DAY;
  const left = roundTotal(remaining);
  if (left <= 0 || doneInWindow <= 0 || window <= 0) return NO_DAY;
  const days = Math.ceil(left / (doneInWindow / window));
  if (!Number.isFinite(days) || days > LAST_DAY - today) return NO_DAY;
  return today + days;
}
