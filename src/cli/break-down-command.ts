/**
 * `break-down`: sub-steps laid out backward from the step's due date, or its goal's target
 * (SPEC 2.5); a plan that does not fit is refused unless `--extend` moves the deadline or
 * `--keep` keeps it. Estimates and dates past what a calendar holds are refused at once.
 */
import { formatDay, isDay, parseDay, type Day } from '../engine/days/dates';
import { breakDownStep, checkLine, estimateDays, layOutBackward, parseSubStep, taskAnchor, type EditResult, type SubStep } from '../engine/edit';
import type { GoalReport } from '../engine/types';
import { CliError } from './load';
import type { Io } from './main';
import { commit, oneLine, type NoteChange } from './note-change';
import { goalOfStep, goalReports } from './plan-steps';
import { setGoalTarget } from './target';
import { noteFile, readNoteText, Refusal } from './write-note';

export interface BreakDownArgs {
  place: { path: string; line: number };
  subTexts: string[];
  expect?: string;
  format: 'tasks' | 'dataview';
  dryRun: boolean;
  workingDays: number[];
  extend: boolean;
  keep: boolean;
}

/** The last day a date can be written on. */
const LAST_DAY = parseDay('9999-12-31');

function subSteps(texts: string[], today: Day): { subs: SubStep[]; estimates: number[] } {
  const subs = texts.map((t) => parseSubStep(oneLine('a sub-step', t))).filter((s): s is SubStep => s !== null);
  if (subs.length === 0) throw new CliError('break-down wants at least one sub-step');
  const estimates = subs.map((s) => estimateDays(s.estimate));
  const total = estimates.reduce((a, b) => a + b, 0);
  // Working days are days: more of them than there are days before 9999-12-31 fit no calendar.
  if (!Number.isSafeInteger(total) || total > LAST_DAY - today) throw new Refusal('the estimates add up to more working days than there are before 9999-12-31');
  return { subs, estimates };
}

/** The deadline: the step's due date, else its goal's target. */
function deadlineOf(raw: string, due: { valueFrom: number; valueTo: number } | undefined, find: () => GoalReport | undefined): { deadline: Day; goal?: GoalReport } {
  const stepDue = due === undefined ? NaN : parseDay(raw.slice(due.valueFrom, due.valueTo));
  if (isDay(stepDue)) return { deadline: stepDue };
  const goal = find();
  if (goal === undefined || !isDay(goal.target)) throw new Refusal('the step has no due date and its goal no target: give the step a due date first');
  return { deadline: goal.target, goal };
}

export function breakDown(root: string, args: BreakDownArgs, today: Day, io: Io): void {
  const { path, line } = args.place;
  const { subs, estimates } = subSteps(args.subTexts, today);
  const file = noteFile(root, path);
  const before = readNoteText(file, path);
  const check = checkLine(before, line, args.expect);
  if (!check.ok) throw new Refusal(`${path}: ${check.reason}`);
  const anchor = taskAnchor(before, check.span);
  if (anchor === null) throw new Refusal(`${path}:${check.span.line + 1} is not a task`);
  const { deadline, goal } = deadlineOf(check.raw, anchor.fields.find((f) => f.name === 'due'), () => goalOfStep(goalReports(root, today, io), path, line));
  let layout = layOutBackward(estimates, today, deadline, args.workingDays);
  let moveTo: Day | null = null;
  if (!layout.fits) {
    const extendTo = formatDay(layout.extendTo);
    if (extendTo === null) throw new Refusal('the plan does not fit, and its deadline would move past 9999-12-31');
    const short = `the plan does not fit: ${layout.short} working day${layout.short === 1 ? '' : 's'} short of ${formatDay(deadline) ?? ''}`;
    if (!args.extend && !args.keep) throw new Refusal(`${short}; --extend moves the deadline to ${extendTo}, --keep keeps it`);
    if (args.extend) {
      moveTo = layout.extendTo;
      layout = layOutBackward(estimates, today, moveTo, args.workingDays);
    }
  }
  const changes: NoteChange[] = [];
  const target = moveTo;
  if (target !== null && goal !== undefined && goal.path !== path) {
    const goalFile = noteFile(root, goal.path);
    changes.push({ path: goal.path, file: goalFile, before: readNoteText(goalFile, goal.path), edit: (t) => setGoalTarget(t, target) });
  }
  const stepDue = target !== null && goal === undefined ? target : null;
  const sameNote = target !== null && goal !== undefined && goal.path === path;
  const edit = (text: string): EditResult => {
    const result = breakDownStep(text, { line, expected: check.raw }, subs, { days: layout.days, stepDue, format: args.format });
    if (!sameNote || !result.ok || target === null) return result;
    const withTarget = setGoalTarget(result.text, target);
    return withTarget.ok ? { ...result, text: withTarget.text, message: `${result.message}; ${withTarget.message}` } : withTarget;
  };
  changes.unshift({ path, file, before, edit });
  commit(changes, args.dryRun, io);
}
