import fc from 'fast-check';
import { frontmatterOf, indexTexts } from '../../src/cli/load';
import { readNote } from '../../src/engine/note';
import { outlineNote } from '../../src/engine/outline';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/engine/types';
const prefix = fc.array(fc.constantFrom('', ' ', '  ', '    ', '\t', '> ', '>', '1. ', '- ', '* ', '10) '), { maxLength: 3 }).map((a) => a.join(''));
const body = fc.array(fc.constantFrom('[ ] ', '[x] ', '[/]', 'a', ' ', '%%', '```', '~~~', '<!--', '-->', '<div>', '# h', '#', '---', '===', '📅 2026-01-01', '[due:: 2026-02-30]', '[[N]]', '\t', '`'), { maxLength: 4 }).map((a) => a.join(''));
const line = fc.tuple(prefix, body).map(([a, b]) => a + b);
const doc = fc.array(line, { maxLength: 25 }).map((l) => l.join('\n'));
const crlf = (t: string) => t.replace(/\n/g, '\r\n');
it('crlf outline', () => {
  fc.assert(fc.property(doc, (t) => { expect(outlineNote(crlf(t), null)).toEqual(outlineNote(t, null)); }), { numRuns: 30000 });
});
it('crlf readNote', () => {
  fc.assert(fc.property(doc, (t) => { const a = readNote('N.md', t, frontmatterOf(t), DEFAULT_ENGINE_OPTIONS); const b = readNote('N.md', crlf(t), frontmatterOf(crlf(t)), DEFAULT_ENGINE_OPTIONS); expect(b.steps).toEqual(a.steps); expect(b.headings).toEqual(a.headings); expect(b.problems).toEqual(a.problems); }), { numRuns: 20000 });
});
