/**
 * A step's display text: its line without the fields, trimmed, runs of spaces made one. Most
 * lines hold the text in one piece (`Call Bob 📅 2026-12-01`); then the text is a slice of the
 * line and the reader learns where it lies, so that keeping the rest of the line for edits
 * needs no search for it.
 */
import { giveChars, own, stringOf, takeChars } from './text';

/** Whitespace as `String.prototype.trim` sees it (ECMAScript white space and line terminators). */
export function isTrimSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** `copyOf(text, from, to)`, or null when it has two spaces or tabs in a row: one pass for both. */
function copyWithoutRuns(text: string, from: number, to: number): string | null {
  const n = to - from;
  const chars = n < 13 ? null : takeChars(n);
  let blank = false;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(from + k);
    const space = c === 32 || c === 9;
    if (space && blank) {
      if (chars !== null) giveChars(chars);
      return null;
    }
    blank = space;
    if (chars !== null) chars[k] = c;
  }
  // Under 13 characters a slice is a copy already (see `copyOf`).
  return chars === null ? text.slice(from, to) : stringOf(chars);
}

/** Where a cut text lies in its line: `[from, to)`, or -1 and -1 when it is not one piece of it. */
export interface TextRange {
  textFrom: number;
  textTo: number;
}

/**
 * `text[from, to)` without the first `count` numbers of `ranges` (start/end pairs in order),
 * trimmed, with runs of spaces and tabs collapsed into one space. `at` learns where the result
 * lies in `text` when it is one piece of it: when only one piece left holds more than white
 * space and it has no run to collapse.
 */
export function cutText(text: string, from: number, to: number, ranges: readonly number[], count: number, at: TextRange): string {
  at.textFrom = at.textTo = -1;
  let pieces = 0;
  let start = -1;
  let end = -1;
  let next = from;
  for (let i = 0; i <= count; i += 2) {
    const s = i < count ? (ranges[i] ?? next) : to;
    const e = i < count ? (ranges[i + 1] ?? s) : to;
    if (s > next) {
      let a = next;
      while (a < s && isTrimSpace(text.charCodeAt(a))) a++;
      if (a < s) {
        if (++pieces > 1) break;
        let b = s;
        while (isTrimSpace(text.charCodeAt(b - 1))) b--;
        start = a;
        end = b;
      }
    }
    if (e > next) next = e;
  }
  if (pieces === 0) return '';
  const one = pieces === 1 ? copyWithoutRuns(text, start, end) : null;
  if (one !== null) {
    at.textFrom = start;
    at.textTo = end;
    return one;
  }
  let out = '';
  next = from;
  for (let i = 0; i < count; i += 2) {
    const s = ranges[i] ?? next;
    const e = ranges[i + 1] ?? s;
    if (s > next) out += text.slice(next, s);
    if (e > next) next = e;
  }
  if (next < to) out += text.slice(next, to);
  return own(out.trim().replace(/[ \t]{2,}/g, ' '));
}
