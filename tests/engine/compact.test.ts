/** The compact form of a task line's surroundings gives back every line exactly. */
import fc from 'fast-check';
import { compact, compactOf, expand } from '../../src/engine/read/compact';
import { NO_DAY, dayFromCivil } from '../../src/engine/days/dates';

describe('compact', () => {
  it.each([
    '',
    '- [ ] ',
    ' 📅 2026-12-01 ⏱ 3d ^abc',
    ' ✅️ 2026-11-02 🔁 every week 🆔 x1 ⛔ y2',
    '\t- [x] ',
    ' [due:: 2026-12-01] 🔺',
    ' café ⏳ 2026-01-01',
    ' \u0001\u001f\u0000 📅 2026-12-01',
    ' ✓ done 📅 2026-12-01',
    ' 日本語',
  ])('gives back %j', (s) => {
    expect(expand(compact(s))).toBe(s);
  });

  it('keeps a line with signs in one byte a character', () => {
    const c = compact(' 📅 2026-12-01 ⏱ 3d');
    expect([...c].every((ch) => ch.charCodeAt(0) <= 0xff)).toBe(true);
    expect(c.length).toBeLessThan(' 📅 2026-12-01 ⏱ 3d'.length);
  });

  it('gives back any string', () => {
    const pieces = fc.constantFrom('📅', '✅', '\uFE0F', '⏱', '🔁', 'é', '日', '\u0001', '\u001f', '\t', ' ', 'a', '\ud83d', '\udcc5', '\u00ff', '\u0100');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.array(pieces).map((a) => a.join(''))), (s) => {
        expect(expand(compact(s))).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('compactOf', () => {
  const note = '- [ ] A 📅 2026-12-01 ✅ 2026-12-03\r\n- [x] B 📅 2027-01-05 ✅ 2027-01-07 ➕ 2026-11-01\n';
  const endOf = (from: number): number => note.indexOf('\n', from) - (note.charAt(note.indexOf('\n', from) - 1) === '\r' ? 1 : 0);

  it('keeps the step’s own dates as codes, so that ends differing only in them are one string', () => {
    const a = note.indexOf(' 📅'), b = note.indexOf(' 📅', a + 1);
    const placesA = { dueAt: note.indexOf('2026-12-01'), scheduledAt: -1, startAt: -1, doneAt: note.indexOf('2026-12-03') };
    const placesB = { dueAt: note.indexOf('2027-01-05'), scheduledAt: -1, startAt: -1, doneAt: note.indexOf('2027-01-07') };
    const daysA = { due: dayFromCivil(2026, 12, 1), scheduled: NO_DAY, start: NO_DAY, done: dayFromCivil(2026, 12, 3) };
    const daysB = { due: dayFromCivil(2027, 1, 5), scheduled: NO_DAY, start: NO_DAY, done: dayFromCivil(2027, 1, 7) };
    const keptA = compactOf(note, a, endOf(a), placesA);
    const keptB = compactOf(note, b, note.indexOf(' ➕'), placesB);
    expect(keptB).toBe(keptA);
    expect(expand(keptA, daysA)).toBe(note.slice(a, endOf(a)));
    expect(expand(keptB, daysB)).toBe(note.slice(b, note.indexOf(' ➕')));
    // A date that is not one of the step's stays as it is.
    const withCreated = compactOf(note, b, endOf(b), placesB);
    expect(expand(withCreated, daysB)).toBe(note.slice(b, endOf(b)));
  });

  it('is compact of the slice without dates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat(60), fc.nat(60), (s, x, y) => {
        const from = Math.min(x, y, s.length), to = Math.min(Math.max(x, y), s.length);
        expect(compactOf(s, from, to)).toBe(compact(s.slice(from, to)));
        expect(expand(compactOf(s, from, to))).toBe(s.slice(from, to));
      }),
      { numRuns: 2000 },
    );
  });
});
