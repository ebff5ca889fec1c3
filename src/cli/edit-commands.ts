/**
 * The edit commands of the command line (SPEC 6): `toggle`, `postpone`, `reschedule-overdue`
 * and `break-down`, applying the engine's edits (SPEC 2) to the notes of a vault folder.
 * Exit codes: 0 written (or printed with --dry-run), 1 refused, 2 bad usage.
 */
import { resolve } from 'node:path';
import { anchorLine } from '../engine/anchor';
import { MONDAY_TO_FRIDAY } from '../engine/calendar';
import { formatDay, isDay, parseDay, type Day } from '../engine/dates';
import {
  breakDownStep,
  estimateDays,
  layOutBackward,
  overdueDays,
  parseShift,
  parseSubStep,
  postponeStep,
  setDueDates,
  toggleStep,
  type EditResult,
  type Shift,
  type SubStep,
  type WriteFormat,
} from '../engine/edit';
import { lineSpan } from '../engine/edit/lines';
import { parseDateInput } from '../engine/nldate';
import { STEP, type PlanTree } from '../engine/plan-tree';
import type { GoalReport } from '../engine/types';
import { matchGoal } from './goal-name';
import { CliError, parseToday } from './load';
import type { Io } from './main';
import { loadVaultWithSettings } from './settings';
import { setGoalTarget } from './target';
import { EDIT_COMMANDS, EDIT_USAGE } from './edit-usage';
import { unifiedDiff } from './unified-diff';
import { noteFile, readNoteText, Refusal, writeAtomic, writeFailure } from './write-note';

export { EDIT_COMMANDS, EDIT_USAGE };

interface EditArgs {
  command: string;
  positional: string[];
  today?: string;
  expect?: string;
  format: WriteFormat;
  dryRun: boolean;
  workingDays: number[];
  goal?: string;
  spread: boolean;
  extend: boolean;
  keep: boolean;
}

const OPTIONS: Record<string, string[]> = {
  toggle: ['--today', '--expect', '--format', '--dry-run'],
  postpone: ['--today', '--expect', '--format', '--dry-run'],
  'reschedule-overdue': ['--today', '--format', '--dry-run', '--goal', '--spread', '--working-days'],
  'break-down': ['--today', '--expect', '--format', '--dry-run', '--extend', '--keep', '--working-days'],
};

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function parseWorkingDays(value: string): number[] {
  const days = value.split(',').map((d) => d.trim().toLowerCase().slice(0, 3));
  const out = days.map((d) => DAY_NAMES.indexOf(d));
  if (out.length === 0 || out.some((d) => d < 0)) throw new CliError(`--working-days wants names like mon,tue,wed, not "${value}"`);
  return [...new Set(out)].sort();
}

