/**
 * Obsidian's `Editor` over a plain string: lines, cursor, selections and range edits with
 * CodeMirror's positions (`{line, ch}`, 0-based). Line endings inside the editor are `\n`, as
 * in Obsidian; the view writes the file back with the note's own line endings.
 */

export interface EditorPosition {
  line: number;
  ch: number;
}

export interface EditorChange {
  text: string;
  from: EditorPosition;
  to?: EditorPosition;
}

/** Stands for `Editor`: the note being edited, as text with a cursor and selections. */
export class Editor {
  private lines: string[] = [''];
  private anchor: EditorPosition = { line: 0, ch: 0 };
  private head: EditorPosition = { line: 0, ch: 0 };
  /** Host only: called after every change (the view marks itself dirty and fires `editor-change`). */
  onHostChange: (() => void) | null = null;

  constructor(text = '') {
    this.setValue(text);
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
    this.anchor = this.clip(this.anchor);
    this.head = this.clip(this.head);
    this.onHostChange?.();
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

  getCursor(string?: 'from' | 'to' | 'head' | 'anchor'): EditorPosition {
    const [from, to] = this.ordered();
    if (string === 'from') return { ...from };
    if (string === 'to') return { ...to };
    if (string === 'anchor') return { ...this.anchor };
    return { ...this.head };
  }
  setCursor(pos: EditorPosition | number, ch?: number): void {
    const p = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : pos;
    this.anchor = this.clip(p);
    this.head = this.clip(p);
  }
  setSelection(anchor: EditorPosition, head?: EditorPosition): void {
    this.anchor = this.clip(anchor);
    this.head = this.clip(head ?? anchor);
  }
  listSelections(): { anchor: EditorPosition; head: EditorPosition }[] {
    return [{ anchor: { ...this.anchor }, head: { ...this.head } }];
  }
  somethingSelected(): boolean {
    return this.posToOffset(this.anchor) !== this.posToOffset(this.head);
  }
  getSelection(): string {
    const [from, to] = this.ordered();
    return this.getRange(from, to);
  }
  replaceSelection(replacement: string): void {
    const [from, to] = this.ordered();
    this.replaceRange(replacement, from, to);
    const end = this.offsetToPos(this.posToOffset(from) + replacement.length);
    this.setCursor(end);
  }

  getRange(from: EditorPosition, to: EditorPosition): string {
    return this.getValue().slice(this.posToOffset(from), this.posToOffset(to));
  }
  replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition): void {
    const text = this.getValue();
    const a = this.posToOffset(from);
    const b = to ? this.posToOffset(to) : a;
    const cursor = this.posToOffset(this.head);
    const next = text.slice(0, a) + replacement.replace(/\r\n/g, '\n') + text.slice(b);
    this.lines = next.split('\n');
    // A cursor after the edit moves with the text, as in CodeMirror.
    const moved = cursor >= b ? cursor + replacement.length - (b - a) : cursor;
    this.anchor = this.head = this.offsetToPos(Math.max(0, Math.min(moved, next.length)));
    this.onHostChange?.();
  }
  transaction(tx: { changes?: EditorChange[]; selection?: { from: EditorPosition; to?: EditorPosition } }): void {
    // Changes are given against the document before the transaction: apply from the end.
    const changes = [...(tx.changes ?? [])].sort((x, y) => this.posToOffset(y.from) - this.posToOffset(x.from));
    for (const c of changes) this.replaceRange(c.text, c.from, c.to);
    if (tx.selection) this.setSelection(tx.selection.from, tx.selection.to);
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

  private clip(pos: EditorPosition): EditorPosition {
    const line = Math.max(0, Math.min(pos.line, this.lines.length - 1));
    const ch = Math.max(0, Math.min(pos.ch, (this.lines[line] ?? '').length));
    return { line, ch };
  }
  private ordered(): [EditorPosition, EditorPosition] {
    return this.posToOffset(this.anchor) <= this.posToOffset(this.head) ? [this.anchor, this.head] : [this.head, this.anchor];
  }
}
