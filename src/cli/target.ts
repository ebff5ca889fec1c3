/**
 * Moving a goal's `target` when a break-down extends its deadline: only the date's bytes on the
 * `target:` line of the frontmatter change (quotes, comments and other keys stay).
 */
import { formatDay, type Day } from '../engine/dates';
import { refuse, type EditResult } from '../engine/edit';
import { scanFrontmatterBlock } from '../engine/markdown';
import { lineAtOffset } from '../engine/edit/lines';

export function setGoalTarget(text: string, day: Day): EditResult {
  const block = scanFrontmatterBlock(text);
  if (block === null) return refuse(text, 'the goal has no frontmatter to hold a target');
  const yaml = text.slice(block.textStart, block.textEnd);
  const m = /^target:[ \t]*["']?(\d{4}-\d{2}-\d{2})/m.exec(yaml);
  if (m === null) return refuse(text, 'the goal\'s target is not written as target: YYYY-MM-DD');
  const at = block.textStart + m.index + m[0].length - 10;
  const value = formatDay(day) ?? '';
  return { ok: true, text: text.slice(0, at) + value + text.slice(at + 10), changed: [lineAtOffset(text, at)], message: `the goal's target is now ${value}` };
}
