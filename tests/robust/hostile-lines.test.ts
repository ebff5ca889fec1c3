/**
 * Hostile lines: long runs of openers without a close. The readers give the same answers as a
 * plain search would (property tests over lines built from such pieces); their time per byte is
 * measured by `npm run bench -- hostile`, not here.
 */
import fc from 'fast-check';
import { scanFields } from '../../src/engine/read/anchor';
import { readFields } from '../../src/engine/read/fields';
import { codeSpans, Search } from '../../src/engine/read/line-search';
import { readNote } from '../../src/engine/read/note';
import { findIn } from '../../src/engine/read/text';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/engine/types';

const PIECES = ['[', '[[', '(', ']', ']]', ')', '](', '[key:: ', '(due:: ', '::', '`', '``', 'x', ' ', '⏱', '🔁', '#help', ' ^id', '[[Note]]', '[t](N.md)', '📅 2026-12-01', '[weight:: 2]'];
const hostileLine = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

/** CommonMark code spans, the obvious quadratic way. */
function naiveSpans(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let e = i;
    while (text[e] === '`') e++;
    const n = e - i;
    let j = e;
    let close = -1;
    while (j < text.length) {
      if (text[j] !== '`') {
        j++;
        continue;
      }
      let k = j;
      while (text[k] === '`') k++;
      if (k - j === n) {
        close = k;
        break;
      }
      j = k;
    }
    if (close === -1) i = e;
    else {
      out.push(i, close);
      i = close;
    }
  }
  return out;
}

describe('searches within a line', () => {
  it('Search answers as findIn does, for any order of starts', () => {
    fc.assert(
      fc.property(hostileLine, fc.constantFrom(']]', ']', ')', '](', '::'), fc.array(fc.nat(), { maxLength: 30 }), (line, needle, starts) => {
        const s = new Search(needle).reset(line, line.length);
        for (const from of starts) {
          const at = from % (line.length + 1);
          expect(s.find(at)).toBe(findIn(line, needle, at, line.length));
        }
      }),
    );
  });

  it('finds code spans as CommonMark does', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('`', '``', '```', 'a', ' ', '[[N]]'), { maxLength: 40 }).map((p) => p.join('')), (line) => {
        expect(codeSpans(line, 0, line.length)).toEqual(naiveSpans(line));
      }),
    );
  });
});

describe('links in code are not followed', () => {
  it.each([
    ['See `[[Note]]` here', null],
    ['See ``[[Note]] ` still code`` and [[Real]]', ['Real']],
    ['`[t](Note.md)` is code', null],
    ['Unclosed `[[Note]] is a link', ['Note']],
    ['`code` then [[Note]]', ['Note']],
    ['Due in code `📅 2026-12-01` [due:: 2026-12-02]', null],
  ])('%s', (line, links) => {
    expect(readFields(line, 0, line.length, '#help').links).toEqual(links);
  });

  it('still reads the fields inside a code span (as the Tasks plugin does)', () => {
    const line = 'Ship `📅 2026-12-01`';
    expect(readFields(line, 0, line.length, '#help').due).not.toBe(readFields('Ship', 0, 4, '#help').due);
  });
});

describe('hostile lines are read whole', () => {
  it.each(['[', '[[', '(', '[key:: ', '(due:: ', '[a](', '⏱', '🔁 [', '``x'])('100,000 × %j', (pattern) => {
    const line = '- [ ] ' + pattern.repeat(100_000) + ' [[End]] 📅 2026-12-01';
    const note = readNote('Hostile.md', line, null, DEFAULT_ENGINE_OPTIONS);
    expect(note.steps).toHaveLength(1);
    expect(note.steps[0]?.due).not.toBe(readNote('P.md', '- [ ] x', null, DEFAULT_ENGINE_OPTIONS).steps[0]?.due);
    const anchors = scanFields(line, 6, line.length);
    expect(anchors.fields.some((f) => f.name === 'due')).toBe(true);
  });

  it('never throws and reads each closed link once, on any line of openers and closers', () => {
    fc.assert(
      fc.property(hostileLine, (body) => {
        const f = readFields(body, 0, body.length, '#help');
        expect(Number.isFinite(f.weight)).toBe(true);
        expect(f.weight).toBeGreaterThan(0);
        for (const l of f.links ?? []) expect(typeof l).toBe('string');
        expect(() => scanFields(body, 0, body.length)).not.toThrow();
      }),
    );
  });
});
