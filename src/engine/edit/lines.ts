/**
 * Lines of a note as offsets into its text, found without splitting the whole note: an edit on
 * a large note costs one scan up to its line and one copy of the text.
 */

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
  let start = 0;
  for (let n = 0; n < line; n++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return null;
    start = nl + 1;
  }
  return spanAt(text, line, start);
}

/** The span of the line that starts at `start`. */
export function spanAt(text: string, line: number, start: number): LineSpan {
  const nl = text.indexOf('\n', start);
  if (nl === -1) return { line, start, end: text.length, eol: '' };
  const cr = nl > start && text.charCodeAt(nl - 1) === 13;
  return { line, start, end: cr ? nl - 1 : nl, eol: cr ? '\r\n' : '\n' };
}

/** The span of the line after `span`, or null at the end of the note. */
export function nextSpan(text: string, span: LineSpan): LineSpan | null {
  if (span.eol === '') return null;
  return spanAt(text, span.line + 1, span.end + span.eol.length);
}

/** The 0-based line an offset lies on. */
export function lineAtOffset(text: string, offset: number): number {
  let n = 0;
  let i = text.indexOf('\n');
  while (i !== -1 && i < offset) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

/** The note's own line ending: that of its first line, `\n` for a one-line note. */
export function noteEol(text: string): string {
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

/** The text with `[from, to)` replaced. */
export function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}
