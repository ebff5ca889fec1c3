/**
 * The changes that turn one text into another, as small as a bounded diff finds them. The
 * editor maps the cursor through the changes of a transaction the way CodeMirror does: a cursor
 * inside a replaced span jumps to its start. Replacing the one span from the first difference
 * to the last would move a cursor that sits between two changes of one line (a ticked box and a
 * done date added at the end); separate changes leave it where it was.
 */

export interface TextChange {
  /** Offsets in the text before. */
  from: number;
  to: number;
  text: string;
}

/** Edits (insertions and deletions of one character) of a shortest edit script, or null past `max`. */
function editScript(a: string, b: string, max: number): { del: boolean; x: number; ch: string }[] | null {
  const n = a.length;
  const m = b.length;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[off + k - 1] ?? 0) < (v[off + k + 1] ?? 0)) ? (v[off + k + 1] ?? 0) : (v[off + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m, off, b);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], depth: number, n: number, m: number, off: number, b: string): { del: boolean; x: number; ch: string }[] {
  const ops: { del: boolean; x: number; ch: string }[] = [];
  let x = n;
  let y = m;
  for (let d = depth; d > 0; d--) {
    const v = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (v[off + k - 1] ?? 0) < (v[off + k + 1] ?? 0));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[off + prevK] ?? 0;
    const prevY = prevX - prevK;
    if (down) ops.push({ del: false, x: prevX, ch: b.charAt(prevY) });
    else ops.push({ del: true, x: prevX, ch: '' });
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/** The changes from `before` to `after`; one change over the differing span when the diff would cost more than `max` edits. */
export function textChanges(before: string, after: string, max = 256): TextChange[] {
  let head = 0;
  const least = Math.min(before.length, after.length);
  while (head < least && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < least - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const whole: TextChange[] = a === b ? [] : [{ from: head, to: head + a.length, text: b }];
  if (a.length === 0 || b.length === 0) return whole;
  const ops = editScript(a, b, max);
  if (ops === null) return whole;
  const out: TextChange[] = [];
  for (const op of ops) {
    const change = op.del ? { from: head + op.x, to: head + op.x + 1, text: '' } : { from: head + op.x, to: head + op.x, text: op.ch };
    const last = out[out.length - 1];
    if (last !== undefined && last.to === change.from) {
      last.to = change.to;
      last.text += change.text;
    } else out.push(change);
  }
  return out;
}
