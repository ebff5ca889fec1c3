/**
 * Where things stand on one task line: the checkbox, each field with the exact range of its
 * bytes, and a trailing block id. Edits change only the ranges they own, so everything else on
 * the line (tags, links, unknown fields of other plugins, spacing) stays as it was.
 * Reads fields the way `readFields` does (the same emoji table and Dataview keys).
 */
import { listMarkerAt } from './blocks';
import { blockIdEnd, DATAVIEW_DATE, EMOJI, fieldKeyEnd, isTagChar, MAX_ESTIMATE_LENGTH, parseEstimate, skipVariation } from './fields';
import { NO_DAY, parseDayAt } from '../days/dates';
import { FieldSearches, type Search } from './line-search';

export type FieldFormat = 'tasks' | 'dataview-bracket' | 'dataview-paren';

export interface FieldAnchor {
  /**
   * `due`, `scheduled`, `start`, `created`, `done`, `cancelled`, `estimate`, `priority`,
   * `recurrence`, `id`, `dependsOn`, `onCompletion`, `weight`, or another Dataview key lower-cased.
   */
  name: string;
  format: FieldFormat;
  /** The emoji as written (without a variation selector) in the Tasks format, else null. */
  sign: string | null;
  /** UTF-16 range of the whole field (sign or brackets included). */
  from: number;
  to: number;
  /** UTF-16 range of the value (for a priority: the sign itself). */
  valueFrom: number;
  valueTo: number;
}

export interface LineAnchor {
  raw: string;
  /** Everything before the list marker: spaces, tabs, and `>` of a block quote or callout. */
  indent: string;
  /** `-`, `*`, `+`, `1.` or `1)`. */
  marker: string;
  /** Column of the status character inside `[ ]`. */
  statusCol: number;
  status: string;
  /** First column of the step's text after the checkbox and its spacing. */
  textStart: number;
  /** Fields, left to right. */
  fields: FieldAnchor[];
  blockId: string | null;
  /** Column of the `^` of a trailing block id, -1 when none. */
  blockIdFrom: number;
}

// One search per closing mark, reused from line to line (reading is not re-entrant).
const SEARCHES = new FieldSearches();

/** Dataview keys whose name in edits differs from the key. */
const DATAVIEW_NAMES: Record<string, string> = {
  completion: 'done',
  repeat: 'recurrence',
  dependson: 'dependsOn',
  oncompletion: 'onCompletion',
};

