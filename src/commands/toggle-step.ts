/**
 * `toggle-step`: ticks or unticks the step under the cursor (SPEC 2.3). When the Tasks plugin
 * is enabled, its own toggle runs, so its recurrence rules apply.
 */
import type { App } from 'obsidian';
import { toggleStep } from '../engine/edit';
import { applyStepEdit } from '../obsidian/note-writer';
import type { CommandSpec } from './spec';
import { todayOf } from './step-context';
import { onStep } from './step-target';

const TASKS_ID = 'obsidian-tasks-plugin';
const TASKS_TOGGLE = `${TASKS_ID}:toggle-done`;

/** The parts of the app that are not in Obsidian's public types: enabled plugins and commands. */
interface AppInternals {
  plugins?: { enabledPlugins?: Set<string> };
  commands?: { commands?: Record<string, unknown>; executeCommandById?: (id: string) => boolean };
}

/** Runs the Tasks plugin's toggle on the editor's cursor line when that plugin is enabled. */
function tasksToggle(app: App): boolean {
  const internals = app as unknown as AppInternals;
  if (internals.plugins?.enabledPlugins?.has(TASKS_ID) !== true) return false;
  if (internals.commands?.commands?.[TASKS_TOGGLE] === undefined) return false;
  return internals.commands.executeCommandById?.(TASKS_TOGGLE) === true;
}

export const toggleStepCommand: CommandSpec = {
  id: 'toggle-step',
  name: 'Toggle step',
  icon: 'check-square',
  step: true,
  create: (host) =>
    onStep(host, async (target) => {
      if (tasksToggle(host.app)) return;
      const { recordDoneDate, dateFormat } = host.settings;
      await applyStepEdit(host.app, target.path, target.line, target.step.raw, (text, at) =>
        toggleStep(text, at, { today: todayOf(host), recordDone: recordDoneDate, format: dateFormat }),
      );
    }),
};
