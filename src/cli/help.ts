/**
 * What each command of the command line does, its usage, options and an example (SPEC 6): the
 * one home of the usage lines, printed by `help`, `--help`, `-h` and after a usage error.
 */
import { closestNames } from '../engine/report/closest';

interface CommandHelp {
  name: string;
  /** One sentence: what the command does. */
  does: string;
  usage: string;
  options: readonly (readonly [string, string])[];
  example: string;
}

const TODAY = ['--today YYYY-MM-DD', 'the day taken as today (default: the computer’s date)'] as const;
const FORMAT = ['--format tasks|dataview', 'the format of a date field the edit adds (default tasks: 📅 2026-05-01)'] as const;
const DRY_RUN = ['--dry-run', 'print the change as a unified diff and write nothing'] as const;
const EXPECT = ['--expect TEXT', 'the whole line as you read it; the edit is refused when the note’s line differs'] as const;
const WORKING_DAYS = ['--working-days mon,tue,…', 'the working days (default mon,tue,wed,thu,fri)'] as const;
const GOAL = ['--goal NAME', 'a goal’s title, its vault path (with or without .md) or its file name'] as const;
const NO_SETTINGS = ['--no-settings', 'ignore the vault’s plugin settings (.obsidian/plugins/action-plan/data.json)'] as const;

const HELP: readonly CommandHelp[] = [
  {
    name: 'report',
    does: 'Prints every goal as a tree with progress bars, checkpoints, health, the next action and the overdue and help-needed steps.',
    usage: 'action-plan report <vault> [--goal NAME] [--today YYYY-MM-DD] [--json] [--no-settings]',
    options: [[GOAL[0], 'only this goal: ' + GOAL[1]], TODAY, ['--json', 'print one JSON object (SPEC 6’s shape) instead of text'], NO_SETTINGS],
    example: 'action-plan report ~/Notes --goal "Publish my first novel"',
  },
  {
    name: 'check',
    does: 'Prints the problems of every goal (bad dates, broken links, cycles…); exits 1 when one is an error.',
    usage: 'action-plan check <vault> [--today YYYY-MM-DD] [--json] [--no-settings]',
    options: [TODAY, ['--json', 'print the problems as one JSON object'], NO_SETTINGS],
    example: 'action-plan check ~/Notes',
  },
  {
    name: 'outline',
    does: 'Prints how the engine reads one note (frontmatter, headings, list items) in Obsidian’s own conventions.',
    usage: 'action-plan outline <note.md> --json',
    options: [['--json', 'the outline as JSON (the only output)']],
    example: 'action-plan outline ~/Notes/Novel.md --json',
  },
  {
    name: 'toggle',
    does: 'Ticks a step done, or opens it again, as ticking it in the note would (with its done date).',
    usage: 'action-plan toggle <vault> <path:line> [--today D] [--expect TEXT] [--format tasks|dataview] [--dry-run]',
    options: [['<path:line>', 'the step’s note and 1-based line, as report prints them'], TODAY, EXPECT, FORMAT, DRY_RUN],
    example: 'action-plan toggle ~/Notes "Novel.md:12"',
  },
  {
    name: 'postpone',
    does: 'Moves a step’s due date by days, weeks or months, or to a date given as a date or in words.',
    usage: 'action-plan postpone <vault> <path:line> <YYYY-MM-DD|+Nd|+Nw|+Nm|words> [--today D] [--expect TEXT] [--format tasks|dataview] [--dry-run]',
    options: [['<when>', '2026-05-01, +3d, +2w, +1m, or words in one argument: "friday", "in 2 weeks", "end of month"'], TODAY, EXPECT, FORMAT, DRY_RUN],
    example: 'action-plan postpone ~/Notes "Novel.md:12" "next friday"',
  },
  {
    name: 'reschedule-overdue',
    does: 'Gives every overdue step of a goal a due date of today, or spreads them over the coming working days.',
    usage: 'action-plan reschedule-overdue <vault> --goal NAME [--spread] [--today D] [--working-days mon,tue,…] [--format tasks|dataview] [--dry-run]',
    options: [GOAL, ['--spread', 'one step a working day from today instead of all today'], TODAY, WORKING_DAYS, FORMAT, DRY_RUN],
    example: 'action-plan reschedule-overdue ~/Notes --goal Novel --spread',
  },
  {
    name: 'break-down',
    does: 'Splits a step into dated sub-steps, laid out backward from its due date (or the goal’s target).',
    usage: 'action-plan break-down <vault> <path:line> <sub-step>... [--today D] [--extend | --keep] [--working-days mon,tue,…] [--format tasks|dataview] [--dry-run]',
    options: [
      ['<sub-step>', 'a sub-step’s text, with an estimate at the end: "Write the query letter ~2d"'],
      ['--extend', 'when the plan does not fit, move the deadline'],
      ['--keep', 'when the plan does not fit, keep the deadline anyway'],
      TODAY,
      WORKING_DAYS,
      FORMAT,
      DRY_RUN,
    ],
    example: 'action-plan break-down ~/Notes "Novel.md:12" "Outline ~2d" "First draft ~10d"',
  },
  {
    name: 'summary',
    does: 'Prints the Markdown summary of a goal’s plan that the plugin’s copy-plan-summary copies.',
    usage: 'action-plan summary <vault> --goal NAME [--steps] [--today D]',
    options: [GOAL, ['--steps', 'list every step, not only the phases'], TODAY],
    example: 'action-plan summary ~/Notes --goal Novel > summary.md',
  },
  {
    name: 'review',
    does: 'Records the review of a checkpoint (progress today, feeling, note) in the goal’s frontmatter and under ## Reviews.',
    usage: 'action-plan review <vault> --goal NAME --feeling 1-5 [--note TEXT] [--checkpoint YYYY-MM-DD] [--today D] [--dry-run]',
    options: [
      GOAL,
      ['--feeling 1-5', 'how it feels, 1 (bad) to 5 (great)'],
      ['--note TEXT', 'a sentence to keep with the review'],
      ['--checkpoint YYYY-MM-DD', 'the checkpoint reviewed (default: the one due, else the latest missed)'],
      TODAY,
      DRY_RUN,
    ],
    example: 'action-plan review ~/Notes --goal Novel --feeling 4 --note "Faster than planned"',
  },
  {
    name: 'status',
    does: 'Sets a goal’s status and logs the decision with its reason under ## Decisions.',
    usage: 'action-plan status <vault> --goal NAME <active|paused|staying|done|dropped> --reason TEXT [--today D] [--dry-run]',
    options: [GOAL, ['--reason TEXT', 'why, in a sentence (required)'], TODAY, DRY_RUN],
    example: 'action-plan status ~/Notes --goal Novel paused --reason "Moving house in May"',
  },
  {
    name: 'help',
    does: 'Prints this overview, or what one command does with its options and an example.',
    usage: 'action-plan help [command]',
    options: [['[command]', 'one command’s usage, options and an example (also: action-plan <command> --help)']],
    example: 'action-plan help postpone',
  },
];

