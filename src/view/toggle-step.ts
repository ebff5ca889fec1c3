/**
 * Ticking a step's box in the view: the note is edited as ticking it in the note would be
 * (SPEC 2.1, 2.3), through the engine's toggle edit. When the line no longer says what the
 * view showed, nothing is written and a notice says why.
 */
import { Notice, type App } from 'obsidian';
import type { Day } from '../engine/dates';
import { toggleStep, type EditResult, type WriteFormat } from '../engine/edit';
import type { PlanNode } from '../engine/types';

export interface ToggleFromView {
  today: Day;
  recordDone: boolean;
  format: WriteFormat;
}

/** Toggles the step `node` shows, in its note; resolves to what the edit did (null: no note). */
export async function toggleStepFromView(app: App, node: PlanNode, options: ToggleFromView): Promise<EditResult | null> {
  const file = app.vault.getFileByPath(node.path);
  if (file === null) {
    new Notice(`Action Plan: ${node.path} no longer exists; nothing was written.`);
    return null;
  }
  let result: EditResult | null = null;
  const at = node.raw === null ? { line: node.line } : { line: node.line, expected: node.raw };
  await app.vault.process(file, (text) => {
    result = toggleStep(text, at, options);
    return result.text;
  });
  const done = result as EditResult | null;
  if (done !== null && !done.ok) new Notice(`Action Plan: nothing was written, ${done.reason}.`);
  return done;
}
