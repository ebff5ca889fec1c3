/** `set-goal-status`: active, paused, staying, done or dropped, with a reason under `## Decisions`. */
import { formatDay } from '../../engine/days/dates';
import { DECISIONS_HEADING, statusEntry } from '../../engine/edit/goal-log';
import type { GoalReport, GoalStatus } from '../../engine/types';
import { sectionEntry, writeGoal } from '../../obsidian/goal-writes';
import { goalFile, withGoal, type GoalCommandHost } from './context';
import { todayOf } from '../step-context';
import { choiceRow, FormModal, textRow } from './form';

export const STATUS_CHOICES: Record<GoalStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  staying: 'Staying where I am (no action, on purpose)',
  done: 'Done',
  dropped: 'Dropped',
};

/** Writes the status and the dated decision; returns true or why not. */
async function setGoalStatus(host: GoalCommandHost, goal: GoalReport, status: GoalStatus, reason: string): Promise<true | string> {
  if (reason.trim() === '') return 'Give a one-line reason: it is what the decision log keeps.';
  const file = goalFile(host, goal);
  if (file === null) return true;
  const day = todayOf(host);
  const said = `${goal.title}: ${status} since ${formatDay(day) ?? ''}.`;
  const r = await writeGoal(host.app, file, { kind: 'set', key: 'status', value: status }, [sectionEntry(DECISIONS_HEADING, [statusEntry(day, status, reason)])], said);
  if (!r.ok) return `the status was not changed: ${r.reason}.`;
  return true;
}

export function setStatusCommand(host: GoalCommandHost): void {
  withGoal(host, (goal) => {
    let status: GoalStatus = goal.status;
    let reason = '';
    new FormModal(
      host.app,
      `Set the status of ${goal.title}`,
      (el) => {
        choiceRow(el, 'Status', STATUS_CHOICES, status, (v) => (status = v as GoalStatus));
        textRow(el, 'Reason', 'One line, logged under "Decisions" with the date.', '', (v) => (reason = v));
      },
      'Set status',
      () => setGoalStatus(host, goal, status, reason),
    ).open();
  });
}
