/**
 * Moving a goal's `target` when a break-down extends its deadline (SPEC 2.5, 2.6): only the
 * date's bytes on the `target:` line change (quotes, comments and other keys stay); a missing
 * key becomes the last frontmatter line; shapes that cannot be edited line by line go through
 * the YAML library's document.
 */
import { formatDay, type Day } from '../engine/days/dates';
import { refuse, type EditResult } from '../engine/edit';
import { editFrontmatterCli } from './frontmatter-doc';

export function setGoalTarget(text: string, day: Day): EditResult {
  const value = formatDay(day) ?? '';
  const r = editFrontmatterCli(text, { kind: 'set', key: 'target', value });
  if (!r.ok) return refuse(text, `the goal's target cannot be written: ${r.reason}`);
  return { ok: true, text: r.text, changed: r.changed, message: `the goal's target is now ${value}` };
}
