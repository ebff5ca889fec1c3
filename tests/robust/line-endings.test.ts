/** Lone CR and mixed line endings are lines, as Obsidian's editor reads them (property test). */
import fc from 'fast-check';
import { frontmatterOf } from '../../src/cli/load';
import { editorLines } from '../../src/engine/read/lines';
import { readNote } from '../../src/engine/read/note';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/engine/types';

const LINES = ['---', 'type: goal', 'start: 2026-01-01', '# Phase', '## Sub', '- [ ] todo [[Link]]', '- [x] done ✅ 2026-11-01', '    - [/] nested', '\t- [ ] tab', '> - [ ] quoted', '```', 'text', '', '- plain', '  - [ ] under plain', '%%', '[due:: 2026-12-01]'];
const EOLS = ['\n', '\r\n', '\r'] as const;

function read(text: string) {
  const note = readNote('G.md', text, frontmatterOf(text), DEFAULT_ENGINE_OPTIONS);
  return { goal: note.goal, headings: note.headings, steps: note.steps, problems: note.problems };
}

describe('line endings', () => {
  it('LF, CRLF, lone CR and any mix read the same', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...LINES), fc.constantFrom(...EOLS)), { maxLength: 30 }), (lines) => {
        const mixed = lines.map(([l, eol]) => l + eol).join('');
        // The same lines with LF (a CR then an empty line's LF is one CRLF, as in the editor).
        const lf = mixed.split(/\r\n|\r|\n/).join('\n');
        expect(read(mixed)).toEqual(read(lf));
      }),
    );
  });

  it.each([
    ['no CR', 'a\nb', 'a\nb'],
    ['CRLF kept', 'a\r\nb', 'a\r\nb'],
    ['lone CR', 'a\rb\r', 'a\nb\n'],
    ['mixed', 'a\r\r\nb\rc', 'a\n\r\nb\nc'],
  ])('%s', (_name, text, lines) => {
    expect(editorLines(text)).toBe(lines);
    expect(editorLines(text).length).toBe(text.length);
  });
});
