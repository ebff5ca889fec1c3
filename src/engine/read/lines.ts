/**
 * Lines and line endings of a note, the one place they are found: `\r\n`, `\n` and a lone `\r`
 * each end a line, as Obsidian's editor reads them. Every edit finds its lines here, so an edit
 * counts lines as the readers do, writes the note's own endings and keeps every other byte. A
 * byte-order mark before the first line belongs to no line (the readers skip it too). Lines are
 * found without splitting the whole note: an edit costs one scan up to its line.
 */

const LF = 10;
const CR = 13;
const BOM = 0xfeff;

/**
 * The readers split lines at `\n` (and drop a `\r` before it), so a note with lone `\r` is read
 * through a copy where each lone `\r` is a `\n`: same length, so every offset and every line
 * number holds for the original text, which edits still write byte for byte.
 */
export function editorLines(text: string): string {
  // Found with indexOf rather than a shared global pattern, whose `lastIndex` would be state kept between calls.
  for (let cr = text.indexOf('\r'); cr !== -1; cr = text.indexOf('\r', cr + 2)) {
    if (text.charCodeAt(cr + 1) !== LF) return text.replace(/\r(?!\n)/g, '\n');
  }
  return text;
}

/** Offset of the first line break (`\n` or `\r`) at or after `from`, or the text's length. */
function breakFrom(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return text.length;
}

/** The line ending that starts at offset `at`: `\r\n`, `\n`, `\r`, or '' at the end. */
function endingAt(text: string, at: number): string {
  const c = text.charCodeAt(at);
  if (c === CR) return text.charCodeAt(at + 1) === LF ? '\r\n' : '\r';
  return c === LF ? '\n' : '';
}

export interface LineSpan {
  /** 0-based line number. */
  line: number;
  /** Offset of the line's first character. */
  start: number;
  /** Offset after its last character, before its line ending. */
  end: number;
  /** The line ending after it: `\n`, `\r\n`, `\r`, or '' on the last line. */
  eol: string;
}

/** Where the first line starts: after a byte-order mark. */
function firstStart(text: string): number {
  return text.charCodeAt(0) === BOM ? 1 : 0;
}

/** The span of the line that starts at `start`. */
export function spanAt(text: string, line: number, start: number): LineSpan {
  const end = breakFrom(text, start);
  return { line, start, end, eol: endingAt(text, end) };
}

/** The span of the line after `span`, or null at the end of the note. */
export function nextSpan(text: string, span: LineSpan): LineSpan | null {
  if (span.eol === '') return null;
  return spanAt(text, span.line + 1, span.end + span.eol.length);
}

/** The span of a 0-based line, or null past the end of the note. */
export function lineSpan(text: string, line: number): LineSpan | null {
  if (line < 0 || !Number.isInteger(line)) return null;
  let span: LineSpan | null = spanAt(text, 0, firstStart(text));
  while (span !== null && span.line < line) span = nextSpan(text, span);
  return span;
}

/** The 0-based line an offset lies on. */
export function lineAtOffset(text: string, offset: number): number {
  let n = 0;
  for (let at = breakFrom(text, 0); at < offset && at < text.length; at = breakFrom(text, at + endingAt(text, at).length)) n++;
  return n;
}

/** The note's own line ending: that of its first line, `\n` for a one-line note. */
export function noteEol(text: string): string {
  return endingAt(text, breakFrom(text, 0)) || '\n';
}

/** The lines of a note, each with its own ending (the last one may have none); joined, the text. */
export function splitKeep(text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const end = breakFrom(text, pos);
    const next = end + endingAt(text, end).length;
    out.push(text.slice(pos, next));
    pos = next;
  }
  return out;
}

/** A line without its ending (`\r\n`, `\n` or `\r`). */
export function withoutEol(line: string): string {
  let end = line.length;
  if (line.charCodeAt(end - 1) === LF) end--;
  if (line.charCodeAt(end - 1) === CR) end--;
  return line.slice(0, end);
}

/** The text with `[from, to)` replaced. */
export function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}
