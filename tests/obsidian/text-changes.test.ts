/** The changes the note writer hands the editor: applied together they make the new text, and they leave alone what did not change. */
import fc from 'fast-check';
import { textChanges, type TextChange } from '../../src/obsidian/text-changes';

function apply(before: string, changes: TextChange[]): string {
  let out = '';
  let at = 0;
  for (const c of changes) {
    expect(c.from).toBeGreaterThanOrEqual(at);
    out += before.slice(at, c.from) + c.text;
    at = c.to;
  }
  return out + before.slice(at);
}

describe('textChanges', () => {
  it('ticking a box and adding a done date are two changes, not one span over the text between', () => {
    const before = '    - [ ] Bring the microphone 📅 2026-11-19';
    const after = '    - [x] Bring the microphone 📅 2026-11-19 ✅ 2026-11-25';
    const changes = textChanges(before, after);
    expect(changes).toEqual([
      { from: 7, to: 8, text: 'x' },
      { from: before.length, to: before.length, text: ' ✅ 2026-11-25' },
    ]);
  });

  it('gives back the whole differing span when the diff would cost too much', () => {
    expect(textChanges('abcdef', 'uvwxyz', 2)).toEqual([{ from: 0, to: 6, text: 'uvwxyz' }]);
    expect(textChanges('same', 'same')).toEqual([]);
  });

  it('applied together, always make the new text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'x', '📅'), maxLength: 40 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 80 }), (before, after, max) => {
        expect(apply(before, textChanges(before, after, max))).toBe(after);
      }),
      { numRuns: 500 },
    );
  });
});
