/** The examples the README gives for the step commands write what it says they write. */
import { dayFromCivil } from '../../../src/engine/days/dates';
import { addStep, breakDownStep, estimateDays, extractStep, layOutBackward, postponeStep, toggleStep, type EditResult } from '../../../src/engine/edit';
import { parseDateInput } from '../../../src/engine/days/nldate';

const TODAY = dayFromCivil(2027, 1, 11); // a Monday

function text(r: EditResult): string {
  if (!r.ok) throw new Error(r.reason);
  return r.text;
}

describe('README examples', () => {
  it('toggle, both ways', () => {
    expect(text(toggleStep('- [ ] Call movers 📅 2027-01-12 ^c1', { line: 0 }, { today: TODAY }))).toBe('- [x] Call movers 📅 2027-01-12 ✅ 2027-01-11 ^c1');
    expect(text(toggleStep('- [x] Call movers [due:: 2027-01-12] [completion:: 2027-01-11]', { line: 0 }, { today: TODAY }))).toBe('- [ ] Call movers [due:: 2027-01-12]');
  });

  it('postpone by a week', () => {
    expect(text(postponeStep('- [ ] Pack 🔼 📅 2027-01-20', { line: 0 }, { by: 1, unit: 'w' }, TODAY))).toBe('- [ ] Pack 🔼 📅 2027-01-27');
  });

  it('add a step under a heading, due "friday"', () => {
    const friday = parseDateInput('friday', TODAY);
    if ('error' in friday) throw new Error(friday.error);
    expect(text(addStep('## Move\n- [ ] Pack', { line: 0 }, { title: 'Book van', due: friday.day }))).toBe('## Move\n- [ ] Pack\n- [ ] Book van 📅 2027-01-15');
  });

  it('break down a step due Friday', () => {
    const subs = [{ text: 'Quotes', estimate: '2d' }, { text: 'Book', estimate: null }];
    const layout = layOutBackward(subs.map((s) => estimateDays(s.estimate)), TODAY, dayFromCivil(2027, 1, 15), [1, 2, 3, 4, 5]);
    expect(text(breakDownStep('- [ ] Movers 📅 2027-01-15', { line: 0 }, subs, { days: layout.days }))).toBe(
      '- [ ] Movers 📅 2027-01-15\n\t- [ ] Quotes 📅 2027-01-14 ⏱ 2d\n\t- [ ] Book 📅 2027-01-15',
    );
  });

  it('extract a step to a note', () => {
    const r = extractStep('- [ ] Movers 📅 2027-01-15\n\t- [ ] Quotes', { line: 0 }, { link: '[[Movers]]', goalLink: '[[Move house]]' });
    expect(r).toMatchObject({ ok: true, text: '- [ ] Movers [[Movers]] 📅 2027-01-15', note: '---\ntype: action\ngoal: "[[Move house]]"\ndue: 2027-01-15\n---\n- [ ] Quotes\n' });
  });
});
