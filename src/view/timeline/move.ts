/**
 * A move of a bar on the timeline, as the edit of its step's line (SPEC 4.3): what it changes is
 * decided by the engine (`planMove`); written through the one note writer, with the line check
 * (2.1, 2.7).
 */
import { Notice, type App } from 'obsidian';
import { moveStepDue, setStepDue, shiftStepDates, type EditResult, type StepRef, type WriteFormat } from '../../engine/edit';
import type { TimelineRow } from '../../engine/present/timeline';
import type { MovePlan } from '../../engine/present/timeline-move';
import { applyStepEdit } from '../../obsidian/note-writer';

/** The edit of the step's line a move makes. */
export function moveEdit(plan: MovePlan, format: WriteFormat): (text: string, at: StepRef) => EditResult {
  if (plan.edit === 'set-due') return (text, at) => setStepDue(text, at, plan.due, format);
  if (plan.edit === 'due') return (text, at) => moveStepDue(text, at, plan.days);
  return (text, at) => shiftStepDates(text, at, plan.days);
}

/** Writes a move; resolves to the result (a refusal has written nothing and said why). */
export function writeMove(app: App, row: TimelineRow, plan: MovePlan | null, format: WriteFormat): Promise<EditResult> {
  const node = row.node;
  if (plan === null) {
    const reason = 'this bar does not move';
    new Notice(`Action Plan: nothing written, ${reason}.`);
    return Promise.resolve({ ok: false, text: '', reason });
  }
  return applyStepEdit(app, node.path, node.line, node.raw ?? undefined, moveEdit(plan, format));
}
