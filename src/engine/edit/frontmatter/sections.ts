/**
 * Dated entries appended under a heading of the note (`## Reviews`, `## Decisions`): at the end
 * of the section, or under a new heading at the end of the note, after a blank line, with the
 * note's line endings (SPEC 6).
 */
import { scanMarkdown } from '../../read/markdown';
import { noteEol, splitKeep, withoutEol } from '../../read/lines';
import { applyLineEdits, type EditResult } from './lines';

/** Does the line have its ending? (Only the note's last line may lack one.) */
function endsLine(line: string): boolean {
  return withoutEol(line) !== line;
}

/**
 * Appends `entry` (its lines, without endings) at the end of the section headed `heading` (any
 * level, matched case-insensitively); creates `## heading` at the end of the note when missing.
 */
export function appendToSection(text: string, heading: string, entry: string[]): EditResult {
  const eol = noteEol(text);
  const lines = splitKeep(text);
  const scan = scanMarkdown(text);
  const wanted = heading.trim().toLowerCase();
  const at = scan.headings.findIndex((h) => h.heading.trim().toLowerCase() === wanted);
  const body = entry.map((l) => l + eol);
  if (at === -1) {
    const insert: string[] = [];
    const last = lines[lines.length - 1];
    let line = lines.length;
    if (last !== undefined && !endsLine(last)) {
      // The last line gains an ending so that the heading starts a line of its own.
      insert.push(last + eol);
      line--;
    }
    const endsBlank = lines.length === 0 || (last !== undefined && last.trim() === '' && endsLine(last));
    if (!endsBlank) insert.push(eol);
    insert.push(`## ${heading}${eol}`, ...body);
    return applyLineEdits(text, [{ line, remove: line < lines.length ? 1 : 0, insert }]);
  }
  const h = scan.headings[at] as { line: number; level: number };
  const next = scan.headings.slice(at + 1).find((x) => x.level <= h.level);
  let end = next === undefined ? lines.length : next.line;
  // After the section's last line that holds something.
  while (end > h.line + 1 && (lines[end - 1] ?? '').trim() === '') end--;
  const prev = lines[end - 1];
  // A blank line after a callout, so that the entry does not read as part of it.
  if (prev !== undefined && prev.trimStart().startsWith('>') && !(entry[0] ?? '').startsWith('>')) body.unshift(eol);
  if (prev !== undefined && !endsLine(prev)) {
    return applyLineEdits(text, [{ line: end - 1, remove: 1, insert: [prev + eol, ...body] }]);
  }
  return applyLineEdits(text, [{ line: end, remove: 0, insert: body }]);
}
