/**
 * What a person sees of a goal, computed once: due chips, link markers, checkpoint chips, the
 * burn-up series ready to draw, and the words of labels.ts (re-exported here). The sidebar, the code block, the command line's report and the plan summary only lay
 * this out; none of them words or computes it again.
 */
import { formatDay, isDay, type Day } from '../days/dates';
import { capacityLabel, CHECKPOINT_LABELS, daysLeftLabel, FEELING_LABELS, finishLabel, forecastLabel, goalHealthLabel, plural, shortDate } from './labels';
import type { Capacity, CheckpointState, GoalMeta, GoalReport, GoalStatus, Health, PlanNode, Problem, Progress, StepRef } from '../types';

export * from './labels';

/** Days ahead within which a due date is "soon". */
const SOON_DAYS = 7;


export type DueKind = 'overdue' | 'today' | 'soon' | 'later';

export interface DueChip {
  kind: DueKind;
  /** YYYY-MM-DD */
  date: string;
  /** due − today, in days (negative when overdue). */
  days: number;
  /** "3 days overdue", "Due today", "Due tomorrow", "In 5 days", "15 Jan". */
  label: string;
}

/** The chip of a due date, or null without one. */
export function dueChip(due: Day, today: Day): DueChip | null {
  if (!isDay(due)) return null;
  const days = due - today;
  const date = formatDay(due) ?? '';
  if (days < 0) return { kind: 'overdue', date, days, label: days === -1 ? '1 day overdue' : `${-days} days overdue` };
  if (days === 0) return { kind: 'today', date, days, label: 'Due today' };
  if (days <= SOON_DAYS) return { kind: 'soon', date, days, label: days === 1 ? 'Due tomorrow' : `In ${days} days` };
  return { kind: 'later', date, days, label: shortDate(due, today) };
}

/**
 * A step of a goal's tree: shows its due chip only while it is open. A goal that is not active
 * asks nothing (SPEC 1.4): its dates show as plain dates, never overdue or soon.
 */
export function nodeDueChip(node: PlanNode, today: Day, active = true): DueChip | null {
  if (node.status !== 'todo' && node.status !== 'doing') return null;
  const chip = dueChip(node.due, today);
  return chip === null || active || chip.kind === 'later' ? chip : { kind: 'later', date: chip.date, days: chip.days, label: shortDate(node.due, today) };
}

/**
 * `expands`: a step whose link brought a note's plan in below it. `ref`: a node that stands for
 * a note (or section) shown in full elsewhere in the tree.
 */
export function linkMarker(node: PlanNode): 'expands' | 'ref' | null {
  if (node.kind === 'ref') return 'ref';
  if (node.kind === 'step' && node.link !== null && node.children.some((c) => c.path !== node.path)) return 'expands';
  return null;
}

export interface StepChip {
  path: string;
  line: number;
  text: string;
  due: DueChip | null;
}

function stepChip(r: StepRef, today: Day): StepChip {
  return { path: r.path, line: r.line, text: r.text, due: dueChip(r.due, today) };
}

export interface CheckpointChip {
  date: string;
  /** "15 Jan" */
  dateLabel: string;
  label: string | null;
  state: CheckpointState;
  stateLabel: string;
  expect: number | null;
  /** The expected percent on its date: `expect`, else the plan's expected progress then. */
  expected: number | null;
  progress: number | null;
  feeling: number | null;
  feelingLabel: string | null;
  note: string | null;
  onTrack: boolean | null;
  line: number;
  index: number;
}

export interface ChartPoint {
  date: string;
  /** 0 … 1 from the chart's first day to its last. */
  x: number;
  /** 0 … 1 of the plan's total. */
  y: number;
}

export interface BurnupSeries {
  from: string;
  to: string;
  /** Cumulative done leaves by done date, as steps from the first day (weights summed). */
  done: ChartPoint[];
  /** Expected progress E(d): the due dates, with the checkpoint line for undated steps. */
  expected: ChartPoint[];
  /** From today's done count to the forecast date, when there is one. */
  forecast: ChartPoint[] | null;
  /** Where today falls, 0 … 1, or null when outside the chart. */
  today: number | null;
  total: number;
}

export interface Feeling {
  date: string;
  feeling: number;
  progress: number | null;
}

