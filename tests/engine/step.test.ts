/**
 * The dense step record gives back what the field reader read: dates in and out of the span it
 * packs (2000 to 2089), estimates that are and are not small whole minutes, weights, links,
 * status and the help tag.
 */
import fc from 'fast-check';
import { BAD_DAY, NO_DAY, formatDay } from '../../src/engine/days/dates';
import { readFields } from '../../src/engine/read/fields';
import { readNote } from '../../src/engine/read/note';
import { DEFAULT_ENGINE_OPTIONS, type StepData } from '../../src/engine/types';

const STATUS: Record<string, string> = { ' ': 'todo', x: 'done', X: 'done', '/': 'doing', '-': 'cancelled', '>': 'deferred', '?': 'todo' };

function day(d: number): string | null {
  return d === BAD_DAY ? null : formatDay(d);
}

/** A step's fields as they should be: read from its line by the field reader. */
function expected(line: string) {
  const from = line.indexOf('] ') + 2;
  const f = readFields(line, from, line.length, DEFAULT_ENGINE_OPTIONS.helpTag);
  return {
    status: STATUS[line.charAt(line.indexOf('[') + 1)],
    due: day(f.due),
    scheduled: day(f.scheduled),
    start: day(f.start),
    done: day(f.done),
    estimate: f.estimate,
    weight: f.weight,
    help: f.help,
    links: f.links,
  };
}

function actual(s: StepData) {
  return {
    status: s.status,
    due: formatDay(s.due),
    scheduled: formatDay(s.scheduled),
    start: formatDay(s.start),
    done: formatDay(s.done),
    estimate: s.estimate,
    weight: s.weight,
    help: s.help,
    links: s.links,
  };
}

function stepOf(line: string): StepData {
  const steps = readNote('Note.md', line + '\n', null, DEFAULT_ENGINE_OPTIONS).steps;
  expect(steps).toHaveLength(1);
  return steps[0] as StepData;
}

describe('a step as kept', () => {
  it.each([
    '- [ ] Plain',
    '- [x] Done 📅 2026-12-01 ✅ 2026-11-30',
    '- [/] Edges ⏳ 2000-01-01 🛫 1999-12-31 📅 2089-09-15 ✅ 2089-09-16',
    '- [-] Far [due:: 0000-01-01] [scheduled:: 9999-12-31] [start:: 2100-01-01] [completion:: 1970-01-01]',
    '- [>] Odd estimate ⏱ 1.5h',
    '- [ ] Large estimate ⏱ 999999999w',
    '- [ ] Fractional [estimate:: 0.3m]',
    '- [X] Weighted [weight:: 2.5] #help',
    '- [?] Linked [[A]] and [b](B.md) 📅 2026-02-30',
  ])('%s', (line) => {
    expect(actual(stepOf(line))).toEqual(expected(line));
  });

  it('keeps no date for an impossible one', () => {
    const s = stepOf('- [ ] Bad 📅 2026-02-30 ✅ 2026-13-01');
    expect([s.due, s.done]).toEqual([NO_DAY, NO_DAY]);
  });

  it('gives back every field of any line', () => {
    const date = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const field = fc.oneof(
      fc.tuple(fc.constantFrom('📅', '⏳', '🛫', '✅', '➕'), date).map(([s, d]) => `${s} ${d}`),
      fc.tuple(fc.constantFrom('due', 'scheduled', 'start', 'completion'), date).map(([k, d]) => `[${k}:: ${d}]`),
      fc.tuple(fc.constantFrom('⏱ ', '[estimate:: '), fc.constantFrom('30m', '2h', '1.5h', '0.4m', '3d', '1w', '123456789w', '1e300w')).map(([s, v]) => (s.startsWith('[') ? `${s}${v}]` : s + v)),
      fc.constantFrom('[weight:: 2]', '[weight:: 0.5]', '#help', '[[Link]]', 'word'),
    );
    const line = fc.tuple(fc.constantFrom(' ', 'x', '/', '-', '>'), fc.array(field, { maxLength: 6 })).map(([c, f]) => `- [${c}] Task ${f.join(' ')}`);
    fc.assert(
      fc.property(line, (l) => {
        expect(actual(stepOf(l))).toEqual(expected(l));
      }),
      { numRuns: 1000 },
    );
  });
});
