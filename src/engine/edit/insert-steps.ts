/**
 * New steps written into a note: sub-steps of a step (break-down, add-step on a step) and a step
 * under a heading (add-step). A sub-step is indented like the step's existing children (else one
 * unit of the note below the step), with their marker (else the step's), after them.
 */
import type { LineAnchor } from '../read/anchor';
import { atxLevel } from '../read/blocks';
import { formatDay, type Day } from '../days/dates';
import { applyChanges, formatField, lineFormat, setFieldChange } from './field-write';
import { checkLine } from './line-check';
import { taskAnchor } from './task-line';
import { nextSpan, noteEol, splice, type LineSpan } from '../read/lines';
import { indentColumn, indentUnit, itemBlock, leading, markerOf, nextMarker } from './outline-block';
import { refuse, type EditResult, type WriteFormat } from './result';
import { stepName, type StepRef } from './line-edit';
import type { FieldFormat } from '../read/anchor';
import type { SubStep } from '../schedule/backward';

/** A new step's line after its indent and marker: `[ ] text 📅 D ⏱ 2d`. */
export function stepLine(text: string, due: Day | null, estimate: string | null, format: FieldFormat): string {
  let line = `[ ] ${text.trim()}`;
  if (due !== null) line += ' ' + formatField('due', formatDay(due) ?? '', format);
  if (estimate !== null) line += ' ' + formatField('estimate', estimate, format);
  return line;
}

interface Placement {
  /** Offset where the new lines go (end of the line they follow, before its line ending). */
  at: number;
  /** Line number of the first inserted line. */
  firstLine: number;
  indent: string;
  /** Marker of the first new line; each next one follows it. */
  marker: string;
  eol: string;
}

/** Where sub-steps of the step on `span` go. */
function placeUnder(text: string, span: LineSpan, parent: LineAnchor): Placement {
  const block = itemBlock(text, span);
  let indent: string | null = null;
  let marker = parent.marker;
  for (const child of block.children) {
    const raw = text.slice(child.start, child.end);
    const m = markerOf(raw);
    if (m === null) continue;
    // The last direct child's marker decides the next one; the first direct child's indent.
    if (indent === null) indent = raw.slice(0, m.at);
    if (indentColumn(raw) === indentColumn(indent)) marker = nextMarker(m.marker);
  }
  if (indent === null) {
    indent = parent.indent + indentUnit(text);
    marker = /^\d/.test(parent.marker) ? `1${parent.marker.slice(-1)}` : parent.marker;
  }
  return { at: block.last.end, firstLine: block.last.line + 1, indent, marker, eol: span.eol || noteEol(text) };
}

function insert(text: string, place: Placement, lines: string[]): { text: string; changed: number[] } {
  let marker = place.marker;
  let out = '';
  for (const l of lines) {
    out += place.eol + place.indent + marker + ' ' + l;
    marker = nextMarker(marker);
  }
  return { text: splice(text, place.at, place.at, out), changed: lines.map((_, i) => place.firstLine + i) };
}

export interface BreakDownOptions {
  /** Due day of each sub-step (same length as the sub-steps). */
  days: readonly Day[];
  /** A new due date for the step itself (the deadline moved), or null to keep it. */
  stepDue?: Day | null;
  format?: WriteFormat;
}

/** Writes sub-steps under a step, each with its due date and estimate (2.5). */
export function breakDownStep(text: string, at: StepRef, subs: readonly SubStep[], options: BreakDownOptions): EditResult {
  if (subs.length === 0) return refuse(text, 'no sub-steps given');
  const check = checkLine(text, at.line, at.expected);
  if (!check.ok) return refuse(text, check.reason);
  const parent = taskAnchor(text, check.span);
  if (parent === null) return refuse(text, `line ${check.span.line + 1} is not a task`);
  const format = lineFormat(parent, options.format ?? 'tasks');
  let base = text;
  let span = check.span;
  const changed: number[] = [];
  if (options.stepDue !== undefined && options.stepDue !== null) {
    const raw = applyChanges(parent.raw, [setFieldChange(parent, 'due', formatDay(options.stepDue) ?? '', options.format ?? 'tasks')]);
    base = splice(text, span.start, span.end, raw);
    span = { ...span, end: span.start + raw.length };
    changed.push(span.line);
  }
  const place = placeUnder(base, span, parent);
  const lines = subs.map((s, i) => stepLine(s.text, options.days[i] ?? null, s.estimate, format));
  const done = insert(base, place, lines);
  return {
    ok: true,
    text: done.text,
    changed: [...changed, ...done.changed],
    message: `Broke "${stepName(parent)}" into ${subs.length} step${subs.length === 1 ? '' : 's'}`,
    ...(check.moved ? { moved: true } : {}),
  };
}

/** Where a new step under the heading on `span` goes: after the heading's own content. */
function placeUnderHeading(text: string, span: LineSpan): Placement {
  let last = span;
  let indent: string | null = null;
  let marker = '-';
  let s = nextSpan(text, span);
  while (s !== null) {
    const raw = text.slice(s.start, s.end);
    if (atxLevel(raw, leading(raw).length, raw.length) > 0 && indentColumn(raw) < 4) break;
    if (raw.trim() !== '') {
      last = s;
      const m = markerOf(raw);
      if (m !== null && (indent === null || indentColumn(raw) <= indentColumn(indent))) {
        indent = raw.slice(0, m.at);
        marker = nextMarker(m.marker);
      }
    }
    s = nextSpan(text, s);
  }
  return { at: last.end, firstLine: last.line + 1, indent: indent ?? '', marker, eol: span.eol || noteEol(text) };
}

export interface AddStepOptions {
  title: string;
  due: Day | null;
  format?: WriteFormat;
}

/** Adds a step under a step (as its last sub-step) or under a heading (after its content). */
export function addStep(text: string, at: StepRef, options: AddStepOptions): EditResult {
  const title = options.title.trim();
  if (title === '') return refuse(text, 'the step has no title');
  const check = checkLine(text, at.line, at.expected);
  if (!check.ok) return refuse(text, check.reason);
  const parent = taskAnchor(text, check.span);
  const headingLevel = atxLevel(check.raw, leading(check.raw).length, check.raw.length);
  let place: Placement;
  let format: FieldFormat;
  if (parent !== null) {
    place = placeUnder(text, check.span, parent);
    format = lineFormat(parent, options.format ?? 'tasks');
  } else if (headingLevel > 0) {
    place = placeUnderHeading(text, check.span);
    format = lineFormat(null, options.format ?? 'tasks');
  } else {
    return refuse(text, `line ${check.span.line + 1} is neither a step nor a heading`);
  }
  const done = insert(text, place, [stepLine(title, options.due, null, format)]);
  return {
    ok: true,
    text: done.text,
    changed: done.changed,
    message: `Added "${title}"${options.due !== null ? ` due ${formatDay(options.due) ?? ''}` : ''}`,
    ...(check.moved ? { moved: true } : {}),
  };
}