/** Every command's name, in the order help lists them. */
export const COMMAND_NAMES: readonly string[] = HELP.map((h) => h.name);

/** The usage lines of the named commands, indented, as printed after a usage error. */
export function usageOf(names: readonly string[]): string {
  return HELP.filter((h) => names.includes(h.name))
    .map((h) => `  ${h.usage}`)
    .join('\n');
}

/** Every command with what it does and an example. */
export function overview(): string {
  const width = Math.max(...HELP.map((h) => h.name.length));
  const lines = HELP.map((h) => `  ${h.name.padEnd(width)}  ${h.does}\n  ${' '.repeat(width)}  e.g. ${h.example}`);
  return `action-plan: Action Plan's goals, progress and health over a vault folder.\n\ncommands:\n${lines.join('\n')}\n\n“action-plan help <command>” (or “action-plan <command> --help”) says more about one.\n`;
}

/** One command's help: what it does, usage, options, example; null for an unknown name. */
export function commandHelp(name: string): string | null {
  const h = HELP.find((c) => c.name === name);
  if (h === undefined) return null;
  const width = Math.max(...h.options.map(([o]) => o.length));
  const options = h.options.map(([o, what]) => `  ${o.padEnd(width)}  ${what}`).join('\n');
  return `${h.does}\n\nusage:\n  ${h.usage}\n\noptions:\n${options}\n\nexample:\n  ${h.example}\n`;
}

/** The one line for a command that does not exist, with the nearest names. */
export function unknownCommand(name: string): string {
  const near = closestNames(COMMAND_NAMES, name);
  return `unknown command "${name}"${near.length === 0 ? '' : `; did you mean: ${near.join(', ')}?`}`;
}

/**
 * A request for help: `help [command]`, or `--help`/`-h` anywhere before a `--` (which wins over
 * every other argument; the command is the first argument when it is one). Null when none.
 */
export function helpRequest(argv: readonly string[]): { command: string | null } | null {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  const [first, second] = argv;
  if (first === 'help') return { command: second === '--help' || second === '-h' ? 'help' : (second ?? null) };
  if (!options.includes('--help') && !options.includes('-h')) return null;
  return { command: first !== undefined && COMMAND_NAMES.includes(first) ? first : null };
}
