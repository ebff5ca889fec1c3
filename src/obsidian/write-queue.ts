/**
 * Writes to one note run one at a time, in order (SPEC 2.7), and each remembers the text it
 * found and the text it left. A later edit given the line the plan read before those writes
 * (the index or the view had not caught up yet) is carried over them: it expects what the
 * plugin's own writes left there, so a double tick or three quick edits all apply, while a
 * change made by anyone else still makes the line check refuse.
 */
import type { App } from 'obsidian';
import { editorLines } from '../engine/read/lines';
import type { StepRef } from '../engine/edit';

/** One write of the plugin to a note: the text it found and the text it left. */
export interface WriteRecord {
  before: string;
  after: string;
}

interface NoteTurns {
  /** Settles when the last write queued for the note has finished. */
  tail: Promise<unknown>;
  /** The plugin's latest writes to the note, oldest first. */
  history: WriteRecord[];
}

/** How many writes to one note are remembered (each keeps two copies of its text). */
const HISTORY = 4;

/** Keyed by the app, the one thing every caller of `editNote` passes, so the queues live and go with it. */
const turnsByApp = new WeakMap<App, Map<string, NoteTurns>>();

function turnsOf(app: App, path: string): NoteTurns {
  let notes = turnsByApp.get(app);
  if (notes === undefined) turnsByApp.set(app, (notes = new Map<string, NoteTurns>()));
  let turns = notes.get(path);
  if (turns === undefined) notes.set(path, (turns = { tail: Promise.resolve(), history: [] }));
  return turns;
}

/** Runs `job` once every write queued before it for the same note has finished. */
export function inTurn<T>(app: App, path: string, job: () => Promise<T>): Promise<T> {
  const turns = turnsOf(app, path);
  const run = turns.tail.then(job, job);
  turns.tail = run.catch(() => undefined);
  return run;
}

/** Remembers a write the plugin made to a note. */
export function recordWrite(app: App, path: string, before: string, after: string): void {
  const { history } = turnsOf(app, path);
  history.push({ before, after });
  if (history.length > HISTORY) history.shift();
}

/** A note's lines, each with its ending (lone `\r`, `\r\n` or `\n`). */
export function linesWithEnds(text: string): string[] {
  const view = editorLines(text);
  const out: string[] = [];
  let start = 0;
  for (let nl = view.indexOf('\n'); nl !== -1; nl = view.indexOf('\n', start)) {
    out.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  out.push(text.slice(start));
  return out;
}

/** The lines of `before` and `after` that differ: `[from, beforeEnd)` became `[from, afterEnd)`. */
export function changedRegion(before: string[], after: string[]): { from: number; beforeEnd: number; afterEnd: number } {
  let from = 0;
  const least = Math.min(before.length, after.length);
  while (from < least && before[from] === after[from]) from++;
  let tail = 0;
  while (tail < least - from && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { from, beforeEnd: before.length - tail, afterEnd: after.length - tail };
}

/** A line's text without its ending. */
export function bare(line: string | undefined): string | undefined {
  return line?.replace(/\r?\n$|\r$/, '');
}

/** Where a line of `before` is in `after`, or null when the write replaced it by a different number of lines. */
function mapLine(before: string[], after: string[], line: number): number | null {
  const r = changedRegion(before, after);
  if (line < r.from) return line;
  if (line >= r.beforeEnd) return line + r.afterEnd - r.beforeEnd;
  return r.afterEnd - r.from === r.beforeEnd - r.from ? line : null;
}

/**
 * The line the plan read, carried over the plugin's own writes since it read it. Unchanged
 * when the note holds it as read, or when someone else changed the note after those writes.
 */
export function carryOver(app: App, path: string, current: string, at: StepRef): StepRef {
  const expected = at.expected;
  if (expected === undefined) return at;
  const history = turnsOf(app, path).history;
  const last = history.length - 1;
  if (last < 0 || history[last]?.after !== current || bare(linesWithEnds(current)[at.line]) === expected) return at;
  let first = last;
  while (bare(linesWithEnds((history[first] as WriteRecord).before)[at.line]) !== expected) {
    if (first === 0 || history[first - 1]?.after !== history[first]?.before) return at;
    first--;
  }
  let line: number | null = at.line;
  for (let i = first; i <= last && line !== null; i++) {
    const w = history[i] as WriteRecord;
    line = mapLine(linesWithEnds(w.before), linesWithEnds(w.after), line);
  }
  const now = line === null ? undefined : bare(linesWithEnds(current)[line]);
  return line === null || now === undefined ? at : { line, expected: now };
}
