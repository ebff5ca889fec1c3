/**
 * What `report` and `check` print, from the goals' reports: the same text for the command line
 * over a vault folder and for Obsidian's command line inside the app (no Node here).
 */
import { formatDay, type Day } from '../engine/days/dates';
import { sortProblems } from '../engine/report/goal';
import { NO_GOALS, WHAT_A_GOAL_IS } from '../engine/present/labels';
import { matchGoal } from './goal-name';
import type { GoalReport, Problem } from '../engine/types';
import { toJson, writeReportJson, type JsonOut } from './json';
import { problemLine, renderGoal, type Style } from './render';

export interface ReportOptions {
  goal?: string;
  json: boolean;
  color: boolean;
  /** The help tag of the settings, coloured in the steps' text. */
  helpTag?: string;
}

/** Why a report cannot be printed (exit 1): the goal named is not found or is ambiguous. */
export class GoalNotFound extends Error {}

/** The one report `--goal NAME` names; throws GoalNotFound when it names none or several. */
export function namedGoal(reports: readonly GoalReport[], name: string): GoalReport {
  const match = matchGoal(reports, name);
  if ('goal' in match) return match.goal;
  throw new GoalNotFound(match.error);
}

/** `report`: every goal (or the one named), as text or JSON; `skipped` files of the vault are counted at the end. */
export function writeReport(reports: Iterable<GoalReport>, today: Day, opts: ReportOptions, io: JsonOut, skipped = 0): void {
  const chosen = opts.goal === undefined ? reports : [namedGoal([...reports], opts.goal)];
  if (opts.json) {
    writeReportJson(today, chosen, io);
    return;
  }
  const style: Style = { color: opts.color, ...(opts.helpTag !== undefined ? { helpTag: opts.helpTag } : {}) };
  const texts = [...chosen].map((r) => renderGoal(r, today, style));
  io.out(texts.length === 0 ? `${NO_GOALS}. ${WHAT_A_GOAL_IS} Start one with New goal in Obsidian, or give a note \`type: goal\` in its frontmatter.\n` : texts.join('\n\n') + '\n');
  if (skipped > 0) io.out(`\n${skipped} files or folders of the vault were skipped; \`action-plan check\` says why.\n`);
}

/** `check`: the problems of every goal and of the vault; the number of errors. */
export function writeCheck(reports: Iterable<GoalReport>, vault: Problem[], today: Day, opts: { json: boolean; color: boolean }, io: JsonOut): number {
  let goals = 0;
  const problems = allProblems(reports, vault, () => goals++);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (opts.json) {
    io.out(toJson({ today: formatDay(today), problems }, io));
  } else {
    const style: Style = { color: opts.color };
    for (const p of problems) io.out(problemLine(p, style) + '\n');
    io.out(`${goals} goals, ${errors} errors, ${problems.length - errors} warnings\n`);
  }
  return errors;
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
