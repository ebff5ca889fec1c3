/**
 * Lines of a note as offsets into its text, found without splitting the whole note: an edit on
 * a large note costs one scan up to its line and one copy of the text. Lines end at `\n`,
 * `\r\n` or a lone `\r`, as the readers count them: breaks are looked up in the readers' view
 * of the text (same offsets), and the bytes are taken from the text itself.
 */
import { editorLines } from '../line-breaks';

let cachedText = '';
let cachedView = '';

/** The text with each lone `\r` read as `\n` (the text itself when it has none). */
function viewOf(text: string): string {
  if (text !== cachedText) {
    cachedText = text;
    cachedView = editorLines(text);
  }
  return cachedView;
}

/** The line ending that starts at `nl` (a `\n` of the view) and where the line's text ends. */
function endingAt(text: string, start: number, nl: number): { end: number; eol: string } {
  if (text.charCodeAt(nl) === 13) return { end: nl, eol: '\r' };
  const cr = nl > start && text.charCodeAt(nl - 1) === 13;
  return { end: cr ? nl - 1 : nl, eol: cr ? '\r\n' : '\n' };
}

export interface LineSpan {
  /** 0-based line number. */
  line: number;
  /** Offset of the line's first character. */
  start: number;
  /** Offset after its last character, before `\r\n` or `\n`. */
  end: number;
  /** The line ending after it: `\n`, `\r\n`, or '' on the last line. */
  eol: string;
}

/** The span of a 0-based line, or null past the end of the note. */
export function lineSpan(text: string, line: number): LineSpan | null {
  if (line < 0 || !Number.isInteger(line)) return null;
  const view = viewOf(text);
  let start = 0;
  for (let n = 0; n < line; n++) {
    const nl = view.indexOf('\n', start);
    if (nl === -1) return null;
    start = nl + 1;
  }
  return spanAt(text, line, start);
}

/** The span of the line that starts at `start`. */
export function spanAt(text: string, line: number, start: number): LineSpan {
  const nl = viewOf(text).indexOf('\n', start);
  if (nl === -1) return { line, start, end: text.length, eol: '' };
  return { line, start, ...endingAt(text, start, nl) };
}

/** The span of the line after `span`, or null at the end of the note. */
export function nextSpan(text: string, span: LineSpan): LineSpan | null {
  if (span.eol === '') return null;
  return spanAt(text, span.line + 1, span.end + span.eol.length);
}

/** The 0-based line an offset lies on. */
export function lineAtOffset(text: string, offset: number): number {
  const view = viewOf(text);
  let n = 0;
  let i = view.indexOf('\n');
  while (i !== -1 && i < offset) {
    n++;
    i = view.indexOf('\n', i + 1);
  }
  return n;
}

/** The note's own line ending: that of its first line, `\n` for a one-line note. */
export function noteEol(text: string): string {
  const nl = viewOf(text).indexOf('\n');
  return nl === -1 ? '\n' : endingAt(text, 0, nl).eol;
}

/** The text with `[from, to)` replaced. */
export function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}
