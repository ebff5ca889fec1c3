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
