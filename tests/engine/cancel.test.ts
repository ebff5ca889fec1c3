/** Cancelling steps for a pivot: box, cancelled date in the line's format, the reason below. */
import { cancelSteps } from '../../src/engine/edit/cancel';
import { dayFromCivil } from '../../src/engine/days/dates';

const TODAY = dayFromCivil(2026, 11, 25);

test.each([
  {
    name: 'a Dataview line gets a Dataview field, before its block id; the reason takes its children\'s indent',
    before: '- [ ] Call movers [due:: 2027-01-12] ^movers\n  - [ ] get quotes\n',
    line: 0,
    after: '- [-] Call movers [due:: 2027-01-12] [cancelled:: 2026-11-25] ^movers\n  - Staying after all\n  - [ ] get quotes\n',
  },
  {
    name: 'a line without fields takes the settings format; a tab-indented note gets a tab more',
    before: '# Plan\n- Boxes\n\t- [/] Pack books\n',
    line: 2,
    after: '# Plan\n- Boxes\n\t- [-] Pack books ❌ 2026-11-25\n\t\t- Staying after all\n',
  },
  {
    name: 'a step inside a callout keeps the callout on the reason line; the last line keeps having no ending',
    before: '> - [ ] In a callout',
    line: 0,
    after: '> - [-] In a callout ❌ 2026-11-25\n> \t- Staying after all',
  },
])('$name', ({ before, line, after }) => {
  const raw = before.split('\n')[line] ?? '';
  const r = cancelSteps(before, [{ line, raw }], TODAY, 'Staying after all', 'tasks');
  expect(r).toMatchObject({ ok: true, text: after });
});

test('several steps of one note: each moved line found, the lines written counted in the new text', () => {
  const before = 'intro\n- [ ] one\n- [ ] two\n';
  // The note gained a line above since the plan was read: both steps moved down by one.
  const r = cancelSteps('new line\n' + before, [{ line: 1, raw: '- [ ] one' }, { line: 2, raw: '- [ ] two' }], TODAY, 'why', 'tasks');
  expect(r).toMatchObject({ ok: true, text: 'new line\nintro\n- [-] one ❌ 2026-11-25\n\t- why\n- [-] two ❌ 2026-11-25\n\t- why\n', changed: [2, 3, 4, 5] });
});

test('a step whose line changed underneath is refused and nothing is written', () => {
  const text = '- [ ] one, edited\n';
  expect(cancelSteps(text, [{ line: 0, raw: '- [ ] one' }], TODAY, 'why', 'tasks')).toMatchObject({ ok: false, text });
});
