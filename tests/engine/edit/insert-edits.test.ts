/**
 * Before/after cases for the edits that insert or move lines: backward scheduling (2.5),
 * break-down, add-step and extract-step, plus dates typed in words.
 */
import { dayFromCivil, formatDay, type Day } from '../../../src/engine/days/dates';
import { addStep, breakDownStep, estimateDays, extractStep, layOutBackward, parseSubStep, type EditResult } from '../../../src/engine/edit';
import { parseDateInput } from '../../../src/engine/days/nldate';

const D = (s: string): Day => {
  const [y, m, d] = s.split('-').map(Number);
  return dayFromCivil(y ?? 0, m ?? 1, d ?? 1);
};
const TODAY = D('2027-01-11'); // a Monday
const MON_FRI = [1, 2, 3, 4, 5];

function written(r: EditResult): string {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.text;
}

describe('backward scheduling (2.5)', () => {
  it('spreads the work over the window in proportion to estimates, the last on the deadline', () => {
    // Window Mon 11 … Fri 22: W = 10; estimates 1, 2, 2 (E = 5): w2, w6, w10.
    const l = layOutBackward([1, 2, 2], TODAY, D('2027-01-24'), MON_FRI);
    expect(l.days.map(formatDay)).toEqual(['2027-01-12', '2027-01-18', '2027-01-22']);
    expect(l).toMatchObject({ window: 10, work: 5, fits: true, short: 0 });
  });
  it('says by how many working days a plan is short and where the deadline would fit', () => {
    const l = layOutBackward([3, 3], TODAY, D('2027-01-13'), MON_FRI);
    expect(l).toMatchObject({ window: 3, work: 6, fits: false, short: 3 });
    expect(formatDay(l.extendTo)).toBe('2027-01-18');
    expect(l.days.map(formatDay)).toEqual(['2027-01-12', '2027-01-13']);
  });
  it('puts every step on a passed deadline', () => {
    const l = layOutBackward([1, 1], TODAY, D('2027-01-08'), MON_FRI);
    expect(l).toMatchObject({ window: 0, fits: false, short: 2 });
    expect(l.days.map(formatDay)).toEqual(['2027-01-08', '2027-01-08']);
  });
  it('starts the window tomorrow when today is not a working day', () => {
    const l = layOutBackward([1], D('2027-01-09'), D('2027-01-11'), MON_FRI);
    expect(l).toMatchObject({ window: 1, fits: true });
    expect(l.days.map(formatDay)).toEqual(['2027-01-11']);
  });
  it.each([
    [null, 1], ['2d', 2], ['1w', 5], ['4h', 1], ['30m', 1], ['10h', 2], ['1.5d', 2],
  ])('estimate %s is %d working days', (e, n) => {
    expect(estimateDays(e)).toBe(n);
  });
  it.each([
    ['Write the query letter ~2d', { text: 'Write the query letter', estimate: '2d' }],
    ['- [ ] Call movers ~ 1w', { text: 'Call movers', estimate: '1w' }],
    ['Pack ~later', { text: 'Pack ~later', estimate: null }],
    ['  Pack  ', { text: 'Pack', estimate: null }],
  ])('reads the sub-step %s', (line, sub) => {
    expect(parseSubStep(line)).toEqual(sub);
  });
});

describe('break-down', () => {
  const subs = [{ text: 'Call movers', estimate: '2d' }, { text: 'Pack', estimate: null }];
  const days = [D('2027-01-12'), D('2027-01-14')];
  it.each([
    ['Tasks format, tab unit by default',
      '# Move\n- [ ] Move out 📅 2027-01-15\n- [ ] Next\n',
      '# Move\n- [ ] Move out 📅 2027-01-15\n\t- [ ] Call movers 📅 2027-01-12 ⏱ 2d\n\t- [ ] Pack 📅 2027-01-14\n- [ ] Next\n'],
    ['Dataview, after existing children and their sub-items, with their indent and marker',
      '* [ ] Move out [due:: 2027-01-15]\n  + [ ] Old child\n    - [ ] grandchild\n\n* [ ] Next',
      '* [ ] Move out [due:: 2027-01-15]\n  + [ ] Old child\n    - [ ] grandchild\n  + [ ] Call movers [due:: 2027-01-12] [estimate:: 2d]\n  + [ ] Pack [due:: 2027-01-14]\n\n* [ ] Next'],
    ['the note\'s own unit, CRLF, at the end without a final newline',
      '- [ ] A\r\n    - [ ] a1\r\n- [ ] Move out (due:: 2027-01-15) ^m',
      '- [ ] A\r\n    - [ ] a1\r\n- [ ] Move out (due:: 2027-01-15) ^m\r\n    - [ ] Call movers (due:: 2027-01-12) (estimate:: 2d)\r\n    - [ ] Pack (due:: 2027-01-14)'],
    ['ordered children are numbered on',
      '1. [ ] Move out\n   1. [ ] First\n   2) [ ] odd\n2. [ ] Next\n',
      '1. [ ] Move out\n   1. [ ] First\n   2) [ ] odd\n   3) [ ] Call movers 📅 2027-01-12 ⏱ 2d\n   4) [ ] Pack 📅 2027-01-14\n2. [ ] Next\n'],
  ])('%s', (_n, before, after) => {
    const line = before.split(/\r?\n/).findIndex((l) => l.includes('Move out'));
    const r = breakDownStep(before, { line, expected: before.split(/\r?\n/)[line] }, subs, { days });
    expect(written(r)).toBe(after);
  });

  it('moves the deadline when asked, in the same write', () => {
    const r = breakDownStep('- [ ] Move 📅 2027-01-12', { line: 0 }, [subs[1] ?? subs[0]!], { days: [D('2027-01-13')], stepDue: D('2027-01-13') });
    expect(r).toMatchObject({ ok: true, changed: [0, 1], text: '- [ ] Move 📅 2027-01-13\n\t- [ ] Pack 📅 2027-01-13' });
  });

  it('refuses without sub-steps, and on a changed line', () => {
    expect(breakDownStep('- [ ] A', { line: 0 }, [], { days: [] })).toMatchObject({ ok: false });
    expect(breakDownStep('- [ ] A', { line: 0, expected: '- [ ] B' }, subs, { days })).toMatchObject({ ok: false, text: '- [ ] A' });
  });
});

