/**
 * What the view lays out for a goal, read from the engine's report: labels, due chips, the
 * burn-up series in 0..1 coordinates. Rendering functions take this shape only, so they never
 * compute dates or labels themselves.
 */
import { civilFromDay, formatDay, isDay, type Day } from '../engine/dates';
import { expectedLine } from '../engine/goal';
import type { CheckpointState, GoalReport, Health, PlanNode, Problem, Progress, StepRef } from '../engine/types';

export type DueKind = 'overdue' | 'today' | 'soon' | 'later';
export interface DueChip {
  kind: DueKind;
  label: string;
  date: string;
  days: number;
}

export interface StepChip extends StepRef {
  chip: DueChip | null;
}

export interface CheckpointItem {
  date: string;
  label: string | null;
  state: CheckpointState;
  stateLabel: string;
  feeling: number | null;
  feelingLabel: string | null;
  onTrack: boolean | null;
  line: number;
  expect: number | null;
  progress: number | null;
}

export interface ChartPoint {
  date: string;
  x: number;
  y: number;
}

export interface Burnup {
  done: ChartPoint[];
  expected: ChartPoint[];
  forecast: ChartPoint[];
  today: ChartPoint | null;
}

export interface GoalView {
  path: string;
  title: string;
  health: Health;
  chip: { kind: string; label: string };
  target: string | null;
  daysLeft: number | null;
  daysLeftLabel: string | null;
  progress: Progress;
  expectedPercent: number | null;
  checkpoints: CheckpointItem[];
  burnup: Burnup | null;
  forecast: string | null;
  forecastLabel: string;
  capacity: { work: number; days: number; slack: number } | null;
  capacityLabel: string | null;
  feelings: { date: string; feeling: number; progress: number | null }[];
  nextAction: StepChip | null;
  overdue: StepChip[];
  help: StepChip[];
  problems: Problem[];
}

const CHIP_LABELS: Record<Health, string> = {
  ahead: 'Ahead',
  'on-track': 'On track',
  behind: 'Behind',
  overdue: 'Overdue',
  done: 'Done',
  paused: 'Paused',
  staying: 'Staying',
  dropped: 'Dropped',
  unknown: 'No start date',
};

const STATE_LABELS: Record<CheckpointState, string> = { reviewed: 'Reviewed', due: 'Due for review', missed: 'Missed', upcoming: 'Upcoming' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `Dec 15`, with the year when it is not this year's. */
export function shortDate(day: Day, today: Day): string {
  const [y, m, d] = civilFromDay(day);
  const [ty] = civilFromDay(today);
  return `${MONTHS[m - 1] ?? ''} ${d}${y === ty ? '' : `, ${y}`}`;
}

/** The chip beside a step with a due date: overdue, today, within 7 days, or later. */
export function dueChip(due: Day, today: Day): DueChip | null {
  if (!isDay(due)) return null;
  const days = due - today;
  const date = formatDay(due) ?? '';
  if (days < 0) return { kind: 'overdue', label: `${plural(-days, 'day')} late`, date, days };
  if (days === 0) return { kind: 'today', label: 'Today', date, days };
  if (days <= 7) return { kind: 'soon', label: days === 1 ? 'Tomorrow' : `In ${days} days`, date, days };
  return { kind: 'later', label: shortDate(due, today), date, days };
}

/**
 * A step's text as the view shows it: links read as their text (`[[Note|alias]]` → alias,
 * `[[Folder/Note#Part]]` → Note › Part, `[text](url)` → text), and the help tag left to the badge.
 */
export function displayText(text: string, helpTag: string | null): string {
  let out = text.replace(/!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_m, target: string, alias: string | undefined) => {
    if (alias !== undefined && alias.trim() !== '') return alias;
    const [path = '', part] = target.split('#');
    const name = path.slice(path.lastIndexOf('/') + 1);
    return part === undefined ? name : name === '' ? part : `${name} › ${part}`;
  });
  out = out.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (helpTag !== null && helpTag !== '') {
    const lower = helpTag.toLowerCase();
    out = out
      .split(' ')
      .filter((w) => w.toLowerCase() !== lower)
      .join(' ');
  }
  return out.trim() === '' ? text : out.trim();
}

