/**
 * `next-action`: opens the note at the next action of the current goal, or, outside any goal,
 * the most pressing next action across all active goals (earliest due date first).
 */
import type { App } from 'obsidian';
import { isDay } from '../engine/days/dates';
import type { GoalReport } from '../engine/types';
import { chooseGoal, goalsOfActiveNote } from './active-goal';
import { whenFound, type CommandHost, type CommandSpec } from './spec';
import { todayOf } from './step-context';

/**
 * The goals whose next action to open: the active note's goals that have one (SPEC's "current
 * goal", see `active-goal.ts`), else the active goal whose next action is due first.
 */
function goalsToFollow(host: CommandHost): GoalReport[] | null {
  const mine = goalsOfActiveNote(host);
  if (mine.length > 0) {
    const withNext = mine.filter((r) => r.nextAction !== null);
    return withNext.length > 0 ? withNext : null;
  }
  const due = (r: GoalReport): number => (r.nextAction !== null && isDay(r.nextAction.due) ? r.nextAction.due : Infinity);
  const all = host.index.reports(todayOf(host)).filter((r) => r.status === 'active' && r.nextAction !== null);
  all.sort((a, b) => due(a) - due(b) || (a.nextAction?.path ?? '').localeCompare(b.nextAction?.path ?? ''));
  return all.length > 0 ? all.slice(0, 1) : null;
}

/** Opens a note with the cursor on a line. */
async function openAt(app: App, path: string, line: number): Promise<void> {
  const file = app.vault.getFileByPath(path);
  if (file === null) return;
  await app.workspace.getLeaf(false).openFile(file, { eState: { line } });
}

export const nextActionCommand: CommandSpec = {
  id: 'next-action',
  name: 'Go to next action',
  icon: 'arrow-right-circle',
  create: (host) =>
    whenFound(
      () => goalsToFollow(host),
      (goals) => chooseGoal(host.app, goals, (goal) => goal.nextAction !== null && openAt(host.app, goal.nextAction.path, goal.nextAction.line)),
    ),
};
