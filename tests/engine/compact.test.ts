/** The compact form of a task line's surroundings gives back every line exactly. */
import fc from 'fast-check';
import { compact, expand } from '../../src/engine/compact';

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
