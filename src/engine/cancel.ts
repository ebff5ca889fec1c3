/**
 * Cancelling steps for a pivot: the box becomes `[-]`, the cancelled date is added in the
 * line's own field format (SPEC 2.2), and the reason goes on a plain bullet right below the
 * step, where a note of why a step was dropped is usually kept. Each step is found by the line
 * the plan read (SPEC 2.1).
 */
import { applyLineEdits, eolOf, refuse, splitKeep, type EditResult, type LineEdit } from './frontmatter-edit/lines';

export interface CancelTarget {
  /** 0-based line the plan read the step on. */
  line: number;
  /** The whole line as read, without its ending. */
  raw: string;
}

const TASK = /^((?:[ \t]*>[ \t]?)*([ \t]*)(?:[-*+]|\d+[.)])[ \t]+\[)(.)\]/;
const TASKS_SIGNS = ['📅', '📆', '🗓', '⏳', '🛫', '➕', '✅', '❌', '⏱', '🔺', '⏫', '🔼', '🔽', '⏬', '🔁', '🆔', '⛔'];

/** The cancelled field in the format of the first field on the line, else `fallback`. */
function cancelledField(line: string, date: string, fallback: 'tasks' | 'dataview'): string {
  let best = -1;
  let format: 'tasks' | 'dataview' | '(' = fallback;
  for (const sign of TASKS_SIGNS) {
    const at = line.indexOf(sign);
    if (at !== -1 && (best === -1 || at < best)) {
      best = at;
      format = 'tasks';
    }
  }
  const dv = /([[(])[A-Za-z][\w -]*::/.exec(line);
  if (dv && (best === -1 || dv.index < best)) format = dv[1] === '(' ? '(' : 'dataview';
  if (format === 'tasks') return `❌ ${date}`;
  return format === '(' ? `(cancelled:: ${date})` : `[cancelled:: ${date}]`;
}

/** The line cancelled: box `[-]`, the date added before a trailing block id. */
export function cancelLine(line: string, date: string, format: 'tasks' | 'dataview'): string | null {
  const m = TASK.exec(line);
  if (!m) return null;
  const boxed = `${m[1] ?? ''}-]${line.slice((m[0] ?? '').length)}`;
  if (/❌|[[(]cancelled::/.test(boxed)) return boxed;
  const field = cancelledField(line, date, format);
  const trail = /[ \t]*$/.exec(boxed)?.[0] ?? '';
  const body = boxed.slice(0, boxed.length - trail.length);
  const id = /[ \t]\^[A-Za-z0-9-]+$/.exec(body);
  if (id) return `${body.slice(0, id.index)} ${field}${body.slice(id.index)}${trail}`;
  return `${body} ${field}${trail}`;
}

/** Finds the line of a step (SPEC 2.1): where it was read, else the one line that holds it. */
function locate(lines: string[], t: CancelTarget): number {
  const strip = (l: string): string => l.replace(/\r?\n$/, '');
  if (strip(lines[t.line] ?? '') === t.raw) return t.line;
  const found: number[] = [];
  lines.forEach((l, i) => {
    if (strip(l) === t.raw) found.push(i);
  });
  return found.length === 1 ? (found[0] as number) : -1;
}

/** Cancels these steps of one note, each with the reason on a bullet below it. */
export function cancelSteps(text: string, targets: CancelTarget[], date: string, reason: string, format: 'tasks' | 'dataview', unit: string): EditResult {
  const lines = splitKeep(text);
  const eol = eolOf(text);
  const edits: LineEdit[] = [];
  for (const t of targets) {
    const at = locate(lines, t);
    if (at === -1) return refuse(`the note changed: "${t.raw.trim()}" is no longer where the plan read it`);
    const raw = lines[at] as string;
    const content = raw.replace(/\r?\n$/, '');
    const ending = raw.slice(content.length);
    const cancelled = cancelLine(content, date, format);
    if (cancelled === null) return refuse(`line ${at + 1} is not a task`);
    const next = (lines[at + 1] ?? '').replace(/^(?:[ \t]*>[ \t]?)*/, '');
    const child = /^([ \t]*)(?:[-*+]|\d+[.)])[ \t]/.exec(next);
    const quote = /^(?:[ \t]*>[ \t]?)*/.exec(content)?.[0] ?? '';
    const own = TASK.exec(content)?.[2] ?? '';
    const indent = child && (child[1] ?? '').length > own.length ? (child[1] ?? '') : own + unit;
    const why = reason.replace(/\s*\n\s*/g, ' ').trim();
    // A last line without an ending keeps none: the reason, when there is one, takes its place.
    const insert = why === '' ? [cancelled + ending] : [cancelled + (ending || eol), `${quote}${indent}- ${why}${ending}`];
    edits.push({ line: at, remove: 1, insert });
  }
  return applyLineEdits(text, edits);
}
