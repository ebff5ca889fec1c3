/**
 * The timeline's moves as line edits (SPEC 4.3): a whole bar shifts the due, start and scheduled
 * dates it has by the same calendar days, its right end moves the due date alone and never before
 * the start; values are replaced where they stand, every other byte kept, a moved line refused.
 */
import { moveStepDue, shiftStepDates, type EditResult } from '../../../src/engine/edit';

function written(r: EditResult): string {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.text;
}

describe('shifting a whole bar', () => {
  it.each([
    ['due alone', '- [ ] Call 📅 2027-01-12', 3, '- [ ] Call 📅 2027-01-15'],
    ['due, start and scheduled together, across a month', '- [ ] Draft 🛫 2027-01-28 ⏳ 2027-01-29 📅 2027-01-31 ⏱ 2d', 5, '- [ ] Draft 🛫 2027-02-02 ⏳ 2027-02-03 📅 2027-02-05 ⏱ 2d'],
    ['earlier, Dataview fields, block id kept', '  * [/] Read [start:: 2027-03-01] (due:: 2027-03-10) ^b1', -10, '  * [/] Read [start:: 2027-02-19] (due:: 2027-02-28) ^b1'],
    ['a start date alone', '- [ ] Warm up 🛫 2027-01-04 #gym', 1, '- [ ] Warm up 🛫 2027-01-05 #gym'],
    ['ids, dependencies and priority kept', '- [ ] B ⏫ 📅 2027-01-12 🆔 b ⛔ a', 7, '- [ ] B ⏫ 📅 2027-01-19 🆔 b ⛔ a'],
  ])('%s', (_name, line, days, after) => {
    const text = `# Plan\r\n${line}\r\n- [ ] Other 📅 2027-01-12\r\n`;
    expect(written(shiftStepDates(text, { line: 1, expected: line }, days))).toBe(`# Plan\r\n${after}\r\n- [ ] Other 📅 2027-01-12\r\n`);
  });

  it('refuses a step without a date to move, and a line that changed', () => {
    const text = '- [ ] Call\n- [ ] Write 📅 2027-01-12\n';
    expect(shiftStepDates(text, { line: 0, expected: '- [ ] Call' }, 2)).toEqual({ ok: false, text, reason: 'the step has no due, start or scheduled date to move' });
    const changed = shiftStepDates(text, { line: 1, expected: '- [ ] Write 📅 2027-01-11' }, 2);
    expect(changed.ok).toBe(false);
    expect(changed.text).toBe(text);
  });

  it('follows the line when it moved, and says so', () => {
    const text = 'new first line\n- [ ] Write 📅 2027-01-12\n';
    const r = shiftStepDates(text, { line: 0, expected: '- [ ] Write 📅 2027-01-12' }, 1);
    expect(written(r)).toBe('new first line\n- [ ] Write 📅 2027-01-13\n');
    expect(r.ok && r.moved).toBe(true);
  });
});

describe('moving the right end', () => {
  it('moves the due date alone', () => {
    const text = '- [ ] Draft 🛫 2027-01-04 ⏳ 2027-01-05 📅 2027-01-12\n';
    expect(written(moveStepDue(text, { line: 0, expected: text.slice(0, -1) }, -3))).toBe('- [ ] Draft 🛫 2027-01-04 ⏳ 2027-01-05 📅 2027-01-09\n');
  });

  it('refuses to put the due date before the start (or the scheduled date when there is no start)', () => {
    const line = '- [ ] Draft 🛫 2027-01-10 📅 2027-01-12';
    const r = moveStepDue(line, { line: 0, expected: line }, -3);
    expect(r).toEqual({ ok: false, text: line, reason: 'the due date 2027-01-09 would be before the step starts (2027-01-10)' });
    const scheduled = '- [ ] Draft [scheduled:: 2027-01-12] [due:: 2027-01-12]';
    expect(moveStepDue(scheduled, { line: 0, expected: scheduled }, -1).ok).toBe(false);
    expect(written(moveStepDue(scheduled, { line: 0, expected: scheduled }, 0))).toBe(scheduled);
  });

  it('refuses a step without a due date', () => {
    const line = '- [ ] Draft 🛫 2027-01-10';
    expect(moveStepDue(line, { line: 0, expected: line }, 1)).toEqual({ ok: false, text: line, reason: 'the step has no due date to move' });
  });
});
