/**
 * Reading one note into the engine's model: `readNote(path, text, frontmatter)`. Pure, never
 * throws, keeps no reference to the note's text.
 */
import { BAD_DAY, NO_DAY } from '../days/dates';
import { compactOf } from './compact';
import { Step, statusIndex } from './step';
import { copyOf, findIn, own } from './text';
import { LineReader, readFields, type LineFields } from './fields';
import { isGoalNote, readGoalMeta, type FrontmatterInput, type RawFrontmatter } from './frontmatter';
import { editorLines } from './lines';
import { scanMarkdown, type Scan, type ScannedItem } from './markdown';
import { badWeightProblem, unclosedFrontmatter, unclosedGoal } from './note-problems';
import type { EngineOptions, HeadingData, NoteData, Problem, StepData } from '../types';

export function basenameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const name = slash === -1 ? path : path.slice(slash + 1);
  return name.toLowerCase().endsWith('.md') ? name.slice(0, -3) : name;
}

/** The usual starts of task lines by `headKey`, each kept once. */
const HEADS = new Map<number, string>();

/**
 * A number for the usual start of a task line, `text[from, to)`: an indent of tabs or of spaces,
 * `-`, `*` or `+`, a space, a checkbox with a printable ASCII character and a space; else -1.
 */
function headKey(text: string, from: number, to: number): number {
  let i = from;
  const first = text.charCodeAt(i);
  if (first === 9 || first === 32) while (i < to && text.charCodeAt(i) === first) i++;
  const indent = i - from;
  const marker = text.charCodeAt(i);
  const box = text.charCodeAt(i + 3);
  if (indent > 31 || i + 6 !== to || (marker !== 45 && marker !== 42 && marker !== 43) || box < 32 || box > 126) return -1;
  if (text.charCodeAt(i + 1) !== 32 || text.charCodeAt(i + 2) !== 91 || text.charCodeAt(i + 4) !== 93 || text.charCodeAt(i + 5) !== 32) return -1;
  return ((((first === 9 ? 1 : 0) * 32 + indent) * 64 + marker) * 128) + box;
}

/** What comes before a step's text (see `compactOf`); the usual starts are found without it. */
function headOf(text: string, from: number, to: number): string {
  const key = headKey(text, from, to);
  if (key === -1) return compactOf(text, from, to);
  let head = HEADS.get(key);
  if (head === undefined) {
    head = copyOf(text, from, to);
    HEADS.set(key, head);
  }
  return head;
}

/** The raw frontmatter block of a scanned note. */
export function rawFrontmatter(text: string, scan: Scan): RawFrontmatter | null {
  if (scan.frontmatter === null) return null;
  return { source: text.slice(scan.frontmatter.textStart, scan.frontmatter.textEnd), firstLine: scan.frontmatter.from };
}

/**
 * Reads a note. `frontmatter` is the parsed YAML (null when there is none, `'unreadable'` when
 * it cannot be parsed). `withText: false` leaves steps without their display text, for callers
 * that only look for problems (`action-plan check`).
 */
export function readNote(path: string, source: string, frontmatter: FrontmatterInput, options: EngineOptions, withText = true): NoteData {
  const text = editorLines(source);
  const problems: Problem[] = [];
  const basename = basenameOf(path);
  let scan: Scan;
  try {
    scan = scanMarkdown(text);
  } catch (e) {
    // The scanner is total by construction; this is the last line of defence.
    problems.push({ path, line: 0, severity: 'error', code: 'bad-frontmatter', message: `The note could not be read: ${String(e)}` });
    return { path, basename, headings: [], steps: [], goal: null, problems };
  }
  const goal = goalOf(path, basename, text, scan, frontmatter, options, problems);
  const headings: HeadingData[] = scan.headings.map((h) => ({ line: h.line, level: h.level, text: own(h.heading) }));
  const steps = readSteps({ path, text, scan, headings, helpTag: options.helpTag, withText, problems });
  return { path, basename, headings, steps, goal, problems };
}

/** The goal a note is, or null; a `---` that never closes is no frontmatter to Obsidian, and a would-be goal says so (SPEC 1.1). */
function goalOf(path: string, basename: string, text: string, scan: Scan, frontmatter: FrontmatterInput, options: EngineOptions, problems: Problem[]): NoteData['goal'] {
  const raw = rawFrontmatter(text, scan);
  const unclosed = raw === null ? unclosedFrontmatter(text) : null;
  if (unclosed !== null) return isGoalNote(path, 'unreadable', unclosed, options) ? unclosedGoal(path, basename, problems) : null;
  return isGoalNote(path, frontmatter, raw, options) ? readGoalMeta(path, basename, frontmatter, raw, problems) : null;
}

