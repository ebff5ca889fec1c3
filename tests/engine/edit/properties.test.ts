/**
 * Properties of the edits over generated notes: an edit changes only its target line (and the
 * lines it inserts); toggling an open step twice on one day gives back the original bytes; a
 * note changed between read and write is refused and left as it was; backward scheduling keeps
 * every step within today and the deadline when the plan fits, keeps the order, and ends on the
 * deadline's working day.
 */
import fc from 'fast-check';
import { isWorkingDay } from '../../../src/engine/days/calendar';
import { dayFromCivil, type Day } from '../../../src/engine/days/dates';
import { anchorLine, breakDownStep, isTaskLine, layOutBackward, postponeStep, toggleStep } from '../../../src/engine/edit';

const TODAY = dayFromCivil(2027, 1, 11);

const word = fc.constantFrom('Call', 'movers', 'write', 'the', 'query', 'letter', '#home', '[[Note]]', '[[A|b]]', '[x](y.md)', 'é', '🙂', '(aside)');
const date = fc.tuple(fc.integer({ min: 2026, max: 2028 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(
  ([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
);
const field = fc.oneof(
  date.map((d) => `📅 ${d}`),
  date.map((d) => `[due:: ${d}]`),
  date.map((d) => `(due:: ${d})`),
  date.map((d) => `✅ ${d}`),
  date.map((d) => `[completion:: ${d}]`),
  date.map((d) => `⏳ ${d}`),
  fc.constantFrom('🔼', '⏫', '🔁 every week', '[repeat:: every day]', '🆔 abc1', '⛔ x1,x2', '[priority:: high]', '[kanban:: lane 2]', '(custom:: v)', '⏱ 2d', '[estimate:: 4h]'),
);
const taskLine = fc
  .record({
    indent: fc.constantFrom('', '\t', '  ', '    ', '\t\t', '> '),
    marker: fc.constantFrom('-', '*', '+', '1.', '2)'),
    status: fc.constantFrom(' ', 'x', 'X', '/', '-', '>', '?'),
    words: fc.array(word, { minLength: 1, maxLength: 4 }),
    fields: fc.array(field, { maxLength: 3 }),
    block: fc.constantFrom('', ' ^b1', ' ^blk-2'),
    trailing: fc.constantFrom('', ' ', '\t'),
  })
  .map((t) => `${t.indent}${t.marker} [${t.status}] ${[...t.words, ...t.fields].join(' ')}${t.block}${t.trailing}`);
const otherLine = fc.constantFrom('', '# Plan', '## Phase', 'Some text.', '- plain item', '\t- nested plain', '```', '---');
const note = fc
  .record({
    lines: fc.array(fc.oneof({ arbitrary: taskLine, weight: 3 }, { arbitrary: otherLine, weight: 1 }), { minLength: 1, maxLength: 25 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    final: fc.boolean(),
  })
  .map((n) => ({ ...n, text: n.lines.join(n.eol) + (n.final ? n.eol : '') }))
  .filter((n) => n.lines.some((_, i) => isTaskLine(n.text, i)));

/** A generated note and one of its task lines. */
const noteAndTask = note.chain((n) => {
  // The lines the reader reads as tasks (not those in code, comments or frontmatter).
  const tasks = n.lines.map((_, i) => (isTaskLine(n.text, i) ? i : -1)).filter((i) => i >= 0);
  return fc.constantFrom(...tasks).map((line) => ({ ...n, line }));
});

/** Offsets where a line starts and ends (without its ending). */
function span(text: string, line: number): [number, number] {
  const breaks = [...text.matchAll(/\r\n|\r|\n/g)];
  const start = line === 0 ? 0 : (breaks[line - 1]?.index ?? 0) + (breaks[line - 1]?.[0].length ?? 0);
  return [start, breaks[line]?.index ?? text.length];
}

function onlyLineChanged(before: string, after: string, line: number): void {
  const [s, e] = span(before, line);
  const [s2, e2] = span(after, line);
  expect(after.slice(0, s2)).toBe(before.slice(0, s));
  expect(after.slice(e2)).toBe(before.slice(e));
}

describe('edit properties over generated notes', () => {
  it('toggle and postpone change only their line', () => {
    fc.assert(
      fc.property(noteAndTask, fc.constantFrom('toggle', 'postpone'), (n, kind) => {
        const at = { line: n.line, expected: n.lines[n.line] ?? '' };
        const r = kind === 'toggle' ? toggleStep(n.text, at, { today: TODAY }) : postponeStep(n.text, at, { by: 1, unit: 'w' }, TODAY);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.changed).toEqual([n.line]);
        onlyLineChanged(n.text, r.text, n.line);
        // The edited line is still a task with the same indent, marker and everything after the fields.
        const a = anchorLine(r.text.slice(...span(r.text, n.line)));
        expect(a?.indent).toBe(anchorLine(at.expected)?.indent);
        expect(a?.marker).toBe(anchorLine(at.expected)?.marker);
      }),
      { numRuns: 300 },
    );
  });

  it('toggling an open step without a done date twice on one day gives back the bytes', () => {
    fc.assert(
      fc.property(noteAndTask, fc.constantFrom<'tasks' | 'dataview'>('tasks', 'dataview'), (n, format) => {
        const raw = n.lines[n.line] ?? '';
        const a = anchorLine(raw);
        fc.pre(a !== null && a.status === ' ' && !a.fields.some((f) => f.name === 'done'));
        const once = toggleStep(n.text, { line: n.line, expected: raw }, { today: TODAY, format });
        if (!once.ok) throw new Error(once.reason);
        const twice = toggleStep(once.text, { line: n.line }, { today: TODAY, format });
        expect(twice.ok && twice.text).toBe(n.text);
      }),
      { numRuns: 300 },
    );
  });

  it('a note changed between read and write is refused and left as it was', () => {
    fc.assert(
      fc.property(noteAndTask, fc.constantFrom(' changed', 'X'), (n, edit) => {
        const expected = n.lines[n.line] ?? '';
        const [s, e] = span(n.text, n.line);
        const changed = n.text.slice(0, s) + n.text.slice(s, e) + edit + n.text.slice(e);
        fc.pre(!changed.split(/\r\n|\r|\n/).includes(expected));
        for (const r of [
          toggleStep(changed, { line: n.line, expected }, { today: TODAY }),
          postponeStep(changed, { line: n.line, expected }, { by: 1, unit: 'd' }, TODAY),
          breakDownStep(changed, { line: n.line, expected }, [{ text: 'Sub', estimate: null }], { days: [TODAY] }),
        ]) {
          expect(r.ok).toBe(false);
          expect(r.text).toBe(changed);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('break-down keeps every line and inserts its sub-steps together, right after the step\'s own block', () => {
    fc.assert(
      fc.property(noteAndTask, fc.integer({ min: 1, max: 5 }), (n, count) => {
        const subs = Array.from({ length: count }, (_, i) => ({ text: `Sub ${i}`, estimate: i % 2 === 0 ? '2d' : null }));
        const r = breakDownStep(n.text, { line: n.line, expected: n.lines[n.line] ?? '' }, subs, { days: subs.map(() => TODAY) });
        if (!r.ok) throw new Error(r.reason);
        const before = n.text.split(/\r\n|\r|\n/);
        const after = r.text.split(/\r\n|\r|\n/);
        expect(after.length).toBe(before.length + count);
        const first = r.changed[0] ?? -1;
        expect(r.changed).toEqual(subs.map((_, i) => first + i));
        expect(first).toBeGreaterThan(n.line);
        expect([...after.slice(0, first), ...after.slice(first + count)]).toEqual(before);
        for (const l of after.slice(first, first + count)) expect(anchorLine(l)?.status).toBe(' ');
        // Line endings: every inserted line ends like the note's own lines.
        if (n.text.includes(n.eol)) expect(r.text.split(n.eol).length).toBe(n.text.split(n.eol).length + count);
      }),
      { numRuns: 300 },
    );
  });
});

describe('backward scheduling properties', () => {
  it('when the plan fits: within today and the deadline, in order, the last on the deadline\'s working day', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
        (estimates, offset, span, working) => {
          const today: Day = dayFromCivil(2025, 1, 1) + offset;
          const deadline = today + span;
          const l = layOutBackward(estimates, today, deadline, working);
          if (!l.fits) {
            expect(l.short).toBe(l.work - l.window);
            expect(l.short).toBeGreaterThan(0);
            return;
          }
          let last = deadline;
          while (!isWorkingDay(last, working)) last--;
          expect(l.days[l.days.length - 1]).toBe(last);
          l.days.forEach((d, i) => {
            expect(d).toBeGreaterThanOrEqual(today);
            expect(d).toBeLessThanOrEqual(deadline);
            expect(isWorkingDay(d, working)).toBe(true);
            if (i > 0) expect(d).toBeGreaterThanOrEqual(l.days[i - 1] ?? 0);
          });
          // Moving the deadline to where the layout says it would fit makes it fit.
          expect(layOutBackward(estimates, today, l.extendTo, working).fits).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
