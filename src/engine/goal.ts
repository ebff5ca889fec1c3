/**
 * A goal's report (SPEC 1.3-1.6): the tree with progress, expected progress, checkpoint states,
 * health, forecast, burn-up, next action, overdue and help-needed steps, and problems.
 */
import { formatDay, isDay, NO_DAY, weekday, type Day } from './dates';
import type { NoteSource } from './follow';
import { forecastDay } from './numbers';
import { listPlan } from './plan';
import { noSchedule, readDependencies, scheduleGoal, type Schedule } from './schedule';
import { buildTree } from './tree';
import type {
  BurnupPoint,
  Capacity,
  CheckpointState,
  CheckpointView,
  EngineOptions,
  GoalMeta,
  GoalReport,
  Health,
  NoteData,
  Problem,
} from './types';

/** Days a checkpoint stays `due` after its date before it is `missed`. */
export const DUE_WINDOW = 7;
/** Days of completed work that set the pace of the forecast. */
export const PACE_WINDOW = 28;

/** Points of the expected line: (start, 0), checkpoints with `expect`, (target, 100). */
export function expectedLine(meta: GoalMeta): { date: Day; value: number }[] | null {
  if (!isDay(meta.start)) return null;
  const points: { date: Day; value: number }[] = [{ date: meta.start, value: 0 }];
  for (const cp of meta.checkpoints) {
    if (cp.expect !== null && cp.date > meta.start && (!isDay(meta.target) || cp.date < meta.target)) {
      points.push({ date: cp.date, value: cp.expect });
    }
  }
  if (isDay(meta.target) && meta.target > meta.start) points.push({ date: meta.target, value: 100 });
  points.sort((a, b) => a.date - b.date);
  return points;
}

/** Expected percent on a day, to one decimal; null without a start. */
export function expectedAt(meta: GoalMeta, day: Day, line: { date: Day; value: number }[] | null = expectedLine(meta)): number | null {
  const points = line;
  if (points === null) return null;
  const first = points[0];
  if (first === undefined || day <= first.date) return 0;
  if (isDay(meta.target) && day >= meta.target) return 100;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as { date: Day; value: number };
    const b = points[i] as { date: Day; value: number };
    if (day <= b.date) {
      const v = a.value + ((b.value - a.value) * (day - a.date)) / (b.date - a.date);
      return Math.round(v * 10) / 10;
    }
  }
  return points[points.length - 1]?.value ?? 0;
}

function checkpointState(date: Day, reviewed: boolean, today: Day): CheckpointState {
  if (reviewed) return 'reviewed';
  if (date > today) return 'upcoming';
  return today - date <= DUE_WINDOW ? 'due' : 'missed';
}

/** Working days from `from` through `to`, both included (0 when `to` is before `from`). */
function workingDaysBetween(from: Day, to: Day, workingDays: readonly number[]): number {
  if (to < from || workingDays.length === 0) return 0;
  const span = to - from + 1;
  const weeks = Math.floor(span / 7);
  let count = weeks * workingDays.length;
  for (let d = from + weeks * 7; d <= to; d++) if (workingDays.includes(weekday(d))) count++;
  return count;
}

/** Cumulative done weight by done date, from the done leaves' dates and weights. */
function burnupOf(days: readonly Day[], weights: readonly number[]): BurnupPoint[] {
  const byDay = new Map<Day, number>();
  for (let k = 0; k < days.length; k++) byDay.set(days[k] as Day, (byDay.get(days[k] as Day) ?? 0) + (weights[k] as number));
  const sorted = Float64Array.from(byDay.keys()).sort();
  const out: BurnupPoint[] = [];
  let cumulative = 0;
  for (const date of sorted) {
    cumulative += byDay.get(date) ?? 0;
    out.push({ date, done: cumulative });
  }
  return out;
}

