/**
 * `record-checkpoint`: the due checkpoint (or one picked from the list) reviewed: progress
 * measured today, a feeling from 1 to 5, a note and the reflection questions; written into the
 * checkpoint's entry and as a dated entry under `## Reviews`.
 */
import { Notice } from 'obsidian';
import { formatDay, isDay } from '../../engine/days/dates';
import { indentUnit } from '../../engine/edit/outline-block';
import { REFLECTION_QUESTIONS, REVIEWS_HEADING, reviewEntry, type ReflectionAnswers } from '../../engine/edit/goal-log';
import type { CheckpointView, GoalReport } from '../../engine/types';
import { sectionEntry, writeGoal } from '../../obsidian/goal-writes';
import { currentText } from '../../obsidian/note-writer';
import { goalFile, withGoal, type GoalCommandHost } from './context';
import { todayOf } from '../step-context';
import { areaRow, choiceRow, FormModal, textRow } from './form';
import { Picker } from './picker';

export interface ReviewInput {
  feeling: number;
  note: string;
  answers: ReflectionAnswers;
}

/** The percent expected on the checkpoint's date: its own `expect`, else the plan's expected progress then. */
function expectedFor(goal: GoalReport, cp: CheckpointView): number | null {
  return cp.expect ?? goal.expected.percentAt(cp.date);
}

export async function recordReview(host: GoalCommandHost, goal: GoalReport, cp: CheckpointView, input: ReviewInput): Promise<true | string> {
  if (!Number.isInteger(input.feeling) || input.feeling < 1 || input.feeling > 5) return 'Choose a feeling from 1 to 5.';
  const file = goalFile(host, goal);
  if (file === null) return true;
  const day = todayOf(host);
  const progress = goal.progress.percent;
  const note = input.note.trim();
  const text = (await currentText(host.app, file.path)) ?? '';
  const entry = reviewEntry({ today: day, checkpoint: cp, progress, expected: expectedFor(goal, cp), feeling: input.feeling, note, answers: input.answers, unit: indentUnit(text) });
  // Found again by its date when the note is written: an entry added above it meanwhile does not take the review.
  const target = { index: cp.index, date: formatDay(cp.date) ?? '', reviewed: isDay(cp.reviewed) };
  const op = { kind: 'review' as const, ...target, values: { progress, feeling: input.feeling, note: note === '' ? null : note, reviewed: formatDay(day) ?? '' } };
  const said = `Review of ${formatDay(cp.date) ?? ''} recorded: ${progress}%, feeling ${input.feeling}/5.`;
  const r = await writeGoal(host.app, file, op, [sectionEntry(REVIEWS_HEADING, entry)], said);
  if (!r.ok) return `the review was not written: ${r.reason}.`;
  return true;
}

function reviewForm(host: GoalCommandHost, goal: GoalReport, cp: CheckpointView): void {
  const input: ReviewInput = { feeling: 3, note: '', answers: {} };
  const expected = expectedFor(goal, cp);
  const name = `${formatDay(cp.date) ?? ''}${cp.label ? ` (${cp.label})` : ''}`;
  new FormModal(
    host.app,
    `Review the checkpoint of ${name}`,
    (el) => {
      el.createEl('p', {
        cls: 'action-plan-review-measure',
        text: `Measured today: ${goal.progress.percent}% done (${goal.progress.done}/${goal.progress.total})${expected === null ? '' : `, against ${expected}% expected for ${formatDay(cp.date) ?? ''}`}.`,
      });
      choiceRow(el, 'How do I feel about it?', { '1': '1 (very bad)', '2': '2', '3': '3', '4': '4', '5': '5 (very good)' }, '3', (v) => (input.feeling = Number(v)));
      textRow(el, 'Note', 'One or two sentences, kept in the checkpoint.', '', (v) => (input.note = v));
      for (const q of REFLECTION_QUESTIONS) areaRow(el, q.question, 'Optional; kept in the review entry.', (v) => (input.answers[q.key] = v));
    },
    'Record review',
    () => recordReview(host, goal, cp, input),
  ).open();
}

const ORDER: Record<CheckpointView['state'], number> = { due: 0, missed: 1, upcoming: 2, reviewed: 3 };

export function recordCheckpointCommand(host: GoalCommandHost): void {
  withGoal(host, (goal) => {
    if (goal.checkpoints.length === 0) {
      new Notice(`${goal.title} has no checkpoints yet. Add one with "Add checkpoint".`);
      return;
    }
    const open = goal.checkpoints.filter((c) => c.state === 'due' || c.state === 'missed');
    if (open.length === 1 && open[0] !== undefined) {
      reviewForm(host, goal, open[0]);
      return;
    }
    const list = [...goal.checkpoints].sort((a, b) => ORDER[a.state] - ORDER[b.state] || b.date - a.date);
    new Picker(host.app, list, {
      placeholder: 'Choose the checkpoint to review',
      show: (cp) => ({ text: `${formatDay(cp.date) ?? ''}${cp.label ? `: ${cp.label}` : ''}`, detail: cp.state }),
      searchIn: (cp) => [`${formatDay(cp.date) ?? ''} ${cp.label ?? ''} ${cp.state}`],
      then: (cp) => reviewForm(host, goal, cp),
    }).open();
  });
}
