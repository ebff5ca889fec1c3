/**
 * Reads the fields of a task line in both formats at once: the Tasks plugin's emoji
 * (`📅 2026-12-01`) and Dataview's inline fields (`[due:: 2026-12-01]`, `(due:: …)`).
 * A field may stand anywhere after the checkbox; when one is given twice the leftmost wins.
 * The line is read through the one tokenizer (`line-tokens.ts`) the edit anchor reads it with.
 */
import { BAD_DAY, NO_DAY, parseDay, type Day } from '../days/dates';
import { DATAVIEW_DATE, DATE_FIELD_NAMES, DateField, parseEstimate, SignKind } from './field-signs';
import { LineTokens, Token } from './line-tokens';
import { cutText, isTrimSpace } from './step-text';
import type { DatePlaces } from './compact';
import { readWeight } from './numbers';

/** Dataview keys (lower case) besides the dates that the reader hides from a step's text. */
export const DATAVIEW_HIDDEN = new Set(['priority', 'repeat', 'id', 'dependson', 'oncompletion', 'weight', 'estimate']);

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
  /** The tokenizer of the lines, with its searches. */
  readonly tokens = new LineTokens();
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

/**
 * Reads the fields of a task's text between `from` and `to` (the line after the checkbox).
 * `withText: false` skips building the step's display text (for problem checks). The result is
 * `into`, filled anew.
 */
export function readFields(text: string, from: number, to: number, helpTag: string, withText = true, into = new LineReader()): LineFields {
  const r = into;
  startLine(r, helpTag);
  const t = r.tokens.reset(text, from, to);
  while (t.next()) {
    switch (t.kind) {
      case Token.Tag: readTag(r, text, t); break;
      case Token.WikiLink: readWikiLink(r, text, t); break;
      case Token.Field: readInlineField(r, text, t); break;
      case Token.Link: readMarkdownLink(r, text, t); break;
      case Token.BlockId: hide(r, t.start, t.end); break;
      case Token.Sign: readSign(r, text, t); break;
    }
  }
  finishLine(r);
  if (withText) r.text = cutText(text, from, to, r.ranges, r.rangeCount, r);
  else {
    r.text = '';
    r.textFrom = r.textTo = -1;
  }
  return r;
}

/** Empties the reader for a new line. */
function startLine(r: LineReader, helpTag: string): void {
  // Six stores: cheaper than two calls of `fill` per line.
  for (let f = 0; f < 6; f++) {
    r.dates[f] = NO_DAY;
    r.places[f] = -1;
  }
  r.badDates = null;
  r.rangeCount = 0;
  r.id = null;
  r.dependsOn = null;
  r.estimate = 0;
  r.weight = 1;
  r.badWeight = null;
  r.help = false;
  r.links = null;
  if (r.helpTag !== helpTag) {
    r.helpTag = helpTag;
    r.help1 = helpTag.toLowerCase();
  }
}

/** The dates read, and where they stand, as the result's fields. */
function finishLine(r: LineReader): void {
  const { dates, places } = r;
  r.dueAt = places[DateField.Due] ?? -1;
  r.scheduledAt = places[DateField.Scheduled] ?? -1;
  r.startAt = places[DateField.Start] ?? -1;
  r.doneAt = places[DateField.Done] ?? -1;
  r.due = dates[DateField.Due] ?? NO_DAY;
  r.scheduled = dates[DateField.Scheduled] ?? NO_DAY;
  r.start = dates[DateField.Start] ?? NO_DAY;
  r.created = dates[DateField.Created] ?? NO_DAY;
  r.done = dates[DateField.Done] ?? NO_DAY;
  r.cancelled = dates[DateField.Cancelled] ?? NO_DAY;
}

/** The help tag (`#help`, `#help/…`) marks a step that needs help. */
function readTag(r: LineReader, text: string, t: LineTokens): void {
  if (r.help1.length <= 1 || r.help) return;
  const tag = text.slice(t.start, t.end).toLowerCase();
  if (tag === r.help1 || tag.startsWith(r.help1 + '/')) r.help = true;
}

function readWikiLink(r: LineReader, text: string, t: LineTokens): void {
  let target = text.slice(t.start + 2, t.end - 2);
  const pipe = target.indexOf('|');
  if (pipe !== -1) target = target.slice(0, pipe);
  if (target.length > 0) (r.links ??= []).push(target.trim());
}

function readMarkdownLink(r: LineReader, text: string, t: LineTokens): void {
  const target = text.slice(t.middle + 2, t.end - 1).trim();
  if (target.length > 0 && !target.includes('://') && !target.startsWith('mailto:')) {
    (r.links ??= []).push(decodeLinkTarget(target));
  }
}

/** A Dataview field: a date, or one of the hidden keys; other keys stay in the text. */
function readInlineField(r: LineReader, text: string, t: LineTokens): void {
  const key = text.slice(t.start + 1, t.keyEnd).trim().toLowerCase();
  const close = t.end - 1;
  const value = text.slice(t.keyEnd + 2, close);
  const df = DATAVIEW_DATE.get(key);
  if (df !== undefined) {
    const day = parseDay(value);
    // The date starts the trimmed value: where `parseDay` read it, when it is all there.
    let at = t.keyEnd + 2;
    while (at < close && isTrimSpace(text.charCodeAt(at))) at++;
    setDate(r, df, day === NO_DAY ? (value.trim() === '' ? NO_DAY : BAD_DAY) : day, at + 10 <= close ? at : -1);
  } else if (!DATAVIEW_HIDDEN.has(key)) return;
  else if (key === 'weight') {
    const w = readWeight(value);
    if (w !== null) r.weight = w;
    else r.badWeight ??= value.trim();
  } else if (key === 'estimate' && r.estimate === 0) r.estimate = parseEstimate(value);
  else if (key === 'id' || key === 'dependson') setIdField(r, key === 'id' ? 'id' : 'dependsOn', value);
  hide(r, t.start, t.end);
}

/** A Tasks field sign with its value. */
function readSign(r: LineReader, text: string, t: LineTokens): void {
  const field = t.sign;
  if (field === null) return;
  if (field.kind === SignKind.Date) setDate(r, field.date ?? DateField.Due, t.day, t.valueFrom);
  else if (field.kind === SignKind.Estimate) {
    if (r.estimate === 0) r.estimate = t.minutes;
  } else if ((field.kind === SignKind.Token || field.kind === SignKind.Tokens) && t.valueTo > t.valueFrom) {
    setIdField(r, field.name, text.slice(t.valueFrom, t.valueTo));
  }
  hide(r, t.start, t.end);
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
