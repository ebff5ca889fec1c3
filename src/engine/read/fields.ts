/**
 * Reads the fields of a task line in both formats at once: the Tasks plugin's emoji
 * (`📅 2026-12-01`) and Dataview's inline fields (`[due:: 2026-12-01]`, `(due:: …)`).
 * A field may stand anywhere after the checkbox; when one is given twice the leftmost wins.
 * One pass over the characters; no regular expressions, no Date objects.
 */
import { BAD_DAY, NO_DAY, parseDay, parseDayAt, type Day } from '../days/dates';
import { codeSpans, FieldSearches } from './line-search';
import { findIn } from './text';
import { cutText, isTrimSpace } from './step-text';
import type { DatePlaces } from './compact';
import { readWeight } from './numbers';


// One search per closing mark, reused from line to line (reading is not re-entrant).
const SEARCHES = new FieldSearches();

/** Lets the searches forget the last note's text once a note is read (see `FieldSearches.release`). */
export function releaseSearches(): void {
  SEARCHES.release();
}
export const enum DateField {
  Due = 0,
  Scheduled = 1,
  Start = 2,
  Created = 3,
  Done = 4,
  Cancelled = 5,
}
export const DATE_FIELD_NAMES = ['due', 'scheduled', 'start', 'created', 'done', 'cancelled'] as const;

export interface LineFields {
  due: Day;
  scheduled: Day;
  start: Day;
  created: Day;
  done: Day;
  cancelled: Day;
  /** Estimated effort in minutes, 0 when absent. */
  estimate: number;
  /** `[weight:: n]`, 1 when absent or not a valid weight. */
  weight: number;
  /** The text of a `[weight:: …]` that is not a positive number up to `MAX_WEIGHT`, else null. */
  badWeight: string | null;
  help: boolean;
  /** The text without the marker, checkbox and the fields named in the spec. */
  text: string;
  /**
   * Where `text` lies in the line (`[textFrom, textTo)`) when it is one piece of it, as in
   * `Call Bob 📅 2026-12-01`; -1 when it is not (fields in the middle, runs of spaces) or empty.
   */
  textFrom: number;
  textTo: number;
  /** Names of date fields whose value was not a real date. */
  badDates: string[] | null;
  /** The raw targets of links on the line (`Note`, `Note#Heading`, `folder/Note.md`), code spans excepted. */
  links: string[] | null;
  /** The step's id (`🆔 abc`, `[id:: abc]`), the leftmost one, or null. */
  id: string | null;
  /** The ids it depends on (`⛔ a,b`, `[dependsOn:: a,b]`), the leftmost field's, or null. */
  dependsOn: string[] | null;
}

const enum Kind {
  Date,
  Estimate,
  Priority,
  Recurrence,
  Token,
  Tokens,
}

export interface EmojiField {
  /** The field's name in edits: `due`, `priority`, `recurrence`, `id`, `dependsOn`, … */
  name: string;
  kind: Kind;
  date?: DateField;
}

