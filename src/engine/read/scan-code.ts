/**
 * Blocks whose content is not Markdown: fenced code, HTML blocks and Obsidian's `%%` comments.
 * Headings and tasks inside them are not read. Each `in…` function says whether the line
 * belongs to a block opened earlier; each `open…` whether the line opens one.
 */
import { PERCENT, LT, fenceAt, htmlBlockStart, isBlankFrom, runLength, type Indent } from './blocks';
import type { ScanState } from './scan-state';
import { findIn } from './text';

/** Counts `%%` in a range. */
function countPercentPairs(s: ScanState, pos: number, end: number): number {
  if (!s.hasPercent) return 0;
  let n = 0;
  let i = findIn(s.text, '%%', pos, end);
  while (i !== -1) {
    n++;
    i = findIn(s.text, '%%', i + 2, end);
  }
  return n;
}

/** Opens an Obsidian `%%` comment that the line leaves unclosed. */
export function checkPercent(s: ScanState, lineStart: number, end: number): void {
  if (countPercentPairs(s, lineStart, end) % 2 === 1) s.percent = true;
}

/** Inside a `%%` comment, the line belongs to it (and may close it). */
export function inPercentComment(s: ScanState, lineStart: number, end: number): boolean {
  if (!s.percent) return false;
  if (countPercentPairs(s, lineStart, end) % 2 === 1) s.percent = false;
  return true;
}

/** A line that starts with `%%` is a comment block, open until an odd `%%`. */
export function openPercentComment(s: ScanState, at: number, end: number, k: number): boolean {
  if (s.text.charCodeAt(at) !== PERCENT || s.text.charCodeAt(at + 1) !== PERCENT) return false;
  if (countPercentPairs(s, at, end) % 2 === 1) s.percent = true;
  s.leafBlock(k);
  return true;
}

/** Inside an HTML block, the line belongs to it; a comment or raw block ends at its closing tag, others at a blank line. */
export function inHtmlBlock(s: ScanState, p: number, end: number, blank: boolean): boolean {
  if (s.html === null) return false;
  if (s.html === 'comment') {
    if (findIn(s.text, '-->', p, end) !== -1) s.html = null;
    return true;
  }
  if (s.html === 'raw') {
    const lower = s.text.slice(p, end).toLowerCase();
    if (lower.includes('</script>') || lower.includes('</pre>') || lower.includes('</style>') || lower.includes('</textarea>')) s.html = null;
    return true;
  }
  if (blank) {
    s.html = null;
    s.paragraph = false;
  }
  return true;
}

export function openHtmlBlock(s: ScanState, at: number, end: number, k: number): boolean {
  if (s.text.charCodeAt(at) !== LT) return false;
  const kind = htmlBlockStart(s.text, at, end);
  if (kind === null) return false;
  s.leafBlock(k);
  const closes = kind === 'comment' && findIn(s.text, '-->', at + 4, end) !== -1;
  if (!closes) s.html = kind;
  return true;
}

/**
 * Inside a fence, the line belongs to it unless it leaves the list items that hold the fence;
 * a closing fence ends it. `col` is the column after the line's quote markers.
 */
export function inFence(s: ScanState, ind: Indent, col: number, end: number, blank: boolean): boolean {
  const f = s.fence;
  if (f === null) return false;
  if (!blank) {
    for (let i = 0; i < f.depth; i++) {
      const item = s.stack[i];
      if (item === undefined || ind.col < item.contentCol) {
        s.fence = null;
        return false;
      }
    }
  }
  const base = f.depth > 0 ? (s.stack[f.depth - 1]?.contentCol ?? 0) : col;
  if (!blank && ind.col - base <= 3 && s.text.charCodeAt(ind.pos) === f.ch) {
    const n = runLength(s.text, ind.pos, end, f.ch);
    if (n >= f.len && isBlankFrom(s.text, ind.pos + n, end)) s.fence = null;
  }
  return true;
}

/** Opens a fence at `at`, inside `depth` list items. */
export function openFence(s: ScanState, at: number, end: number, depth: number): boolean {
  const f = fenceAt(s.text, at, end);
  if (f === null) return false;
  s.fence = { ch: f.ch, len: f.len, depth, quote: s.quote };
  s.leafBlock(depth);
  return true;
}
