/**
 * The frontmatter edits of SPEC 2.6 as data: each runs line by line over the note's text when
 * its shape allows (`editFrontmatter`), and otherwise over the parsed frontmatter object
 * (`editFrontmatterData`, for `processFrontMatter` in Obsidian; the command line has its own
 * writer over the YAML library's document).
 */
import { isDay, parseDay } from '../dates';
import { addCheckpoint, insertionIndex, recordReview, type NewCheckpoint, type ReviewValues } from './checkpoints';
import { setFrontmatterKey } from './keys';
import type { EditResult } from './lines';

export { appendToSection } from './sections';
export { plainReadsBack, yamlString, type EditResult } from './lines';
export type { NewCheckpoint, ReviewValues } from './checkpoints';

export type FrontmatterOp =
  | { kind: 'review'; index: number; values: ReviewValues }
  | { kind: 'add-checkpoint'; checkpoint: NewCheckpoint }
  | { kind: 'set'; key: string; value: string };

/** The line-by-line edit; `{ok: false, fallback: true}` for shapes it does not edit. */
export function editFrontmatter(text: string, op: FrontmatterOp): EditResult {
  switch (op.kind) {
    case 'review':
      return recordReview(text, op.index, op.values);
    case 'add-checkpoint':
      return addCheckpoint(text, op.checkpoint);
    case 'set':
      return setFrontmatterKey(text, op.key, op.value);
  }
}

/** The date of a parsed checkpoint entry as a day number, or null. */
function dayOf(entry: unknown): number | null {
  if (entry === null || typeof entry !== 'object') return null;
  const d = (entry as Record<string, unknown>)['date'];
  if (typeof d !== 'string') return null;
  const day = parseDay(d);
  return isDay(day) ? day : null;
}

/** Where a new checkpoint goes in a parsed list. */
export function checkpointSlot(list: unknown[], date: string): number {
  return insertionIndex(list.map(dayOf), parseDay(date));
}

/** The entry a new checkpoint becomes, as data. */
export function checkpointData(cp: NewCheckpoint): Record<string, unknown> {
  const out: Record<string, unknown> = { date: cp.date };
  if (cp.label !== undefined && cp.label !== null && cp.label !== '') out['label'] = cp.label;
  if (cp.expect !== undefined && cp.expect !== null) out['expect'] = cp.expect;
  return out;
}

/** The review as data, keys in the order they are written. */
export function reviewData(values: ReviewValues): Record<string, unknown> {
  const out: Record<string, unknown> = { progress: values.progress, feeling: values.feeling };
  if (values.note !== undefined && values.note !== null) out['note'] = values.note;
  out['reviewed'] = values.reviewed;
  return out;
}

/**
 * The same edit on a parsed frontmatter object, in place (for `processFrontMatter`). Returns a
 * reason when the edit cannot apply (no such checkpoint), else null.
 */
export function editFrontmatterData(fm: Record<string, unknown>, op: FrontmatterOp): string | null {
  switch (op.kind) {
    case 'set':
      fm[op.key] = op.value;
      return null;
    case 'review': {
      const list = fm['checkpoints'];
      const entry: unknown = Array.isArray(list) ? list[op.index] : undefined;
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return `there is no checkpoint number ${op.index + 1}`;
      Object.assign(entry, reviewData(op.values));
      return null;
    }
    case 'add-checkpoint': {
      const list = fm['checkpoints'];
      if (list === undefined || list === null) {
        fm['checkpoints'] = [checkpointData(op.checkpoint)];
        return null;
      }
      if (!Array.isArray(list)) return 'checkpoints is not a list';
      list.splice(checkpointSlot(list, op.checkpoint.date), 0, checkpointData(op.checkpoint));
      return null;
    }
  }
}
