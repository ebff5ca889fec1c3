/**
 * The line-by-line frontmatter edits against the YAML library's document writer, over generated
 * block-style frontmatter: the same data after the edit, and every line not written kept byte
 * for byte.
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { editFrontmatterWithDocument } from '../../src/cli/frontmatter-doc';
import { editFrontmatter, type FrontmatterOp } from '../../src/engine/edit/frontmatter';
import { splitKeep } from '../../src/engine/read/lines';
import { scanFrontmatterBlock } from '../../src/engine/read/markdown';

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('yes', 'null', '12', '1e3', 'a: b', '# x', '- x', '"q"', "it's", ' lead', 'trail ', '2026-01-01', 'true', 'x #y', 'é ü', 'tab\there', 'line\nbreak', '~'),
);
const day = fc.record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), y: fc.constantFrom(2026, 2027) }).map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const comment = fc.constantFrom('', '', '  # a comment', ' # why: "quoted"', '\t# tabbed');
const quoteDay = (d: string, q: number): string => (q === 1 ? `"${d}"` : q === 2 ? `'${d}'` : d);
const str = (s: string): string => (/^[A-Za-z][A-Za-z ]*$/.test(s) && !/^(yes|no|true|false|null|on|off)$/i.test(s) ? s : JSON.stringify(s));

const entry = fc.record({
  date: day,
  q: fc.integer({ min: 0, max: 2 }),
  keys: fc.subarray(['label', 'expect', 'progress', 'feeling', 'note', 'reviewed']),
  label: text,
  n: fc.integer({ min: 0, max: 100 }),
  c: comment,
  extraComment: fc.boolean(),
  dateFirst: fc.boolean(),
});

const frontmatter = fc.record({
  eol: fc.constantFrom('\n', '\r\n'),
  dash: fc.constantFrom(0, 2, 4),
  gap: fc.constantFrom(1, 2, 3),
  status: fc.option(fc.record({ v: fc.constantFrom('active', 'paused'), q: fc.integer({ min: 0, max: 2 }), c: comment, empty: fc.boolean() })),
  target: fc.option(fc.record({ v: day, q: fc.integer({ min: 0, max: 2 }), c: comment })),
  entries: fc.option(fc.array(entry, { maxLength: 4 })),
  afterCheckpoints: fc.boolean(),
  title: text,
});

type Fm = typeof frontmatter extends fc.Arbitrary<infer T> ? T : never;

function build(f: Fm): string {
  const L: string[] = ['type: goal  # recognised', `title: ${str(f.title)}`];
  if (f.status) L.push(`status:${f.status.empty ? '' : ' ' + quoteDay(f.status.v, f.status.q)}${f.status.c}`);
  L.push('start: 2026-01-05');
  const cps: string[] = [];
  if (f.entries) {
    cps.push('checkpoints:' + (f.entries.length === 0 ? '' : '  # reviewed each month'));
    for (const e of f.entries) {
      const pad = ' '.repeat(f.dash + 1 + f.gap);
      const kv = (k: string): string => {
        if (k === 'date') return `date: ${quoteDay(e.date, e.q)}`;
        if (k === 'label' || k === 'note') return `${k}: ${str(e.label)}`;
        if (k === 'reviewed') return `reviewed: ${e.date}`;
        return `${k}: ${k === 'feeling' ? 1 + (e.n % 5) : e.n}`;
      };
      const keys = e.dateFirst ? ['date', ...e.keys] : [...e.keys, 'date'];
      keys.forEach((k, i) => {
        const line = kv(k) + (i === 0 ? e.c : '');
        cps.push(i === 0 ? `${' '.repeat(f.dash)}-${' '.repeat(f.gap)}${line}` : pad + line);
        if (e.extraComment && i === 0) cps.push(`${pad}# about this one`);
      });
      if (e.extraComment) cps.push('');
    }
  }
  if (!f.afterCheckpoints) L.push(...cps);
  if (f.target) L.push(`target: ${quoteDay(f.target.v, f.target.q)}${f.target.c}`);
  L.push('tags:', '  - goal', '  - writing');
  if (f.afterCheckpoints) L.push(...cps);
  return ['---', ...L, '---', '# Plan', '- [ ] a step 📅 2026-03-01', ''].join(f.eol);
}

const op: fc.Arbitrary<FrontmatterOp> = fc.oneof(
  fc.record({ index: fc.integer({ min: 0, max: 3 }), progress: fc.integer({ min: 0, max: 100 }), feeling: fc.integer({ min: 1, max: 5 }), note: fc.option(text), reviewed: day }).map(
    (r): FrontmatterOp => ({ kind: 'review', index: r.index, values: { progress: r.progress, feeling: r.feeling, note: r.note, reviewed: r.reviewed } }),
  ),
  fc.record({ date: day, label: fc.option(text), expect: fc.option(fc.integer({ min: 0, max: 100 })) }).map((c): FrontmatterOp => ({ kind: 'add-checkpoint', checkpoint: c })),
  fc.record({ key: fc.constantFrom('status' as const, 'target' as const), v: fc.oneof(day, fc.constantFrom('paused', 'staying', 'done')) }).map((s): FrontmatterOp => ({ kind: 'set', key: s.key, value: s.v })),
);

function data(note: string): unknown {
  const block = scanFrontmatterBlock(note);
  if (block === null) throw new Error('no frontmatter');
  return parse(note.slice(block.textStart, block.textEnd));
}

function body(note: string): string {
  const block = scanFrontmatterBlock(note);
  return block === null ? note : note.slice(block.textEnd);
}

/** Is `small` what is left of `big` with some lines taken out? */
function isSubsequence(small: string[], big: string[]): boolean {
  let j = 0;
  for (const line of big) if (j < small.length && small[j] === line) j++;
  return j === small.length;
}

test('the line edits give the data of the YAML document writer and keep every other line', () => {
  fc.assert(
    fc.property(frontmatter, op, (f, o) => {
      const note = build(f);
      const entries = f.entries?.length ?? 0;
      const fast = editFrontmatter(note, o);
      const slow = editFrontmatterWithDocument(note, o);
      if (o.kind === 'review' && o.index >= entries) {
        expect(fast.ok).toBe(false);
        expect(slow.ok).toBe(false);
        return;
      }
      if (!fast.ok) throw new Error(`declined ${JSON.stringify(o)} on\n${note}\n${fast.reason}`);
      if (!slow.ok) throw new Error(slow.reason);
      expect(data(fast.text)).toEqual(data(slow.text));
      expect(body(fast.text)).toBe(body(note));
      const before = splitKeep(note);
      const after = splitKeep(fast.text);
      const kept = after.filter((_, i) => !fast.changed.includes(i));
      const inserted = after.length - before.length;
      expect(kept.length).toBe(before.length - (fast.changed.length - inserted));
      expect(isSubsequence(kept, before)).toBe(true);
      for (const i of fast.changed) expect((after[i] ?? '').endsWith(f.eol)).toBe(true);
      // Lines written take the note's line ending (a CR inside a quoted value is escaped).
      if (f.eol === '\n') expect(after.filter((l) => l.endsWith('\r\n')).length).toBe(before.filter((l) => l.endsWith('\r\n')).length);
    }),
    { numRuns: 1500 },
  );
});
