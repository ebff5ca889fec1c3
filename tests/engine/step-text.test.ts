/**
 * A step's text and where it lies in its line: the field reader says where the text is when it
 * is one piece of the line, and the text is what it always was (the line without its fields,
 * trimmed, runs of spaces made one) whether it is one piece or not.
 */
import fc from 'fast-check';
import { LineReader, readFields } from '../../src/engine/read/fields';
import { isTrimSpace } from '../../src/engine/read/step-text';
import { copyOf, own } from '../../src/engine/read/text';
import { readNote } from '../../src/engine/read/note';
import { editorLines } from '../../src/engine/read/lines';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/engine/types';

/** The text as the reader made it before it learned where the text lies: pieces joined, trimmed, runs collapsed. */
function joinedText(line: string, r: LineReader): string {
  let out = '';
  let at = 0;
  for (let i = 0; i < r.rangeCount; i += 2) {
    const s = r.ranges[i] ?? at;
    const e = r.ranges[i + 1] ?? s;
    if (s > at) out += line.slice(at, s);
    if (e > at) at = e;
  }
  if (at < line.length) out += line.slice(at);
  return out.trim().replace(/[ \t]{2,}/g, ' ');
}

function read(line: string): LineReader {
  const r = new LineReader();
  readFields(line, 0, line.length, '#help', true, r);
  return r;
}

describe('the text of a step and its place in the line', () => {
  it.each([
    ['Call Bob 📅 2026-12-01', 'Call Bob', true],
    ['  Call Bob  ', 'Call Bob', true],
    ['Call Bob [due:: 2026-12-01] (completion:: 2026-12-02) ^abc', 'Call Bob', true],
    ['📅 2026-12-01 🔼 Call Bob', 'Call Bob', true],
    ['Follow [[Other note#Heading|the other]] ⏱ 3d', 'Follow [[Other note#Heading|the other]]', true],
    ['See `[[not a link]]` and [doc](Folder/My%20note.md) ✅ 2026-11-02', 'See `[[not a link]]` and [doc](Folder/My%20note.md)', true],
    ['Café ✓ 日本語 😀 #help 📅 2026-12-01', 'Café ✓ 日本語 😀 #help', true],
    ['Call 📅 2026-12-01 Bob', 'Call Bob', false],
    ['Call [due:: 2026-12-01] Bob (weight:: 2) now', 'Call Bob now', false],
    ['Call  Bob 📅 2026-12-01', 'Call Bob', false],
    ['Call\t\tBob', 'Call Bob', false],
    ['\u00a0Call Bob\u3000📅 2026-12-01', 'Call Bob', true],
    ['Call\u00a0\u00a0Bob', 'Call\u00a0\u00a0Bob', true],
    ['📅 2026-12-01', '', false],
    ['   ', '', false],
    ['', '', false],
  ])('%j', (line, text, onePiece) => {
    const r = read(line);
    expect(r.text).toBe(text);
    expect(r.text).toBe(joinedText(line, r));
    if (onePiece) expect(line.slice(r.textFrom, r.textTo)).toBe(text);
    else expect([r.textFrom, r.textTo]).toEqual([-1, -1]);
  });

  it('is placed within the range read, for a line inside a note', () => {
    const note = '# Plan\r\n- [ ] Call Bob 📅 2026-12-01\r\n';
    const from = note.indexOf('Call');
    const to = note.indexOf('\r\n', from);
    const r = new LineReader();
    readFields(note, from, to, '#help', true, r);
    expect([r.text, note.slice(r.textFrom, r.textTo)]).toEqual(['Call Bob', 'Call Bob']);
  });

  it('has no place when read without text', () => {
    const r = new LineReader();
    readFields('Call Bob', 0, 8, '#help', false, r);
    expect([r.text, r.textFrom, r.textTo]).toEqual(['', -1, -1]);
  });

  it('is the joined text and, when placed, the slice of the line there, for any line', () => {
    const piece = fc.constantFrom('Call', 'Bob', ' ', '  ', '\t', '\u00a0', '\u2003', '📅 2026-12-01', '📅 2026-02-30', '✅ 2026-11-02', '⏱ 3d', '🔼', '🔁 every week',
      '[due:: 2026-12-01]', '(completion:: 2026-12-02)', '[weight:: 2]', '[[Note]]', '[x](y.md)', '`code`', '^abc', '#help', '日本', 'é', '\ufeff', '\r');
    const line = fc.oneof(fc.array(piece, { maxLength: 10 }).map((a) => a.join('')), fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(line, (l) => {
        const r = read(l);
        expect(r.text).toBe(joinedText(l, r));
        if (r.textFrom !== -1) expect(l.slice(r.textFrom, r.textTo)).toBe(r.text);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('white space as trim sees it', () => {
  it('is the same for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isTrimSpace(c) !== (String.fromCharCode(c).trim() === '')) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});

describe('copies of parts of a note', () => {
  it('are equal to the slice for every length, in one-byte and two-byte text', () => {
    for (const base of ['abcdefghij'.repeat(40), 'ab📅cdé日fgh\ud800'.repeat(40)]) {
      for (let n = 0; n <= 300; n++) {
        expect(copyOf(base, 7, 7 + n)).toBe(base.slice(7, 7 + n));
        expect(own(base.slice(3, 3 + n))).toBe(base.slice(3, 3 + n));
      }
    }
  });
});

describe('the raw line of every step', () => {
  it('is the line as read, byte for byte, with any line ending', () => {
    const body = fc.constantFrom('Call', ' Bob', '  ', '\t', '📅 2026-12-01', '📅 2026-12-01', '✅ 2026-11-02', '⏳ 2026-12-01', '🛫 2026-11-30', '➕ 2026-10-01',
      '[due:: 2026-12-01]', '(start:: 2026-11-30)', '[completion:: 2026-12-01T10:00]', '[scheduled::  2026-12-01 ]', '📅 2026-02-30', '⏱ 3d', '🔼', '\ufe0f', '🔁 every week', '^abc', '[[N]]', '`c`',
      '📅 1999-12-31', '✅ 2100-01-01', '[due:: 0000-01-01]', '⏳ 9999-12-31', '2026-12-01', '📅2026-12-01',
      'é', '日本', '\u0001', '\u001f', '\u00a0', '#help');
    const head = fc.constantFrom('- [ ] ', '- [x] ', '\t- [/] ', '    * [-] ', '1. [>] ', '> - [ ] ', '- [ ]  ', '-   [x] ');
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    const note = fc.tuple(fc.array(fc.tuple(head, fc.array(body, { maxLength: 8 })), { minLength: 1, maxLength: 6 }), eol).map(([ls, e]) => ls.map(([h, b]) => h + b.join('')).join(e) + e);
    fc.assert(
      fc.property(note, (text) => {
        const lines = editorLines(text).split('\n').map((l) => l.replace(/\r$/, ''));
        const read = readNote('Note.md', text, null, DEFAULT_ENGINE_OPTIONS);
        for (const s of read.steps) expect(s.raw).toBe(lines[s.line]);
      }),
      { numRuns: 1500 },
    );
  });
});
