/**
 * The line check (SPEC 2.1): an edit is given the line the plan read and its whole text. The
 * edit goes ahead on that line when it still holds the text, else on the one line that does;
 * otherwise the note changed and nothing is written.
 */
import { lineAtOffset, lineSpan, spanAt, type LineSpan } from '../read/lines';

export type LineCheck =
  | { ok: true; span: LineSpan; raw: string; moved: boolean }
  | { ok: false; reason: string };

/**
 * Finds the line to edit. `expected` is compared byte for byte (no trimming); without it, the
 * line is taken as it is now.
 */
export function checkLine(text: string, line: number, expected?: string): LineCheck {
  const span = lineSpan(text, line);
  if (expected === undefined) {
    if (span === null) return { ok: false, reason: `the note has no line ${line + 1}` };
    return { ok: true, span, raw: text.slice(span.start, span.end), moved: false };
  }
  if (span !== null && span.end - span.start === expected.length && text.startsWith(expected, span.start)) {
    return { ok: true, span, raw: expected, moved: false };
  }
  const found = findOnlyLine(text, expected);
  if (found === 'none') return { ok: false, reason: `the note changed: line ${line + 1} no longer reads as expected` };
  if (found === 'many') return { ok: false, reason: `the note changed: line ${line + 1} moved and its text is on several lines` };
  return { ok: true, span: found, raw: expected, moved: true };
}

/** The one line whose whole text is `expected`, or 'none' / 'many'. */
function findOnlyLine(text: string, expected: string): LineSpan | 'none' | 'many' {
  let found: number = -1;
  let at = expected === '' ? -1 : text.indexOf(expected);
  while (at !== -1) {
    const end = at + expected.length;
    const before = text.charCodeAt(at - 1);
    const startsLine = at === 0 || before === 10 || before === 13;
    const c = text.charCodeAt(end);
    const endsLine = end === text.length || c === 10 || c === 13;
    if (startsLine && endsLine) {
      if (found !== -1) return 'many';
      found = at;
    }
    at = text.indexOf(expected, at + 1);
  }
  if (found === -1) return 'none';
  return spanAt(text, lineAtOffset(text, found), found);
}
