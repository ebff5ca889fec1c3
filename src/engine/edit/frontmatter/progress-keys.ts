/**
 * The opt-in keys that let Bases, Dataview and the Properties view sort and filter goals by
 * Action Plan's numbers (SPEC 7): `plan-progress`, `plan-health` and `plan-next`, kept as line
 * edits of the frontmatter (2.6). A key whose value is already written as wanted is left alone;
 * a changed one gets its value replaced where it stands; a missing one becomes the last line; a
 * key wanted absent is removed with its lines. Every other byte stays; a shape that cannot be
 * edited line by line is refused (never rewritten).
 */
import { applyLineEdits, frontmatterLines, refuse, replaceInLine, topKeys, yamlString, type EditResult, type Line, type LineEdit } from './lines';

export const PROGRESS_KEYS = ['plan-progress', 'plan-health', 'plan-next'] as const;
export type ProgressKey = (typeof PROGRESS_KEYS)[number];

/** What each key should hold: a value's YAML text, or null for no key. */
export type ProgressValues = Record<ProgressKey, string | null>;

/** The values for a goal: its percent, its health, its next action's text (plain or double-quoted). */
export function progressValues(percent: number, health: string, next: string | null): ProgressValues {
  return { 'plan-progress': String(percent), 'plan-health': health, 'plan-next': next === null || next.trim() === '' ? null : yamlString(next) };
}

/** No key at all: what removing them writes. */
export const NO_PROGRESS_KEYS: ProgressValues = { 'plan-progress': null, 'plan-health': null, 'plan-next': null };

/** The line edits that bring the keys to `values`; nothing changed when they hold them already. */
export function writeProgressKeys(text: string, values: ProgressValues): EditResult {
  const fm = frontmatterLines(text);
  if (fm === null) return refuse('the note has no frontmatter');
  const keys = topKeys(fm);
  if (typeof keys === 'string') return refuse(`its frontmatter cannot be edited line by line (${keys})`);
  const edits: LineEdit[] = [];
  for (const key of PROGRESS_KEYS) {
    const want = values[key];
    const found = keys.filter((k) => k.key === key);
    if (found.length > 1) return refuse(`"${key}" is given twice`);
    const k = found[0];
    if (k === undefined) {
      if (want !== null) edits.push({ line: fm.closeLine, remove: 0, insert: [`${key}: ${want}${fm.eol}`] });
      continue;
    }
    if (want === null) {
      for (let i = k.at; i <= k.last; i++) edits.push({ line: (fm.lines[i] as Line).no, remove: 1, insert: [] });
      continue;
    }
    const line = fm.lines[k.at] as Line;
    if (k.last !== k.at || k.value.kind === 'other') return refuse(`"${key}" has a value in a shape that is not one plain line`);
    if (line.text.slice(k.value.from, k.value.to) === want) continue;
    const written = k.value.kind === 'empty' ? ` ${want}` : want;
    edits.push({ line: line.no, remove: 1, insert: [replaceInLine(text, line, k.value.from, k.value.to, written)] });
  }
  if (edits.length === 0) return { ok: true, text, changed: [] };
  const r = applyLineEdits(text, edits);
  // A removal writes no line: the line that took the removed key's place is the one changed.
  return r.changed.length > 0 ? r : { ...r, changed: [Math.min(...edits.map((e) => e.line))] };
}
