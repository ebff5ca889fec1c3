/** Headings: ATX (`## Title`) and setext (a paragraph underlined with `===` or `---`). */
import { HASH, SPACE, TAB, atxLevel, atxText, setextLevel } from './blocks';
import type { ScanState } from './scan-state';

/** The first line of the open paragraph, without trailing spaces: a setext heading's text. */
function paragraphText(s: ScanState): string {
  let e = s.paragraphEnd;
  while (e > s.paragraphStart && (s.text.charCodeAt(e - 1) === SPACE || s.text.charCodeAt(e - 1) === TAB)) e--;
  return s.text.slice(s.paragraphStart, e);
}

/** An underline at depth `k` below a paragraph there makes the paragraph a heading. */
export function closeSetextHeading(s: ScanState, at: number, end: number, k: number): boolean {
  if (!s.paragraph || s.paragraphDepth !== k) return false;
  const level = setextLevel(s.text, at, end);
  if (level === 0) return false;
  s.headings.push({ line: s.paragraphLine, level, heading: paragraphText(s) });
  s.paragraph = false;
  return true;
}

/** An ATX heading at `at`; it ends the paragraph (and, with `k` given, the list run at that depth). */
export function openAtxHeading(s: ScanState, at: number, end: number, k: number): boolean {
  if (s.text.charCodeAt(at) !== HASH) return false;
  const level = atxLevel(s.text, at, end);
  if (level === 0) return false;
  s.headings.push({ line: s.line, level, heading: atxText(s.text, at, end, level) });
  s.leafBlock(k);
  return true;
}
