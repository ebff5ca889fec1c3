/**
 * Every command of the plugin, in one place. Ids are stable forever (SPEC 3); names are in
 * sentence case; no command has a default hotkey. Each command's spec lives in a file of its own
 * and is listed in `COMMANDS`.
 */
import { type Command, type Editor, type MarkdownFileInfo, type MarkdownView, type Menu } from 'obsidian';
import { addStepCommand } from './add-step';
import { breakDownStepCommand } from './break-down-step';
import { extractStepCommand } from './extract-step';
import { addCheckpointSpec, copySummarySpec, newGoalSpec, pivotGoalSpec, recordCheckpointSpec, setGoalStatusSpec } from './goal';
import { nextActionCommand } from './next-action';
import { openPlanView } from './open-plan-view';
import { openTimelineCommand } from './open-timeline';
import { postponeStepCommand } from './postpone-step';
import { removeProgressKeysCommand } from './remove-progress-keys';
import { rescheduleOverdueCommand } from './reschedule-overdue';
import { toggleStepCommand } from './toggle-step';
import type { CommandHost, CommandSpec } from './spec';
import { stepUnderCursor } from './step-target';

export type { CommandHost, CommandSpec } from './spec';

/** The commands of SPEC 3, in the order of the command palette. */
export const COMMANDS: readonly CommandSpec[] = [
  openPlanView,
  newGoalSpec,
  addStepCommand,
  breakDownStepCommand,
  extractStepCommand,
  toggleStepCommand,
  postponeStepCommand,
  rescheduleOverdueCommand,
  addCheckpointSpec,
  recordCheckpointSpec,
  setGoalStatusSpec,
  pivotGoalSpec,
  nextActionCommand,
  copySummarySpec,
  openTimelineCommand,
  removeProgressKeysCommand,
];

/** Registers the commands and the editor menu that offers step commands on step lines. */
export function registerCommands(host: CommandHost, specs: readonly CommandSpec[] = COMMANDS): void {
  const stepChecks: { spec: CommandSpec; check: NonNullable<Command['editorCheckCallback']> }[] = [];
  for (const spec of specs) {
    const body = spec.create(host);
    host.addCommand({ id: spec.id, name: spec.name, ...body });
    if (spec.step === true && 'editorCheckCallback' in body) stepChecks.push({ spec, check: body.editorCheckCallback });
  }
  if (stepChecks.length === 0) return;
  host.registerEvent(
    host.app.workspace.on('editor-menu', (menu: Menu, editor: Editor, info: MarkdownView | MarkdownFileInfo) => {
      // Looked up once for every item: the menu opens on a step line or offers none of them.
      if (stepUnderCursor(host.index, editor, info) === null) return;
      for (const { spec, check } of stepChecks) {
        if (check(true, editor, info) !== true) continue;
        menu.addItem((item) => {
          item.setTitle(spec.name).onClick(() => check(false, editor, info));
          if (spec.icon !== undefined) item.setIcon(spec.icon);
        });
      }
    }),
  );
}
