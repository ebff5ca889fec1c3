/**
 * Extracting a step to its own note: the step's sub-steps (and everything nested under it) move
 * into a new action-step note; the step keeps its line and checkbox and gains a link to the
 * note, so the plan expands the note where the sub-steps stood and its numbers stay the same.
 */
import type { LineAnchor } from '../read/anchor';
import { formatDay, parseDay, isDay } from '../days/dates';
import { insertionPoint } from './field-write';
import { checkLine } from './line-check';
import { taskAnchor } from './task-line';
import { noteEol, splice } from '../read/lines';
import { indentColumn, itemBlock } from './outline-block';
import { stepName, type StepRef } from './line-edit';
import { refuse, type EditDone, type EditRefused } from './result';

export interface ExtractOptions {
  /** The link to the new note as the vault writes links (`[[Call movers]]`). */
  link: string;
  /** The goal as a link for the note's `goal` (`[[Move house]]`). */
  goalLink: string;
}

export type ExtractResult = (EditDone & { note: string; title: string }) | EditRefused;

/** The step's title for a note name: its text without fields, links kept as their text. */
export function stepTitle(anchor: LineAnchor): string {
  const end = anchor.fields[0]?.from ?? insertionPoint(anchor);
  const text = anchor.raw
    .slice(anchor.textStart, Math.max(anchor.textStart, end))
    .replace(/\[\[([^\]|]*\|)?([^\]]*)\]\]/g, '$2')
    .replace(/[\\/:*?"<>|#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.slice(0, 100).trim() || 'Action step';
}

/** Where the link goes: after the step's text, before its first field (Tasks reads fields last). */
function linkPoint(anchor: LineAnchor): number {
  let at = anchor.fields[0]?.from ?? insertionPoint(anchor);
  while (at > anchor.textStart && /[ \t]/.test(anchor.raw.charAt(at - 1))) at--;
  return at;
}

/** Removes the leading indentation `strip` stands for (by columns, tabs at stops of 4). */
function dedent(raw: string, columns: number): string {
  let col = 0;
  let i = 0;
  while (i < raw.length && col < columns) {
    const c = raw.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
    i++;
  }
  return raw.slice(i);
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

export function extractStep(text: string, at: StepRef, options: ExtractOptions): ExtractResult {
  const check = checkLine(text, at.line, at.expected);
  if (!check.ok) return refuse(text, check.reason);
  const anchor = taskAnchor(text, check.span);
  if (anchor === null) return refuse(text, `line ${check.span.line + 1} is not a task`);
  if (anchor.fields.length === 0 && anchor.raw.slice(anchor.textStart).trim() === '') return refuse(text, 'the step has no text to name a note after');
  const eol = check.span.eol || noteEol(text);
  const block = itemBlock(text, check.span);
  const first = block.children.find((c) => text.slice(c.start, c.end).trim() !== '');
  const columns = first === undefined ? 0 : indentColumn(text.slice(first.start, first.end));
  const body = block.children.map((c) => dedent(text.slice(c.start, c.end), columns));

  const dueField = anchor.fields.find((f) => f.name === 'due');
  const due = dueField === undefined ? null : parseDay(anchor.raw.slice(dueField.valueFrom, dueField.valueTo));
  const fm = ['---', 'type: action', `goal: ${yamlString(options.goalLink)}`];
  if (due !== null && isDay(due)) fm.push(`due: ${formatDay(due) ?? ''}`);
  fm.push('---');
  const note = [...fm, ...body].join(eol) + eol;

  const point = linkPoint(anchor);
  const raw = point === anchor.textStart && anchor.raw.slice(point).trim() !== ''
    ? splice(anchor.raw, point, point, options.link + ' ')
    : splice(anchor.raw, point, point, (point > 0 && /[ \t]/.test(anchor.raw.charAt(point - 1)) ? '' : ' ') + options.link);
  // The step's line and its sub-steps become the line alone.
  const to = block.last.end;
  const out = splice(text, check.span.start, to, raw);
  return {
    ok: true,
    text: out,
    changed: [check.span.line],
    message: `Moved "${stepName(anchor)}" and ${block.children.length} line${block.children.length === 1 ? '' : 's'} below it to a note`,
    note,
    title: stepTitle(anchor),
    ...(check.moved ? { moved: true } : {}),
  };
}
