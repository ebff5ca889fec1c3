/**
 * Before/after cases for the one-line edits of SPEC 2.1-2.4, in both formats, with tabs,
 * spaces, CRLF, block ids, priorities, recurrence and fields of other plugins kept as they are.
 */
import { dayFromCivil, type Day } from '../../../src/engine/days/dates';
import { readFields } from '../../../src/engine/read/fields';
import { checkLine, parseShift, postponeStep, setDueDates, toggleStep, type EditResult } from '../../../src/engine/edit';

const D = (s: string): Day => {
  const [y, m, d] = s.split('-').map(Number);
  return dayFromCivil(y ?? 0, m ?? 1, d ?? 1);
};
const TODAY = D('2027-01-11'); // a Monday

function written(r: EditResult): string {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.text;
}

describe('toggle (2.3)', () => {
  it.each([
    ['todo, Tasks format', '- [ ] Call 📅 2027-01-12', '- [x] Call 📅 2027-01-12 ✅ 2027-01-11'],
    ['todo, Dataview brackets', '- [ ] Call [due:: 2027-01-12]', '- [x] Call [due:: 2027-01-12] [completion:: 2027-01-11]'],
    ['todo, Dataview parentheses', '- [ ] Call (due:: 2027-01-12)', '- [x] Call (due:: 2027-01-12) (completion:: 2027-01-11)'],
    ['an unknown field first decides the format', '- [ ] Call [kanban:: lane] 📅 2027-01-12', '- [x] Call [kanban:: lane] 📅 2027-01-12 [completion:: 2027-01-11]'],
    ['a priority first decides the format', '- [ ] Call ⏫ [due:: 2027-01-12]', '- [x] Call ⏫ [due:: 2027-01-12] ✅ 2027-01-11'],
    ['no field: the default format', '- [ ] Call', '- [x] Call ✅ 2027-01-11'],
    ['before a block id', '  * [/] Call 🔁 every week 📅 2027-01-12 ^blk-1', '  * [x] Call 🔁 every week 📅 2027-01-12 ✅ 2027-01-11 ^blk-1'],
    ['trailing whitespace stays', '  1. [>] Call #home  ', '  1. [x] Call #home ✅ 2027-01-11  '],
    ['done becomes todo', '- [x] Call 📅 2027-01-12 ✅ 2027-01-10 ^b', '- [ ] Call 📅 2027-01-12 ^b'],
    ['done X becomes todo, Dataview', '- [X] Call [completion:: 2027-01-10] [due:: 2027-01-12]', '- [ ] Call [due:: 2027-01-12]'],
    ['cancelled becomes todo', '- [-] Call ❌ 2027-01-09 🔼', '- [ ] Call 🔼'],
    ['cancelled keeps a done field', '- [-] Call (cancelled:: 2027-01-09)', '- [ ] Call'],
    ['done without a date', '- [x] Call', '- [ ] Call'],
    ['a done field on an open step is replaced, never doubled', '- [ ] Call ✅ 2026-01-01', '- [x] Call ✅ 2027-01-11'],
    ['in a callout', '> - [ ] Call', '> - [x] Call ✅ 2027-01-11'],
    ['after a recurrence, a field in parentheses stays a field', '- [ ] Water (due:: 2027-01-12) 🔁 every week', '- [x] Water (due:: 2027-01-12) 🔁 every week (completion:: 2027-01-11)'],
  ])('%s', (_name, before, after) => {
    expect(written(toggleStep(before, { line: 0, expected: before }, { today: TODAY }))).toBe(after);
  });

  it('toggles back a done step whose done field follows a recurrence (regression)', () => {
    const done = '- [x] Water (due:: 2027-01-12) 🔁 every week (completion:: 2027-01-11)';
    expect(written(toggleStep(done, { line: 0 }, { today: TODAY }))).toBe('- [ ] Water (due:: 2027-01-12) 🔁 every week');
    expect(readFields(done, 6, done.length, '#help').done).toBe(TODAY);
  });

  it('uses the default format given', () => {
    expect(written(toggleStep('- [ ] Call', { line: 0 }, { today: TODAY, format: 'dataview' }))).toBe('- [x] Call [completion:: 2027-01-11]');
  });

  it('records no date when asked not to', () => {
    expect(written(toggleStep('- [ ] Call', { line: 0 }, { today: TODAY, recordDone: false }))).toBe('- [x] Call');
  });

  it('changes only its line, keeping CRLF and sub-steps', () => {
    const before = '# Plan\r\n- [ ] Parent\r\n\t- [ ] Child\r\n';
    const r = toggleStep(before, { line: 1, expected: '- [ ] Parent' }, { today: TODAY });
    expect(r).toMatchObject({ ok: true, changed: [1], text: '# Plan\r\n- [x] Parent ✅ 2027-01-11\r\n\t- [ ] Child\r\n' });
  });

  it('counts a lone CR as a line break, as the readers do, and keeps it', () => {
    const before = '# Plan\r- [ ] Parent\r\t- [ ] Child';
    const r = toggleStep(before, { line: 2, expected: '\t- [ ] Child' }, { today: TODAY });
    expect(r).toMatchObject({ ok: true, changed: [2], text: '# Plan\r- [ ] Parent\r\t- [x] Child ✅ 2027-01-11' });
    expect(checkLine(before, 0, '- [ ] Parent')).toMatchObject({ ok: true, moved: true, span: { line: 1, eol: '\r' } });
  });

  it('refuses a line that is not a task', () => {
    const r = toggleStep('- plain', { line: 0 }, { today: TODAY });
    expect(r).toEqual({ ok: false, text: '- plain', reason: 'line 1 is not a task' });
  });
});

