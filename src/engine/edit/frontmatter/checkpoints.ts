/**
 * Checkpoint entries edited line by line (SPEC 2.6, 6): a review written into entry i, a new
 * entry inserted in date order. Only block sequences of block maps are edited here; any other
 * shape is declined so the full YAML writer takes over.
 */
import { isDay, parseDay } from '../../days/dates';
import {
  applyLineEdits,
  frontmatterLines,
  indentOf,
  isFiller,
  keyAt,
  needsFallback,
  refuse,
  replaceInLine,
  topKeys,
  valueSpan,
  yamlString,
  type EditResult,
  type FrontmatterLines,
  type Line,
  type LineEdit,
  type ValueSpan,
} from './lines';

interface EntryKey {
  key: string;
  /** Index in the frontmatter lines. */
  at: number;
  value: ValueSpan;
  /** Its value goes on over the next lines. */
  multiline: boolean;
}

interface Entry {
  /** Index of the `- ` line. */
  at: number;
  /** Index of its last key or value line. */
  last: number;
  /** Column of its keys. */
  col: number;
  keys: EntryKey[];
}

interface Sequence {
  /** Index of the `checkpoints:` line. */
  keyAt: number;
  dashCol: number;
  entries: Entry[];
}

type Parsed = { fm: FrontmatterLines; seq: Sequence | null } | EditResult;

/** Reads the `checkpoints` block sequence; null when the key is absent or empty. */
function parse(text: string): Parsed {
  const fm = frontmatterLines(text);
  if (fm === null) return needsFallback('the note has no frontmatter');
  const keys = topKeys(fm);
  if (typeof keys === 'string') return needsFallback(keys);
  const found = keys.filter((k) => k.key === 'checkpoints');
  if (found.length > 1) return needsFallback('"checkpoints" is given twice');
  const top = found[0];
  if (top === undefined) return { fm, seq: null };
  if (top.value.kind !== 'empty') return needsFallback('checkpoints are not a block list');
  const seq: Sequence = { keyAt: top.at, dashCol: -1, entries: [] };
  let current: Entry | null = null;
  for (let i = top.at + 1; i <= top.last; i++) {
    const text = (fm.lines[i] as Line).text;
    if (isFiller(text)) continue;
    const indent = indentOf(text);
    if (text.charAt(indent) === '-' && (text.length === indent + 1 || text.charAt(indent + 1) === ' ')) {
      if (seq.dashCol === -1) seq.dashCol = indent;
      if (indent === seq.dashCol) {
        const col = indent + 1 + indentOf(text.slice(indent + 1));
        const k = keyAt(text, col);
        if (k === null) return needsFallback('a checkpoint entry that does not start with "key: value" on its dash line');
        current = { at: i, last: i, col, keys: [] };
        seq.entries.push(current);
        const value = valueSpan(text, k.colon);
        current.keys.push({ key: k.key, at: i, value, multiline: false });
        continue;
      }
    }
    if (current === null) return needsFallback('checkpoints hold something other than entries');
    if (indent < current.col) return needsFallback('an entry line out of its indentation');
    if (indent === current.col) {
      const k = keyAt(text, indent);
      if (k === null) return needsFallback('a checkpoint line that is not "key: value"');
      current.keys.push({ key: k.key, at: i, value: valueSpan(text, k.colon), multiline: false });
    } else {
      const last = current.keys[current.keys.length - 1];
      if (last !== undefined) last.multiline = true;
    }
    current.last = i;
  }
  for (const e of seq.entries) {
    for (const k of e.keys) {
      if (k.value.kind === 'other') return needsFallback(`the checkpoint key "${k.key}" has a flow, anchored, tagged or block value`);
    }
    const names = e.keys.map((k) => k.key);
    if (new Set(names).size !== names.length) return needsFallback('a checkpoint entry gives a key twice');
  }
  return { fm, seq: seq.entries.length === 0 ? null : seq };
}

function isParsed(p: Parsed): p is { fm: FrontmatterLines; seq: Sequence | null } {
  return 'fm' in p;
}

export interface ReviewValues {
  progress: number;
  feeling: number;
  /** Omitted or null: the entry's note is left alone. */
  note?: string | null;
  /** `YYYY-MM-DD`. */
  reviewed: string;
}

/** The checkpoint a review was opened on: where it was and what it said then (SPEC 2.6). */
export interface ReviewTarget {
  /** Its place in the frontmatter list when the review was opened. */
  index: number;
  /** Its date, `YYYY-MM-DD`; without it, the entry at `index` is taken as it is. */
  date?: string;
  /** Whether it had been reviewed then: a review written meanwhile is not overwritten. */
  reviewed?: boolean;
}

