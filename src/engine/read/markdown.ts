/**
 * A line scanner for the block structure Obsidian's metadata cache reports: frontmatter,
 * headings and list items (with `parent` and `task` as in `ListItemCache`). It follows
 * CommonMark's container rules (list items, block quotes and callouts, fenced and indented
 * code, HTML blocks, lazy continuation) plus Obsidian's `%%` comments, and reads nothing
 * else. One pass, no regular expressions on the hot path.
 *
 * This module holds the containers (block quotes, list items, lazy continuation lines);
 * each kind of block has its own: `scan-frontmatter.ts`, `scan-code.ts` (fences, HTML,
 * comments), `scan-headings.ts`, `scan-lists.ts`. The state of a scan is one `ScanState`.
 */
import { GT, HASH, LT, SPACE, TAB, atxLevel, fenceAt, htmlBlockStart, isBlankFrom, isThematicBreak, measureIndent } from './blocks';
import { editorLines } from './lines';
import { checkPercent, inFence, inHtmlBlock, inPercentComment, openFence, openHtmlBlock, openPercentComment } from './scan-code';
import { scanFrontmatterBlock, type FrontmatterBlock } from './scan-frontmatter';
import { closeSetextHeading, openAtxHeading } from './scan-headings';
import { addItems, isListItemStart } from './scan-lists';
import { ScanState, type ScannedHeading, type ScannedItem } from './scan-state';

export { scanFrontmatterBlock } from './scan-frontmatter';
export type { ScannedHeading, ScannedItem } from './scan-state';

export interface Scan {
  /** Lines of the YAML between the `---` fences (exclusive), or null without frontmatter. */
  frontmatter: FrontmatterBlock | null;
  headings: ScannedHeading[];
  items: ScannedItem[];
  lineCount: number;
}

/** Scans a note. Never throws. */
export function scanMarkdown(source: string): Scan {
  const text = editorLines(source);
  const s = new ScanState(text);
  const frontmatter = scanFrontmatterBlock(text);
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (frontmatter) {
    // Skip to the line after the closing fence.
    s.line = frontmatter.to + 1;
    const closeEol = text.indexOf('\n', frontmatter.textEnd);
    pos = closeEol === -1 ? text.length + 1 : closeEol + 1;
  }
  const len = text.length;
  while (pos <= len) {
    const eol = text.indexOf('\n', pos);
    const rawEnd = eol === -1 ? len : eol;
    const end = rawEnd > pos && text.charCodeAt(rawEnd - 1) === 13 ? rawEnd - 1 : rawEnd;
    scanLine(s, pos, end);
    if (eol === -1) break;
    pos = eol + 1;
    s.line++;
  }
  return { frontmatter, headings: s.headings, items: s.items, lineCount: s.line + 1 };
}

/** Would this text (at the container's indentation) start a block other than a paragraph? */
function startsBlock(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  if (c === GT) return true;
  if (isThematicBreak(text, at, end)) return true;
  if (c === HASH && atxLevel(text, at, end) > 0) return true;
  if (fenceAt(text, at, end) !== null) return true;
  if (c === LT && htmlBlockStart(text, at, end) !== null) return true;
  return isListItemStart(text, at, end, false);
}

/** Reads one line: its containers first, then the block it continues or opens. */
function scanLine(s: ScanState, lineStart: number, end: number): void {
  const text = s.text;
  // Block quote markers: up to three spaces, `>`, an optional space; repeated.
  let p = lineStart;
  let q = 0;
  let col = 0;
  for (;;) {
    const ind = measureIndent(text, p, end, col);
    if (ind.col - col <= 3 && ind.pos < end && text.charCodeAt(ind.pos) === GT) {
      q++;
      p = ind.pos + 1;
      col = ind.col + 1;
      const c = text.charCodeAt(p);
      if (p < end && (c === SPACE || c === TAB)) {
        // The optional space after `>` belongs to the marker (a tab is taken whole).
        col = c === SPACE ? col + 1 : col + 4 - (col % 4);
        p++;
      }
      continue;
    }
    break;
  }

  if (inPercentComment(s, lineStart, end)) return;

  if (q !== s.quote) {
    const lazy = q < s.quote && s.paragraph && s.fence === null && s.html === null && !isBlankFrom(text, p, end);
    if (!lazy) {
      if (s.html === 'blank') s.html = null;
      s.closeTo(0);
      s.runs[0] = null;
      s.fence = null;
      s.paragraph = false;
      s.quote = q;
    } else {
      // A lazy continuation line: text belongs to the open paragraph unless it starts a block.
      const ind = measureIndent(text, p, end, col);
      if (!startsBlock(text, ind.pos, end)) {
        checkPercent(s, lineStart, end);
        return;
      }
      s.closeTo(0);
      s.runs[0] = null;
      s.paragraph = false;
      s.quote = q;
    }
  }

  const ind = measureIndent(text, p, end, col);
  const blank = ind.pos >= end;
  if (inHtmlBlock(s, p, end, blank)) return;
  if (inFence(s, ind, col, end, blank)) return;
  if (blank) {
    s.paragraph = false;
    return;
  }

  // How many open items does this line continue?
  const stack = s.stack;
  let k = 0;
  while (k < stack.length && ind.col >= (stack[k]?.contentCol ?? 0)) k++;
  const base = k > 0 ? (stack[k - 1]?.contentCol ?? 0) : col;
  const rel = ind.col - base;

  if (k < stack.length) {
    // Not indented enough for the inner items: lazy paragraph text, or the items end.
    if (s.paragraph && (rel >= 4 || !startsBlock(text, ind.pos, end))) {
      checkPercent(s, lineStart, end);
      return;
    }
    s.closeTo(k);
  }

  if (rel >= 4) {
    if (s.paragraph) {
      checkPercent(s, lineStart, end);
      return;
    }
    // Indented code.
    s.runs[k] = null;
    return;
  }

  const at = ind.pos;
  if (closeSetextHeading(s, at, end, k)) return;
  if (isThematicBreak(text, at, end)) {
    s.leafBlock(k);
    return;
  }
  if (openAtxHeading(s, at, end, k)) return;
  if (openFence(s, at, end, k)) return;
  if (openHtmlBlock(s, at, end, k)) return;
  if (openPercentComment(s, at, end, k)) return;
  if (addItems(s, lineStart, at, ind.col, end, k)) return;

  // Paragraph text.
  if (!(s.paragraph && s.paragraphDepth === k)) {
    s.runs[k] = null;
    s.openParagraph(k, at, end);
  }
  checkPercent(s, lineStart, end);
}
