/**
 * A unified diff of one note's text before and after an edit, for `--dry-run`: the common head
 * and tail are set aside, the lines between are matched by their longest common subsequence,
 * and the changes are grouped into hunks with three lines of context. Lines are those of
 * diff(1) and patch(1), ended by `\n` only, each kept with its bytes (a `\r` before the `\n`,
 * lone `\r`s inside), so the diff applies to the exact bytes: a line whose ending changes is
 * shown removed and added, and a last line without a newline is followed by
 * `\ No newline at end of file`.
 */

const CONTEXT = 3;

/** The lines of `text` as patch(1) reads them, each with its `\n` (the last one may have none). */
function patchLines(text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const next = nl === -1 ? text.length : nl + 1;
    out.push(text.slice(pos, next));
    pos = next;
  }
  return out;
}

/** One line of a hunk: its sign and bytes, and the marker when it has no newline. */
function shown(sign: string, line: string): string {
  return line.endsWith('\n') ? sign + line.slice(0, -1) : `${sign}${line}\n\\ No newline at end of file`;
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

/** Longest common subsequence of the middle lines, as runs of changes; one run when too large. */
function changedRuns(a: string[], b: string[], aFrom: number, aTo: number, bFrom: number, bTo: number): Change[] {
  const n = aTo - aFrom;
  const m = bTo - bFrom;
  if (n === 0 && m === 0) return [];
  if (n * m > 4_000_000) return [{ aFrom, aTo, bFrom, bTo }];
  // lcs[i][j]: length of the common subsequence of a[aFrom+i..] and b[bFrom+j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[aFrom + i] === b[bFrom + j] ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const out: Change[] = [];
  let i = 0;
  let j = 0;
  let open: Change | null = null;
  const close = (): void => {
    if (open !== null) out.push(open);
    open = null;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[aFrom + i] === b[bFrom + j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { aFrom: aFrom + i, aTo: aFrom + i, bFrom: bFrom + j, bTo: bFrom + j };
    if (j < m && (i === n || (lcs[i * width + j + 1] ?? 0) >= (lcs[(i + 1) * width + j] ?? 0))) {
      j++;
      open.bTo = bFrom + j;
    } else {
      i++;
      open.aTo = aFrom + i;
    }
  }
  close();
  return out;
}

/** One hunk around changes close enough to share their context. */
function hunk(a: string[], b: string[], group: Change[]): string {
  const first = group[0];
  const end = group[group.length - 1];
  if (first === undefined || end === undefined) return '';
  const lo = Math.max(0, first.aFrom - CONTEXT);
  const hi = Math.min(a.length, end.aTo + CONTEXT);
  const lines: string[] = [];
  let at = lo;
  for (const c of group) {
    for (; at < c.aFrom; at++) lines.push(shown(' ', a[at] ?? ''));
    for (let i = c.aFrom; i < c.aTo; i++) lines.push(shown('-', a[i] ?? ''));
    for (let i = c.bFrom; i < c.bTo; i++) lines.push(shown('+', b[i] ?? ''));
    at = c.aTo;
  }
  for (; at < hi; at++) lines.push(shown(' ', a[at] ?? ''));
  const oldCount = hi - lo;
  const newCount = oldCount + group.reduce((n, c) => n + (c.bTo - c.bFrom) - (c.aTo - c.aFrom), 0);
  const newStart = lo + (first.bFrom - first.aFrom);
  return `@@ -${range(lo, oldCount)} +${range(newStart, newCount)} @@\n` + lines.join('\n') + '\n';
}

/** `--- a/path` / `+++ b/path` and the hunks; empty when nothing changed. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = patchLines(before);
  const b = patchLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const aTo = a.length - tail;
  const bTo = b.length - tail;
  const changes = changedRuns(a, b, head, aTo, head, bTo);
  const groups: Change[][] = [];
  for (const c of changes) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (g !== undefined && prev !== undefined && c.aFrom - prev.aTo <= 2 * CONTEXT) g.push(c);
    else groups.push([c]);
  }
  // A tab ends a file name that holds spaces, as patch(1) reads it.
  const end = path.includes(' ') ? '\t' : '';
  return `--- a/${path}${end}\n+++ b/${path}${end}\n` + groups.map((g) => hunk(a, b, g)).join('');
}
