/**
 * The shape of every one-line edit: check the line (2.1), read its anchor, let the rule compute
 * the new line, and splice it into the note. Nothing but that line's bytes changes.
 */
import type { LineAnchor } from '../read/anchor';
import { checkLine } from './line-check';
import { taskAnchor } from './task-line';
import { splice } from '../read/lines';
import { refuse, type EditResult } from './result';

/** What a rule does to a task line: the new line and a message, or why it refuses. */
export type LineRule = (anchor: LineAnchor) => { raw: string; message: string } | { reason: string };

/** Where a step was read: its 0-based line and, when known, the whole line as read (2.1). */
export interface StepRef {
  line: number;
  expected?: string;
}

export function editTaskLine(text: string, at: StepRef, rule: LineRule): EditResult {
  const check = checkLine(text, at.line, at.expected);
  if (!check.ok) return refuse(text, check.reason);
  const anchor = taskAnchor(text, check.span);
  if (anchor === null) return refuse(text, `line ${check.span.line + 1} is not a task`);
  const out = rule(anchor);
  if ('reason' in out) return refuse(text, out.reason);
  const moved = check.moved ? ` (found on line ${check.span.line + 1})` : '';
  return {
    ok: true,
    text: out.raw === check.raw ? text : splice(text, check.span.start, check.span.end, out.raw),
    changed: out.raw === check.raw ? [] : [check.span.line],
    message: out.message + moved,
    ...(check.moved ? { moved: true } : {}),
  };
}

/** The step's text for messages: the line after its checkbox, shortened. */
export function stepName(anchor: LineAnchor): string {
  const end = anchor.fields[0]?.from ?? (anchor.blockIdFrom === -1 ? anchor.raw.length : anchor.blockIdFrom);
  const text = anchor.raw.slice(anchor.textStart, Math.max(anchor.textStart, end)).trim();
  const name = text === '' ? anchor.raw.slice(anchor.textStart).trim() : text;
  return name.length > 60 ? name.slice(0, 57) + '…' : name;
}
