/**
 * Ticking a step's box in the view: the note is edited as ticking it in the note would be
 * (SPEC 2.1, 2.3), through the engine's toggle edit and the host's writer.
 */
import { Notice, type App } from 'obsidian';
import type { PlanNode } from '../engine/types';

/** Toggles the step `node` shows, in its note. */
export function toggleStepFromView(_app: App, node: PlanNode): Promise<void> {
  new Notice(`Action Plan: ticking "${node.text}" from the view is not available in this version yet.`);
  return Promise.resolve();
}
