/**
 * Ticking a step's box in the view: the note is edited as ticking it in the note would be
 * (SPEC 2.1, 2.3, 2.7): a recurring step through the Tasks plugin when it is enabled, any other
 * by the engine's toggle, through the plugin's one note writer (the open editor, else
 * `vault.process`). When the line no longer says what the view showed, nothing is written and
 * a notice says why.
 */
import type { App } from 'obsidian';
import type { Day } from '../engine/days/dates';
import type { EditResult, WriteFormat } from '../engine/edit';
import type { PlanNode } from '../engine/types';
import { tickStep } from '../obsidian/tick';

export interface ToggleFromView {
  today: Day;
  recordDone: boolean;
  format: WriteFormat;
}

/** Toggles the step `node` shows, in its note. */
export function toggleStepFromView(app: App, node: PlanNode, options: ToggleFromView): Promise<EditResult> {
  return tickStep(app, node.path, node.line, node.raw ?? undefined, options);
}