/** Whether an entry has a `reviewed` value. */
function hasReview(fm: FrontmatterLines, e: Entry): boolean {
  const k = e.keys.find((x) => x.key === 'reviewed');
  return k !== undefined && k.value.kind !== 'empty' && (fm.lines[k.at] as Line).text.slice(k.value.from, k.value.to).replace(/^["']|["']$/g, '').trim() !== '';
}

/** The entry a review goes into: the one at its place when it still has its date, else the first with that date. */
function reviewedEntry(fm: FrontmatterLines, seq: Sequence | null, target: ReviewTarget): Entry | string {
  const atPlace = seq?.entries[target.index];
  if (target.date === undefined) return atPlace ?? `there is no checkpoint number ${target.index + 1}`;
  const day = parseDay(target.date);
  const dated = (e: Entry | undefined): boolean => e !== undefined && entryDate(fm, e) === day;
  const entry = dated(atPlace) ? atPlace : seq?.entries.find(dated);
  if (entry === undefined) return `the note has no checkpoint dated ${target.date} any more`;
  if (target.reviewed === false && hasReview(fm, entry)) return `the checkpoint of ${target.date} was reviewed meanwhile`;
  return entry;
}

/** Writes a review into the checkpoint entry it was opened on. */
export function recordReview(text: string, target: ReviewTarget, values: ReviewValues): EditResult {
  const p = parse(text);
  if (!isParsed(p)) return p;
  const { fm, seq } = p;
  const entry = reviewedEntry(fm, seq, target);
  if (typeof entry === 'string') return refuse(entry);
  const writes: [string, string][] = [
    ['progress', String(values.progress)],
    ['feeling', String(values.feeling)],
  ];
  if (values.note !== undefined && values.note !== null) writes.push(['note', yamlString(values.note)]);
  writes.push(['reviewed', values.reviewed]);
  const edits: LineEdit[] = [];
  const added: string[] = [];
  const afterLast = fm.lines[entry.last] as Line;
  const eol = text.slice(afterLast.end, afterLast.next) || fm.eol;
  for (const [key, value] of writes) {
    const k = entry.keys.find((x) => x.key === key);
    if (k === undefined) {
      added.push(`${' '.repeat(entry.col)}${key}: ${value}${eol}`);
      continue;
    }
    if (k.multiline) return needsFallback(`the checkpoint's "${key}" goes on over several lines`);
    const line = fm.lines[k.at] as Line;
    const written = k.value.kind === 'empty' ? ` ${value}` : value;
    edits.push({ line: line.no, remove: 1, insert: [replaceInLine(text, line, k.value.from, k.value.to, written)] });
  }
  if (added.length > 0) edits.push({ line: afterLast.no + 1, remove: 0, insert: added });
  return applyLineEdits(text, edits);
}

export interface NewCheckpoint {
  /** `YYYY-MM-DD`. */
  date: string;
  label?: string | null;
  expect?: number | null;
}

/** The lines of a new entry. */
function entryLines(cp: NewCheckpoint, dashCol: number, keyCol: number, eol: string): string[] {
  const out = [`${' '.repeat(dashCol)}-${' '.repeat(Math.max(1, keyCol - dashCol - 1))}date: ${cp.date}${eol}`];
  const pad = ' '.repeat(keyCol);
  if (cp.label !== undefined && cp.label !== null && cp.label !== '') out.push(`${pad}label: ${yamlString(cp.label)}${eol}`);
  if (cp.expect !== undefined && cp.expect !== null) out.push(`${pad}expect: ${cp.expect}${eol}`);
  return out;
}

/** The date of an entry as written on its `date:` line, or null. */
function entryDate(fm: FrontmatterLines, e: Entry): number | null {
  const k = e.keys.find((x) => x.key === 'date');
  if (k === undefined) return null;
  let raw = (fm.lines[k.at] as Line).text.slice(k.value.from, k.value.to);
  if (k.value.kind === 'double' || k.value.kind === 'single') raw = raw.slice(1, -1);
  const day = parseDay(raw);
  return isDay(day) ? day : null;
}

/** Where a checkpoint dated `day` goes among entries with these dates (null: unreadable). */
export function insertionIndex(dates: (number | null)[], day: number): number {
  const at = dates.findIndex((d) => d !== null && d > day);
  return at === -1 ? dates.length : at;
}

/** Adds a checkpoint entry in date order (after entries of the same day). */
export function addCheckpoint(text: string, cp: NewCheckpoint): EditResult {
  const day = parseDay(cp.date);
  if (!isDay(day)) return refuse(`"${cp.date}" is not a date (YYYY-MM-DD)`);
  const p = parse(text);
  if (!isParsed(p)) return p;
  const { fm, seq } = p;
  if (seq === null) {
    const keys = topKeys(fm);
    const top = typeof keys === 'string' ? undefined : keys.find((k) => k.key === 'checkpoints');
    const lines = entryLines(cp, 2, 4, fm.eol);
    if (top === undefined) return applyLineEdits(text, [{ line: fm.closeLine, remove: 0, insert: [`checkpoints:${fm.eol}`, ...lines] }]);
    const keyLine = fm.lines[top.at] as Line;
    return applyLineEdits(text, [{ line: keyLine.no + 1, remove: 0, insert: lines }]);
  }
  const first = seq.entries[0] as Entry;
  const eol = text.slice((fm.lines[first.at] as Line).end, (fm.lines[first.at] as Line).next) || fm.eol;
  const lines = entryLines(cp, seq.dashCol, first.col, eol);
  const k = insertionIndex(seq.entries.map((e) => entryDate(fm, e)), day);
  const at = k === 0 ? (fm.lines[first.at] as Line).no : (fm.lines[(seq.entries[k - 1] as Entry).last] as Line).no + 1;
  return applyLineEdits(text, [{ line: at, remove: 0, insert: lines }]);
}