function parseEditArgs(argv: string[]): EditArgs {
  const [command = '', ...rest] = argv;
  const allowed = OPTIONS[command] ?? [];
  const args: EditArgs = { command, positional: [], format: 'tasks', dryRun: false, workingDays: [...MONDAY_TO_FRIDAY], spread: false, extend: false, keep: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (!a.startsWith('--') || a === '--') {
      args.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq === -1 ? a : a.slice(0, eq);
    if (!allowed.includes(name)) throw new CliError(`unknown option "${name}" for ${command}`);
    const value = (): string => {
      if (eq !== -1) return a.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new CliError(`${name} needs a value`);
      return v;
    };
    if (name === '--dry-run') args.dryRun = true;
    else if (name === '--spread') args.spread = true;
    else if (name === '--extend') args.extend = true;
    else if (name === '--keep') args.keep = true;
    else if (name === '--today') args.today = value();
    else if (name === '--expect') args.expect = value();
    else if (name === '--goal') args.goal = value();
    else if (name === '--working-days') args.workingDays = parseWorkingDays(value());
    else if (name === '--format') {
      const f = value();
      if (f !== 'tasks' && f !== 'dataview') throw new CliError(`--format is tasks or dataview, not "${f}"`);
      args.format = f;
    }
  }
  if (args.extend && args.keep) throw new CliError('--extend and --keep cannot go together');
  return args;
}

/** `path:line` with a 1-based line, as the report prints a step's place. */
function parsePlace(value: string | undefined): { path: string; line: number } {
  const at = value?.lastIndexOf(':') ?? -1;
  const line = value === undefined ? NaN : Number(value.slice(at + 1));
  if (value === undefined || at <= 0 || !Number.isInteger(line) || line < 1) {
    throw new CliError(`a step's place is path:line with a line from 1, not "${value ?? ''}"`);
  }
  return { path: value.slice(0, at).replace(/\\/g, '/'), line: line - 1 };
}

/** One note's change, ready to show or write. */
interface NoteChange {
  path: string;
  file: string;
  before: string;
  result: EditResult;
}

function edited(change: NoteChange): string {
  if (!change.result.ok) throw new Refusal(`${change.path}: ${change.result.reason}`);
  return change.result.text;
}

function commit(changes: NoteChange[], dryRun: boolean, io: Io): void {
  const texts = changes.map(edited);
  changes.forEach((c, i) => {
    const after = texts[i] ?? c.before;
    if (dryRun) io.out(unifiedDiff(c.path, c.before, after));
    else if (after !== c.before) writeAtomic(c.file, after);
    if (c.result.ok) io.err(`${c.path}: ${c.result.message}${dryRun ? ' (dry run: nothing written)' : ''}\n`);
  });
}

/** The goals of the vault, recognised as the vault's plugin settings say. */
function goalReports(root: string, today: Day, io: Io): GoalReport[] {
  return loadVaultWithSettings(root, io).index.reports(today);
}

/** Does the plan hold the step? Read off its rows: no recursion, however deep a plan nests. */
function holdsStep(plan: PlanTree, path: string, line: number): boolean {
  for (let i = 0; i < plan.size; i++) if (plan.kind(i) === STEP && plan.line(i) === line && plan.path(i) === path) return true;
  return false;
}

function goalOfStep(reports: GoalReport[], path: string, line: number): GoalReport | undefined {
  const holding = reports.filter((r) => holdsStep(r.plan, path, line));
  return holding.find((r) => isDay(r.target)) ?? holding[0];
}

function breakDown(root: string, args: EditArgs, today: Day, io: Io): void {
  const [, place, ...subTexts] = args.positional;
  const { path, line } = parsePlace(place);
  const subs = subTexts.map(parseSubStep).filter((s): s is SubStep => s !== null);
  if (subs.length === 0) throw new CliError('break-down wants at least one sub-step');
  const file = noteFile(root, path);
  const before = readNoteText(file, path);
  const span = lineSpan(before, line);
  const raw = args.expect ?? (span === null ? '' : before.slice(span.start, span.end));
  const anchor = anchorLine(raw);
  if (anchor === null) throw new Refusal(span === null ? `${path} has no line ${line + 1}` : `${path}:${line + 1} is not a task`);
  const due = anchor.fields.find((f) => f.name === 'due');
  const stepDue = due === undefined ? NaN : parseDay(raw.slice(due.valueFrom, due.valueTo));
  let deadline: Day;
  let goal: GoalReport | undefined;
  if (isDay(stepDue)) {
    deadline = stepDue;
  } else {
    goal = goalOfStep(goalReports(root, today, io), path, line);
    if (goal === undefined || !isDay(goal.target)) throw new Refusal('the step has no due date and its goal no target: give the step a due date first');
    deadline = goal.target;
  }
  const estimates = subs.map((s) => estimateDays(s.estimate));
  let layout = layOutBackward(estimates, today, deadline, args.workingDays);
  let moveTo: Day | null = null;
  if (!layout.fits) {
    const short = `the plan does not fit: ${layout.short} working day${layout.short === 1 ? '' : 's'} short of ${formatDay(deadline) ?? ''}`;
    if (!args.extend && !args.keep) throw new Refusal(`${short}; --extend moves the deadline to ${formatDay(layout.extendTo) ?? ''}, --keep keeps it`);
    if (args.extend) {
      moveTo = layout.extendTo;
      layout = layOutBackward(estimates, today, moveTo, args.workingDays);
    }
  }
  const expected = args.expect ?? raw;
  const changes: NoteChange[] = [];
  if (moveTo !== null && goal !== undefined) {
    const goalFile = noteFile(root, goal.path);
    const goalText = goal.path === path ? null : readNoteText(goalFile, goal.path);
    if (goalText !== null) changes.push({ path: goal.path, file: goalFile, before: goalText, result: setGoalTarget(goalText, moveTo) });
  }
  const stepEdit = moveTo !== null && goal === undefined ? moveTo : null;
  let result = breakDownStep(before, { line, expected }, subs, { days: layout.days, stepDue: stepEdit, format: args.format });
  if (moveTo !== null && goal !== undefined && goal.path === path && result.ok) {
    const withTarget = setGoalTarget(result.text, moveTo);
    result = withTarget.ok ? { ...result, text: withTarget.text, message: `${result.message}; ${withTarget.message}` } : withTarget;
  }
  changes.unshift({ path, file, before, result });
  commit(changes, args.dryRun, io);
}

function rescheduleOverdue(root: string, args: EditArgs, today: Day, io: Io): void {
  if (args.goal === undefined) throw new CliError('reschedule-overdue wants --goal NAME');
  if (args.positional.length !== 1) throw new CliError('reschedule-overdue wants one vault folder');
  const match = matchGoal(goalReports(root, today, io), args.goal);
  if ('error' in match) throw new Refusal(match.error);
  const overdue = match.goal.overdue;
  if (overdue.length === 0) {
    io.err(`${match.goal.title}: no overdue step\n`);
    return;
  }
  const days = overdueDays(overdue.length, today, args.spread, args.workingDays);
  const byPath = new Map<string, { line: number; day: Day }[]>();
  overdue.forEach((s, i) => byPath.set(s.path, [...(byPath.get(s.path) ?? []), { line: s.line, day: days[i] ?? today }]));
  const changes: NoteChange[] = [];
  for (const [path, steps] of byPath) {
    const file = noteFile(root, path);
    const before = readNoteText(file, path);
    changes.push({ path, file, before, result: setDueDates(before, steps, args.format) });
  }
  commit(changes, args.dryRun, io);
}

/** `+3d`, `2026-05-01`, or a date in words read as the plugin reads it; a past day from words is refused. */
function postponeShift(text: string, today: Day): Shift {
  const shift = parseShift(text);
  if (shift !== null) return shift;
  const read = parseDateInput(text, today);
  if ('error' in read) throw new CliError(`postpone wants YYYY-MM-DD, +Nd, +Nw, +Nm or a date in words ("friday", "in 2 weeks", "end of month"), not "${text}"`);
  if (read.day < today) throw new Refusal(`"${text}" reads as ${formatDay(read.day) ?? ''}, before today (${formatDay(today) ?? ''}): give a date from today on`);
  return { to: read.day };
}

function oneLineEdit(root: string, args: EditArgs, today: Day, io: Io): void {
  const [, place, shiftText, ...extra] = args.positional;
  const { path, line } = parsePlace(place);
  let edit: (text: string) => EditResult;
  const at = { line, ...(args.expect !== undefined ? { expected: args.expect } : {}) };
  if (args.command === 'toggle') {
    if (shiftText !== undefined) throw new CliError('toggle wants a vault and a path:line');
    edit = (text) => toggleStep(text, at, { today, format: args.format });
  } else {
    if (shiftText === undefined || extra.length > 0) throw new CliError(`postpone wants one date: YYYY-MM-DD, +Nd, +Nw, +Nm or words in quotes, not "${[shiftText, ...extra].join(' ')}"`);
    const shift = postponeShift(shiftText, today);
    edit = (text) => postponeStep(text, at, shift, today, args.format);
  }
  const file = noteFile(root, path);
  const before = readNoteText(file, path);
  commit([{ path, file, before, result: edit(before) }], args.dryRun, io);
}

/** Runs one edit command; the exit code. */
export function runEdit(argv: string[], io: Io): number {
  try {
    const args = parseEditArgs(argv);
    if (args.positional.length < 1) throw new CliError(`${args.command} wants a vault folder`);
    const today = parseToday(args.today);
    const root = resolve(args.positional[0] ?? '');
    if (args.command === 'reschedule-overdue') rescheduleOverdue(root, args, today, io);
    else if (args.command === 'break-down') breakDown(root, args, today, io);
    else oneLineEdit(root, args, today, io);
    return 0;
  } catch (e) {
    return writeFailure(e, io, `usage:\n${EDIT_USAGE}`, 'cannot write: ');
  }
}
