/**
 * The frontmatter edits of SPEC 2.6 as data: each runs line by line over the note's text when
 * its shape allows (`editFrontmatter`), and otherwise over the parsed frontmatter object
 * (`editFrontmatterData`, for `processFrontMatter` in Obsidian; the command line has its own
 * writer over the YAML library's document).
 */
import { isDay, parseDay } from '../../days/dates';
import { addCheckpoint, insertionIndex, recordReview, type NewCheckpoint, type ReviewTarget, type ReviewValues } from './checkpoints';
import { setFrontmatterKey } from './keys';
import type { EditResult } from './lines';

export { appendToSection } from './sections';
export { plainReadsBack, yamlString, type EditResult } from './lines';
export type { NewCheckpoint, ReviewTarget, ReviewValues } from './checkpoints';

export type FrontmatterOp =
  | ({ kind: 'review'; values: ReviewValues } & ReviewTarget)
  | { kind: 'add-checkpoint'; checkpoint: NewCheckpoint }
  | { kind: 'set'; key: string; value: string };

/** The line-by-line edit; `{ok: false, fallback: true}` for shapes it does not edit. */
export function editFrontmatter(text: string, op: FrontmatterOp): EditResult {
  switch (op.kind) {
    case 'review':
      return recordReview(text, op, op.values);
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

function isEntry(entry: unknown): entry is Record<string, unknown> {
  return entry !== null && typeof entry === 'object' && !Array.isArray(entry);
}

/** In a parsed list, the place of the entry a review goes into (as `recordReview` finds it), or why none. */
export function reviewedPlace(list: unknown, target: ReviewTarget): number | string {
  const entries: unknown[] = Array.isArray(list) ? list : [];
  if (target.date === undefined) return isEntry(entries[target.index]) ? target.index : `there is no checkpoint number ${target.index + 1}`;
  const day = parseDay(target.date);
  const dated = (e: unknown): e is Record<string, unknown> => isEntry(e) && dayOf(e) === day;
  const place = dated(entries[target.index]) ? target.index : entries.findIndex(dated);
  const entry = entries[place];
  if (!dated(entry)) return `the note has no checkpoint dated ${target.date} any more`;
  const reviewed = entry['reviewed'];
  if (target.reviewed === false && reviewed !== undefined && reviewed !== null && reviewed !== '') return `the checkpoint of ${target.date} was reviewed meanwhile`;
  return place;
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
      const place = reviewedPlace(list, op);
      if (typeof place === 'string') return place;
      Object.assign((list as Record<string, unknown>[])[place] ?? {}, reviewData(op.values));
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
