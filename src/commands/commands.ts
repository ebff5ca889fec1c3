/**
 * Every command of the plugin, in one place. Ids are stable forever (SPEC 3); names are in
 * sentence case; no command has a default hotkey.
 */
import { Notice } from 'obsidian';
import { GOAL_COMMANDS, type GoalCommandHost } from './goal';

/** What the commands need from the plugin. */
export interface CommandHost extends GoalCommandHost {
  addCommand(command: { id: string; name: string; callback: () => unknown }): unknown;
  activateView(): Promise<void>;
}

export interface CommandSpec {
  id: string;
  name: string;
}

/** The commands of SPEC 3, in the order of the command palette. */
export const COMMANDS: readonly CommandSpec[] = [
  { id: 'open-plan-view', name: 'Open plan view' },
  { id: 'new-goal', name: 'New goal' },
  { id: 'add-step', name: 'Add step' },
  { id: 'break-down-step', name: 'Break down step' },
  { id: 'extract-step-to-note', name: 'Extract step to note' },
  { id: 'toggle-step', name: 'Toggle step' },
  { id: 'postpone-step', name: 'Postpone step' },
  { id: 'reschedule-overdue', name: 'Reschedule overdue steps' },
  { id: 'add-checkpoint', name: 'Add checkpoint' },
  { id: 'record-checkpoint', name: 'Record checkpoint review' },
  { id: 'set-goal-status', name: 'Set goal status' },
  { id: 'pivot-goal', name: 'Pivot goal' },
  { id: 'next-action', name: 'Go to next action' },
  { id: 'copy-plan-summary', name: 'Copy plan summary' },
];

export function registerCommands(host: CommandHost): void {
  for (const spec of COMMANDS) {
    if (spec.id === 'open-plan-view') {
      host.addCommand({ id: spec.id, name: spec.name, callback: () => host.activateView() });
      continue;
    }
    const goalCommand = GOAL_COMMANDS[spec.id];
    if (goalCommand !== undefined) {
      host.addCommand({ id: spec.id, name: spec.name, callback: () => goalCommand(host) });
      continue;
    }
    host.addCommand({
      id: spec.id,
      name: spec.name,
      callback: () => {
        new Notice(`Action Plan: "${spec.name}" is not available in this version yet.`);
      },
    });
  }
}
