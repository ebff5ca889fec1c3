/**
 * The nesting of lines around a step, as an edit needs it: the lines below a list item that
 * belong to it (its sub-items and their text), the indentation its children use, and the
 * note's own indentation unit.
 */
import { listMarkerAt } from '../read/blocks';
import { nextSpan, spanAt, type LineSpan } from '../read/lines';

/** Column of the first character after spaces, tabs and block-quote marks (tab stops of 4). */
export function indentColumn(raw: string): number {
  let col = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32 || c === 62) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
  }
  return col;
}

/** The leading spaces, tabs and `>` of a line. */
export function leading(raw: string): string {
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 32 || c === 9 || c === 62) i++;
    else break;
  }
  return raw.slice(0, i);
}

function isBlank(raw: string): boolean {
  return raw.trim() === '';
}

/** The list marker of a line (`-`, `1.`) and where it starts, or null when it is not a list item. */
export function markerOf(raw: string): { marker: string; at: number } | null {
  const at = leading(raw).length;
  const m = listMarkerAt(raw, at, raw.length);
  return m === null ? null : { marker: raw.slice(at, m.after), at };
}

export interface ItemBlock {
  /** The lines below the item that belong to it, without trailing blank lines. */
  children: LineSpan[];
  /** The last line of the item (itself when it has nothing below it). */
  last: LineSpan;
}

/** The lines that belong to the list item on `span`: deeper lines, blank lines between them. */
export function itemBlock(text: string, span: LineSpan): ItemBlock {
  const col = indentColumn(text.slice(span.start, span.end));
  const children: LineSpan[] = [];
  let last = span;
  let next = nextSpan(text, span);
  while (next !== null) {
    const raw = text.slice(next.start, next.end);
    if (!isBlank(raw)) {
      if (indentColumn(raw) <= col) break;
      children.push(next);
      last = next;
    }
    next = nextSpan(text, next);
  }
  // Blank lines between children belong to the item; those after its last line do not.
  const all: LineSpan[] = [];
  if (children.length > 0) {
    let s: LineSpan | null = nextSpan(text, span);
    while (s !== null && s.line <= last.line) {
      all.push(s);
      s = nextSpan(text, s);
    }
  }
  return { children: all, last };
}

/**
 * The note's indentation unit: the extra indentation of the first list item nested under
 * another, else a tab.
 */
export function indentUnit(text: string): string {
  let prev: string | null = null;
  let span: LineSpan | null = spanAt(text, 0, 0);
  while (span !== null) {
    const raw = text.slice(span.start, span.end);
    const m = markerOf(raw);
    if (m !== null) {
      const lead = raw.slice(0, m.at);
      if (prev !== null && lead.length > prev.length && lead.startsWith(prev)) return lead.slice(prev.length);
      prev = lead;
    } else if (!isBlank(raw) && indentColumn(raw) === 0) {
      prev = null;
    }
    span = nextSpan(text, span);
  }
  return '\t';
}

/** The marker that follows `marker` in a list: the next number for an ordered list. */
export function nextMarker(marker: string): string {
  const m = /^(\d+)([.)])$/.exec(marker);
  return m === null ? marker : `${Number(m[1]) + 1}${m[2] ?? '.'}`;
}
