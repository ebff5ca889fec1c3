/**
 * The fast frontmatter reader gives exactly what the YAML library gives, or declines. Checked on
 * every frontmatter of the peer data, the demo vault and the fixtures, on hand-picked cases, and
 * on generated documents.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { parseSimpleYaml } from '../../src/cli/simple-yaml';
import { scanFrontmatterBlock } from '../../src/engine/read/markdown';
import { PEER_DATA } from '../peer-data';

const ROOT = join(__dirname, '..', '..');

function library(source: string): unknown {
  try {
    return parse(source, { uniqueKeys: false, merge: true }) ?? null;
  } catch {
    return 'error';
  }
}

function notes(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...notes(p));
    else if (e.endsWith('.md')) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

const peer = PEER_DATA;
const sources = [
  ...readdirSync(join(peer, 'obsidian-cache')).map((f) => (JSON.parse(readFileSync(join(peer, 'obsidian-cache', f), 'utf8')) as { fileContents: string }).fileContents),
  ...notes(join(peer, 'tasks-demo', 'vault')),
  ...notes(join(ROOT, 'demo-vault')),
  ...notes(join(ROOT, 'tests', 'fixtures')),
]
  .map((text) => {
    const block = scanFrontmatterBlock(text);
    return block === null ? null : text.slice(block.textStart, block.textEnd);
  })
  .filter((s): s is string => s !== null);

describe('the fast frontmatter reader', () => {
  it('answers most real frontmatter, and always as the library does', () => {
    let answered = 0;
    for (const source of sources) {
      const fast = parseSimpleYaml(source);
      if (fast === undefined) continue;
      answered++;
      expect({ source, value: fast }).toEqual({ source, value: library(source) });
    }
    expect(answered).toBeGreaterThan(sources.length / 2);
  });

  it.each([
    ['type: goal\nstart: 2026-01-01\n', { type: 'goal', start: '2026-01-01' }],
    ['tags: [goal, health]\n', { tags: ['goal', 'health'] }],
    ['n: 42\nf: -1.5\nb: true\nz: ~\ne:\n', { n: 42, f: -1.5, b: true, z: null, e: null }],
    ["q: 'it''s'\nd: \"[[Goal]]\"\n", { q: "it's", d: '[[Goal]]' }],
    ['checkpoints:\n  - date: 2026-11-15\n    expect: 30\n  - date: 2026-12-15\n    note: Hard, but fine # a comment\n', { checkpoints: [{ date: '2026-11-15', expect: 30 }, { date: '2026-12-15', note: 'Hard, but fine' }] }],
    ['tags:\n- a\n- b\n', { tags: ['a', 'b'] }],
  ])('reads %j', (source, expected) => {
    expect(parseSimpleYaml(source)).toEqual(expected);
    expect(library(source)).toEqual(expected);
  });

  it.each([
    'note: |\n  two\n  lines\n',
    'a: &x 1\nb: *x\n',
    'parent:\n  child: 1\n',
    'goal: [[Publish]]\n',
    'title: Publish: the book\n',
    's: "tab\\there"\n',
    'a: 1\na: 2\n',
    'k: plain\n  continued\n',
  ])('declines %j, which the library reads', (source) => {
    expect(parseSimpleYaml(source)).toBeUndefined();
  });

  it('agrees with the library on generated documents', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,8}$/);
    const value = fc.oneof(
      fc.integer({ min: -1000, max: 100000 }).map(String),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((d) => String(d)),
      fc.constantFrom('true', 'false', 'null', '~', '', '2026-11-25', '"[[Note]]"', "'quoted ''x'''", '[a, b]', '[]', '0x1F', '.inf', 'yes', 'a: b', '- x', '# c'),
      fc.stringMatching(/^[A-Za-z0-9 ,.:#'"()-]{0,16}$/),
    );
    const entry = fc.tuple(word, fc.oneof(value.map((v) => ` ${v}`), fc.array(value, { minLength: 1, maxLength: 3 }).map((vs) => vs.map((v) => `\n  - ${v}`).join(''))));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const source = entries.map(([k, v]) => `${k}:${v}`).join('\n') + '\n';
        const fast = parseSimpleYaml(source);
        if (fast !== undefined) expect(fast).toEqual(library(source));
      }),
      { numRuns: 3000 },
    );
  });
});
