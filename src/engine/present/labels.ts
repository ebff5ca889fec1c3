/**
 * The words a person reads of a goal: health, status, checkpoint and feeling labels, short dates,
 * days left, and the capacity, finish and forecast sentences. One home for them, so that the
 * view, the code block, the command line and the summary say the same thing.
 */
import { civilFromDay, isDay, type Day } from '../days/dates';
import type { Capacity, CheckpointState, GoalReport, GoalStatus, Health } from '../types';

export const HEALTH_LABELS: Readonly<Record<Health, string>> = {
  done: 'Done',
  paused: 'Paused',
  staying: 'Staying put',
  dropped: 'Dropped',
  overdue: 'Past target',
  ahead: 'Ahead',
  'on-track': 'On track',
  'at-risk': 'At risk',
  behind: 'Behind',
  unknown: 'No dates yet',
};

/** What the view and the report say when there is no goal at all: a title and what a goal is. */
export const NO_GOALS = 'No goals yet';
export const WHAT_A_GOAL_IS = 'A goal is a note with a target date and the steps that lead to it.';

/** How a step below a done step reads, whatever its own box says (SPEC 4). */
export const DONE_WITH_STEP_ABOVE = 'done with the step above';

/** What a goal of `unknown` health lacks, said as what to add. */
export const UNKNOWN_HINT = 'Add a start date or due dates to see whether you are on track';

/** The health as shown everywhere (chip, report, summary): "Ahead · 2 overdue" (SPEC 1.4). */
export function healthLabel(health: Health, overdue: number): string {
  return overdue > 0 ? `${HEALTH_LABELS[health]} · ${overdue} overdue` : HEALTH_LABELS[health];
}

/** The health label of a goal's report. */
export function goalHealthLabel(r: GoalReport): string {
  return healthLabel(r.health, r.overdue.length);
}

export const STATUS_LABELS: Readonly<Record<GoalStatus, string>> = {
  active: 'Active',
  paused: 'Paused',
  staying: 'Staying put',
  done: 'Done',
  dropped: 'Dropped',
};

export const CHECKPOINT_LABELS: Readonly<Record<CheckpointState, string>> = {
  reviewed: 'Reviewed',
  due: 'Review due',
  missed: 'Missed',
  upcoming: 'Upcoming',
};

/** Feelings 1-5 in words (the person's own scale, from low to high). */
export const FEELING_LABELS: readonly string[] = ['', 'Struggling', 'Uneasy', 'Okay', 'Good', 'Great'];

/** How a reviewed checkpoint stood against what was expected, or null before its review. */
export function onTrackLabel(onTrack: boolean | null): string | null {
  return onTrack === null ? null : onTrack ? 'on track' : 'off track';
}

/** A percent to one decimal: "27.1%"; `spaced`, as a checkpoint's words have it: "27.1 %". */
export function percentLabel(n: number, spaced = false): string {
  return `${Math.round(n * 10) / 10}${spaced ? ' ' : ''}%`;
}

/** A reviewed feeling in words, with the progress measured then: "felt 4/5 at 20 %", "felt 4/5". */
export function feelingWords(feeling: number, progress: number | null): string {
  return `felt ${feeling}/5${progress === null ? '' : ` at ${percentLabel(progress, true)}`}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "15 Jan", or "15 Jan 2028" outside the year of `today`. */
export function shortDate(day: Day, today: Day): string {
  const [y, m, d] = civilFromDay(day);
  const [ty] = civilFromDay(today);
  return `${d} ${MONTHS[m - 1] ?? ''}${y === ty ? '' : ` ${y}`}`;
}

/** "1 day", "3 days". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `target − today` in calendar days (SPEC 4): "34 days left", "today", "5 days late". */
export function daysLeftLabel(target: Day, today: Day): string | null {
  if (!isDay(target)) return null;
  const left = target - today;
  if (left > 0) return `${plural(left, 'day')} left`;
  if (left === 0) return 'today';
  return `${plural(-left, 'day')} late`;
}

export function capacityLabel(c: Capacity | null): string | null {
  if (c === null) return null;
  if (c.slack > 0) return `${plural(c.slack, 'working day')} to spare`;
  if (c.slack === 0) return 'Just fits: no working day to spare';
  return `Short by ${plural(-c.slack, 'working day')}`;
}

/** "Can finish by 12 Jan", with how it stands against the target (SPEC 1.7's projected finish). */
export function finishLabel(finish: Day, target: Day, today: Day): string | null {
  if (!isDay(finish)) return null;
  const when = `Can finish by ${shortDate(finish, today)}`;
  if (!isDay(target)) return when;
  const diff = finish - target;
  return diff > 0 ? `${when}, ${plural(diff, 'day')} after the target` : `${when}, on or before the target`;
}

export function forecastLabel(forecast: Day, target: Day, today: Day): string | null {
  if (!isDay(forecast)) return null;
  const when = shortDate(forecast, today);
  if (!isDay(target)) return `Done around ${when} at the recent pace`;
  const diff = forecast - target;
  if (diff > 0) return `Done around ${when}, ${plural(diff, 'day')} after the target`;
  return `Done around ${when}, before the target`;
}