/** Reads one goal. Never throws: a fault shows as a problem. */
export function reportGoal(goal: NoteData, src: NoteSource, today: Day, options: EngineOptions): GoalReport {
  const meta: GoalMeta = goal.goal ?? { title: goal.basename, status: 'active', start: NO_DAY, target: NO_DAY, checkpoints: [] };
  const { tree, follower } = buildTree(goal, meta.title, src);
  const dependencies = readDependencies(tree);
  const lists = listPlan(tree, meta.target, today, PACE_WINDOW, dependencies.blocked);
  const problems: Problem[] = [...follower.problems, ...lists.stepProblems, ...dependencies.problems];
  // The dates are worked out when something shows them (a goal that is not active has none).
  let schedule: Schedule | undefined;
  const scheduled = (): Schedule =>
    (schedule ??= meta.status === 'active' ? scheduleGoal(dependencies, today, meta.target, options.workingDays) : noSchedule(tree.size));
  tree.timing = {
    dependencies,
    get schedule() {
      return scheduled();
    },
  };
  const progress = tree.progress(0);
  const line = expectedLine(meta);
  const expectedPercent = expectedAt(meta, today, line);
  const tolerance = options.tolerance;

  const checkpoints: CheckpointView[] = meta.checkpoints.map((cp) => {
    const reviewed = cp.progress !== null || isDay(cp.reviewed);
    const state = checkpointState(cp.date, reviewed, today);
    let onTrack: boolean | null = null;
    if (reviewed && cp.progress !== null) {
      const expect = cp.expect ?? expectedAt(meta, cp.date, line);
      if (expect !== null) onTrack = cp.progress >= expect - tolerance;
    }
    if (state === 'missed') {
      problems.push({ path: goal.path, line: cp.line, severity: 'warning', code: 'checkpoint-missed', message: `The checkpoint of ${formatDay(cp.date) ?? ''}${cp.label ? ` (${cp.label})` : ''} passed without a review.` });
    }
    // Written out rather than spread: a spread of a dozen fields copies through V8's slow path.
    return {
      date: cp.date,
      label: cp.label,
      expect: cp.expect,
      progress: cp.progress,
      feeling: cp.feeling,
      note: cp.note,
      reviewed: cp.reviewed,
      line: cp.line,
      lastLine: cp.lastLine,
      index: cp.index,
      flow: cp.flow,
      state,
      onTrack,
    };
  });

  if (goal.goal !== null && !isDay(meta.start) && (meta.checkpoints.length > 0 || isDay(meta.target))) {
    problems.push({ path: goal.path, line: 0, severity: 'warning', code: 'missing-start', message: 'The goal has no start date, so its expected progress cannot be drawn.' });
  }

  let health: Health;
  switch (meta.status) {
    case 'done':
    case 'paused':
    case 'staying':
    case 'dropped':
      health = meta.status;
      break;
    default:
      // Without a start there is no baseline: unknown, even once the target has passed (SPEC 1.4).
      if (expectedPercent === null) health = 'unknown';
      else if (isDay(meta.target) && meta.target < today) health = 'overdue';
      else if (progress.percent >= expectedPercent + tolerance) health = 'ahead';
      else if (progress.percent >= expectedPercent - tolerance) health = 'on-track';
      else health = 'behind';
  }

  // A real day or none: never NaN, never past 9999-12-31 (a pace of tiny weights).
  const forecast: Day = forecastDay(today, progress.total - progress.done, lists.paceDone, PACE_WINDOW);

  let capacity: Capacity | null = null;
  if (isDay(meta.target) && lists.openLeaves > 0) {
    const days = workingDaysBetween(today, meta.target, options.workingDays);
    capacity = { work: lists.openWork, days, slack: days - lists.openWork };
  }

  let points: BurnupPoint[] | undefined;
  return {
    path: goal.path,
    title: meta.title,
    status: meta.status,
    start: meta.start,
    target: meta.target,
    progress,
    expectedPercent,
    health,
    forecast,
    capacity,
    checkpoints,
    nextAction: meta.status === 'active' ? lists.nextAction : null,
    overdue: lists.overdue,
    help: lists.help,
    plan: tree,
    // Node objects are made when something shows the tree (plan-tree.ts).
    get tree() {
      return tree.root();
    },
    // The points of the burn-up are made when something draws them.
    get burnup() {
      return (points ??= burnupOf(lists.burnDays, lists.burnWeights));
    },
    dependencies,
    get schedule() {
      return scheduled();
    },
    get finish() {
      return scheduled().finish;
    },
    notes: follower.notes,
    missing: follower.missing,
    // Each note, step and checkpoint of a goal is met once, so its problems come once each.
    problems: sortProblems(problems),
  };
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}
