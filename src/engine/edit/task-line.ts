/**
 * Which lines are tasks: the reader's answer, given to the editor. A line is a task when the
 * block scanner reads it as a list item with a checkbox, so a task-looking line in a code fence
 * (of any length or kind, in a list or a callout), indented code, an HTML block, a `%%` comment
 * or the frontmatter is not one, and an edit refuses it as the reader ignores it.
 */
import { anchorLine, type LineAnchor } from '../read/anchor';
import { scanMarkdown } from '../read/markdown';
import type { LineSpan } from '../read/lines';

/** Is the 0-based line a task, as the reader counts tasks? */
export function isTaskLine(text: string, line: number): boolean {
  const items = scanMarkdown(text).items;
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (item === undefined) break;
    if (item.line === line) return item.task !== null;
    if (item.line < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The anchor of the task on `span`, or null when the reader does not read a task there. */
export function taskAnchor(text: string, span: LineSpan): LineAnchor | null {
  return isTaskLine(text, span.line) ? anchorLine(text.slice(span.start, span.end)) : null;
}
