/** Small text helpers for the scanners. */

/**
 * `text.indexOf(needle, from)` limited to `[from, to)`: -1 when the needle does not end
 * before `to`. Unlike indexOf it never looks past `to`, so a search within one line costs
 * that line, not the rest of the note.
 */
export function findIn(text: string, needle: string, from: number, to: number): number {
  const first = needle.charCodeAt(0);
  const n = needle.length;
  const last = to - n;
  outer: for (let i = from; i <= last; i++) {
    if (text.charCodeAt(i) !== first) continue;
    for (let j = 1; j < n; j++) if (text.charCodeAt(i + j) !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/**
 * A folder as typed in the settings, as a vault path: spaces at the ends trimmed, backslashes
 * read as slashes, repeated slashes collapsed, no slash at either end (`Goals//2027/` is
 * `Goals/2027`).
 */
export function folderPath(typed: string): string {
  // Asked for every note a vault holds: a folder already in shape is returned as it is.
  const first = typed.charCodeAt(0);
  const last = typed.charCodeAt(typed.length - 1);
  if (typed === '' || (first > 32 && first !== 47 && last > 32 && last !== 47 && !typed.includes('//') && !typed.includes('\\'))) return typed;
  return typed.trim().replace(/\\/g, '/').replace(/\/{2,}/g, '/').replace(/^\/+|\/+$/g, '');
}

/**
 * A title as a note's file name: the characters a file name cannot hold on some system Obsidian
 * runs on, and those a link cannot hold (`#^[]|`), become spaces; runs of white space one space.
 */
export function fileNameOf(title: string): string {
  return title.replace(/[\\/:*?"<>|#^[\]]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Arrays of character codes to build strings from, one per length up to 128: `fromCharCode`
 * takes a whole array. Taken out while in use, so that a reading nested in another (from a
 * string method) gets arrays of its own. Worth, with the scratch rows of plan/local-tree.ts,
 * 5 % of parsing every note (measured there).
 */
const CHARS: (number[] | null)[] = [];
for (let n = 0; n <= 128; n++) CHARS.push(new Array<number>(n).fill(0));

/** An array of `n` numbers to fill with character codes and give to `stringOf`. */
export function takeChars(n: number): number[] {
  const chars = CHARS[n];
  if (chars === undefined || chars === null) return new Array<number>(n).fill(0);
  CHARS[n] = null;
  return chars;
}

/** Gives back an array from `takeChars` unused. */
export function giveChars(chars: number[]): void {
  if (chars.length < CHARS.length) CHARS[chars.length] = chars;
}

/** The string of the codes in `chars` (from `takeChars`, given back), exactly its own size. */
export function stringOf(chars: number[]): string {
  const n = chars.length;
  let out = '';
  if (n <= 1024) out = String.fromCharCode.apply(null, chars);
  // Chunks keep the argument list short.
  else for (let k = 0; k < n; k += 1024) out += String.fromCharCode.apply(null, chars.slice(k, k + 1024));
  giveChars(chars);
  return out;
}

/**
 * `text.slice(from, to)` as a string of its own, that does not keep `text` (the note) alive: a
 * slice of a long string refers to it, while short ones (under 13 characters) are copied by
 * the engine anyway. Built from the character codes, the copy has exactly its own size; the
 * older `(' ' + s).slice(1)` kept a 32-byte slice of a copy one character longer.
 */
export function copyOf(text: string, from: number, to: number): string {
  const n = to - from;
  if (n < 13) return text.slice(from, to);
  const chars = takeChars(n);
  for (let i = 0; i < n; i++) chars[i] = text.charCodeAt(from + i);
  return stringOf(chars);
}

/** A copy of `s` that does not keep a longer string alive (see `copyOf`). */
export function own(s: string): string {
  return s.length < 13 ? s : copyOf(s, 0, s.length);
}
