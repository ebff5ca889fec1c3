/**
 * Reading one note into the engine's model: `readNote(path, text, frontmatter)`. Pure, never
 * throws, keeps no reference to the note's text.
 */
import { BAD_DAY, NO_DAY } from '../days/dates';
import { compactOf } from './compact';
import { Step, statusIndex } from './step';
import { copyOf, findIn, own } from './text';
import { LineReader, readFields, releaseSearches } from './fields';
import { isGoalNote, readGoalMeta, type FrontmatterInput, type RawFrontmatter } from './frontmatter';
import { editorLines } from './lines';
import { scanMarkdown, type Scan } from './markdown';
import { badWeightProblem, unclosedFrontmatter, unclosedGoal } from './note-problems';
import type { EngineOptions, HeadingData, NoteData, Problem, StepData } from '../types';

export function basenameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  const name = slash === -1 ? path : path.slice(slash + 1);
  return name.toLowerCase().endsWith('.md') ? name.slice(0, -3) : name;
}

/**
 * Scratch arrays reused from note to note: two new typed arrays per note made reading the
 * 10 MB benchmark vault 10-30 % slower (medians). A read takes the ones it needs out of this
 * pool and gives them back when done with them, so a read that starts during another gets
 * arrays of its own (and one that throws merely leaves the pool smaller).
 */
const spare: Int32Array[] = [];

/** Line readers reused from note to note, taken out while in use like the arrays above. */
const readers: LineReader[] = [];

/** A scratch array of at least `size` entries, the first `size` set to `value`. */
function takeScratch(size: number, value: number): Int32Array {
  let a = spare.pop();
  if (a === undefined || a.length < size) a = new Int32Array(Math.max(size, 256, 2 * (a?.length ?? 0)));
  a.fill(value, 0, size);
  return a;
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
  const raw = rawFrontmatter(text, scan);
  // A `---` that never closes is no frontmatter to Obsidian; a would-be goal says so (SPEC 1.1).
  const unclosed = raw === null ? unclosedFrontmatter(text) : null;
  const goal =
    unclosed !== null
      ? isGoalNote(path, 'unreadable', unclosed, options) ? unclosedGoal(path, basename, problems) : null
      : isGoalNote(path, frontmatter, raw, options) ? readGoalMeta(path, basename, frontmatter, raw, problems) : null;

  const headings: HeadingData[] = scan.headings.map((h) => ({ line: h.line, level: h.level, text: own(h.heading) }));

  const steps: StepData[] = [];
  /** Step index of each list item (by position in scan.items), -1 for plain items. */
  const stepOfItem = takeScratch(scan.items.length, -1);
  /** The first (outermost) item on each line, +1 (0 = none): parents are found by line. */
  const itemOnLine = takeScratch(scan.lineCount + 1, 0);
  let section = -1;
  let nextHeading = 0;
  const items = scan.items;
  const reader = readers.pop() ?? new LineReader();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === undefined) continue;
    if (itemOnLine[item.line] === 0) itemOnLine[item.line] = i + 1;
    if (item.task === null) continue;
    while (nextHeading < headings.length && (headings[nextHeading]?.line ?? Infinity) <= item.line) {
      section = nextHeading;
      nextHeading++;
    }
    // The nearest task above it in the list structure; plain bullets are transparent.
    let parent = -1;
    let p = item.parent;
    while (p >= 0) {
      const pi = (itemOnLine[p] ?? 0) - 1;
      if (pi === -1) break;
      const s = stepOfItem[pi] ?? -1;
      if (s !== -1) {
        parent = s;
        break;
      }
      p = items[pi]?.parent ?? -1;
    }
    const f = readFields(text, item.textStart, item.lineEnd, options.helpTag, withText, reader);
    if (f.badWeight !== null) problems.push(badWeightProblem(path, item.line, f.badWeight));
    if (f.badDates !== null) {
      for (const name of f.badDates) {
        problems.push({ path, line: item.line, severity: 'error', code: 'bad-date', message: `The ${name} date is not a real calendar date.` });
      }
    }
    // The line is kept for edits as what surrounds the text: most lines are a marker, the text
    // and then fields, so the text is not stored twice. Otherwise the whole line is kept.
    let head = '';
    let tail: string | null = '';
    if (withText) {
      // The field reader says where the text lies when it is one piece of the line (most lines).
      const at = f.textFrom !== -1 ? f.textFrom : findIn(text, f.text, item.textStart, item.lineEnd);
      if (at === -1) {
        head = compactOf(text, item.lineStart, item.lineEnd, reader);
        tail = null;
      } else {
        const end = at + f.text.length;
        head = headOf(text, item.lineStart, at);
        tail = end === item.lineEnd ? '' : compactOf(text, end, item.lineEnd, reader);
      }
    }
    stepOfItem[i] = steps.length;
    steps.push(
      new Step(
        item.line,
        parent,
        steps.length + 1,
        section,
        statusIndex(item.task),
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
      ),
    );
  }
  // Given back in reverse, so the next read takes each array for the same use again.
  spare.push(itemOnLine, stepOfItem);
  // Links and a bad weight are slices of the note: a reader kept for the next read lets them go.
  reader.links = null;
  reader.badWeight = null;
  reader.id = null;
  reader.dependsOn = null;
  readers.push(reader);
  releaseSearches();
  // Subtrees are contiguous: a step's range ends where its last descendant's does.
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i] as StepData;
    if (s.parent >= 0) {
      const p = steps[s.parent] as StepData;
      if (s.end > p.end) p.end = s.end;
    }
  }
  // A copy of exactly its length: a list grown by pushing keeps room for more (~17 bytes a list item).
  return { path, basename, headings, steps: steps.slice(), goal, problems };
}
