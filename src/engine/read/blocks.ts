/**
 * What one line starts with, in CommonMark's terms: indentation in columns, thematic breaks,
 * headings, fences, list markers, HTML blocks. Pure functions over a range of the note's text,
 * used by the block scanner (markdown.ts).
 */
import { findIn } from './text';

export const TAB = 9, SPACE = 32, HASH = 35, GT = 62, LT = 60, BACKTICK = 96, TILDE = 126;
export const DASH = 45, STAR = 42, PLUS = 43, UNDERSCORE = 95, EQUALS = 61, DOT = 46, PAREN = 41;
export const LBRACKET = 91, RBRACKET = 93, PERCENT = 37;

const HTML_BLOCK_TAGS = new Set(
  ('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul').split(' '),
);

/** Where a line's content starts after `count` columns of indentation, and that column. */
export interface Indent {
  pos: number;
  col: number;
}

export function measureIndent(text: string, pos: number, end: number, col: number): Indent {
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === SPACE) col++;
    else if (c === TAB) col += 4 - (col % 4);
    else break;
    pos++;
  }
  return { pos, col };
}

export function isBlankFrom(text: string, pos: number, end: number): boolean {
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/** Length of a run of `ch` at pos. */
export function runLength(text: string, pos: number, end: number, ch: number): number {
  let i = pos;
  while (i < end && text.charCodeAt(i) === ch) i++;
  return i - pos;
}

export function isThematicBreak(text: string, pos: number, end: number): boolean {
  const ch = text.charCodeAt(pos);
  if (ch !== DASH && ch !== STAR && ch !== UNDERSCORE) return false;
  let count = 0;
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === ch) count++;
    else if (c !== SPACE && c !== TAB) return false;
  }
  return count >= 3;
}

/** `=` or `-` underline of a setext heading: 1 for `=`, 2 for `-`, 0 otherwise. */
export function setextLevel(text: string, pos: number, end: number): number {
  const ch = text.charCodeAt(pos);
  if (ch !== EQUALS && ch !== DASH) return 0;
  const n = runLength(text, pos, end, ch);
  if (!isBlankFrom(text, pos + n, end)) return 0;
  return ch === EQUALS ? 1 : 2;
}

/** ATX heading level at pos, or 0. */
export function atxLevel(text: string, pos: number, end: number): number {
  const n = runLength(text, pos, end, HASH);
  if (n < 1 || n > 6) return 0;
  const after = pos + n;
  if (after === end) return n;
  const c = text.charCodeAt(after);
  return c === SPACE || c === TAB ? n : 0;
}

export function atxText(text: string, pos: number, end: number, level: number): string {
  let s = pos + level;
  let e = end;
  while (s < e && (text.charCodeAt(s) === SPACE || text.charCodeAt(s) === TAB)) s++;
  while (e > s && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB)) e--;
  // A closing run of #s counts only when preceded by a space (or when it is all there is).
  let h = e;
  while (h > s && text.charCodeAt(h - 1) === HASH) h--;
  if (h < e && (h === s || text.charCodeAt(h - 1) === SPACE || text.charCodeAt(h - 1) === TAB)) {
    e = h;
    while (e > s && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB)) e--;
  }
  return text.slice(s, e);
}

/** A fence opening at pos: its char and length, or null. */
export function fenceAt(text: string, pos: number, end: number): { ch: number; len: number } | null {
  const ch = text.charCodeAt(pos);
  if (ch !== BACKTICK && ch !== TILDE) return null;
  const len = runLength(text, pos, end, ch);
  if (len < 3) return null;
  if (ch === BACKTICK && findIn(text, '`', pos + len, end) !== -1) return null;
  return { ch, len };
}

export interface Marker {
  kind: number;
  /** Offset just past the marker. */
  after: number;
  /** Ordered list number, or -1 for bullets. */
  number: number;
}

export function listMarkerAt(text: string, pos: number, end: number): Marker | null {
  const c = text.charCodeAt(pos);
  let after: number;
  let kind: number;
  let number = -1;
  if (c === DASH || c === STAR || c === PLUS) {
    after = pos + 1;
    kind = c;
  } else if (c >= 48 && c <= 57) {
    let i = pos;
    while (i < end && i - pos < 10) {
      const d = text.charCodeAt(i);
      if (d < 48 || d > 57) break;
      i++;
    }
    if (i - pos > 9) return null;
    const delim = text.charCodeAt(i);
    if (delim !== DOT && delim !== PAREN) return null;
    number = Number(text.slice(pos, i));
    after = i + 1;
    kind = delim;
  } else {
    return null;
  }
  if (after < end) {
    const s = text.charCodeAt(after);
    if (s !== SPACE && s !== TAB) return null;
  }
  return { kind, after, number };
}

export function htmlBlockStart(text: string, pos: number, end: number): 'comment' | 'blank' | 'raw' | null {
  if (text.charCodeAt(pos) !== LT) return null;
  if (text.startsWith('<!--', pos)) return 'comment';
  let i = pos + 1;
  if (text.charCodeAt(i) === 47 /* / */) i++;
  const nameStart = i;
  while (i < end) {
    const c = text.charCodeAt(i) | 0x20;
    if ((c >= 97 && c <= 122) || (i > nameStart && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57)) i++;
    else break;
  }
  if (i === nameStart) return null;
  const name = text.slice(nameStart, i).toLowerCase();
  const next = i < end ? text.charCodeAt(i) : SPACE;
  const boundary = next === SPACE || next === TAB || next === GT || next === 47;
  if (!boundary) return null;
  if (name === 'script' || name === 'pre' || name === 'style' || name === 'textarea') return 'raw';
  return HTML_BLOCK_TAGS.has(name) ? 'blank' : null;
}
