/**
 * The state of one scan of a note, passed to the functions that read each kind of block. All
 * of it lives in this object, none in modules: two scans can run at once.
 */

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

export interface OpenItem {
  line: number;
  /** Column where the item's content starts; deeper lines belong to the item. */
  contentCol: number;
}

export interface ListRun {
  /** `-`, `*`, `+`, `.` or `)`: a different marker starts a new list. */
  kind: number;
  start: number;
}

export interface Fence {
  ch: number;
  len: number;
  /** Number of open list items that contain the fence. */
  depth: number;
  quote: number;
}

export type HtmlBlock = 'comment' | 'blank' | 'raw';

export class ScanState {
  readonly headings: ScannedHeading[] = [];
  readonly items: ScannedItem[] = [];
  /** Open list items, outermost first. */
  readonly stack: OpenItem[] = [];
  /** The list run open at each container depth, for siblings separated by blank lines. */
  readonly runs: (ListRun | null)[] = [null];
  /** Whether the note has any `%%`; most do not, and skip comment handling. */
  readonly hasPercent: boolean;
  /** The line being read (0-based). */
  line = 0;
  /** Block quote depth of the previous line. */
  quote = 0;
  fence: Fence | null = null;
  html: HtmlBlock | null = null;
  /** Inside an Obsidian `%%` comment. */
  percent = false;
  /** An open paragraph: the container depth, first line and text range of its first line (for a setext heading). */
  paragraph = false;
  paragraphDepth = 0;
  paragraphLine = -1;
  paragraphStart = 0;
  paragraphEnd = 0;

  constructor(readonly text: string) {
    this.hasPercent = text.includes('%%');
  }

  /** Closes the list items deeper than `depth`. */
  closeTo(depth: number): void {
    while (this.stack.length > depth) this.stack.pop();
    while (this.runs.length > depth + 1) this.runs.pop();
  }

  /** A block other than a paragraph or a list item at container depth `k`: both end there. */
  leafBlock(k: number): void {
    this.paragraph = false;
    this.runs[k] = null;
  }

  openParagraph(depth: number, start: number, end: number): void {
    this.paragraph = true;
    this.paragraphDepth = depth;
    this.paragraphLine = this.line;
    this.paragraphStart = start;
    this.paragraphEnd = end;
  }
}