export interface GoalView {
  report: GoalReport;
  path: string;
  title: string;
  status: GoalStatus;
  health: Health;
  chip: { kind: Health; label: string };
  target: string | null;
  daysLeft: number | null;
  /** "34 days left", "today", "5 days late". */
  daysLeftLabel: string | null;
  progress: Progress;
  expectedPercent: number | null;
  /** "42% of 61 steps, 50% expected by today" */
  progressLabel: string;
  checkpoints: CheckpointChip[];
  burnup: BurnupSeries | null;
  forecast: string | null;
  /** "Done around 15 Mar at the pace of the last four weeks" */
  forecastLabel: string | null;
  /** "Can finish by 12 Jan, on or before the target": the schedule's projected finish. */
  finishLabel: string | null;
  capacity: Capacity | null;
  /** "12 working days to spare" / "Short by 6 working days" / "Just fits" */
  capacityLabel: string | null;
  feelings: Feeling[];
  nextAction: StepChip | null;
  overdue: StepChip[];
  help: StepChip[];
  problems: Problem[];
}


function burnupSeries(r: GoalReport, meta: GoalMeta, today: Day): BurnupSeries | null {
  const total = r.progress.total;
  if (total <= 0) return null;
  const first = r.burnup[0]?.date;
  const starts = [meta.start, first ?? meta.start].filter(isDay);
  if (starts.length === 0) return null;
  const from = Math.min(...starts);
  const ends = [meta.target, today, isDay(r.forecast) ? r.forecast : meta.target, r.burnup[r.burnup.length - 1]?.date ?? today].filter(isDay);
  const to = Math.max(from + 1, ...ends);
  const span = to - from;
  const x = (d: Day): number => Math.min(1, Math.max(0, (d - from) / span));
  const point = (d: Day, value: number): ChartPoint => ({ date: formatDay(d) ?? '', x: x(d), y: Math.min(1, Math.max(0, value)) });
  const done: ChartPoint[] = [point(from, 0)];
  for (const b of r.burnup) done.push(point(b.date, b.done / total));
  const expected = r.expected.series(from, to).map((p) => point(p.date, p.value / 100));
  let forecast: ChartPoint[] | null = null;
  if (isDay(r.forecast)) {
    let doneNow = 0;
    for (const b of r.burnup) if (b.date <= today) doneNow = b.done;
    forecast = [point(today, doneNow / total), point(r.forecast, 1)];
  }
  return { from: formatDay(from) ?? '', to: formatDay(to) ?? '', done, expected, forecast, today: today >= from && today <= to ? x(today) : null, total };
}

/** The view of one goal on a day. */
export function presentGoal(r: GoalReport, today: Day): GoalView {
  const meta: GoalMeta = { title: r.title, status: r.status, start: r.start, target: r.target, checkpoints: r.checkpoints };
  const decided = r.status !== 'active';
  const p = r.progress;
  const expected = r.expectedPercent === null || decided ? '' : `, ${r.expectedPercent}% expected by today`;
  const checkpoints: CheckpointChip[] = r.checkpoints.map((c) => ({
    date: formatDay(c.date) ?? '',
    dateLabel: shortDate(c.date, today),
    label: c.label,
    state: c.state,
    stateLabel: CHECKPOINT_LABELS[c.state],
    expect: c.expect,
    expected: c.expect ?? r.expected.percentAt(c.date),
    progress: c.progress,
    feeling: c.feeling,
    feelingLabel: c.feeling === null ? null : (FEELING_LABELS[Math.round(c.feeling)] ?? null),
    note: c.note,
    onTrack: c.onTrack,
    line: c.line,
    index: c.index,
  }));
  const feelings: Feeling[] = [];
  for (const c of r.checkpoints) {
    if (c.state === 'reviewed' && c.feeling !== null) feelings.push({ date: formatDay(c.date) ?? '', feeling: c.feeling, progress: c.progress });
  }
  return {
    report: r,
    path: r.path,
    title: r.title,
    status: r.status,
    health: r.health,
    chip: { kind: r.health, label: goalHealthLabel(r) },
    target: formatDay(r.target),
    daysLeft: isDay(r.target) ? r.target - today : null,
    daysLeftLabel: decided ? null : daysLeftLabel(r.target, today),
    progress: p,
    expectedPercent: r.expectedPercent,
    progressLabel: `${p.percent}% of ${plural(p.total, 'step')}${expected}`,
    checkpoints,
    burnup: burnupSeries(r, meta, today),
    forecast: formatDay(r.forecast),
    forecastLabel: decided ? null : forecastLabel(r.forecast, r.target, today),
    finishLabel: decided ? null : finishLabel(r.finish, r.target, today),
    capacity: r.capacity,
    capacityLabel: decided ? null : capacityLabel(r.capacity),
    feelings,
    nextAction: r.nextAction === null ? null : stepChip(r.nextAction, today),
    overdue: r.overdue.map((s) => stepChip(s, today)),
    help: r.help.map((s) => stepChip(s, today)),
    problems: r.problems,
  };
}
