/**
 * A goal's report (SPEC 1.3-1.6): the tree with progress, expected progress, checkpoint states,
 * health, forecast, burn-up, next action, overdue and help-needed steps, and problems.
 */
import { formatDay, isDay, NO_DAY, weekday, type Day } from '../days/dates';
import { checkpointLine, ExpectedProgress, oneDecimal } from '../plan/expected';
import type { NoteSource } from '../plan/follow';
import { forecastDay } from '../read/numbers';
import { listPlan, type PlanLists } from '../plan/plan';
import { noSchedule, readDependencies, scheduleGoal, type Schedule } from '../schedule';
import { buildTree } from '../plan/tree';
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
  Progress,
} from '../types';

/** Days a checkpoint stays `due` after its date before it is `missed`. */
export const DUE_WINDOW = 7;
/** Days of completed work that set the pace of the forecast. */
export const PACE_WINDOW = 28;

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

/** The checkpoints with their states; a missed one of an active goal is a problem (SPEC 1.4, 1.6). */
function checkpointViews(goal: NoteData, meta: GoalMeta, expected: ExpectedProgress, today: Day, tolerance: number, problems: Problem[]): CheckpointView[] {
  return meta.checkpoints.map((cp) => {
    const reviewed = cp.progress !== null || isDay(cp.reviewed);
    const state = checkpointState(cp.date, reviewed, today);
    let onTrack: boolean | null = null;
    if (reviewed && cp.progress !== null) {
      const expect = cp.expect ?? expected.at(cp.date);
      if (expect !== null) onTrack = cp.progress >= expect - tolerance;
    }
    if (state === 'missed' && meta.status === 'active') {
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
}

/** Open work against the working days left through the target; null without a target or open leaf. */
function capacityOf(lists: PlanLists, target: Day, today: Day, workingDays: readonly number[]): Capacity | null {
  if (!isDay(target) || lists.openLeaves === 0) return null;
  const days = workingDaysBetween(today, target, workingDays);
  return { work: lists.openWork, estimated: lists.estimatedWork, days, slack: days - lists.openWork };
}

/** What a health is decided from besides the goal's status. */
interface HealthFacts {
  progress: Progress;
  /** E(today), not rounded, or null. */
  expected: number | null;
  overdueSteps: number;
  capacity: Capacity | null;
}

/** SPEC 1.4's health: the status decides, else the first rule that applies. */
export function healthOf(meta: GoalMeta, facts: HealthFacts, today: Day, tolerance: number): Health {
  if (meta.status !== 'active') return meta.status;
  const { done, total } = facts.progress;
  const p = total > 0 ? (100 * done) / total : 0;
  const e = facts.expected;
  if (isDay(meta.target) && meta.target < today && p < 100) return 'overdue';
  if (e === null) return 'unknown';
  if (p < e - tolerance) return 'behind';
  if (p >= e + tolerance) return 'ahead';
  const c = facts.capacity;
  if (facts.overdueSteps > 0 || (c !== null && c.estimated > c.days)) return 'at-risk';
  return 'on-track';
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
  const expected = new ExpectedProgress(checkpointLine(meta), meta.target, lists.planned);
  const expectedToday = expected.at(today);
  const checkpoints = checkpointViews(goal, meta, expected, today, options.tolerance, problems);

  if (goal.goal !== null && !isDay(meta.start) && (meta.checkpoints.length > 0 || isDay(meta.target))) {
    problems.push({ path: goal.path, line: 0, severity: 'warning', code: 'missing-start', message: 'The goal has no start date: its checkpoints and its undated steps pace nothing.' });
  }

  // A goal that is not active asks nothing: no next action, overdue steps, capacity or forecast.
  const active = meta.status === 'active';
  const capacity = active ? capacityOf(lists, meta.target, today, options.workingDays) : null;
  const overdue = active ? lists.overdue : [];
  const health = healthOf(meta, { progress, expected: expectedToday, overdueSteps: overdue.length, capacity }, today, options.tolerance);
  // A real day or none: never NaN, never past 9999-12-31 (a pace of tiny weights).
  const forecast: Day = active ? forecastDay(today, progress.total - progress.done, lists.paceDone, PACE_WINDOW) : NO_DAY;

  let points: BurnupPoint[] | undefined;
  return {
    path: goal.path,
    title: meta.title,
    status: meta.status,
    start: meta.start,
    target: meta.target,
    progress,
    expectedPercent: expectedToday === null ? null : oneDecimal(expectedToday),
    expected,
    health,
    forecast,
    capacity,
    checkpoints,
    nextAction: active ? lists.nextAction : null,
    overdue,
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
