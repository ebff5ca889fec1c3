/**
 * `action-plan report|check|outline`: the engine over a vault folder (SPEC 6).
 * Exit codes: 0 fine, 1 `check` found an error, 2 bad usage or unreadable input.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDay, type Day } from '../engine/dates';
import { sortProblems } from '../engine/goal';
import { outlineNote } from '../engine/outline';
import type { PlanIndex } from '../engine/plan-index';
import type { GoalReport, Problem } from '../engine/types';
import { EDIT_COMMANDS, EDIT_USAGE } from './edit-usage';
import { GOAL_COMMANDS, GOAL_USAGE } from './goal-usage';
import { toJson, writeReportJson } from './json';
import { CliError, frontmatterOf, parseToday, readText } from './load';
import { guardOutput } from './output';
import { problemLine, renderGoal, type Style } from './render';
import { loadVaultWithSettings } from './settings';
import { safe } from './terminal';

// Start-up: a command whose modules pull in a large library (the date libraries of the edit
// commands) loads them with require() where it is dispatched, so that `check` and `report` never
// evaluate them; tests/cli/startup.test.ts fails when such a library is imported at the top.

const USAGE = `usage:
  action-plan report  <vault> [--goal NAME] [--today YYYY-MM-DD] [--json] [--no-settings]
  action-plan check   <vault> [--today YYYY-MM-DD] [--json] [--no-settings]
  action-plan outline <note.md> --json
${EDIT_USAGE}
${GOAL_USAGE}`;

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
    throw new CliError(command === undefined ? 'no command given' : `unknown command "${command}"`);
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

function selectGoals(reports: GoalReport[], name: string): GoalReport[] {
  const n = name.toLowerCase();
  const exact = reports.filter((r) => r.title.toLowerCase() === n || r.path.toLowerCase() === n || r.path.toLowerCase() === `${n}.md` || r.path.toLowerCase().endsWith(`/${n}.md`));
  if (exact.length > 0) return exact;
  return reports.filter((r) => r.title.toLowerCase().includes(n) || r.path.toLowerCase().includes(n));
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

/** `check`: the problems of every goal and of the vault; exit 1 when one is an error. */
function check(reports: Iterable<GoalReport>, vault: Problem[], today: Day, io: Io, style: Style, json: boolean): number {
  let goals = 0;
  const problems = allProblems(reports, vault, () => goals++);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (json) {
    io.out(toJson({ today: formatDay(today), problems }, io));
  } else {
    for (const p of problems) io.out(problemLine(p, style) + '\n');
    io.out(`${goals} goals, ${errors} errors, ${problems.length - errors} warnings\n`);
  }
  return errors > 0 ? 1 : 0;
}

/** Every goal's problems once each, then the vault's own (files skipped) that no goal reported. */
function allProblems(reports: Iterable<GoalReport>, vault: Problem[], each: () => void): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const r of reports) {
    each();
    for (const p of r.problems) {
      const key = `${p.path}\n${p.line}\n${p.code}\n${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
  }
  const inGoals = new Set(out.map((p) => `${p.path}\n${p.code}`));
  for (const p of vault) if (!inGoals.has(`${p.path}\n${p.code}`)) out.push(p);
  return sortProblems(out);
}

function requireFolder(target: string): string {
  const root = resolve(target);
  if (!existsSync(root)) throw new CliError(`no such folder: ${target}`);
  if (!statSync(root).isDirectory()) throw new CliError(`not a folder: ${target}`);
  return root;
}

export function run(argv: string[], io: Io): number {
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
  const style: Style = { color: io.color && !args.json };
  try {
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
    const { index, problems: vaultProblems } = loadVaultWithSettings(root, io, { noSettings: args.noSettings, withText: args.command !== 'check' });
    if (args.command === 'report' && args.json && args.goal === undefined) {
      writeReportJson(today, passingReports(index, today), io);
      return 0;
    }
    if (args.command === 'check') return check(passingReports(index, today), vaultProblems, today, io, style, args.json);
    let reports = index.reports(today);
    if (args.command === 'report') {
      if (args.goal !== undefined) {
        reports = selectGoals(reports, args.goal);
        if (reports.length === 0) throw new CliError(`no goal matches "${args.goal}"`);
      }
      if (args.json) writeReportJson(today, reports, io);
      else if (reports.length === 0) io.out('No goal notes found. A goal note has `type: goal` in its frontmatter.\n');
      else io.out(reports.map((r) => renderGoal(r, today, style)).join('\n\n') + '\n');
      if (!args.json && vaultProblems.length > 0) io.out(`\n${vaultProblems.length} files or folders of the vault were skipped; \`action-plan check\` says why.\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`action-plan: ${safe(e.message)}\n`);
      return 2;
    }
    io.err(`action-plan: unexpected failure: ${safe(e instanceof Error ? e.message : String(e))}\n`);
    return 2;
  }
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
