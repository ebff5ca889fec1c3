/**
 * The command line keeps notes as bytes and decodes of a note's frontmatter only the lines up to
 * a possible closing fence: the goals found and their reports are those of the decoded text.
 */
import fc from 'fast-check';
import { indexTexts, parseToday } from '../../src/cli/load';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/engine/types';

const TODAY = parseToday('2026-11-25');

/** Goals found and their reports, with the notes given as text or as bytes. */
function reports(notes: Record<string, string>, asBytes: boolean): unknown {
  const paths = Object.keys(notes).sort();
  const sources = new Map(paths.map((p) => [p, asBytes ? Buffer.from(notes[p] ?? '', 'utf8') : (notes[p] ?? '')]));
  const { index } = indexTexts(paths, sources, DEFAULT_ENGINE_OPTIONS);
  return index.reports(TODAY).map((r) => ({ path: r.path, title: r.title, target: r.target, progress: r.progress, problems: r.problems }));
}

const LINES = ['---', '----', '--- ', '---x', '...', 'type: goal', 'tags: [goal]', 'target: 2026-12-31', 'title: été 🎯', '- [ ] step 📅 2026-12-01', '- [x] done', '# Heading', 'text', ''];

describe('frontmatter read from bytes', () => {
  it('finds the same goals as from text, on chosen notes', () => {
    const notes: Record<string, string> = {
      'plain.md': '---\ntype: goal\n---\n- [ ] a\n',
      'crlf.md': '---\r\ntype: goal\r\ntarget: 2026-12-31\r\n---\r\n- [ ] a\r\n',
      'bom.md': '\uFEFF---\ntype: goal\n---\n- [ ] a\n',
      'dashes inside.md': '---\ntype: goal\n---x\n----\ntitle: é\n---  \n- [ ] a\n',
      'many dashes.md': '---\ntype: goal\n---a\n---b\n---c\n---d\n---\n- [ ] a\n',
      'unclosed.md': '---\ntype: goal\n- [ ] a\n',
      'rule first.md': '----\ntype: goal\n---\n- [ ] a\n',
      'accent before fence.md': '---\ntype: goal\ntitle: café\n---\n- [ ] é\n',
      'empty.md': '---\n---\ntype: goal\n',
      'at the end.md': '---\ntype: goal\n---',
    };
    const fromBytes = reports(notes, true);
    expect(fromBytes).toEqual(reports(notes, false));
    expect((fromBytes as unknown[]).length).toBeGreaterThan(5);
  });

  it('finds the same goals as from text, on random notes', () => {
    const note = fc.tuple(fc.array(fc.constantFrom(...LINES), { maxLength: 12 }), fc.boolean(), fc.boolean()).map(([lines, crlf, bom]) => (bom ? '\uFEFF' : '') + ['---', ...lines].join(crlf ? '\r\n' : '\n'));
    fc.assert(
      fc.property(fc.array(note, { minLength: 1, maxLength: 4 }), (texts) => {
        const notes = Object.fromEntries(texts.map((t, i) => [`n${i}.md`, t]));
        expect(reports(notes, true)).toEqual(reports(notes, false));
      }),
      { numRuns: 300 },
    );
  });
});
