/**
 * Backward scheduling (SPEC 2.5): sub-steps with estimates in working days are laid out over
 * the working days from today through the deadline, in proportion to their estimates, the last
 * on the deadline's working day.
 */
import { nextWorkingDays, workingDaysThrough } from '../days/calendar';
import { parseEstimate, workingDaysOf } from '../read/fields';
import type { Day } from '../days/dates';

export interface SubStep {
  text: string;
  /** The estimate as typed (`2d`, `1w`, `4h`), written back as given; null when none. */
  estimate: string | null;
}

/** An estimate in whole working days: hours and minutes round up to 8-hour days; default 1. */
export function estimateDays(estimate: string | null): number {
  return estimate === null ? 1 : workingDaysOf(parseEstimate(estimate));
}

/** Reads `Write the query letter ~2d` as its text and estimate. */
export function parseSubStep(line: string): SubStep | null {
  const s = line.trim().replace(/^(?:[-*+]|\d{1,9}[.)])\s+(?:\[.\]\s+)?/, '');
  if (s === '') return null;
  const m = /^(.*?)\s*~\s*(\d+(?:\.\d+)?[mhdw])$/i.exec(s);
  if (m !== null && parseEstimate(m[2] ?? '') > 0 && (m[1] ?? '') !== '') return { text: m[1] ?? '', estimate: m[2] ?? null };
  return { text: s, estimate: null };
}

export interface BackwardLayout {
  /** The due day of each sub-step, in order. */
  days: Day[];
  deadline: Day;
  /** Working days in the window (W). */
  window: number;
  /** Total work in working days (E). */
  work: number;
  /** E − W when the plan does not fit, else 0. */
  short: number;
  fits: boolean;
  /** The E-th working day from today: the deadline that would make it fit. */
  extendTo: Day;
}

/** Lays out sub-steps of the given estimates (working days) backward from `deadline`. */
export function layOutBackward(estimates: readonly number[], today: Day, deadline: Day, workingDays: readonly number[]): BackwardLayout {
  const window = workingDaysThrough(today, deadline, workingDays);
  const W = window.length;
  const E = estimates.reduce((a, b) => a + b, 0);
  const extendTo = E > 0 ? (nextWorkingDays(today, E, workingDays)[E - 1] ?? deadline) : deadline;
  let C = 0;
  const days = estimates.map((e) => {
    C += e;
    if (W === 0) return deadline;
    return window[Math.ceil((W * C) / E) - 1] ?? deadline;
  });
  const fits = E <= W && W > 0;
  return { days, deadline, window: W, work: E, short: fits ? 0 : E - W, fits, extendTo };
}
