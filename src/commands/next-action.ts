/**
 * `next-action`: opens the note at the next action of the current goal, or, outside any goal,
 * the most pressing next action across all active goals (earliest due date first).
 */
import type { App } from 'obsidian';
import { isDay } from '../engine/dates';
import type { StepRef } from '../engine/types';
import { whenFound, type CommandHost, type CommandSpec } from './spec';
import { activeGoal, todayOf } from './step-context';

/** The next action to open: the current goal's, else the earliest due across active goals. */
function nextActionFor(host: CommandHost): StepRef | null {
  const current = activeGoal(host);
  if (current !== null) return current.nextAction;
  const all = host.index
    .reports(todayOf(host))
    .filter((r) => r.status === 'active' && r.nextAction !== null)
    .map((r) => r.nextAction as StepRef);
  all.sort((a, b) => (isDay(a.due) ? a.due : Infinity) - (isDay(b.due) ? b.due : Infinity) || a.path.localeCompare(b.path));
  return all[0] ?? null;
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
  create: (host) => whenFound(() => nextActionFor(host), (next) => openAt(host.app, next.path, next.line)),
};