describe('add-step', () => {
  it('adds a sub-step under a step', () => {
    const before = '- [ ] Parent\n  - [ ] Child\n';
    expect(written(addStep(before, { line: 0 }, { title: 'New', due: D('2027-02-01') }))).toBe('- [ ] Parent\n  - [ ] Child\n  - [ ] New 📅 2027-02-01\n');
  });
  it('adds a step at the end of a heading\'s own content, before the next heading', () => {
    const before = '# Plan\n\n## Phase 1\n- [ ] A\n\t- [ ] a\n\n## Phase 2\n- [ ] B\n';
    expect(written(addStep(before, { line: 2 }, { title: 'New', due: null, format: 'dataview' }))).toBe(
      '# Plan\n\n## Phase 1\n- [ ] A\n\t- [ ] a\n- [ ] New\n\n## Phase 2\n- [ ] B\n',
    );
    expect(written(addStep('## Empty\r\n\r\n## Next', { line: 0 }, { title: 'New', due: D('2027-02-01'), format: 'dataview' }))).toBe(
      '## Empty\r\n- [ ] New [due:: 2027-02-01]\r\n\r\n## Next',
    );
  });
  it('refuses a plain line and an empty title', () => {
    expect(addStep('text', { line: 0 }, { title: 'x', due: null })).toMatchObject({ ok: false, reason: 'line 1 is neither a step nor a heading' });
    expect(addStep('- [ ] A', { line: 0 }, { title: ' ', due: null })).toMatchObject({ ok: false });
  });
});

describe('extract-step', () => {
  it('moves the sub-steps to a note and links it from the step', () => {
    const before = '# Move\r\n- [ ] Call movers 🔼 📅 2027-01-12 ^c\r\n\t- [ ] Get quotes ⏱ 1d\r\n\t\t- [x] Ask Ann\r\n\r\n\t- [ ] Book\r\n- [ ] Next\r\n';
    const r = extractStep(before, { line: 1, expected: '- [ ] Call movers 🔼 📅 2027-01-12 ^c' }, { link: '[[Call movers]]', goalLink: '[[Move]]' });
    expect(r).toMatchObject({
      ok: true,
      changed: [1],
      title: 'Call movers',
      text: '# Move\r\n- [ ] Call movers [[Call movers]] 🔼 📅 2027-01-12 ^c\r\n- [ ] Next\r\n',
      note: '---\r\ntype: action\r\ngoal: "[[Move]]"\r\ndue: 2027-01-12\r\n---\r\n- [ ] Get quotes ⏱ 1d\r\n\t- [x] Ask Ann\r\n\r\n- [ ] Book\r\n',
    });
  });
  it('works on a step without sub-steps or due date', () => {
    const r = extractStep('- [ ] Read [[Guide|the guide]]', { line: 0 }, { link: '[[Read the guide]]', goalLink: '[[G]]' });
    expect(r).toMatchObject({ ok: true, title: 'Read the guide', text: '- [ ] Read [[Guide|the guide]] [[Read the guide]]', note: '---\ntype: action\ngoal: "[[G]]"\n---\n' });
  });
});

describe('dates typed in words', () => {
  it.each([
    ['today', '2027-01-11'],
    ['tomorrow', '2027-01-12'],
    ['next friday', '2027-01-22'],
    ['friday', '2027-01-15'],
    ['in 2 weeks', '2027-01-25'],
    ['end of month', '2027-01-31'],
    ['End of the year', '2027-12-31'],
    ['15 Jan', '2027-01-15'],
    ['5 Jan', '2028-01-05'],
    ['2027-03-01', '2027-03-01'],
  ])('%s is %s', (input, day) => {
    const r = parseDateInput(input, TODAY);
    expect('day' in r ? formatDay(r.day) : r.error).toBe(day);
  });

  it('labels the date it read', () => {
    expect(parseDateInput('tomorrow', TODAY)).toEqual({ day: TODAY + 1, label: '2027-01-12, Tuesday (tomorrow)' });
  });

  it.each(['', 'soonish', '2027-02-30', 'friday or so'])('refuses %j with a line', (input) => {
    const r = parseDateInput(input, TODAY);
    expect('error' in r && r.error.length > 10).toBe(true);
  });
});
