/**
 * Writing fields on a task line (SPEC 2.2): a new field takes the format of the line's first
 * field (else the chosen default), goes after the line's last non-blank character and before a
 * trailing block id; a field the line has gets its value replaced where it stands. One writer
 * per format; each changes only the bytes of the field it owns.
 */
import type { FieldAnchor, FieldFormat, LineAnchor } from '../read/anchor';
import type { WriteFormat } from './result';

/** The Tasks sign written for a new field. */
const TASKS_SIGN: Record<string, string> = {
  due: '📅',
  scheduled: '⏳',
  start: '🛫',
  created: '➕',
  done: '✅',
  cancelled: '❌',
  estimate: '⏱',
};

/** The Dataview key written for a new field. */
const DATAVIEW_KEY: Record<string, string> = { done: 'completion' };

/** The format a new field takes on this line. */
export function lineFormat(anchor: LineAnchor | null, fallback: WriteFormat): FieldFormat {
  const first = anchor?.fields[0];
  if (first !== undefined) return first.format;
  return fallback === 'tasks' ? 'tasks' : 'dataview-bracket';
}

/** One field as written in a format: `📅 2027-01-15`, `[due:: 2027-01-15]`, `(due:: …)`. */
export function formatField(name: string, value: string, format: FieldFormat): string {
  if (format === 'tasks') return `${TASKS_SIGN[name] ?? name} ${value}`;
  const key = DATAVIEW_KEY[name] ?? name;
  return format === 'dataview-bracket' ? `[${key}:: ${value}]` : `(${key}:: ${value})`;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Where a new field goes: after the last non-blank character, before a trailing block id. */
export function insertionPoint(anchor: LineAnchor): number {
  let at = anchor.blockIdFrom === -1 ? anchor.raw.length : anchor.blockIdFrom;
  while (at > 0 && isBlank(anchor.raw.charCodeAt(at - 1))) at--;
  return at;
}

/** A piece of a line to replace: `[from, to)` becomes `text`. */
export interface LineChange {
  from: number;
  to: number;
  text: string;
}

/** Applies changes that do not overlap, from the right so earlier offsets stay true. */
export function applyChanges(raw: string, changes: LineChange[]): string {
  let out = raw;
  for (const c of [...changes].sort((a, b) => b.from - a.from)) out = out.slice(0, c.from) + c.text + out.slice(c.to);
  return out;
}

/** The change that sets a field: its value replaced where it stands, or the field added. */
export function setFieldChange(anchor: LineAnchor, name: string, value: string, fallback: WriteFormat): LineChange {
  const field = anchor.fields.find((f) => f.name === name);
  if (field !== undefined) return { from: field.valueFrom, to: field.valueTo, text: value };
  const at = insertionPoint(anchor);
  return { from: at, to: at, text: ' ' + formatField(name, value, lineFormat(anchor, fallback)) };
}

/** The changes that remove every field of a name, each with the one space or tab before it. */
export function removeFieldChanges(anchor: LineAnchor, name: string): LineChange[] {
  return anchor.fields.filter((f) => f.name === name).map((f: FieldAnchor) => {
    const from = f.from > 0 && isBlank(anchor.raw.charCodeAt(f.from - 1)) ? f.from - 1 : f.from;
    return { from, to: f.to, text: '' };
  });
}