/** Emoji by code point. */
export const EMOJI = new Map<number, EmojiField>([
  [0x1f4c5, { name: 'due', kind: Kind.Date, date: DateField.Due }], // 📅
  [0x1f4c6, { name: 'due', kind: Kind.Date, date: DateField.Due }], // 📆
  [0x1f5d3, { name: 'due', kind: Kind.Date, date: DateField.Due }], // 🗓
  [0x23f3, { name: 'scheduled', kind: Kind.Date, date: DateField.Scheduled }], // ⏳
  [0x231b, { name: 'scheduled', kind: Kind.Date, date: DateField.Scheduled }], // ⌛
  [0x1f6eb, { name: 'start', kind: Kind.Date, date: DateField.Start }], // 🛫
  [0x2795, { name: 'created', kind: Kind.Date, date: DateField.Created }], // ➕
  [0x2705, { name: 'done', kind: Kind.Date, date: DateField.Done }], // ✅
  [0x274c, { name: 'cancelled', kind: Kind.Date, date: DateField.Cancelled }], // ❌
  [0x23f1, { name: 'estimate', kind: Kind.Estimate }], // ⏱
  [0x1f53a, { name: 'priority', kind: Kind.Priority }], // 🔺
  [0x23eb, { name: 'priority', kind: Kind.Priority }], // ⏫
  [0x1f53c, { name: 'priority', kind: Kind.Priority }], // 🔼
  [0x1f53d, { name: 'priority', kind: Kind.Priority }], // 🔽
  [0x23ec, { name: 'priority', kind: Kind.Priority }], // ⏬
  [0x1f501, { name: 'recurrence', kind: Kind.Recurrence }], // 🔁
  [0x1f3c1, { name: 'onCompletion', kind: Kind.Token }], // 🏁 on completion
  [0x1f194, { name: 'id', kind: Kind.Token }], // 🆔
  [0x26d4, { name: 'dependsOn', kind: Kind.Tokens }], // ⛔
]);

/**
 * Dataview keys (lower case) the engine reads or hides from a step's text. A Map, not an object:
 * `[constructor:: x]` is a field of the note, not a property every object has.
 */
export const DATAVIEW_DATE: ReadonlyMap<string, DateField> = new Map([
  ['due', DateField.Due],
  ['scheduled', DateField.Scheduled],
  ['start', DateField.Start],
  ['created', DateField.Created],
  ['completion', DateField.Done],
  ['cancelled', DateField.Cancelled],
]);
export const DATAVIEW_HIDDEN = new Set(['priority', 'repeat', 'id', 'dependson', 'oncompletion', 'weight', 'estimate']);

const SPACE = 32, TAB = 9;
const NO_SPANS: number[] = [];
/** An estimate longer than this (`1.5h` is 4) is not one; keeps `⏱⏱⏱…` runs linear. */
export const MAX_ESTIMATE_LENGTH = 24;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Estimate text like `30m`, `2h`, `3d`, `1w`, `1.5h` in minutes; 0 when not one. */
export function parseEstimate(value: string): number {
  const s = value.trim();
  if (s.length < 2) return 0;
  const unit = s.charCodeAt(s.length - 1) | 0x20;
  const n = Number(s.slice(0, -1));
  if (!Number.isFinite(n) || n <= 0) return 0;
  switch (unit) {
    case 109: return Math.round(n); // m
    case 104: return Math.round(n * 60); // h
    case 100: return Math.round(n * 480); // d: a working day of 8 hours
    case 119: return Math.round(n * 2400); // w: five working days
    default: return 0;
  }
}

/** An estimate in minutes as whole working days: hours and minutes round up to 8-hour days; none is 1. */
export function workingDaysOf(minutes: number): number {
  return minutes > 0 ? Math.max(1, Math.ceil(minutes / 480)) : 1;
}

export function isTagChar(c: number): boolean {
  // Letters, digits, `_`, `-`, `/` and anything outside ASCII (Obsidian allows Unicode tags).
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
    c === 95 || c === 45 || c === 47 || c > 127
  );
}

function isKeyChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 32;
}

