/**
 * A unified diff of one note's text before and after an edit, for `--dry-run`. Edits replace
 * lines in place or insert/remove one run of lines, so the changed region is found from the
 * common head and tail; replaced lines are grouped into hunks with three lines of context.
 */

const CONTEXT = 3;

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** A changed run: old lines `[aFrom, aTo)` became new lines `[bFrom, bTo)`. */
interface Change {
  aFrom: number;
  aTo: number;
  bFrom: number;
  bTo: number;
}

function range(start: number, count: number): string {
  return count === 0 ? `${start},0` : count === 1 ? `${start + 1}` : `${start + 1},${count}`;
}

/** One hunk around changes close enough to share their context. */
function hunk(a: string[], b: string[], group: Change[], last: boolean, noNewline: boolean): string {
  const first = group[0];
  const end = group[group.length - 1];
  if (first === undefined || end === undefined) return '';
  const lo = Math.max(0, first.aFrom - CONTEXT);
  const hi = Math.min(a.length, end.aTo + CONTEXT);
  const lines: string[] = [];
  let at = lo;
  for (const c of group) {
    for (; at < c.aFrom; at++) lines.push(' ' + (a[at] ?? ''));
    for (let i = c.aFrom; i < c.aTo; i++) lines.push('-' + (a[i] ?? ''));
    for (let i = c.bFrom; i < c.bTo; i++) lines.push('+' + (b[i] ?? ''));
    at = c.aTo;
  }
  for (; at < hi; at++) lines.push(' ' + (a[at] ?? ''));
  const oldCount = hi - lo;
  const newCount = oldCount + group.reduce((n, c) => n + (c.bTo - c.bFrom) - (c.aTo - c.aFrom), 0);
  const newStart = lo + (first.bFrom - first.aFrom);
  let out = `@@ -${range(lo, oldCount)} +${range(newStart, newCount)} @@\n` + lines.join('\n') + '\n';
  // Edits keep a missing final newline missing; the diff says so when it shows the last line.
  if (last && hi === a.length && noNewline) out += '\\ No newline at end of file\n';
  return out;
}

/** `--- a/path` / `+++ b/path` and the hunks; empty when nothing changed. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const aTo = a.length - tail;
  const bTo = b.length - tail;
  const changes: Change[] = [];
  if (aTo - head === bTo - head) {
    // Lines replaced in place: one change per run of changed lines.
    let i = head;
    while (i < aTo) {
      if (a[i] === b[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < aTo && a[j] !== b[j]) j++;
      changes.push({ aFrom: i, aTo: j, bFrom: i, bTo: j });
      i = j;
    }
  } else {
    changes.push({ aFrom: head, aTo, bFrom: head, bTo });
  }
  const groups: Change[][] = [];
  for (const c of changes) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (g !== undefined && prev !== undefined && c.aFrom - prev.aTo <= 2 * CONTEXT) g.push(c);
    else groups.push([c]);
  }
  const noNewline = !before.endsWith('\n');
  return `--- a/${path}\n+++ b/${path}\n` + groups.map((g, i) => hunk(a, b, g, i === groups.length - 1, noNewline)).join('');
}
