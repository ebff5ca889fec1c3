/**
 * `action-plan report|check|outline`: the engine over a vault folder (SPEC 6).
 * Exit codes: 0 fine, 1 `check` found an error, 2 bad usage or unreadable input.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Day } from '../engine/days/dates';
import { outlineNote } from '../engine/present/outline';
import type { PlanIndex } from '../engine/report/plan-index';
import type { GoalReport } from '../engine/types';
import { EDIT_COMMANDS } from './edit-usage';
import { GOAL_COMMANDS } from './goal-usage';
import { COMMAND_NAMES, commandHelp, helpRequest, overview, unknownCommand, usageOf } from './help';
import { toJson } from './json';
import { CliError, frontmatterOf, parseToday, readText } from './load';
import { guardOutput } from './output';
import { GoalNotFound, writeCheck, writeReport } from './report-text';
import { loadVaultWithSettings } from './settings';
import { safe } from './terminal';

// Start-up: a command whose modules pull in a large library (the date libraries of the edit
// commands) loads them with require() where it is dispatched, so that `check` and `report` never
// evaluate them; tests/cli/startup.test.ts fails when such a library is imported at the top.

const USAGE = `usage:\n${usageOf(COMMAND_NAMES)}`;

interface Args {
  command: string;
  target: string;
  goal?: string;
  today?: string;
  json: boolean;
  /** Ignore the vault's plugin settings. */
  noSettings: boolean;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  /** Indent --json output (the default, for a terminal), or not (piped or redirected). */
  indent?: boolean;
  /** Standard output is a terminal: a diff shows its control characters as visible signs. */
  terminal?: boolean;
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command === undefined || !['report', 'check', 'outline'].includes(command)) {
    throw new CliError(command === undefined ? 'no command given' : unknownCommand(command));
  }
  const args: Args = { command, target: '', json: false, noSettings: false };
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined) throw new CliError(`${a} needs a value`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--no-settings' && command !== 'outline') args.noSettings = true;
    else if (a === '--today') args.today = value();
    else if (a.startsWith('--today=')) args.today = a.slice(8);
    else if (a === '--goal' && command === 'report') args.goal = value();
    else if (a.startsWith('--goal=') && command === 'report') args.goal = a.slice(7);
    else if (a.startsWith('-')) throw new CliError(`unknown option "${a}" for ${command}`);
    else positional.push(a);
  }
  if (positional.length !== 1) throw new CliError(command === 'outline' ? 'outline wants one note' : `${command} wants one vault folder`);
  args.target = positional[0] ?? '';
  // An empty path would mean the current folder: most likely an unset variable, so it is refused.
  if (args.target.trim() === '') throw new CliError(command === 'outline' ? 'the note path is empty' : 'the vault path is empty');
  return args;
}

/**
 * Every goal's report in path order, each dropped from the index's cache once the caller has
 * used it: the command line looks at each report once, and a report's tree then need not stay.
 */
function* passingReports(index: PlanIndex, today: Day): Generator<GoalReport> {
  for (const path of index.goalPaths()) {
    const r = index.report(path, today);
    if (r === null) continue;
    yield r;
    index.invalidate(path);
  }
}

function requireFolder(target: string): string {
  const root = resolve(target);
  if (!existsSync(root)) throw new CliError(`no such folder: ${target}`);
  if (!statSync(root).isDirectory()) throw new CliError(`not a folder: ${target}`);
  return root;
}

/** `help`, `--help`, `-h` (exit 0), or nothing at all (the overview on standard error, exit 2); null when neither. */
function helpFor(argv: string[], io: Io): number | null {
  if (argv.length === 0) {
    io.err(`action-plan: no command given\n\n${overview()}`);
    return 2;
  }
  const request = helpRequest(argv);
  if (request === null) return null;
  if (request.command === null) {
    io.out(overview());
    return 0;
  }
  const text = commandHelp(request.command);
  if (text === null) {
    io.err(`action-plan: ${safe(unknownCommand(request.command))}\n`);
    return 2;
  }
  io.out(text);
  return 0;
}

export function run(argv: string[], io: Io): number {
  const help = helpFor(argv, io);
  if (help !== null) return help;
  if (EDIT_COMMANDS.has(argv[0] ?? '')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for an edit (start-up)
    const edits = require('./edit-commands') as typeof import('./edit-commands');
    return edits.runEdit(argv, io);
  }
  if (GOAL_COMMANDS.has(argv[0] ?? '')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for a goal command (start-up)
    const goals = require('./goal-commands') as typeof import('./goal-commands');
    return goals.runGoalCommand(argv, io);
  }
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(`action-plan: ${safe((e as Error).message)}\n${USAGE}\n`);
    return 2;
  }
  try {
    return runRead(args, io);
  } catch (e) {
    if (e instanceof GoalNotFound) {
      io.err(`action-plan: ${safe(e.message)}\n`);
      return 1;
    }
    if (e instanceof CliError) {
      io.err(`action-plan: ${safe(e.message)}\n`);
      return 2;
    }
    io.err(`action-plan: unexpected failure: ${safe(e instanceof Error ? e.message : String(e))}\n`);
    return 2;
  }
}

/** `report`, `check` and `outline`: the exit code. */
function runRead(args: Args, io: Io): number {
  const color = io.color && !args.json;
  if (args.command === 'outline') {
    const file = resolve(args.target);
    if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`no such note: ${args.target}`);
    const text = readText(file);
    const fm = frontmatterOf(text);
    io.out(toJson(outlineNote(text, fm === 'unreadable' ? null : fm), io));
    return 0;
  }
  const today = parseToday(args.today);
  const root = requireFolder(args.target);
  // `check` prints problems only: steps need no display text.
  const { index, problems } = loadVaultWithSettings(root, io, { noSettings: args.noSettings, withText: args.command !== 'check' });
  if (args.command === 'check') return writeCheck(passingReports(index, today), problems, today, { json: args.json, color }, io) > 0 ? 1 : 0;
  // The whole report as JSON streams goal by goal; text, and one goal, want every report at hand.
  const reports = args.json && args.goal === undefined ? passingReports(index, today) : index.reports(today);
  writeReport(reports, today, { json: args.json, color, helpTag: index.options.helpTag, ...(args.goal !== undefined ? { goal: args.goal } : {}) }, io, args.json ? 0 : problems.length);
  return 0;
}

function wantsColor(): boolean {
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['TERM'] === 'dumb') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return process.stdout.isTTY === true;
}

/** Entry point of bin/action-plan.js. */
export function main(argv: string[]): Promise<number> {
  const output = guardOutput();
  const code = run(argv, {
    out: (t) => output.write(t),
    err: (t) => output.error(t),
    color: wantsColor(),
    indent: process.stdout.isTTY === true,
    terminal: process.stdout.isTTY === true,
  });
  return output.finished(code);
}