const SPACE = 32, TAB = 9;

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isBlockIdChar(d: number): boolean {
  return (d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 45;
}

function isDateName(name: string): boolean {
  return DATAVIEW_DATE.has(name === 'done' ? 'completion' : name);
}

/** The anchor of a task list item's line, or null when the line is not one. */
export function anchorLine(raw: string): LineAnchor | null {
  const end = raw.length;
  let p = 0;
  while (p < end) {
    const c = raw.charCodeAt(p);
    if (isSpace(c) || c === 62 /* > */) p++;
    else break;
  }
  const m = listMarkerAt(raw, p, end);
  if (m === null || m.after >= end) return null;
  let box = m.after;
  while (box < end && isSpace(raw.charCodeAt(box))) box++;
  if (raw.charCodeAt(box) !== 91 /* [ */ || box + 2 >= end || raw.charCodeAt(box + 2) !== 93 /* ] */) return null;
  const after = box + 3;
  if (after < end && !isSpace(raw.charCodeAt(after))) return null;
  let textStart = after;
  while (textStart < end && isSpace(raw.charCodeAt(textStart))) textStart++;
  const { fields, blockIdFrom } = scanFields(raw, textStart, end);
  let blockId: string | null = null;
  if (blockIdFrom !== -1) {
    let e = blockIdFrom + 1;
    while (e < end && isBlockIdChar(raw.charCodeAt(e))) e++;
    blockId = raw.slice(blockIdFrom + 1, e);
  }
  return {
    raw,
    indent: raw.slice(0, p),
    marker: raw.slice(p, m.after),
    statusCol: box + 1,
    status: raw.charAt(box + 1),
    textStart,
    fields,
    blockId,
    blockIdFrom,
  };
}

/** The fields between `from` and `to`, left to right, and the `^` of a trailing block id. */
export function scanFields(text: string, from: number, to: number): { fields: FieldAnchor[]; blockIdFrom: number } {
  const fields: FieldAnchor[] = [];
  let blockIdFrom = -1;
  // One search per closing mark keeps a line of unclosed openers linear (line-search.ts).
  const { wikiClose, squareClose, roundClose, linkMiddle, linkClose, fieldMark } = SEARCHES.reset(text, to);
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x23 /* # */ && (i === from || isSpace(text.charCodeAt(i - 1)))) {
      // A tag runs over what follows it without a space, as the reader skips it.
      i++;
      while (i < to && isTagChar(text.charCodeAt(i))) i++;
      continue;
    }
    if (c === 0x5b /* [ */ || c === 0x28 /* ( */) {
      if (c === 0x5b && text.charCodeAt(i + 1) === 0x5b) {
        const close = wikiClose.find(i + 2);
        if (close !== -1) {
          i = close + 2;
          continue;
        }
      }
      const k = fieldKeyEnd(text, i, to);
      if (k !== -1) {
        const close = (c === 0x5b ? squareClose : roundClose).find(k + 2);
        if (close !== -1) {
          const key = text.slice(i + 1, k).trim().toLowerCase();
          let v = k + 2;
          while (v < close && isSpace(text.charCodeAt(v))) v++;
          let ve = close;
          while (ve > v && isSpace(text.charCodeAt(ve - 1))) ve--;
          fields.push({
            name: DATAVIEW_NAMES[key] ?? key,
            format: c === 0x5b ? 'dataview-bracket' : 'dataview-paren',
            sign: null,
            from: i,
            to: close + 1,
            valueFrom: v,
            valueTo: ve,
          });
          i = close + 1;
          continue;
        }
      }
      if (c === 0x5b) {
        const close = linkMiddle.find(i + 1);
        if (close !== -1) {
          const e = linkClose.find(close + 2);
          if (e !== -1) {
            i = e + 1;
            continue;
          }
        }
      }
      i++;
      continue;
    }
    if (c === 0x5e /* ^ */ && i > from && isSpace(text.charCodeAt(i - 1))) {
      if (blockIdEnd(text, i, to) !== -1) {
        blockIdFrom = i;
        break;
      }
      i++;
      continue;
    }
    if (c < 0x2300) {
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? c;
    const width = cp > 0xffff ? 2 : 1;
    const emoji = EMOJI.get(cp);
    if (emoji === undefined) {
      i += width;
      continue;
    }
    const field = emojiField(text, i, to, emoji.name, String.fromCodePoint(cp), skipVariation(text, i + width), fieldMark);
    if (field === null) {
      i = skipVariation(text, i + width);
      continue;
    }
    fields.push(field);
    i = field.to;
  }
  return { fields, blockIdFrom };
}

/** One Tasks-format field whose sign (and variation selector) ends at `j`, or null when unread. */
function emojiField(text: string, start: number, to: number, name: string, sign: string, j: number, fieldMark: Search): FieldAnchor | null {
  const at = (valueFrom: number, valueTo: number, end = valueTo): FieldAnchor => ({
    name, format: 'tasks', sign, from: start, to: end, valueFrom, valueTo,
  });
  if (name === 'priority') return at(start, j);
  let v = j;
  while (v < to && isSpace(text.charCodeAt(v))) v++;
  if (isDateName(name)) {
    if (v + 10 > to || parseDayAt(text, v) === NO_DAY) return null;
    return at(v, v + 10);
  }
  if (name === 'recurrence') {
    // Runs to the next field sign or inline field, as the reader reads it.
    let e = v;
    while (e < to) {
      const d = text.codePointAt(e) ?? 0;
      if (d >= 0x2300 && EMOJI.has(d)) break;
      if ((d === 0x5b || d === 0x28) && fieldMark.find(e) !== -1) break;
      if (d === 0x5e && isSpace(text.charCodeAt(e - 1)) && trailingBlockId(text, e, to)) break;
      e += d > 0xffff ? 2 : 1;
    }
    while (e > v && isSpace(text.charCodeAt(e - 1))) e--;
    return at(v, e);
  }
  let e = v;
  // An estimate is short; a run of `⏱⏱⏱…` is not read to its end once per sign.
  const end = name === 'estimate' ? Math.min(to, v + MAX_ESTIMATE_LENGTH + 1) : to;
  while (e < end && !isSpace(text.charCodeAt(e))) e++;
  if (name === 'estimate' && (e - v > MAX_ESTIMATE_LENGTH || parseEstimate(text.slice(v, e)) === 0)) return null;
  return at(v, e);
}

function trailingBlockId(text: string, i: number, to: number): boolean {
  let e = i + 1;
  while (e < to && isBlockIdChar(text.charCodeAt(e))) e++;
  let t = e;
  while (t < to && isSpace(text.charCodeAt(t))) t++;
  return e > i + 1 && t === to;
}

/** The first field of a name, or undefined. */
export function fieldNamed(anchor: LineAnchor, name: string): FieldAnchor | undefined {
  return anchor.fields.find((f) => f.name === name);
}
