/**
 * The goal commands of the command line (SPEC 6): `summary` prints what `copy-plan-summary`
 * copies; `review` records a checkpoint review and `status` a decision, with the same engine
 * functions as the plugin's commands. Exit codes: 0 written (or printed), 1 refused, 2 bad usage.
 */
import { resolve } from 'node:path';
import { formatDay, parseDay, isDay, type Day } from '../engine/days/dates';
import { refuse, type EditResult } from '../engine/edit';
import { appendToSection, type FrontmatterOp } from '../engine/edit/frontmatter';
import { DECISIONS_HEADING, REVIEWS_HEADING, reviewEntry, statusEntry } from '../engine/edit/goal-log';
import { indentUnit } from '../engine/edit/outline-block';
import { planSummary } from '../engine/present/summary';
import type { CheckpointView, GoalReport, GoalStatus } from '../engine/types';
import { editFrontmatterCli } from './frontmatter-doc';
import { readArgs, type CommandArgs } from './args';
import { GOAL_USAGE } from './goal-usage';
import { matchGoal } from './goal-name';
import { CliError, parseToday } from './load';
import type { Io } from './main';
import { loadVaultWithSettings } from './settings';
import { commit, oneLine } from './note-change';
import { safe } from './terminal';
import { noteFile, readNoteText, Refusal, writeFailure } from './write-note';

const STATUSES: readonly GoalStatus[] = ['active', 'paused', 'staying', 'done', 'dropped'];

/** Options each command takes; `true` for those that take a value. */
const OPTIONS: Record<string, Record<string, boolean>> = {
  summary: { '--goal': true, '--today': true, '--steps': false },
  review: { '--goal': true, '--today': true, '--feeling': true, '--note': true, '--checkpoint': true, '--dry-run': false },
  status: { '--goal': true, '--today': true, '--reason': true, '--dry-run': false },
};

interface GoalArgs extends CommandArgs {
  command: string;
}

function parseGoalArgs(argv: string[]): GoalArgs {
  const [command = '', ...rest] = argv;
  const read = readArgs(command, rest, OPTIONS[command] ?? {});
  for (const [name, value] of read.values) oneLine(name, value);
  const args: GoalArgs = { command, ...read };
  const want = command === 'status' ? 2 : 1;
  if (args.positional.length !== want) throw new CliError(command === 'status' ? 'status wants a vault folder and a status' : `${command} wants one vault folder`);
  if (!args.values.has('--goal')) throw new CliError(`${command} wants --goal NAME`);
  return args;
}

/** The checkpoint to review: the one named, else the due one (the latest), else the latest missed. */
function checkpointToReview(goal: GoalReport, named: Day | null): CheckpointView {
  const byDateDesc = [...goal.checkpoints].sort((a, b) => b.date - a.date);
  if (named !== null) {
    const cp = byDateDesc.find((c) => c.date === named);
    if (cp === undefined) throw new Refusal(`${goal.title} has no checkpoint on ${formatDay(named) ?? ''}`);
    return cp;
  }
  const cp = byDateDesc.find((c) => c.state === 'due') ?? byDateDesc.find((c) => c.state === 'missed');
  if (cp === undefined) throw new Refusal(`${goal.title} has no checkpoint due or missed; name one with --checkpoint YYYY-MM-DD`);
  return cp;
}

interface Loaded {
  root: string;
  today: Day;
  goal: GoalReport;
  expected: (cp: CheckpointView) => number | null;
}

function load(args: GoalArgs, io: Io): Loaded {
  const root = resolve(args.positional[0] ?? '');
  const today = parseToday(args.values.get('--today'));
  const { index } = loadVaultWithSettings(root, io);
  const match = matchGoal(index.reports(today), args.values.get('--goal') ?? '');
  if ('error' in match) throw new Refusal(match.error);
  return { root, today, goal: match.goal, expected: (cp) => cp.expect ?? match.goal.expected.percentAt(cp.date) };
}

/** The frontmatter edit, then the entry under its heading; written, or printed as a diff. */
function writeGoalNote(l: Loaded, op: FrontmatterOp, heading: string, entry: (text: string) => string[], dryRun: boolean, io: Io, message: string): void {
  const file = noteFile(l.root, l.goal.path);
  const edit = (text: string): EditResult => {
    const fm = editFrontmatterCli(text, op);
    if (!fm.ok) return refuse(text, fm.reason);
    const body = appendToSection(fm.text, heading, entry(text));
    if (!body.ok) return refuse(text, body.reason);
    const how = fm.via === 'document' ? ' (frontmatter rewritten by the YAML writer: its shape cannot be edited line by line)' : '';
    return { ok: true, text: body.text, changed: body.changed, message: message + how };
  };
  commit([{ path: l.goal.path, file, before: readNoteText(file, l.goal.path), edit }], dryRun, io);
}

function review(args: GoalArgs, io: Io): void {
  const feeling = Number(args.values.get('--feeling'));
  if (!args.values.has('--feeling') || !Number.isInteger(feeling) || feeling < 1 || feeling > 5) throw new CliError('review wants --feeling 1-5');
  const namedText = args.values.get('--checkpoint');
  const named = namedText === undefined ? null : parseDay(namedText);
  if (named !== null && !isDay(named)) throw new CliError(`--checkpoint wants a date as YYYY-MM-DD, not "${namedText ?? ''}"`);
  const l = load(args, io);
  const cp = checkpointToReview(l.goal, named);
  const note = (args.values.get('--note') ?? '').trim();
  const progress = l.goal.progress.percent;
  // Found again by its date when the note is written: an entry another program added above it meanwhile does not take the review.
  const target = { index: cp.index, date: formatDay(cp.date) ?? '', reviewed: isDay(cp.reviewed) };
  const op: FrontmatterOp = { kind: 'review', ...target, values: { progress, feeling, note: note === '' ? null : note, reviewed: formatDay(l.today) ?? '' } };
  const entry = (text: string): string[] => reviewEntry({ today: l.today, checkpoint: cp, progress, expected: l.expected(cp), feeling, note, answers: {}, unit: indentUnit(text) });
  writeGoalNote(l, op, REVIEWS_HEADING, entry, args.flags.has('--dry-run'), io, `review of ${formatDay(cp.date) ?? ''} recorded: ${progress}%, feeling ${feeling}/5`);
}

function status(args: GoalArgs, io: Io): void {
  const value = args.positional[1] ?? '';
  if (!(STATUSES as readonly string[]).includes(value)) throw new CliError(`status wants one of ${STATUSES.join(', ')}, not "${value}"`);
  const reason = (args.values.get('--reason') ?? '').trim();
  if (reason === '') throw new CliError('status wants --reason TEXT');
  const l = load(args, io);
  const s = value as GoalStatus;
  writeGoalNote(l, { kind: 'set', key: 'status', value: s }, DECISIONS_HEADING, () => [statusEntry(l.today, s, reason)], args.flags.has('--dry-run'), io, `status ${s}`);
}

/** Runs `summary`, `review` or `status`. */
export function runGoalCommand(argv: string[], io: Io): number {
  try {
    const args = parseGoalArgs(argv);
    if (args.command === 'summary') {
      const l = load(args, io);
      // Cleaned as the report is: a title cannot send the terminal escape sequences.
      io.out(planSummary(l.goal, l.today, args.flags.has('--steps') ? 'steps' : 'phases').split('\n').map(safe).join('\n'));
    } else if (args.command === 'review') review(args, io);
    else status(args, io);
    return 0;
  } catch (e) {
    return writeFailure(e, io, GOAL_USAGE, '');
  }
}
