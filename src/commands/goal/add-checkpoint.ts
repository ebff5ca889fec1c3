/** `add-checkpoint`: a date, a label and the percent expected by then, suggested from the plan's dates. */
import { formatDay, type Day } from '../../engine/days/dates';
import type { GoalReport } from '../../engine/types';
import { writeGoal } from '../../obsidian/goal-writes';
import { goalFile, readDate, withGoal, type GoalCommandHost } from './context';
import { FormModal, textRow } from './form';

/** The plan's expected progress on a day (SPEC 1.4), rounded, or null without a baseline. */
function suggestedExpect(goal: GoalReport, day: Day): number | null {
  const v = goal.expected.percentAt(day);
  return v === null ? null : Math.round(v);
}

export async function addCheckpoint(host: GoalCommandHost, goal: GoalReport, date: string, label: string, expect: string): Promise<true | string> {
  const read = readDate(host, date);
  if ('error' in read) return read.error;
  const typed = expect.trim().replace(/%$/, '');
  const percent = typed === '' ? suggestedExpect(goal, read.day) : Number(typed);
  if (percent !== null && (!Number.isFinite(percent) || percent < 0 || percent > 100)) return 'Expected progress is a percent from 0 to 100.';
  const file = goalFile(host, goal);
  if (file === null) return true;
  const day = formatDay(read.day) ?? '';
  const said = `Checkpoint added on ${day}${percent === null ? '' : `, ${percent}% expected`}.`;
  const r = await writeGoal(host.app, file, { kind: 'add-checkpoint', checkpoint: { date: day, label: label.trim(), expect: percent } }, [], said);
  if (!r.ok) return `the checkpoint was not added: ${r.reason}.`;
  return true;
}

export function addCheckpointCommand(host: GoalCommandHost): void {
  withGoal(host, (goal) => {
    let date = '';
    let label = '';
    let expect = '';
    new FormModal(
      host.app,
      `Add a checkpoint to ${goal.title}`,
      (el) => {
        let expectRow: { setDesc(d: string): unknown } | null = null;
        const dateRow = textRow(el, 'Date', 'A date, or words such as "in 6 weeks" or "15 jan".', '', (v) => {
          date = v;
          const read = readDate(host, v);
          if ('error' in read) {
            dateRow.setDesc(read.error);
            return;
          }
          dateRow.setDesc(read.label);
          const s = suggestedExpect(goal, read.day);
          expectRow?.setDesc(s === null ? 'Percent of the plan done by then.' : `Expected from your due dates: ${s}% by that day; leave empty to use it.`);
        });
        textRow(el, 'Label', 'What will be true by then.', '', (v) => (label = v));
        expectRow = textRow(el, 'Expected progress', 'Percent of the plan done by then; leave empty to use what your due dates give.', '', (v) => (expect = v), 'From your due dates');
      },
      'Add checkpoint',
      () => addCheckpoint(host, goal, date, label, expect),
    ).open();
  });
}
