/**
 * Undo of a write to a note that was not open (SPEC 2.7): the inverse edit, with the line
 * check (2.1) over the lines the write changed. They are put back where they stand now, or at
 * the one place that holds them after the note moved; otherwise nothing is written.
 */
import type { EditResult } from '../engine/edit';
import { noteEol } from '../engine/read/lines';
import { bare, changedRegion, linesWithEnds } from './write-queue';

/**
 * Where `block` stands in `lines`: at `at`, else at its only other place, else null. Lines are
 * compared without their endings: the note may have been opened since, and its editor holds `\n`.
 */
function findBlock(lines: string[], block: string[], at: number): number | null {
  const holds = (i: number): boolean => block.every((l, k) => lines[i + k] !== undefined && bare(lines[i + k]) === bare(l));
  if (holds(at)) return at;
  let found: number | null = null;
  for (let i = 0; i + block.length <= lines.length; i++) {
    if (!holds(i)) continue;
    if (found !== null) return null;
    found = i;
  }
  return found;
}

/** The edit that takes a note from `after` back to `before`, wherever the changed lines are now. */
export function inverseEdit(before: string, after: string): (text: string) => EditResult {
  const was = linesWithEnds(before);
  const is = linesWithEnds(after);
  const r = changedRegion(was, is);
  const written = is.slice(r.from, r.afterEnd);
  const restored = was.slice(r.from, r.beforeEnd);
  // A write that only removed lines is undone between the lines around them, which must still be there.
  const anchor = written.length > 0 ? written : is.slice(Math.max(0, r.from - 1), r.from + 1);
  const offset = written.length > 0 ? 0 : Math.min(1, r.from);
  return (text) => {
    const lines = linesWithEnds(text);
    const at = findBlock(lines, anchor, r.from - offset);
    if (at === null || anchor.length === 0) return { ok: false, text, reason: 'the note changed since, so the write cannot be undone' };
    const from = at + offset;
    const eol = noteEol(text);
    // Put back in the line endings the note has now.
    lines.splice(from, written.length, ...restored.map((l) => (bare(l) === l ? l : `${bare(l) ?? ''}${eol}`)));
    const changed = restored.map((_, i) => from + i);
    return { ok: true, text: lines.join(''), changed, message: 'the write was undone', moved: at !== r.from - offset };
  };
}