describe('the line check (2.1)', () => {
  const note = 'a\n- [ ] One\n- [ ] Two\n- [ ] Two\n';
  it('takes the line when it holds the text', () => {
    expect(checkLine(note, 1, '- [ ] One')).toMatchObject({ ok: true, moved: false, span: { line: 1 } });
  });
  it('re-locates the one line holding the text', () => {
    expect(checkLine(note, 3, '- [ ] One')).toMatchObject({ ok: true, moved: true, span: { line: 1 } });
  });
  it('refuses when several lines hold it', () => {
    expect(checkLine(note, 0, '- [ ] Two')).toMatchObject({ ok: false });
  });
  it('refuses when no line holds it, byte for byte', () => {
    expect(checkLine(note, 1, '- [ ] One ')).toMatchObject({ ok: false });
    expect(checkLine(note, 1, '- [ ] one')).toMatchObject({ ok: false });
  });
  it('compares without the line ending, and refuses a line past the end', () => {
    expect(checkLine('x\r\n- [ ] A\r\n', 1, '- [ ] A')).toMatchObject({ ok: true, moved: false });
    expect(checkLine('x', 5)).toMatchObject({ ok: false, reason: 'the note has no line 6' });
  });
  it('says the step moved', () => {
    const r = toggleStep('new\n' + note, { line: 1, expected: '- [ ] One' }, { today: TODAY });
    expect(r).toMatchObject({ ok: true, moved: true, changed: [2] });
  });
});

describe('postpone (2.4)', () => {
  it.each([
    ['+1d from the due date', '- [ ] A 📅 2027-01-20', '+1d', '- [ ] A 📅 2027-01-21'],
    ['+1w keeps the sign as written', '- [ ] A 📆 2027-01-20', '+1w', '- [ ] A 📆 2027-01-27'],
    ['+1m at a month end', '- [ ] A [due:: 2027-01-31]', '+1m', '- [ ] A [due:: 2027-02-28]'],
    ['an overdue step moves from today', '- [ ] A 📅 2027-01-01', '+2d', '- [ ] A 📅 2027-01-13'],
    ['a step due today moves from today', '- [ ] A 📅 2027-01-11', '+1d', '- [ ] A 📅 2027-01-12'],
    ['a step without a due date gains one', '- [ ] A 🔼 ^id', '+3d', '- [ ] A 🔼 📅 2027-01-14 ^id'],
    ['to a date', '- [ ] A (due:: 2027-01-01) 🔁 every day', '2027-03-01', '- [ ] A (due:: 2027-03-01) 🔁 every day'],
    ['an unreadable due date is replaced', '- [ ] A [due:: soon]', '+1d', '- [ ] A [due:: 2027-01-12]'],
  ])('%s', (_n, before, shift, after) => {
    const s = parseShift(shift);
    if (s === null) throw new Error('bad shift');
    expect(written(postponeStep(before, { line: 0, expected: before }, s, TODAY))).toBe(after);
  });

  it.each(['1d', '+d', '+1y', '2027-02-30', 'tomorrow'])('does not read %s as a shift', (s) => {
    expect(parseShift(s)).toBeNull();
  });

  it('a step without fields gains a due field in the default format', () => {
    expect(written(postponeStep('- [ ] A', { line: 0 }, { by: 1, unit: 'd' }, TODAY, 'dataview'))).toBe('- [ ] A [due:: 2027-01-12]');
  });
});

describe('reschedule overdue (2.4)', () => {
  const note = '- [ ] A 📅 2027-01-01\n- [ ] B [due:: 2027-01-02]\n- [ ] C 📅 2027-01-20\n';
  it('moves several steps at once', () => {
    const r = setDueDates(note, [
      { line: 0, expected: '- [ ] A 📅 2027-01-01', day: TODAY },
      { line: 1, expected: '- [ ] B [due:: 2027-01-02]', day: TODAY + 1 },
    ]);
    expect(r).toMatchObject({ ok: true, changed: [0, 1], text: '- [ ] A 📅 2027-01-11\n- [ ] B [due:: 2027-01-12]\n- [ ] C 📅 2027-01-20\n' });
  });
  it('writes nothing when one step changed', () => {
    const r = setDueDates(note, [
      { line: 0, expected: '- [ ] A 📅 2027-01-01', day: TODAY },
      { line: 1, expected: '- [ ] B changed', day: TODAY },
    ]);
    expect(r).toMatchObject({ ok: false, text: note });
  });
});
