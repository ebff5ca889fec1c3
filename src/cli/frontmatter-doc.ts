/**
 * The command line's writer for frontmatter shapes the line-by-line edits decline (flow style,
 * anchors, block scalars): the YAML library's document API, which keeps comments and the
 * other keys' styles as far as it can. Only the frontmatter block is rewritten; the body and
 * the note's line endings stay. Frontmatter that cannot be read safely (never closed, not YAML,
 * a key twice) is never written: the edit is refused with the reason.
 */
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isCollection, isMap, isNode, isSeq, parse, parseDocument, visit, type Document, type Node } from 'yaml';
import { checkpointData, checkpointSlot, editFrontmatter, editFrontmatterData, reviewData, reviewedPlace, type FrontmatterOp } from '../engine/edit/frontmatter';
import { editorLines, noteEol, splitKeep } from '../engine/read/lines';
import type { EditResult } from '../engine/edit/frontmatter/lines';
import { scanFrontmatterBlock } from '../engine/read/markdown';
import { unclosedFrontmatter } from '../engine/read/note-problems';

/** The frontmatter's YAML with `\n` line ends, as the library reads it. */
function yamlSource(text: string, block: { textStart: number; textEnd: number }): string {
  return editorLines(text.slice(block.textStart, block.textEnd)).replace(/\r\n/g, '\n');
}

/** Why the frontmatter of `text` cannot be edited safely, or null when it can (or there is none). */
export function unsafeFrontmatter(text: string): string | null {
  const block = scanFrontmatterBlock(text);
  if (block === null) {
    return unclosedFrontmatter(editorLines(text)) === null ? null : 'the frontmatter opened by the first line "---" never closes with a "---" line';
  }
  const source = yamlSource(text, block);
  const error = parseDocument(source, { uniqueKeys: true, prettyErrors: true }).errors[0];
  if (error === undefined) return null;
  const at = error.linePos?.[0].line ?? 1;
  const where = `line ${block.from + at}`;
  if (error.code !== 'DUPLICATE_KEY') return `the frontmatter cannot be read (${where}): ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`;
  const key = (source.split('\n')[at - 1] ?? '').replace(/^[\s-]*/, '').split(':')[0] ?? '';
  return `the frontmatter has the key "${key}" twice (${where})`;
}

/** A copy of a node without its anchor. */
function copyOf(node: Node): Node {
  const copy = node.clone() as Node;
  copy.anchor = undefined;
  return copy;
}

/**
 * The node at `key` of `parent`, made its own before it changes: an alias becomes a copy of the
 * value it names, and every alias of its anchor a copy of its value, so no other key changes.
 */
function own(doc: Document, parent: Node, key: unknown): unknown {
  if (!isCollection(parent)) return undefined;
  const node: unknown = parent.get(key, true);
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (target === undefined) return undefined;
    const copy = copyOf(target);
    parent.set(key, copy);
    return copy;
  }
  const anchor = isNode(node) ? node.anchor : undefined;
  if (anchor !== undefined && isNode(node)) visit(doc, { Alias: (_k, a) => (a.source === anchor ? copyOf(node) : undefined) });
  return node;
}

/** The edit on the document; the reason when it cannot apply. `data` is the document read before. */
function applyToDocument(doc: Document, op: FrontmatterOp, data: Record<string, unknown>): string | null {
  const root = doc.contents as Node;
  const seq = op.kind === 'set' ? null : own(doc, root, 'checkpoints');
  switch (op.kind) {
    case 'set':
      own(doc, root, op.key);
      doc.set(op.key, op.value);
      return null;
    case 'review': {
      const place = reviewedPlace(data['checkpoints'], op);
      if (typeof place === 'string') return place;
      const entry = isSeq(seq) ? own(doc, seq, place) : undefined;
      if (!isMap(entry)) return `there is no checkpoint number ${place + 1}`;
      for (const [k, v] of Object.entries(reviewData(op.values))) {
        own(doc, entry, k);
        entry.set(k, v);
      }
      return null;
    }
    case 'add-checkpoint': {
      const value: unknown = doc.get('checkpoints');
      if (value === undefined || value === null) {
        doc.set('checkpoints', doc.createNode([checkpointData(op.checkpoint)]));
        return null;
      }
      if (!isSeq(seq)) return 'checkpoints is not a list';
      seq.items.splice(checkpointSlot(seq.toJSON(), op.checkpoint.date), 0, doc.createNode(checkpointData(op.checkpoint)));
      return null;
    }
  }
}

/** A copy of parsed YAML in which no two keys share a value (an alias reads as the same object). */
function treeCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(treeCopy);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, treeCopy(v)]));
}

/** The frontmatter as data, after `op` is applied to it as data: what the written YAML must read as. */
function expectedData(data: Record<string, unknown>, op: FrontmatterOp): Record<string, unknown> | string {
  const copy = treeCopy(data) as Record<string, unknown>;
  const why = editFrontmatterData(copy, op);
  return why ?? copy;
}

/** The edit through the YAML document: the frontmatter block rewritten, all else kept. */
export function editFrontmatterWithDocument(text: string, op: FrontmatterOp): EditResult {
  const eol = noteEol(text);
  const block = scanFrontmatterBlock(text);
  const doc = parseDocument(block === null ? '' : yamlSource(text, block), { uniqueKeys: false });
  if (doc.errors.length > 0) return { ok: false, reason: `the frontmatter cannot be read: ${doc.errors[0]?.message.split('\n')[0] ?? ''}`, fallback: false };
  if (doc.contents !== null && !isMap(doc.contents)) return { ok: false, reason: 'the frontmatter is not a set of keys', fallback: false };
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const expected = expectedData(data, op);
  if (typeof expected === 'string') return { ok: false, reason: expected, fallback: false };
  const why = applyToDocument(doc, op, data);
  if (why !== null) return { ok: false, reason: why, fallback: false };
  const yaml = doc.toString({ lineWidth: 0 });
  // What is written reads back as the note's keys with only the edited ones changed.
  if (!isDeepStrictEqual(parse(yaml) ?? {}, expected)) return { ok: false, reason: 'the edit would change other keys through the frontmatter\'s anchors and aliases', fallback: false };
  const out = yaml.replace(/\n/g, eol);
  const written = block === null ? `---${eol}${out}---${eol}${text}` : text.slice(0, block.textStart) + out + text.slice(block.textEnd);
  return { ok: true, text: written, changed: changedLines(text, written) };
}

/** Lines of `after` that differ from `before`, between their common first and last lines. */
function changedLines(before: string, after: string): number[] {
  const a = splitKeep(before);
  const b = splitKeep(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: number[] = [];
  for (let i = head; i < b.length - tail; i++) out.push(i);
  return out;
}

/** The line-by-line edit when the shape allows it, else the document writer; refused on frontmatter it cannot read safely. */
export function editFrontmatterCli(text: string, op: FrontmatterOp): EditResult & { via?: 'lines' | 'document' } {
  const unsafe = unsafeFrontmatter(text);
  if (unsafe !== null) return { ok: false, reason: unsafe, fallback: false };
  const fast = editFrontmatter(text, op);
  if (fast.ok) return { ...fast, via: 'lines' };
  if (!fast.fallback) return fast;
  const slow = editFrontmatterWithDocument(text, op);
  return slow.ok ? { ...slow, via: 'document' } : slow;
}
