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

/** Above this many cells the middle is shown as one change rather than matched line by line. */
const MATCH_LIMIT = 4_000_000;

/**
 * The changes between `a[head, aTo)` and `b[head, bTo)`, matched by a longest common
 * subsequence, so that an edit in two places (a key in the frontmatter and an entry at the end)
 * shows as two hunks rather than one that repeats everything between them.
 */
function middleChanges(a: string[], b: string[], head: number, aTo: number, bTo: number): Change[] {
  const n = aTo - head;
  const m = bTo - head;
  if (n === 0 || m === 0 || n * m > MATCH_LIMIT) return [{ aFrom: head, aTo, bFrom: head, bTo }];
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[head + i] === b[head + j] ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    }
  }
  const out: Change[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) {
      i++;
      j++;
      continue;
    }
    const c: Change = { aFrom: head + i, aTo: head + i, bFrom: head + j, bTo: head + j };
    while ((i < n || j < m) && !(i < n && j < m && a[head + i] === b[head + j])) {
      if (i < n && (j === m || (lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0))) i++;
      else j++;
    }
    c.aTo = head + i;
    c.bTo = head + j;
    out.push(c);
  }
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
    changes.push(...middleChanges(a, b, head, aTo, bTo));
  }
  const groups: Change[][] = [];
  for (const c of changes) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (g !== undefined && prev !== undefined && c.aFrom - prev.aTo <= 2 * CONTEXT) g.push(c);
    else groups.push([c]);
  }
  const noNewline = !before.endsWith('\n');
  // A tab ends a name with spaces, as GNU diff writes it, so that `patch` reads the whole name.
  const end = /\s/.test(path) ? '\t' : '';
  return `--- a/${path}${end}\n+++ b/${path}${end}\n` + groups.map((g, i) => hunk(a, b, g, i === groups.length - 1, noNewline)).join('');
}
