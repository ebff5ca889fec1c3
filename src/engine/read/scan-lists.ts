/**
 * List items: the marker, the content column that nested lines must reach, the checkbox of a
 * task, the parent (`ListItemCache.parent`), and items nested on the same line (`- - [ ] a`).
 */
import { LBRACKET, RBRACKET, SPACE, TAB, isBlankFrom, isThematicBreak, listMarkerAt, measureIndent } from './blocks';
import { checkPercent, openFence } from './scan-code';
import { openAtxHeading } from './scan-headings';
import type { ScanState } from './scan-state';

/** A list item that may start here; `interrupts` when it would interrupt an open paragraph. */
export function isListItemStart(text: string, at: number, end: number, interrupts: boolean): boolean {
  const m = listMarkerAt(text, at, end);
  if (m === null) return false;
  if (interrupts) {
    if (isBlankFrom(text, m.after, end)) return false;
    if (m.number !== -1 && m.number !== 1) return false;
  }
  return true;
}

/** The status character of a `[c]` checkbox at `pos` followed by a space or the line's end, or null. */
function checkboxAt(text: string, pos: number, end: number): string | null {
  if (text.charCodeAt(pos) !== LBRACKET || pos + 2 >= end || text.charCodeAt(pos + 2) !== RBRACKET) return null;
  const after = text.charCodeAt(pos + 3);
  return pos + 3 >= end || after === SPACE || after === TAB ? text.charAt(pos + 1) : null;
}

/** Reads a list item at depth `k` (and any items nested on the same line); false when there is none. */
export function addItems(s: ScanState, lineStart: number, at: number, atCol: number, end: number, k: number): boolean {
  const text = s.text;
  if (!isListItemStart(text, at, end, s.paragraph && s.paragraphDepth === k)) return false;
  let depth = k;
  let markerPos = at;
  let markerCol = atCol;
  let first = true;
  for (;;) {
    const m = listMarkerAt(text, markerPos, end);
    if (m === null) break;
    if (!first && isThematicBreak(text, markerPos, end)) break;
    const markerEndCol = markerCol + (m.after - markerPos);
    const after = measureIndent(text, m.after, end, markerEndCol);
    let contentCol: number;
    let contentPos: number;
    if (after.pos >= end) {
      contentCol = markerEndCol + 1;
      contentPos = end;
    } else if (after.col - markerEndCol > 4) {
      contentCol = markerEndCol + 1;
      contentPos = m.after + 1;
    } else {
      contentCol = after.col;
      contentPos = after.pos;
    }
    s.closeTo(depth);
    const run = s.runs[depth] ?? null;
    let start: number;
    if (run !== null && run.kind === m.kind) {
      start = run.start;
    } else {
      start = s.line;
      s.runs[depth] = { kind: m.kind, start };
    }
    const parent = depth > 0 ? (s.stack[depth - 1]?.line ?? 0) : start === 0 ? -1 : -start;
    const task = checkboxAt(text, contentPos, end);
    const textStart = task === null ? contentPos : measureIndent(text, contentPos + 3, end, 0).pos;
    s.items.push({ line: s.line, parent, task, lineStart, lineEnd: end, textStart });
    s.stack.push({ line: s.line, contentCol });
    while (s.runs.length > depth + 1) s.runs.pop();
    s.runs.push(null);
    depth++;
    first = false;
    // Content of the item: another list marker, a heading or a fence on the same line.
    if (textStart >= end) {
      s.paragraph = false;
      return true;
    }
    const nextCol = task === null ? contentCol : contentCol + (textStart - contentPos);
    const nested = listMarkerAt(text, textStart, end);
    if (nested !== null && !isBlankFrom(text, nested.after, end)) {
      markerPos = textStart;
      markerCol = nextCol;
      continue;
    }
    if (task === null && (openAtxHeading(s, textStart, end, depth) || openFence(s, textStart, end, depth))) return true;
    break;
  }
  s.openParagraph(depth, s.items[s.items.length - 1]?.textStart ?? at, end);
  checkPercent(s, lineStart, end);
  return true;
}
