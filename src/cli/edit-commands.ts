/**
 * The edit commands of the command line (SPEC 6): `toggle`, `postpone`, `reschedule-overdue`
 * and `break-down`, applying the engine's edits (SPEC 2) to the notes of a vault folder.
 * Exit codes: 0 written (or printed with --dry-run), 1 refused, 2 bad usage.
 */
import { resolve } from 'node:path';
import { MONDAY_TO_FRIDAY } from '../engine/days/working-days';
import { formatDay, type Day } from '../engine/days/dates';
import { overdueDays, parseShift, postponeStep, setDueDates, toggleStep, type DueChange, type EditResult, type Shift, type WriteFormat } from '../engine/edit';
import { lineSpan } from '../engine/read/lines';
import { parseDateInput } from '../engine/days/nldate';
import { readArgs, type OptionSpec } from './args';
import { breakDown } from './break-down-command';
import { matchGoal } from './goal-name';
import { CliError, parseToday } from './load';
import type { Io } from './main';
import { EDIT_COMMANDS, EDIT_USAGE } from './edit-usage';
import { commit, oneLine, tell, type NoteChange } from './note-change';
import { goalReports, stepRow } from './plan-steps';
import { settingsWarning, vaultSettings } from './settings';
import { noteFile, readNoteText, Refusal, writeFailure } from './write-note';

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

/** Options each command takes; `true` for those that take a value. */
const OPTIONS: Record<string, OptionSpec> = {
  toggle: { '--today': true, '--expect': true, '--format': true, '--dry-run': false },
  postpone: { '--today': true, '--expect': true, '--format': true, '--dry-run': false },
  'reschedule-overdue': { '--today': true, '--format': true, '--dry-run': false, '--goal': true, '--spread': false, '--working-days': true },
  'break-down': { '--today': true, '--expect': true, '--format': true, '--dry-run': false, '--extend': false, '--keep': false, '--working-days': true },
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
  const { positional, values, flags } = readArgs(command, rest, OPTIONS[command] ?? {});
  const args: EditArgs = {
    command,
    positional,
    format: formatOf(values.get('--format')),
    dryRun: flags.has('--dry-run'),
    workingDays: values.has('--working-days') ? parseWorkingDays(values.get('--working-days') ?? '') : [...MONDAY_TO_FRIDAY],
    spread: flags.has('--spread'),
    extend: flags.has('--extend'),
    keep: flags.has('--keep'),
  };
  const today = values.get('--today');
  if (today !== undefined) args.today = today;
  const expect = values.get('--expect');
  if (expect !== undefined) args.expect = oneLine('--expect', expect);
  const goal = values.get('--goal');
  if (goal !== undefined) args.goal = goal;
  if (args.extend && args.keep) throw new CliError('--extend and --keep cannot go together');
  return args;
}

function formatOf(value: string | undefined): WriteFormat {
  if (value === undefined || value === 'tasks' || value === 'dataview') return value ?? 'tasks';
  throw new CliError(`--format is tasks or dataview, not "${value}"`);
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

function rescheduleOverdue(root: string, args: EditArgs, today: Day, io: Io): void {
  if (args.goal === undefined) throw new CliError('reschedule-overdue wants --goal NAME');
  if (args.positional.length !== 1) throw new CliError('reschedule-overdue wants one vault folder');
  const match = matchGoal(goalReports(root, today, io), args.goal);
  if ('error' in match) throw new Refusal(match.error);
  const { plan, overdue } = match.goal;
  if (overdue.length === 0) {
    tell(io, match.goal.path, `${match.goal.title}: no overdue step`, false);
    return;
  }
  const days = overdueDays(overdue.length, today, args.spread, args.workingDays);
  const byPath = new Map<string, DueChange[]>();
  overdue.forEach((s, i) => {
    // Each line is checked against the text the plan read (2.1) before it gets its date.
    const row = stepRow(plan, s.path, s.line);
    const expected = row === -1 ? undefined : plan.stepAt(row).raw;
    const change: DueChange = { line: s.line, day: days[i] ?? today, ...(expected !== undefined ? { expected } : {}) };
    byPath.set(s.path, [...(byPath.get(s.path) ?? []), change]);
  });
  const changes: NoteChange[] = [];
  for (const [path, steps] of byPath) {
    const file = noteFile(root, path);
    changes.push({ path, file, before: readNoteText(file, path), edit: (t) => setDueDates(t, steps, args.format) });
  }
  commit(changes, args.dryRun, io);
}

/**
 * `+3d`, `2026-05-01`, or a date in words read as the plugin reads it (the week starting on the
 * vault's setting, for "end of week"); a past day from words is refused.
 */
function postponeShift(text: string, today: Day, weekStart: () => number): Shift {
  const shift = parseShift(text);
  if (shift !== null) return shift;
  const read = parseDateInput(text, today, weekStart());
  if ('error' in read) throw new CliError(`postpone wants YYYY-MM-DD, +Nd, +Nw, +Nm or a date in words ("friday", "in 2 weeks", "end of month"), not "${text}"`);
  if (read.day < today) throw new Refusal(`"${text}" reads as ${formatDay(read.day) ?? ''}, before today (${formatDay(today) ?? ''}): give a date from today on`);
  return { to: read.day };
}

function oneLineEdit(root: string, args: EditArgs, today: Day, io: Io): void {
  const [, place, shiftText, ...extra] = args.positional;
  const { path, line } = parsePlace(place);
  let edit: (text: string, at: { line: number; expected: string }) => EditResult;
  if (args.command === 'toggle') {
    if (shiftText !== undefined) throw new CliError('toggle wants a vault and a path:line');
    edit = (text, at) => toggleStep(text, at, { today, format: args.format });
  } else {
    if (shiftText === undefined || extra.length > 0) throw new CliError(`postpone wants one date: YYYY-MM-DD, +Nd, +Nw, +Nm or words in quotes, not "${[shiftText, ...extra].join(' ')}"`);
    const shift = postponeShift(shiftText, today, () => vaultSettings(root, settingsWarning(io)).weekStart);
    edit = (text, at) => postponeStep(text, at, shift, today, args.format);
  }
  const file = noteFile(root, path);
  const before = readNoteText(file, path);
  // Without --expect, the line as read now: an edit made again later checks it (2.1).
  const span = lineSpan(before, line);
  const expected = args.expect ?? (span === null ? null : before.slice(span.start, span.end));
  if (expected === null) throw new Refusal(`${path}: the note has no line ${line + 1}`);
  commit([{ path, file, before, edit: (t) => edit(t, { line, expected }) }], args.dryRun, io);
}

/** Runs one edit command; the exit code. */
export function runEdit(argv: string[], io: Io): number {
  try {
    const args = parseEditArgs(argv);
    if (args.positional.length < 1) throw new CliError(`${args.command} wants a vault folder`);
    const today = parseToday(args.today);
    const root = resolve(args.positional[0] ?? '');
    if (args.command === 'reschedule-overdue') rescheduleOverdue(root, args, today, io);
    else if (args.command === 'break-down') {
      const [, place, ...subTexts] = args.positional;
      breakDown(root, { ...args, place: parsePlace(place), subTexts, ...(args.expect !== undefined ? { expect: args.expect } : {}) }, today, io);
    } else oneLineEdit(root, args, today, io);
    return 0;
  } catch (e) {
    return writeFailure(e, io, `usage:\n${EDIT_USAGE}`, 'cannot write: ');
  }
}
