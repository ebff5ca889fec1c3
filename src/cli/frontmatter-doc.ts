/**
 * The command line's writer for frontmatter shapes the line-by-line edits decline (flow style,
 * anchors, block scalars): the YAML library's document API, which keeps comments and the
 * other keys' styles as far as it can. Only the frontmatter block is rewritten; the body and
 * the note's line endings stay.
 */
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { checkpointData, checkpointSlot, editFrontmatter, reviewData, type FrontmatterOp } from '../engine/edit/frontmatter';
import { noteEol } from '../engine/read/lines';
import type { EditResult } from '../engine/edit/frontmatter/lines';
import { scanFrontmatterBlock } from '../engine/read/markdown';

function applyToDocument(doc: Document, op: FrontmatterOp): string | null {
  switch (op.kind) {
    case 'set':
      doc.set(op.key, op.value);
      return null;
    case 'review': {
      const seq = doc.get('checkpoints', true);
      const entry: unknown = isSeq(seq) ? seq.items[op.index] : undefined;
      if (!isMap(entry)) return `there is no checkpoint number ${op.index + 1}`;
      for (const [k, v] of Object.entries(reviewData(op.values))) entry.set(k, v);
      return null;
    }
    case 'add-checkpoint': {
      const seq = doc.get('checkpoints', true);
      const node = doc.createNode(checkpointData(op.checkpoint));
      if (doc.get('checkpoints') === undefined || doc.get('checkpoints') === null) {
        doc.set('checkpoints', doc.createNode([checkpointData(op.checkpoint)]));
        return null;
      }
      if (!isSeq(seq)) return 'checkpoints is not a list';
      const data = seq.toJSON();
      seq.items.splice(checkpointSlot(data, op.checkpoint.date), 0, node);
      return null;
    }
  }
}

/** The edit through the YAML document: the frontmatter block rewritten, all else kept. */
export function editFrontmatterWithDocument(text: string, op: FrontmatterOp): EditResult {
  const eol = noteEol(text);
  const block = scanFrontmatterBlock(text);
  const source = block === null ? '' : text.slice(block.textStart, block.textEnd);
  const doc = parseDocument(source.replace(/\r\n/g, '\n'), { uniqueKeys: false });
  if (doc.errors.length > 0) return { ok: false, reason: `the frontmatter cannot be read: ${doc.errors[0]?.message.split('\n')[0] ?? ''}`, fallback: false };
  if (doc.contents !== null && !isMap(doc.contents)) return { ok: false, reason: 'the frontmatter is not a set of keys', fallback: false };
  const why = applyToDocument(doc, op);
  if (why !== null) return { ok: false, reason: why, fallback: false };
  const yaml = doc.toString({ lineWidth: 0 }).replace(/\n/g, eol);
  const out = block === null ? `---${eol}${yaml}---${eol}${text}` : text.slice(0, block.textStart) + yaml + text.slice(block.textEnd);
  return { ok: true, text: out, changed: changedLines(text, out) };
}

/** Lines of `after` that differ from `before`, between their common first and last lines. */
function changedLines(before: string, after: string): number[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: number[] = [];
  for (let i = head; i < b.length - tail; i++) out.push(i);
  return out;
}

/** The line-by-line edit when the shape allows it, else the document writer. */
export function editFrontmatterCli(text: string, op: FrontmatterOp): EditResult & { via?: 'lines' | 'document' } {
  const fast = editFrontmatter(text, op);
  if (fast.ok) return { ...fast, via: 'lines' };
  if (!fast.fallback) return fast;
  const slow = editFrontmatterWithDocument(text, op);
  return slow.ok ? { ...slow, via: 'document' } : slow;
}
