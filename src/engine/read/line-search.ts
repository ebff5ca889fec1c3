/**
 * Searches within one line that stay linear on hostile lines. A reader that looks for a closing
 * `]]` after every `[[` scans the rest of the line each time when none comes: a line of n
 * unclosed `[[` costs n² steps. `Search` remembers its last answer, so a run of searches for
 * the same needle from growing positions reads each character once.
 */
import { findIn } from './text';

export class Search {
  private text = '';
  private to = 0;
  private from = -1;
  private at = -1;

  constructor(private readonly needle: string) {}

  /** Starts searching a new line `text[…, to)`; one instance serves line after line. */
  reset(text: string, to: number): this {
    this.text = text;
    this.to = to;
    this.from = -1;
    this.at = -1;
    return this;
  }

  /** The first `needle` in `[from, to)`, or -1: `findIn(text, needle, from, to)`. */
  find(from: number): number {
    // The last answer holds for any later start that does not pass it (-1: none after `this.from`).
    if (this.from !== -1 && from >= this.from && (this.at === -1 || this.at >= from)) return this.at;
    this.from = from;
    this.at = findIn(this.text, this.needle, from, this.to);
    return this.at;
  }
}

/**
 * The searches a reader of task fields needs, one per closing mark, reused from line to line
 * (a reader is not re-entrant): with them a line of unclosed openers is read in linear time.
 */
export class FieldSearches {
  readonly wikiClose = new Search(']]');
  readonly squareClose = new Search(']');
  readonly roundClose = new Search(')');
  readonly linkMiddle = new Search('](');
  readonly linkClose = new Search(')');
  readonly fieldMark = new Search('::');

  /** Starts every search on a new line `text[…, to)` (called for every task line: no array made). */
  reset(text: string, to: number): this {
    this.wikiClose.reset(text, to);
    this.squareClose.reset(text, to);
    this.roundClose.reset(text, to);
    this.linkMiddle.reset(text, to);
    this.linkClose.reset(text, to);
    this.fieldMark.reset(text, to);
    return this;
  }

  /** Forgets the text searched last, so that searches kept between reads hold no note alive. */
  release(): void {
    this.reset('', 0);
  }
}

/**
 * The code spans of `text[from, to)` as `[start, end)` pairs, in order (CommonMark: a run of n
 * backticks opens a span that the next run of exactly n backticks closes; a run with no match
 * is literal). Linear: each run finds the next run of its length through a list per length.
 */
export function codeSpans(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = findIn(text, '`', from, to); i !== -1; i = findIn(text, '`', i, to)) {
    let e = i;
    while (e < to && text.charCodeAt(e) === 96) e++;
    starts.push(i);
    lengths.push(e - i);
    i = e;
  }
  const runs = starts.length;
  if (runs < 2) return [];
  // For each run, the index of the next run of the same length (-1: none), found backwards.
  const next = new Int32Array(runs);
  const lastOfLength = new Map<number, number>();
  for (let r = runs - 1; r >= 0; r--) {
    const n = lengths[r] ?? 0;
    next[r] = lastOfLength.get(n) ?? -1;
    lastOfLength.set(n, r);
  }
  const spans: number[] = [];
  let r = 0;
  while (r < runs) {
    const close = next[r] ?? -1;
    if (close === -1) {
      r++;
      continue;
    }
    spans.push(starts[r] ?? 0, (starts[close] ?? 0) + (lengths[close] ?? 0));
    r = close + 1;
  }
  return spans;
}