/** What reading the steps of one note needs. */
interface StepReading {
  path: string;
  text: string;
  scan: Scan;
  headings: readonly HeadingData[];
  helpTag: string;
  withText: boolean;
  problems: Problem[];
}

/** The task items of a scanned note as steps, each with its parent step, section and subtree end. */
function readSteps(r: StepReading): StepData[] {
  const { scan, headings } = r;
  const steps: StepData[] = [];
  /** Step index of each list item (by position in scan.items), -1 for plain items. */
  const stepOfItem = new Int32Array(scan.items.length).fill(-1);
  /** The first (outermost) item on each line, +1 (0 = none): parents are found by line. */
  const itemOnLine = new Int32Array(scan.lineCount + 1);
  let section = -1;
  let nextHeading = 0;
  const items = scan.items;
  const reader = new LineReader();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === undefined) continue;
    if (itemOnLine[item.line] === 0) itemOnLine[item.line] = i + 1;
    const task = item.task;
    if (task === null) continue;
    while (nextHeading < headings.length && (headings[nextHeading]?.line ?? Infinity) <= item.line) {
      section = nextHeading;
      nextHeading++;
    }
    const parent = parentStep(items, item.parent, itemOnLine, stepOfItem);
    stepOfItem[i] = steps.length;
    steps.push(readStep(r, item, task, reader, parent, steps.length + 1, section));
  }
  closeSubtrees(steps);
  // A copy of exactly its length: a list grown by pushing keeps room for more (~17 bytes a list item).
  return steps.slice();
}

/** The nearest task above an item in the list structure (by its parent's line); plain bullets are transparent. */
function parentStep(items: readonly ScannedItem[], parentLine: number, itemOnLine: Int32Array, stepOfItem: Int32Array): number {
  let p = parentLine;
  while (p >= 0) {
    const pi = (itemOnLine[p] ?? 0) - 1;
    if (pi === -1) return -1;
    const s = stepOfItem[pi] ?? -1;
    if (s !== -1) return s;
    p = items[pi]?.parent ?? -1;
  }
  return -1;
}

/** One task item as a step: its fields, its problems, and its line kept for edits. */
function readStep(r: StepReading, item: ScannedItem, task: string, reader: LineReader, parent: number, end: number, section: number): StepData {
  const { path, text, problems } = r;
  const f = readFields(text, item.textStart, item.lineEnd, r.helpTag, r.withText, reader);
  if (f.badWeight !== null) problems.push(badWeightProblem(path, item.line, f.badWeight));
  if (f.badDates !== null) {
    for (const name of f.badDates) {
      problems.push({ path, line: item.line, severity: 'error', code: 'bad-date', message: `The ${name} date is not a real calendar date.` });
    }
  }
  const { head, tail } = r.withText ? keptLine(text, item, f, reader) : { head: '', tail: '' };
  return new Step(
    item.line,
    parent,
    end,
    section,
    statusIndex(task),
    f.text,
    head,
    tail,
    f.due === BAD_DAY ? NO_DAY : f.due,
    f.scheduled === BAD_DAY ? NO_DAY : f.scheduled,
    f.start === BAD_DAY ? NO_DAY : f.start,
    f.done === BAD_DAY ? NO_DAY : f.done,
    f.estimate,
    f.weight,
    f.help,
    f.links === null ? null : f.links.map(own),
    f.id === null ? null : own(f.id),
    f.dependsOn === null ? null : f.dependsOn.map(own),
  );
}

/**
 * The line kept for edits as what surrounds the text: most lines are a marker, the text and
 * then fields, so the text is not stored twice. Otherwise the whole line is kept (`tail` null).
 */
function keptLine(text: string, item: ScannedItem, f: LineFields, dates: LineReader): { head: string; tail: string | null } {
  // The field reader says where the text lies when it is one piece of the line (most lines).
  const at = f.textFrom !== -1 ? f.textFrom : findIn(text, f.text, item.textStart, item.lineEnd);
  if (at === -1) return { head: compactOf(text, item.lineStart, item.lineEnd, dates), tail: null };
  const end = at + f.text.length;
  return { head: headOf(text, item.lineStart, at), tail: end === item.lineEnd ? '' : compactOf(text, end, item.lineEnd, dates) };
}

/** Subtrees are contiguous: a step's range ends where its last descendant's does. */
function closeSubtrees(steps: StepData[]): void {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i] as StepData;
    if (s.parent >= 0) {
      const p = steps[s.parent] as StepData;
      if (s.end > p.end) p.end = s.end;
    }
  }
}
