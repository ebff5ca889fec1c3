/**
 * Obsidian's `Editor` over a plain string: lines, selections (several, one of them the main
 * one) and edits with CodeMirror's positions (`{line, ch}`, 0-based). Line endings inside the
 * editor are `\n`, as in Obsidian; the view writes the file back with the note's own endings.
 *
 * Edits follow CodeMirror 6, on which Obsidian's editor stands: the changes of one transaction
 * are all given against the text before it and must not overlap; selections given with them
 * are positions in the text after it; selections not given are mapped through the changes (a
 * cursor where text is inserted stays before it; a selection's edges do not grow over text
 * inserted at them). Where Obsidian's own code decides (which range `getSelection` reads,
 * `replaceSelection` inside a transaction), the host guesses: see tests/README.md.
 */

export interface EditorPosition {
  line: number;
  ch: number;
}

export interface EditorRangeOrCaret {
  from: EditorPosition;
  to?: EditorPosition;
}

export interface EditorChange extends EditorRangeOrCaret {
  text: string;
}

export interface EditorSelection {
  anchor: EditorPosition;
  head: EditorPosition;
}

export interface EditorSelectionOrCaret {
  anchor: EditorPosition;
  head?: EditorPosition;
}

export interface EditorTransaction {
  replaceSelection?: string;
  changes?: EditorChange[];
  /** Several selections; overrides `selection`. */
  selections?: EditorRangeOrCaret[];
  selection?: EditorRangeOrCaret;
}

/** A selection as offsets. */
interface Range {
  anchor: number;
  head: number;
}

/** A change as offsets in the text before the edit. */
interface Change {
  from: number;
  to: number;
  insert: string;
}

/** Where a position of the text before the changes is after them (CodeMirror's `mapPos`). */
function mapPos(pos: number, changes: readonly Change[], assoc: -1 | 1): number {
  let delta = 0;
  for (const c of changes) {
    if (c.from > pos) break;
    const len = c.to - c.from;
    if (c.to > pos || (c.to === pos && assoc < 0 && len === 0)) return pos === c.from || assoc < 0 ? c.from + delta : c.from + delta + c.insert.length;
    delta += c.insert.length - len;
  }
  return pos + delta;
}

function mapRange(r: Range, changes: readonly Change[]): Range {
  if (r.anchor === r.head) {
    const at = mapPos(r.anchor, changes, -1);
    return { anchor: at, head: at };
  }
  const forward = r.anchor < r.head;
  const from = mapPos(Math.min(r.anchor, r.head), changes, 1);
  const to = Math.max(from, mapPos(Math.max(r.anchor, r.head), changes, -1));
  return forward ? { anchor: from, head: to } : { anchor: to, head: from };
}

/** Stands for `Editor`: the note being edited, as text with selections. */
export class Editor {
  private lines: string[] = [''];
  private ranges: Range[] = [{ anchor: 0, head: 0 }];
  private main = 0;
  /** Host only: called after every change (the view marks itself dirty and fires `editor-change`). */
  onHostChange: (() => void) | null = null;
  /** Host only: how many changes the editor has seen (a transaction is one). */
  changeCount = 0;

  constructor(text = '') {
    this.setValue(text);
    this.changeCount = 0;
  }

  getDoc(): this {
    return this;
  }
  refresh(): void {}
  focus(): void {}
  blur(): void {}
  hasFocus(): boolean {
    return true;
  }
  scrollIntoView(_range: unknown, _center?: boolean): void {}
  scrollTo(_x?: number | null, _y?: number | null): void {}

  getValue(): string {
    return this.lines.join('\n');
  }
  setValue(content: string): void {
    this.lines = content.replace(/\r\n/g, '\n').split('\n');
    const max = this.getValue().length;
    this.ranges = this.ranges.map((r) => ({ anchor: Math.min(r.anchor, max), head: Math.min(r.head, max) }));
    this.changed();
  }
  getLine(line: number): string {
    return this.lines[line] ?? '';
  }
  setLine(n: number, text: string): void {
    this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
  }
  lineCount(): number {
    return this.lines.length;
  }
  lastLine(): number {
    return this.lines.length - 1;
  }

  // ---- selections ----

  private get mainRange(): Range {
    return this.ranges[this.main] ?? { anchor: 0, head: 0 };
  }
  getCursor(side?: 'from' | 'to' | 'head' | 'anchor'): EditorPosition {
    const r = this.mainRange;
    const offset = side === 'from' ? Math.min(r.anchor, r.head) : side === 'to' ? Math.max(r.anchor, r.head) : side === 'anchor' ? r.anchor : r.head;
    return this.offsetToPos(offset);
  }
  setCursor(pos: EditorPosition | number, ch?: number): void {
    const p = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : pos;
    this.setSelection(p);
  }
  setSelection(anchor: EditorPosition, head?: EditorPosition): void {
    this.setSelections([{ anchor, head: head ?? anchor }]);
  }
  /** As CodeMirror does: ranges sorted, overlapping ones merged; `main` (default 0) is the main one. */
  setSelections(ranges: EditorSelectionOrCaret[], main = 0): void {
    if (ranges.length === 0) return;
    this.setRanges(
      ranges.map((r) => ({ anchor: this.posToOffset(r.anchor), head: this.posToOffset(r.head ?? r.anchor) })),
      main,
    );
  }
  listSelections(): EditorSelection[] {
    return this.ranges.map((r) => ({ anchor: this.offsetToPos(r.anchor), head: this.offsetToPos(r.head) }));
  }
  somethingSelected(): boolean {
    return this.ranges.some((r) => r.anchor !== r.head);
  }
  /** The main selection's text. */
  getSelection(): string {
    const r = this.mainRange;
    return this.getValue().slice(Math.min(r.anchor, r.head), Math.max(r.anchor, r.head));
  }
  /** Replaces every selection with the text; each becomes a cursor after its copy. */
  replaceSelection(replacement: string): void {
    this.transaction({ replaceSelection: replacement });
  }

