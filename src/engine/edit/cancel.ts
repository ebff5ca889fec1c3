/**
 * Cancelling steps for a pivot: the box becomes `[-]`, the cancelled date is added in the
 * line's own field format (SPEC 2.2), and the reason goes on a plain bullet right below the
 * step, where a note of why a step was dropped is usually kept. Each step is found by the line
 * the plan read (SPEC 2.1); the line edit is the one every step edit uses.
 */
import { formatDay, type Day } from '../days/dates';
import { applyChanges, setFieldChange } from './field-write';
import { editTaskLine, stepName } from './line-edit';
import { lineSpan, nextSpan, noteEol, splice } from '../read/lines';
import { indentUnit, markerOf } from './outline-block';
import { refuse, type EditResult, type WriteFormat } from './result';

export interface CancelTarget {
  /** 0-based line the plan read the step on. */
  line: number;
  /** The whole line as read, without its ending. */
  raw: string;
}

/** The indentation of a bullet one level below the task on `line`: its children's, else one unit more. */
function childIndent(text: string, line: number, unit: string): { quote: string; lead: string } {
  const span = lineSpan(text, line);
  if (span === null) return { quote: '', lead: unit };
  const raw = text.slice(span.start, span.end);
  const quote = /^(?:[ \t]*>[ \t]?)*/.exec(raw)?.[0] ?? '';
  const own = markerOf(raw.slice(quote.length))?.at ?? 0;
  const next = nextSpan(text, span);
  if (next !== null) {
    const below = text.slice(next.start, next.end);
    const inner = below.slice((/^(?:[ \t]*>[ \t]?)*/.exec(below)?.[0] ?? '').length);
    const m = markerOf(inner);
    if (m !== null && m.at > own) return { quote, lead: inner.slice(0, m.at) };
  }
  return { quote, lead: raw.slice(quote.length, quote.length + own) + unit };
}

/** Cancels these steps of one note on `today`, each with the reason on a bullet below it. */
export function cancelSteps(text: string, targets: CancelTarget[], today: Day, reason: string, format: WriteFormat): EditResult {
  const day = formatDay(today) ?? '';
  const why = reason.replace(/\s*\n\s*/g, ' ').trim();
  const unit = indentUnit(text);
  const eol = noteEol(text);
  let out = text;
  const names: string[] = [];
  /** Lines written, in the text as it is so far. */
  let changed: number[] = [];
  // From the bottom up, so that a reason inserted below a step moves no step still to edit.
  for (const t of [...targets].sort((a, b) => b.line - a.line)) {
    const r = editTaskLine(out, { line: t.line, expected: t.raw }, (anchor) => {
      names.push(stepName(anchor));
      return { raw: applyChanges(anchor.raw, [{ from: anchor.statusCol, to: anchor.statusCol + 1, text: '-' }, setFieldChange(anchor, 'cancelled', day, format)]), message: '' };
    });
    if (!r.ok) return refuse(text, r.reason);
    const line = r.changed[0] ?? t.line;
    if (why === '') {
      out = r.text;
      changed.push(line);
      continue;
    }
    // The reason below this step moves the lines written further down by one.
    changed = changed.map((c) => (c > line ? c + 1 : c));
    changed.push(line, line + 1);
    const span = lineSpan(r.text, line);
    if (span === null) return refuse(text, `line ${line + 1} is gone`);
    const { quote, lead } = childIndent(r.text, line, unit);
    // A last line without an ending keeps none: the reason takes its place at the end.
    out = span.eol === '' ? splice(r.text, span.end, span.end, `${eol}${quote}${lead}- ${why}`) : splice(r.text, span.end + span.eol.length, span.end + span.eol.length, `${quote}${lead}- ${why}${span.eol}`);
  }
  return { ok: true, text: out, changed: changed.sort((a, b) => a - b), message: `Cancelled ${names.reverse().map((n) => `"${n}"`).join(', ')}` };
}
