/**
 * `outline`: how the engine reads one note, in Obsidian's own conventions (line numbers,
 * `ListItemCache.parent`, `task`), so it can be compared with Obsidian's metadata.
 */
import { formatDay } from '../days/dates';
import { LineReader, readFields, type LineFields } from '../read/fields';
import { scanMarkdown } from '../read/markdown';

export interface OutlineItem {
  line: number;
  parent: number;
  task: string | null;
  due: string | null;
  scheduled: string | null;
  start: string | null;
  created: string | null;
  done: string | null;
  cancelled: string | null;
}

export interface Outline {
  frontmatter: Record<string, unknown> | null;
  headings: { line: number; level: number; heading: string }[];
  listItems: OutlineItem[];
}

export type FieldDates = Pick<OutlineItem, 'due' | 'scheduled' | 'start' | 'created' | 'done' | 'cancelled'>;

/** The date fields of a task line as `YYYY-MM-DD` or null. */
export function fieldDates(f: LineFields): FieldDates {
  return {
    due: formatDay(f.due),
    scheduled: formatDay(f.scheduled),
    start: formatDay(f.start),
    created: formatDay(f.created),
    done: formatDay(f.done),
    cancelled: formatDay(f.cancelled),
  };
}

/** The outline of a note; `frontmatter` is the parsed YAML (null when absent or unreadable). */
export function outlineNote(text: string, frontmatter: Record<string, unknown> | null, helpTag = '#help'): Outline {
  const scan = scanMarkdown(text);
  // One reader for every line, without the display text: only the dates are wanted.
  const reader = new LineReader();
  const listItems = scan.items.map((item): OutlineItem => {
    if (item.task === null) {
      return { line: item.line, parent: item.parent, task: null, due: null, scheduled: null, start: null, created: null, done: null, cancelled: null };
    }
    return { line: item.line, parent: item.parent, task: item.task, ...fieldDates(readFields(text, item.textStart, item.lineEnd, helpTag, false, reader)) };
  });
  return {
    frontmatter,
    headings: scan.headings.map((h) => ({ line: h.line, level: h.level, heading: h.heading })),
    listItems,
  };
}
