/**
 * What the goal commands write into the note's body: a review under `## Reviews`, a decision
 * under `## Decisions`, and the snapshot of the plan a pivot keeps in a collapsed callout.
 */
import { formatDay, type Day } from '../days/dates';
import { goalHealthLabel } from '../present/present';
import { progressLine, treeLines } from '../present/summary';
import type { CheckpointView, GoalReport, GoalStatus } from '../types';

export const REVIEWS_HEADING = 'Reviews';
export const DECISIONS_HEADING = 'Decisions';

export interface ReflectionAnswers {
  why?: string;
  next?: string;
  happy?: string;
  help?: string;
}

/** The reflection questions, in the order they are asked. */
export const REFLECTION_QUESTIONS: { key: keyof ReflectionAnswers; question: string; label: string }[] = [
  { key: 'next', question: 'What is the next step?', label: 'Next step' },
  { key: 'happy', question: 'Am I happy with where I am?', label: 'Happy with where I am' },
  { key: 'help', question: 'Where will I need outside help?', label: 'Outside help' },
];

function sentence(s: string): string {
  const t = s.trim();
  return t === '' || /[.!?…]$/.test(t) ? t : `${t}.`;
}

export interface ReviewEntry {
  today: Day;
  checkpoint: Pick<CheckpointView, 'label' | 'date'>;
  progress: number;
  expected: number | null;
  feeling: number;
  note: string;
  answers: ReflectionAnswers;
  unit: string;
}

/** The lines of a review entry: one line, then the reflection answers given, one level below. */
export function reviewEntry(e: ReviewEntry): string[] {
  const name = e.checkpoint.label ?? `Checkpoint of ${formatDay(e.checkpoint.date) ?? ''}`;
  const against = e.expected === null ? `${e.progress}% done` : `${e.progress}% against ${e.expected}% expected`;
  const parts = [sentence(name), `${against}.`, `Feeling ${e.feeling}/5.`];
  if (e.note.trim() !== '') parts.push(sentence(e.note.replace(/\s*\n\s*/g, ' ')));
  const out = [`- ${formatDay(e.today) ?? ''} — ${parts.join(' ')}`];
  for (const q of REFLECTION_QUESTIONS) {
    const a = (e.answers[q.key] ?? '').replace(/\s*\n\s*/g, ' ').trim();
    if (a !== '') out.push(`${e.unit}- ${q.label}: ${a}`);
  }
  return out;
}

const STATUS_WORD: Record<GoalStatus, string> = {
  active: 'Active again',
  paused: 'Paused',
  staying: 'Staying where I am',
  done: 'Done',
  dropped: 'Dropped',
};

/** The line of a status decision. */
export function statusEntry(today: Day, status: GoalStatus, reason: string): string {
  return `- ${formatDay(today) ?? ''} — ${STATUS_WORD[status]}: ${sentence(reason.replace(/\s*\n\s*/g, ' '))}`;
}

/** The lines of a pivot: the decision, a blank line, and the plan as it was in a collapsed callout. */
export function pivotEntry(today: Day, reason: string, cancelled: string[], before: GoalReport): string[] {
  const what = cancelled.length > 0 ? ` Cancelled: ${cancelled.join('; ')}.` : '';
  const day = formatDay(today) ?? '';
  return [
    `- ${day} — Pivoted: ${sentence(reason.replace(/\s*\n\s*/g, ' '))}${what}`,
    '',
    '> [!note]- Plan history',
    `> The plan on ${day}, before the pivot: ${progressLine(before)}, ${goalHealthLabel(before).toLowerCase()}.`,
    '>',
    ...treeLines(before.tree, 'steps').map((l) => `> ${l}`),
  ];
}
