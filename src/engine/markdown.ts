/**
 * A line scanner for the block structure Obsidian's metadata cache reports: frontmatter,
 * headings and list items (with `parent` and `task` as in `ListItemCache`). It follows
 * CommonMark's container rules (list items, block quotes and callouts, fenced and indented
 * code, HTML blocks, lazy continuation) plus Obsidian's `%%` comments, and reads nothing
 * else. One pass, no regular expressions on the hot path.
 */

import {
  TAB,
  SPACE,
  HASH,
  GT,
  LT,
  LBRACKET,
  RBRACKET,
  PERCENT,
  measureIndent,
  isBlankFrom,
  runLength,
  isThematicBreak,
  setextLevel,
  atxLevel,
  atxText,
  fenceAt,
  listMarkerAt,
  htmlBlockStart,
} from './blocks';
import { editorLines } from './line-breaks';
import { findIn } from './text';

export interface ScannedHeading {
  line: number;
  level: number;
  heading: string;
}

export interface ScannedItem {
  line: number;
  /** Line of the parent item, or minus the line where a top-level item's list starts. */
  parent: number;
  /** The status character between the brackets, or null for a plain list item. */
  task: string | null;
  /** Offset in the text where the line starts. */
  lineStart: number;
  /** Offset where the line's text ends (before `\r\n` or `\n`). */
  lineEnd: number;
  /** Offset of the item's text after the marker and the checkbox. */
  textStart: number;
}

export interface Scan {
  /** Lines of the YAML between the `---` fences (exclusive), or null without frontmatter. */
  frontmatter: { from: number; to: number; textStart: number; textEnd: number } | null;
  headings: ScannedHeading[];
  items: ScannedItem[];
  lineCount: number;
}

interface OpenItem {
  line: number;
  /** Column where the item's content starts; deeper lines belong to the item. */
  contentCol: number;
}

interface ListRun {
  /** `-`, `*`, `+`, `.` or `)`: a different marker starts a new list. */
  kind: number;
  start: number;
}

interface Fence {
  ch: number;
  len: number;
  /** Number of open list items that contain the fence. */
  depth: number;
  quote: number;
}

/** Frontmatter: `---` on the first line up to the next `---` line. */
export function scanFrontmatterBlock(source: string): Scan['frontmatter'] {
  const text = editorLines(source);
  // A byte-order mark before the fence does not count.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom)) return null;
  let eol = text.indexOf('\n');
  if (eol === -1) return null;
  if (!isBlankFrom(text, bom + 3, text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol)) return null;
  let line = 1;
  const textStart = eol + 1;
  let pos = textStart;
  while (pos <= text.length) {
    eol = text.indexOf('\n', pos);
    const end = eol === -1 ? text.length : eol;
    const e = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (e - pos >= 3 && text.startsWith('---', pos) && isBlankFrom(text, pos + 3, e)) {
      return { from: 1, to: line, textStart, textEnd: pos };
    }
    if (eol === -1) break;
    pos = eol + 1;
    line++;
  }
  return null;
}

/** Counts `%%` in a range. */
function countPercentPairs(text: string, pos: number, end: number): number {
  if (!hasPercent) return 0;
  let n = 0;
  let i = findIn(text, '%%', pos, end);
  while (i !== -1) {
    n++;
    i = findIn(text, '%%', i + 2, end);
  }
  return n;
}

/** Whether the note being scanned has any `%%`; most do not, and skip comment handling. */
let hasPercent = false;

