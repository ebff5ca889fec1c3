/**
 * The timeline of a goal (SPEC 4.3) as data: its rows in tree order with the bar each draws,
 * the dependency arrows, the checkpoints and the axis's range. Bars come from the dates of the
 * note and, for open steps without a due date of their own, from the schedule the report
 * already holds (schedule/): nothing is scheduled again here.
 */
import { isDay, type Day } from '../days/dates';
import { workingDaysOf } from '../days/working-days';
import { WorkingDayLine } from '../schedule/day-line';
import type { CheckpointState, GoalReport, PlanNode } from '../types';
import { nodeDueChip } from './present';
import { planTop } from './summary';

export type Zoom = 'weeks' | 'months' | 'quarters';

export interface TimelineBar {
  start: Day;
  end: Day;
  /** Drawn from the schedule's early start and finish: not a date of the note (hatched). */
  estimated: boolean;
}

export interface TimelineRow {
  node: PlanNode;
  /** 0 for the top rows. */
  depth: number;
  /** Index in `rows` of the row above it in the tree, or -1. */
  parent: number;
  /** Index in `rows` past its last descendant. */
  end: number;
  bar: TimelineBar | null;
  /** The span of the bars below it (its sub-steps'), or null. */
  inner: TimelineBar | null;
  critical: boolean;
  blocked: boolean;
  overdue: boolean;
}

export interface TimelineArrow {
  /** Rows of the step waited on and of the step that waits. */
  from: number;
  to: number;
}

export interface TimelineMilestone {
  date: Day;
  state: CheckpointState;
  label: string | null;
  line: number;
}

export interface TimelineModel {
  path: string;
  title: string;
  active: boolean;
  today: Day;
  target: Day;
  /** The axis: first and last day shown. */
  from: Day;
  to: Day;
  /** Nothing dated at all: the axis is today and four weeks on. */
  noDates: boolean;
  rows: TimelineRow[];
  arrows: TimelineArrow[];
  milestones: TimelineMilestone[];
}

/** Days shown beyond the earliest and latest date on each side of the axis. */
const MARGIN = 7;
const EMPTY_SPAN = 28;

/** The rows in pre-order, without recursion: a deep plan is a long list, not a deep stack. */
function flatten(top: readonly PlanNode[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const stack: { node: PlanNode; depth: number; parent: number }[] = top.map((node) => ({ node, depth: 0, parent: -1 })).reverse();
  const open: number[] = [];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    while (open.length > 0 && open[open.length - 1] !== item.parent) (rows[open.pop() as number] as TimelineRow).end = rows.length;
    const i = rows.length;
    rows.push({ node: item.node, depth: item.depth, parent: item.parent, end: i + 1, bar: null, inner: null, critical: false, blocked: false, overdue: false });
    open.push(i);
    const kids = item.node.children.filter((c) => c.kind === 'phase' || c.kind === 'step');
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ node: kids[k] as PlanNode, depth: item.depth + 1, parent: i });
  }
  for (const i of open) (rows[i] as TimelineRow).end = rows.length;
  return rows;
}

/** The dates a step's own bar is drawn from. */
export type BarDates = Pick<PlanNode, 'due' | 'start' | 'scheduled' | 'estimate'>;

/** A dated step's own bar: to its due date, from its start, else scheduled, else its duration back. */
export function datedBar(node: BarDates, line: WorkingDayLine): TimelineBar {
  const end = node.due;
  let start = isDay(node.start) ? node.start : isDay(node.scheduled) ? node.scheduled : line.day(line.floor(end) - workingDaysOf(node.estimate) + 1);
  if (start > end) start = end;
  return { start, end, estimated: false };
}

export function span(a: TimelineBar | null, b: TimelineBar): TimelineBar {
  if (a === null) return { ...b };
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), estimated: a.estimated && b.estimated };
}

/** The bar of each row, from the leaves up: a row spans its children's bars and its own due date. */
function placeBars(rows: TimelineRow[], line: WorkingDayLine): void {
  const spans: (TimelineBar | null)[] = rows.map(() => null);
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as TimelineRow;
    const node = row.node;
    let bar = spans[i] ?? null;
    row.inner = bar;
    if (node.kind === 'step' && isDay(node.due)) bar = bar === null ? datedBar(node, line) : { ...span(bar, datedBar(node, line)), estimated: false };
    else if (bar === null && node.kind === 'step' && isDay(node.earlyStart) && isDay(node.earlyFinish)) bar = { start: node.earlyStart, end: node.earlyFinish, estimated: true };
    row.bar = bar;
    if (bar !== null && row.parent !== -1) spans[row.parent] = span(spans[row.parent] ?? null, bar);
  }
}

/** A step row's key for matching the report's dependencies: `path:line`. */
export function rowKey(node: PlanNode): string {
  return `${node.path}:${node.line}`;
}

function arrowsOf(report: GoalReport, rows: readonly TimelineRow[]): TimelineArrow[] {
  const { tree, deps } = report.dependencies;
  if (deps.length === 0) return [];
  const at = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.node.kind === 'step') at.set(rowKey(r.node), i);
  });
  const out: TimelineArrow[] = [];
  for (const d of deps) {
    if (!d.kept) continue;
    const from = at.get(`${tree.path(d.on)}:${tree.line(d.on)}`);
    const to = at.get(`${tree.path(d.from)}:${tree.line(d.from)}`);
    if (from !== undefined && to !== undefined) out.push({ from, to });
  }
  return out;
}

/** The axis: every date drawn, start, target, today and the checkpoints, a week beyond each end. */
function axisRange(report: GoalReport, rows: readonly TimelineRow[], today: Day): { from: Day; to: Day; noDates: boolean } {
  const days: Day[] = [];
  for (const d of [report.start, report.target, ...report.checkpoints.map((c) => c.date)]) if (isDay(d)) days.push(d);
  for (const r of rows) if (r.bar !== null) days.push(r.bar.start, r.bar.end);
  if (days.length === 0) return { from: today, to: today + EMPTY_SPAN, noDates: true };
  let lo = today;
  let hi = today;
  for (const d of days) {
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  }
  return { from: lo - MARGIN, to: hi + MARGIN, noDates: false };
}

/** The timeline of a goal on `today`, over the working days of the settings. */
export function timelineModel(report: GoalReport, today: Day, workingDays: readonly number[]): TimelineModel {
  const active = report.status === 'active';
  const rows = flatten(planTop(report.tree));
  placeBars(rows, new WorkingDayLine(workingDays, today));
  for (const r of rows) {
    if (r.node.kind !== 'step') continue;
    r.critical = active && r.node.critical;
    r.blocked = r.node.blocked;
    r.overdue = nodeDueChip(r.node, today, active)?.kind === 'overdue';
  }
  const milestones = report.checkpoints.map((c) => ({ date: c.date, state: c.state, label: c.label, line: c.line }));
  return { path: report.path, title: report.title, active, today, target: report.target, ...axisRange(report, rows, today), rows, arrows: arrowsOf(report, rows), milestones };
}

/** The zoom a timeline opens with: weeks for a plan of two months or less, months for a year, else quarters. */
export function defaultZoom(model: TimelineModel): Zoom {
  const days = model.to - model.from;
  return days <= 62 ? 'weeks' : days <= 400 ? 'months' : 'quarters';
}