  // ---- edits ----

  getRange(from: EditorPosition, to: EditorPosition): string {
    return this.getValue().slice(this.posToOffset(from), this.posToOffset(to));
  }
  replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition): void {
    this.transaction({ changes: [{ text: replacement, from, to }] });
  }

  /** One edit: `changes` and `replaceSelection` against the text before it; `selections`/`selection` in the text after it. */
  transaction(tx: EditorTransaction): void {
    const changes: Change[] = (tx.changes ?? []).map((c) => {
      const a = this.posToOffset(c.from);
      const b = c.to ? this.posToOffset(c.to) : a;
      return { from: Math.min(a, b), to: Math.max(a, b), insert: c.text.replace(/\r\n/g, '\n') };
    });
    const replaced: Change[] = [];
    if (tx.replaceSelection !== undefined) {
      for (const r of this.ranges) replaced.push({ from: Math.min(r.anchor, r.head), to: Math.max(r.anchor, r.head), insert: tx.replaceSelection.replace(/\r\n/g, '\n') });
    }
    const all = [...changes, ...replaced].sort((x, y) => x.from - y.from || x.to - y.to);
    for (let i = 1; i < all.length; i++) {
      const prev = all[i - 1] as Change;
      const c = all[i] as Change;
      if (c.from < prev.to) throw new RangeError(`[test host] changes of one transaction overlap (${prev.from}-${prev.to} and ${c.from}-${c.to})`);
    }
    const before = this.getValue();
    let text = '';
    let at = 0;
    for (const c of all) {
      text += before.slice(at, c.from) + c.insert;
      at = c.to;
    }
    text += before.slice(at);
    let ranges: Range[];
    if (replaced.length > 0) {
      // Each selection becomes a cursor after its replacement.
      ranges = replaced.map((c) => {
        const end = mapPos(c.from, all, -1) + c.insert.length;
        return { anchor: end, head: end };
      });
    } else ranges = this.ranges.map((r) => mapRange(r, all));
    this.lines = text.split('\n');
    const given = tx.selections ?? (tx.selection ? [tx.selection] : null);
    if (given !== null && given.length > 0) {
      ranges = given.map((r) => ({ anchor: this.posToOffset(r.from), head: this.posToOffset(r.to ?? r.from) }));
      this.setRanges(ranges, 0);
    } else this.setRanges(ranges, replaced.length > 0 ? Math.min(this.main, ranges.length - 1) : this.main);
    if (all.length > 0) this.changed();
  }

  posToOffset(pos: EditorPosition): number {
    const p = this.clip(pos);
    let offset = 0;
    for (let i = 0; i < p.line; i++) offset += (this.lines[i] ?? '').length + 1;
    return offset + p.ch;
  }
  offsetToPos(offset: number): EditorPosition {
    let rest = offset;
    for (let line = 0; line < this.lines.length; line++) {
      const len = (this.lines[line] ?? '').length;
      if (rest <= len) return { line, ch: rest };
      rest -= len + 1;
    }
    const last = this.lines.length - 1;
    return { line: last, ch: (this.lines[last] ?? '').length };
  }

  private changed(): void {
    this.changeCount++;
    this.onHostChange?.();
  }

  /** Sorts the ranges and merges those that overlap (a cursor also merges with a range it touches), keeping track of the main one. */
  private setRanges(ranges: Range[], main: number): void {
    const max = this.getValue().length;
    const clipped = ranges.map((r, i) => ({ anchor: Math.max(0, Math.min(r.anchor, max)), head: Math.max(0, Math.min(r.head, max)), main: i === main }));
    clipped.sort((x, y) => Math.min(x.anchor, x.head) - Math.min(y.anchor, y.head));
    const out: (Range & { main: boolean })[] = [];
    for (const r of clipped) {
      const last = out[out.length - 1];
      const from = Math.min(r.anchor, r.head);
      const lastTo = last === undefined ? -1 : Math.max(last.anchor, last.head);
      if (last !== undefined && (r.anchor === r.head ? from <= lastTo : from < lastTo)) {
        // Overlapping: one range over both, in the direction of the later one.
        const lo = Math.min(last.anchor, last.head);
        const hi = Math.max(last.anchor, last.head, r.anchor, r.head);
        const backward = r.head < r.anchor;
        out[out.length - 1] = { anchor: backward ? hi : lo, head: backward ? lo : hi, main: last.main || r.main };
        continue;
      }
      out.push(r);
    }
    this.ranges = out.map((r) => ({ anchor: r.anchor, head: r.head }));
    this.main = Math.max(0, out.findIndex((r) => r.main));
  }

  private clip(pos: EditorPosition): EditorPosition {
    const line = Math.max(0, Math.min(pos.line, this.lines.length - 1));
    const ch = Math.max(0, Math.min(pos.ch, (this.lines[line] ?? '').length));
    return { line, ch };
  }
}