/** End of the id when the `^` at `i` starts a block id that only spaces follow up to `to`, else -1. */
export function blockIdEnd(text: string, i: number, to: number): number {
  let e = i + 1;
  while (e < to) {
    const d = text.charCodeAt(e);
    if ((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 45) e++;
    else break;
  }
  let t = e;
  while (t < to && isSpace(text.charCodeAt(t))) t++;
  return e > i + 1 && t === to ? e : -1;
}

/** Where the key ends when the `[` or `(` at `i` opens a Dataview field (`[key::`), else -1. */
export function fieldKeyEnd(text: string, i: number, to: number): number {
  let k = i + 1;
  while (k < to && isKeyChar(text.charCodeAt(k))) k++;
  return k > i + 1 && text.charCodeAt(k) === 58 && text.charCodeAt(k + 1) === 58 ? k : -1;
}

/**
 * Links in code spans are not links (Obsidian shows them as code); fields there still count.
 * The spans of the line being read are found at its first `[`, if it has a backtick at all.
 */
let spans: number[] | null = null;
let span = 0;

function inCode(text: string, from: number, to: number, at: number): boolean {
  if (spans === null) {
    spans = findIn(text, '`', from, to) === -1 ? NO_SPANS : codeSpans(text, from, to);
    span = 0;
  }
  while (span < spans.length && (spans[span + 1] ?? 0) <= at) span += 2;
  return span < spans.length && (spans[span] ?? 0) <= at;
}

/**
 * What `readFields` found on a line, and the scratch it reads with. A reader of many lines (a
 * note) gives the same one for each, rather than a new result, array of dates, array of ranges
 * and closure per line. Each reading has its own, so readings may nest.
 */
export class LineReader implements LineFields, DatePlaces {
  due = NO_DAY;
  scheduled = NO_DAY;
  start = NO_DAY;
  created = NO_DAY;
  done = NO_DAY;
  cancelled = NO_DAY;
  estimate = 0;
  weight = 1;
  badWeight: string | null = null;
  help = false;
  text = '';
  textFrom = -1;
  textTo = -1;
  dueAt = -1;
  scheduledAt = -1;
  startAt = -1;
  doneAt = -1;
  badDates: string[] | null = null;
  links: string[] | null = null;
  id: string | null = null;
  dependsOn: string[] | null = null;
  /** Dates by `DateField` while reading. */
  readonly dates = new Int32Array(6);
  /** Where each date of `dates` stands in the line (its `YYYY-MM-DD`), or -1. */
  readonly places = new Int32Array(6);
  /** The fields found, as start/end pairs: what the text leaves out. */
  readonly ranges: number[] = [];
  rangeCount = 0;
  /** The help tag last asked for, and in lower case. */
  helpTag = '';
  help1 = '';
}

function hide(r: LineReader, start: number, end: number): void {
  r.ranges[r.rangeCount++] = start;
  r.ranges[r.rangeCount++] = end;
}

/**
 * The leftmost value of a date field wins; an impossible date is named once. `at` is where the
 * value's `YYYY-MM-DD` stands in the line, or -1.
 */
function setDate(r: LineReader, field: DateField, day: Day, at: number): void {
  if (r.dates[field] !== NO_DAY) return;
  if (day === BAD_DAY) (r.badDates ??= []).push(DATE_FIELD_NAMES[field]);
  r.dates[field] = day;
  r.places[field] = day > NO_DAY ? at : -1;
}

/** Skips a U+FE0F variation selector. */
export function skipVariation(text: string, i: number): number {
  return text.charCodeAt(i) === 0xfe0f ? i + 1 : i;
}

/**
 * Reads the fields of a task's text between `from` and `to` (the line after the checkbox).
 * `withText: false` skips building the step's display text (for problem checks). The result is
 * `into`, filled anew.
 */
export function readFields(text: string, from: number, to: number, helpTag: string, withText = true, into = new LineReader()): LineFields {
  const r = into;
  const dates = r.dates;
  const places = r.places;
  // Six stores: cheaper than two calls of `fill` per line.
  for (let f = 0; f < 6; f++) {
    dates[f] = NO_DAY;
    places[f] = -1;
  }
  r.badDates = null;
  r.rangeCount = 0;
  r.id = null;
  r.dependsOn = null;
  let estimate = 0;
  let weight = 1;
  let badWeight: string | null = null;
  let help = false;
  let links: string[] | null = null;
  if (r.helpTag !== helpTag) {
    r.helpTag = helpTag;
    r.help1 = helpTag.toLowerCase();
  }
  const help1 = r.help1;
  // One search per closing mark, so that a line of unclosed openers stays linear (line-search.ts).
  const { wikiClose, squareClose, roundClose, linkMiddle, linkClose, fieldMark } = SEARCHES.reset(text, to);
  spans = null;
  /** End of the run of non-blank characters that `estimateEnd` was found for. */
  let runEnd = -1;

  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    // Below U+2300 only `#`, `[`, `(` and `^` start something; no field sign is lower.
    if (c < 0x2300 && c !== 0x23 && c !== 0x5b && c !== 0x28 && c !== 0x5e) {
      i++;
      continue;
    }
    if (c === 0x23 /* # */) {
      if (help1.length > 1 && (i === from || isSpace(text.charCodeAt(i - 1)))) {
        let e = i + 1;
        while (e < to && isTagChar(text.charCodeAt(e))) e++;
        const tag = text.slice(i, e).toLowerCase();
        if (tag === help1 || tag.startsWith(help1 + '/')) help = true;
        i = e;
        continue;
      }
      i++;
      continue;
    }
    if (c === 0x5b /* [ */ || c === 0x28 /* ( */) {
      // [[wikilink]]
      const linkable = c === 0x28 || !inCode(text, from, to, i);
      if (c === 0x5b && text.charCodeAt(i + 1) === 0x5b && linkable) {
        const close = wikiClose.find(i + 2);
        if (close !== -1) {
          let target = text.slice(i + 2, close);
          const pipe = target.indexOf('|');
          if (pipe !== -1) target = target.slice(0, pipe);
          if (target.length > 0) (links ??= []).push(target.trim());
          i = close + 2;
          continue;
        }
      }
      // Dataview inline field.
      const k = fieldKeyEnd(text, i, to);
      if (k !== -1) {
        const close = (c === 0x5b ? squareClose : roundClose).find(k + 2);
        if (close !== -1) {
          const key = text.slice(i + 1, k).trim().toLowerCase();
          const value = text.slice(k + 2, close);
          const df = DATAVIEW_DATE.get(key);
          if (df !== undefined) {
            const day = parseDay(value);
            // The date starts the trimmed value: where `parseDay` read it, when it is all there.
            let at = k + 2;
            while (at < close && isTrimSpace(text.charCodeAt(at))) at++;
            setDate(r, df, day === NO_DAY ? (value.trim() === '' ? NO_DAY : BAD_DAY) : day, at + 10 <= close ? at : -1);
            hide(r, i, close + 1);
          } else if (DATAVIEW_HIDDEN.has(key)) {
            if (key === 'weight') {
              const w = readWeight(value);
              if (w !== null) weight = w;
              else badWeight ??= value.trim();
            } else if (key === 'estimate' && estimate === 0) {
              estimate = parseEstimate(value);
            } else if (key === 'id' || key === 'dependson') {
              setIdField(r, key === 'id' ? 'id' : 'dependsOn', value);
            }
            hide(r, i, close + 1);
          }
          i = close + 1;
          continue;
        }
      }
      // [text](target.md) markdown link.
      if (c === 0x5b && linkable) {
        const close = linkMiddle.find(i + 1);
        if (close !== -1) {
          const end = linkClose.find(close + 2);
          if (end !== -1) {
            const target = text.slice(close + 2, end).trim();
            if (target.length > 0 && !target.includes('://') && !target.startsWith('mailto:')) {
              (links ??= []).push(decodeLinkTarget(target));
            }
            i = end + 1;
            continue;
          }
        }
      }
      i++;
      continue;
    }
    if (c === 0x5e /* ^ */ && i > from && isSpace(text.charCodeAt(i - 1))) {
      // Block id at the end of the line.
      const e = blockIdEnd(text, i, to);
      if (e !== -1) {
        hide(r, i, e);
        i = e;
        continue;
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? c;
    const field = EMOJI.get(cp);
    if (field === undefined) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let j = skipVariation(text, i + (cp > 0xffff ? 2 : 1));
    switch (field.kind) {
      case Kind.Date: {
        let v = j;
        while (v < to && isSpace(text.charCodeAt(v))) v++;
        const day = v + 10 <= to ? parseDayAt(text, v) : NO_DAY;
        if (day === NO_DAY) {
          i = j;
          continue;
        }
        setDate(r, field.date ?? DateField.Due, day, v);
        j = v + 10;
        hide(r, start, j);
        break;
      }
      case Kind.Estimate: {
        let v = j;
        while (v < to && isSpace(text.charCodeAt(v))) v++;
        // The run of non-blanks is found once, not again for each `⏱` inside it.
        if (runEnd <= v) {
          runEnd = v;
          while (runEnd < to && !isSpace(text.charCodeAt(runEnd))) runEnd++;
        }
        const e = runEnd;
        const minutes = e - v <= MAX_ESTIMATE_LENGTH ? parseEstimate(text.slice(v, e)) : 0;
        if (minutes === 0) {
          i = j;
          continue;
        }
        if (estimate === 0) estimate = minutes;
        j = e;
        hide(r, start, j);
        break;
      }
      case Kind.Priority:
        hide(r, start, j);
        break;
      case Kind.Recurrence: {
        // Runs to the next field emoji or the end of the line.
        let e = j;
        while (e < to) {
          const d = text.codePointAt(e) ?? 0;
          if (d >= 0x2300 && EMOJI.has(d)) break;
          // An inline field in brackets or parentheses ends the rule too.
          if ((d === 0x5b || d === 0x28) && fieldMark.find(e) !== -1) break;
          e += d > 0xffff ? 2 : 1;
        }
        j = e;
        hide(r, start, j);
        break;
      }
      case Kind.Token:
      case Kind.Tokens: {
        let v = j;
        while (v < to && isSpace(text.charCodeAt(v))) v++;
        let e = v;
        while (e < to && !isSpace(text.charCodeAt(e))) e++;
        j = e;
        hide(r, start, j);
        if (e > v) setIdField(r, field.name, text.slice(v, e));
        break;
      }
    }
    i = j;
  }

  r.dueAt = r.places[DateField.Due] ?? -1;
  r.scheduledAt = r.places[DateField.Scheduled] ?? -1;
  r.startAt = r.places[DateField.Start] ?? -1;
  r.doneAt = r.places[DateField.Done] ?? -1;
  r.due = dates[DateField.Due] ?? NO_DAY;
  r.scheduled = dates[DateField.Scheduled] ?? NO_DAY;
  r.start = dates[DateField.Start] ?? NO_DAY;
  r.created = dates[DateField.Created] ?? NO_DAY;
  r.done = dates[DateField.Done] ?? NO_DAY;
  r.cancelled = dates[DateField.Cancelled] ?? NO_DAY;
  r.estimate = estimate;
  r.weight = weight;
  r.badWeight = badWeight;
  r.help = help;
  r.links = links;
  if (withText) r.text = cutText(text, from, to, r.ranges, r.rangeCount, r);
  else {
    r.text = '';
    r.textFrom = r.textTo = -1;
  }
  return r;
}

/** The ids of a dependency field's value: split at commas, trimmed, empty ones left out. */
export function idList(value: string): string[] | null {
  const out: string[] = [];
  for (const part of value.split(',')) {
    const id = part.trim();
    if (id !== '') out.push(id);
  }
  return out.length > 0 ? out : null;
}

/** Notes the value of an id or dependency field, the leftmost of each kind winning. */
function setIdField(r: LineReader, name: string, value: string): void {
  if (name === 'id') {
    const id = value.trim();
    if (r.id === null && id !== '') r.id = id;
  } else if (name === 'dependsOn' && r.dependsOn === null) {
    r.dependsOn = idList(value);
  }
}

function decodeLinkTarget(target: string): string {
  let t = target;
  if (t.startsWith('<') && t.endsWith('>')) t = t.slice(1, -1);
  try {
    return decodeURIComponent(t);
  } catch {
    return t;
  }
}
