/**
 * A move of a bar on the timeline, as the edit of its step's line (SPEC 4.3): the whole bar
 * shifts the dates it is drawn from, its right end moves the due date, a hatched bar (the
 * schedule's guess) gains a due date only, and the keys set the due date a day later or
 * earlier. Written through the one note writer, with the line check (2.1, 2.7).
 */
import type { App } from 'obsidian';
import { isDay, type Day } from '../../engine/days/dates';
import { moveStepDue, setStepDue, shiftStepDates, type EditResult, type StepRef, type WriteFormat } from '../../engine/edit';
import type { TimelineRow } from '../../engine/present/timeline';
import { applyStepEdit } from '../../obsidian/note-writer';

/** `bar`: the whole bar dragged; `end`: its right end dragged; `key`: Shift+Right or Shift+Left. */
export interface BarMove {
  kind: 'bar' | 'end' | 'key';
  days: number;
}

/** The edit a move makes of the step's line; null when the bar cannot move (a phase). */
export function moveEdit(row: TimelineRow, move: BarMove, format: WriteFormat): ((text: string, at: StepRef) => EditResult) | null {
  const node = row.node;
  const bar = row.bar;
  if (node.kind !== 'step') return null;
  const ownDue = isDay(node.due);
  if (move.kind === 'key') {
    if (ownDue) return (text, at) => moveStepDue(text, at, move.days);
    const from: Day | null = isDay(node.earlyFinish) ? node.earlyFinish : (bar?.end ?? null);
    if (from === null) return null;
    return (text, at) => setStepDue(text, at, from + move.days, format);
  }
  if (bar === null) return null;
  if (bar.estimated) return (text, at) => setStepDue(text, at, bar.end + move.days, format);
  if (move.kind === 'end') return (text, at) => moveStepDue(text, at, move.days);
  return (text, at) => shiftStepDates(text, at, move.days);
}

/** Writes a move; resolves to the result (a refusal has written nothing and said why). */
export function writeMove(app: App, row: TimelineRow, move: BarMove, format: WriteFormat): Promise<EditResult> {
  const edit = moveEdit(row, move, format);
  const node = row.node;
  if (edit === null) return Promise.resolve({ ok: false, text: '', reason: 'this bar does not move' });
  return applyStepEdit(app, node.path, node.line, node.raw ?? undefined, edit);
}
