/**
 * Where things stand on one task line: the checkbox, each field with the exact range of its
 * bytes, and a trailing block id. Edits change only the ranges they own, so everything else on
 * the line (tags, links, unknown fields of other plugins, spacing) stays as it was.
 * Reads the line through the tokenizer `readFields` reads it with (`line-tokens.ts`).
 */
import { listMarkerAt } from './blocks';
import { SignKind, type EmojiField } from './field-signs';
import { isBlockIdChar, LineTokens, Token } from './line-tokens';

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
  const t = new LineTokens().reset(text, from, to);
  while (t.next()) {
    if (t.kind === Token.BlockId) blockIdFrom = t.start;
    else if (t.kind === Token.Field) fields.push(inlineField(text, t));
    else if (t.kind === Token.Sign && t.sign !== null) fields.push(signField(t.sign, text, t));
  }
  return { fields, blockIdFrom };
}

/** A Dataview field, its key lower-cased (and named as edits name it), its value trimmed. */
function inlineField(text: string, t: LineTokens): FieldAnchor {
  const key = text.slice(t.start + 1, t.keyEnd).trim().toLowerCase();
  const close = t.end - 1;
  let v = t.keyEnd + 2;
  while (v < close && isSpace(text.charCodeAt(v))) v++;
  let ve = close;
  while (ve > v && isSpace(text.charCodeAt(ve - 1))) ve--;
  const bracket = text.charCodeAt(t.start) === 0x5b;
  return { name: DATAVIEW_NAMES[key] ?? key, format: bracket ? 'dataview-bracket' : 'dataview-paren', sign: null, from: t.start, to: t.end, valueFrom: v, valueTo: ve };
}

/** A Tasks field; a recurrence rule ends where its trimmed value does. */
function signField(field: EmojiField, text: string, t: LineTokens): FieldAnchor {
  const to = field.kind === SignKind.Recurrence ? t.valueTo : t.end;
  return { name: field.name, format: 'tasks', sign: String.fromCodePoint(t.signCode), from: t.start, to, valueFrom: t.valueFrom, valueTo: t.valueTo };
}

/** The first field of a name, or undefined. */
export function fieldNamed(anchor: LineAnchor, name: string): FieldAnchor | undefined {
  return anchor.fields.find((f) => f.name === name);
}