/** Scans a note. Never throws. */
export function scanMarkdown(source: string): Scan {
  const text = editorLines(source);
  hasPercent = text.includes('%%');
  const headings: ScannedHeading[] = [];
  const items: ScannedItem[] = [];
  const frontmatter = scanFrontmatterBlock(text);

  const stack: OpenItem[] = [];
  /** The list run open at each container depth, for siblings separated by blank lines. */
  const runs: (ListRun | null)[] = [null];
  let quote = 0;
  let fence: Fence | null = null;
  let html: 'comment' | 'blank' | 'raw' | null = null;
  let percent = false;
  let paragraph = false;
  let paragraphDepth = 0;
  let paragraphLine = -1;
  let paragraphStart = 0;
  let paragraphEnd = 0;

  const closeTo = (depth: number): void => {
    while (stack.length > depth) stack.pop();
    while (runs.length > depth + 1) runs.pop();
  };

  let line = 0;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (frontmatter) {
    // Skip to the line after the closing fence.
    line = frontmatter.to + 1;
    const closeEol = text.indexOf('\n', frontmatter.textEnd);
    pos = closeEol === -1 ? text.length + 1 : closeEol + 1;
  }

  const len = text.length;
  while (pos <= len) {
    const eol = text.indexOf('\n', pos);
    const rawEnd = eol === -1 ? len : eol;
    const end = rawEnd > pos && text.charCodeAt(rawEnd - 1) === 13 ? rawEnd - 1 : rawEnd;
    const lineStart = pos;
    scanLine(lineStart, end);
    if (eol === -1) break;
    pos = eol + 1;
    line++;
  }
  return { frontmatter, headings, items, lineCount: line + 1 };

  function scanLine(lineStart: number, end: number): void {
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

    if (percent) {
      if (countPercentPairs(text, lineStart, end) % 2 === 1) percent = false;
      return;
    }

    if (q !== quote) {
      const lazy = q < quote && paragraph && fence === null && html === null && !isBlankFrom(text, p, end);
      if (!lazy) {
        if (html === 'blank') html = null;
        closeTo(0);
        runs[0] = null;
        fence = null;
        paragraph = false;
        quote = q;
      } else {
        // A lazy continuation line: text belongs to the open paragraph unless it starts a block.
        const ind = measureIndent(text, p, end, col);
        if (!startsBlock(ind.pos, end)) {
          checkPercent(lineStart, end);
          return;
        }
        closeTo(0);
        runs[0] = null;
        paragraph = false;
        quote = q;
      }
    }

    const ind = measureIndent(text, p, end, col);
    const blank = ind.pos >= end;

    if (html !== null) {
      if (html === 'comment') {
        if (findIn(text, '-->', p, end) !== -1) html = null;
        return;
      }
      if (html === 'raw') {
        const lower = text.slice(p, end).toLowerCase();
        if (lower.includes('</script>') || lower.includes('</pre>') || lower.includes('</style>') || lower.includes('</textarea>')) html = null;
        return;
      }
      if (blank) {
        html = null;
        paragraph = false;
      }
      return;
    }

    if (fence !== null) {
      const f: Fence = fence;
      let inside = true;
      if (!blank) {
        for (let i = 0; i < f.depth; i++) {
          const item = stack[i];
          if (item === undefined || ind.col < item.contentCol) {
            inside = false;
            break;
          }
        }
      }
      if (inside) {
        const base = f.depth > 0 ? (stack[f.depth - 1]?.contentCol ?? 0) : col;
        if (!blank && ind.col - base <= 3 && text.charCodeAt(ind.pos) === f.ch) {
          const n = runLength(text, ind.pos, end, f.ch);
          if (n >= f.len && isBlankFrom(text, ind.pos + n, end)) fence = null;
        }
        return;
      }
      fence = null;
    }

    if (blank) {
      paragraph = false;
      return;
    }

    // How many open items does this line continue?
    let k = 0;
    while (k < stack.length && ind.col >= (stack[k]?.contentCol ?? 0)) k++;
    const base = k > 0 ? (stack[k - 1]?.contentCol ?? 0) : col;
    const rel = ind.col - base;

    if (k < stack.length) {
      // Not indented enough for the inner items: lazy paragraph text, or the items end.
      if (paragraph && (rel >= 4 || !startsBlock(ind.pos, end))) {
        checkPercent(lineStart, end);
        return;
      }
      closeTo(k);
    }

    if (rel >= 4) {
      if (paragraph) {
        checkPercent(lineStart, end);
        return;
      }
      // Indented code.
      runs[k] = null;
      return;
    }

    const at = ind.pos;
    const c = text.charCodeAt(at);

    if (paragraph && paragraphDepth === k) {
      const level = setextLevel(text, at, end);
      if (level > 0) {
        headings.push({ line: paragraphLine, level, heading: paragraphText() });
        paragraph = false;
        return;
      }
    }
    if (isThematicBreak(text, at, end)) {
      paragraph = false;
      runs[k] = null;
      return;
    }
    if (c === HASH) {
      const level = atxLevel(text, at, end);
      if (level > 0) {
        headings.push({ line, level, heading: atxText(text, at, end, level) });
        paragraph = false;
        runs[k] = null;
        return;
      }
    }
    const f = fenceAt(text, at, end);
    if (f !== null) {
      fence = { ch: f.ch, len: f.len, depth: k, quote };
      paragraph = false;
      runs[k] = null;
      return;
    }
    if (c === LT) {
      const kind = htmlBlockStart(text, at, end);
      if (kind !== null) {
        paragraph = false;
        runs[k] = null;
        const closes = kind === 'comment' && findIn(text, '-->', at + 4, end) !== -1;
        if (!closes) html = kind;
        return;
      }
    }
    if (startsPercentComment(at, end)) {
      paragraph = false;
      runs[k] = null;
      return;
    }

    if (addItems(lineStart, at, ind.col, end, k)) return;

    // Paragraph text.
    if (!(paragraph && paragraphDepth === k)) {
      runs[k] = null;
      paragraph = true;
      paragraphDepth = k;
      paragraphLine = line;
      paragraphStart = at;
      paragraphEnd = end;
    }
    checkPercent(lineStart, end);
  }

  function paragraphText(): string {
    let e = paragraphEnd;
    while (e > paragraphStart && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB)) e--;
    return text.slice(paragraphStart, e);
  }

  /** Opens an Obsidian `%%` comment that the line leaves unclosed. */
  function checkPercent(lineStart: number, end: number): void {
    if (countPercentPairs(text, lineStart, end) % 2 === 1) percent = true;
  }

  function startsPercentComment(at: number, end: number): boolean {
    if (text.charCodeAt(at) !== PERCENT || text.charCodeAt(at + 1) !== PERCENT) return false;
    if (countPercentPairs(text, at, end) % 2 === 1) percent = true;
    return true;
  }

  /** Would this text (at the container's indentation) start a block other than a paragraph? */
  function startsBlock(at: number, end: number): boolean {
    const c = text.charCodeAt(at);
    if (c === GT) return true;
    if (isThematicBreak(text, at, end)) return true;
    if (c === HASH && atxLevel(text, at, end) > 0) return true;
    if (fenceAt(text, at, end) !== null) return true;
    if (c === LT && htmlBlockStart(text, at, end) !== null) return true;
    return isListItemStart(at, end, false);
  }

  /** A list item that may start here; `interrupts` when it would interrupt an open paragraph. */
  function isListItemStart(at: number, end: number, interrupts: boolean): boolean {
    const m = listMarkerAt(text, at, end);
    if (m === null) return false;
    if (interrupts) {
      if (isBlankFrom(text, m.after, end)) return false;
      if (m.number !== -1 && m.number !== 1) return false;
    }
    return true;
  }

  /** Reads a list item (and any items nested on the same line); false when there is none. */
  function addItems(lineStart: number, at: number, atCol: number, end: number, k: number): boolean {
    if (!isListItemStart(at, end, paragraph && paragraphDepth === k)) return false;
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
      closeTo(depth);
      const run = runs[depth] ?? null;
      let start: number;
      if (run !== null && run.kind === m.kind) {
        start = run.start;
      } else {
        start = line;
        runs[depth] = { kind: m.kind, start };
      }
      const parent = depth > 0 ? (stack[depth - 1]?.line ?? 0) : start === 0 ? -1 : -start;
      let task: string | null = null;
      let textStart = contentPos;
      if (
        text.charCodeAt(contentPos) === LBRACKET &&
        contentPos + 2 < end + 1 &&
        text.charCodeAt(contentPos + 2) === RBRACKET &&
        contentPos + 2 < end
      ) {
        const afterBox = contentPos + 3;
        const s = text.charCodeAt(afterBox);
        if (afterBox >= end || s === SPACE || s === TAB) {
          task = text.charAt(contentPos + 1);
          const t = measureIndent(text, afterBox, end, 0);
          textStart = t.pos;
        }
      }
      items.push({ line, parent, task, lineStart, lineEnd: end, textStart });
      stack.push({ line, contentCol });
      while (runs.length > depth + 1) runs.pop();
      runs.push(null);
      depth++;
      first = false;
      // Content of the item: another list marker, a heading or a fence on the same line.
      if (textStart >= end) {
        paragraph = false;
        return true;
      }
      const nextCol = task === null ? contentCol : contentCol + (textStart - contentPos);
      if (listMarkerAt(text, textStart, end) !== null && !isBlankFrom(text, listMarkerAt(text, textStart, end)?.after ?? end, end)) {
        markerPos = textStart;
        markerCol = nextCol;
        continue;
      }
      if (task === null) {
        const level = text.charCodeAt(textStart) === HASH ? atxLevel(text, textStart, end) : 0;
        if (level > 0) {
          headings.push({ line, level, heading: atxText(text, textStart, end, level) });
          paragraph = false;
          return true;
        }
        const f = fenceAt(text, textStart, end);
        if (f !== null) {
          fence = { ch: f.ch, len: f.len, depth, quote };
          paragraph = false;
          return true;
        }
      }
      break;
    }
    paragraph = true;
    paragraphDepth = depth;
    paragraphLine = line;
    paragraphStart = items[items.length - 1]?.textStart ?? at;
    paragraphEnd = end;
    checkPercent(lineStart, end);
    return true;
  }
}