/** How a step shows its link: it expands the linked note, or refers to one expanded above. */
export function linkMarker(node: PlanNode): 'expands' | 'ref' | null {
  if (node.kind === 'ref') return 'ref';
  if (node.link === null) return null;
  return node.children.some((c) => c.path === node.link) ? 'expands' : 'ref';
}

function burnupOf(r: GoalReport, today: Day): Burnup | null {
  const total = r.progress.total;
  const line = expectedLine({ title: r.title, status: r.status, start: r.start, target: r.target, checkpoints: r.checkpoints });
  const days: Day[] = [today, ...r.burnup.map((p) => p.date)];
  if (line !== null) for (const p of line) days.push(p.date);
  if (isDay(r.forecast)) days.push(r.forecast);
  if (total === 0 || days.length < 2) return null;
  const from = Math.min(...days);
  const to = Math.max(...days);
  if (to <= from) return null;
  const at = (date: Day, value: number): ChartPoint => ({ date: formatDay(date) ?? '', x: (date - from) / (to - from), y: Math.max(0, Math.min(1, value)) });
  const done = r.burnup.map((p) => at(p.date, p.done / total));
  const last = done[done.length - 1];
  if (last === undefined || last.x < 1) done.push(at(Math.min(today, to), r.progress.done / total));
  const expected = line === null ? [] : line.map((p) => at(p.date, p.value / 100));
  const forecast = isDay(r.forecast) && r.forecast >= today ? [at(today, r.progress.done / total), at(r.forecast, 1)] : [];
  return { done, expected, forecast, today: at(today, r.expectedPercent === null ? 0 : r.expectedPercent / 100) };
}

function withChip(ref: StepRef, today: Day): StepChip {
  return { ...ref, chip: dueChip(ref.due, today) };
}

/** The card's model of a goal report as of today. */
export function presentGoal(r: GoalReport, today: Day): GoalView {
  const daysLeft = isDay(r.target) ? r.target - today : null;
  let daysLeftLabel: string | null = null;
  if (daysLeft !== null) daysLeftLabel = daysLeft > 0 ? `${plural(daysLeft, 'day')} left` : daysLeft === 0 ? 'Due today' : `${plural(-daysLeft, 'day')} past target`;
  let forecastLabel = 'No pace yet: nothing done in the last four weeks';
  if (r.progress.total > 0 && r.progress.done >= r.progress.total) forecastLabel = 'Every step done';
  else if (isDay(r.forecast)) forecastLabel = `At this pace: done ${shortDate(r.forecast, today)}`;
  return {
    path: r.path,
    title: r.title,
    health: r.health,
    chip: { kind: r.health, label: CHIP_LABELS[r.health] },
    target: formatDay(r.target),
    daysLeft,
    daysLeftLabel,
    progress: r.progress,
    expectedPercent: r.expectedPercent,
    checkpoints: r.checkpoints.map((c) => ({
      date: formatDay(c.date) ?? '',
      label: c.label,
      state: c.state,
      stateLabel: STATE_LABELS[c.state],
      feeling: c.feeling,
      feelingLabel: c.feeling === null ? null : `Feeling ${c.feeling} of 5`,
      onTrack: c.onTrack,
      line: c.line,
      expect: c.expect,
      progress: c.progress,
    })),
    burnup: burnupOf(r, today),
    forecast: formatDay(r.forecast),
    forecastLabel,
    capacity: null,
    capacityLabel: null,
    feelings: r.checkpoints.filter((c) => c.state === 'reviewed' && c.feeling !== null).map((c) => ({ date: formatDay(c.date) ?? '', feeling: c.feeling ?? 0, progress: c.progress })),
    nextAction: r.nextAction === null ? null : withChip(r.nextAction, today),
    overdue: r.overdue.map((s) => withChip(s, today)),
    help: r.help.map((s) => withChip(s, today)),
    problems: r.problems,
  };
}
