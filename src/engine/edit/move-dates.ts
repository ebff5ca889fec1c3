/**
 * The timeline's moves of a bar (SPEC 4.3) as line edits: the whole bar shifts the step's due,
 * start and scheduled dates by the same number of calendar days (those it has); its right end
 * moves the due date alone, never before the step's start. Values are replaced where they
 * stand (2.2); setting a due date the step lacks is `setStepDue` (postpone.ts).
 */
import { formatDay, isDay, parseDay, type Day } from '../days/dates';
import { fieldNamed, type LineAnchor } from '../read/anchor';
import { applyChanges, type LineChange } from './field-write';
import { editTaskLine, stepName, type StepRef } from './line-edit';
import type { EditResult } from './result';

/** The dates a bar is drawn from and moves. */
const BAR_FIELDS = ['due', 'start', 'scheduled'] as const;

/** The day a field holds on the line, or null when the line has none (or not a real date). */
function fieldDay(anchor: LineAnchor, name: string): { day: Day; from: number; to: number } | null {
  const f = fieldNamed(anchor, name);
  if (f === undefined) return null;
  const day = parseDay(anchor.raw.slice(f.valueFrom, f.valueTo));
  return isDay(day) ? { day, from: f.valueFrom, to: f.valueTo } : null;
}

function daysWord(n: number): string {
  const abs = Math.abs(n);
  return `${abs} day${abs === 1 ? '' : 's'} ${n < 0 ? 'earlier' : 'later'}`;
}

/** Shifts every date the bar is drawn from (due, start, scheduled) by `days` calendar days. */
export function shiftStepDates(text: string, at: StepRef, days: number): EditResult {
  return editTaskLine(text, at, (anchor) => {
    const changes: LineChange[] = [];
    for (const name of BAR_FIELDS) {
      const f = fieldDay(anchor, name);
      if (f === null) continue;
      const value = formatDay(f.day + days);
      if (value === null) return { reason: `the new ${name} date would be outside 0001–9999` };
      changes.push({ from: f.from, to: f.to, text: value });
    }
    if (changes.length === 0) return { reason: 'the step has no due, start or scheduled date to move' };
    return { raw: applyChanges(anchor.raw, changes), message: `Moved "${stepName(anchor)}" ${daysWord(days)}` };
  });
}

/** Moves the due date alone by `days` calendar days; refused when it would fall before the step's start. */
export function moveStepDue(text: string, at: StepRef, days: number): EditResult {
  return editTaskLine(text, at, (anchor) => {
    const due = fieldDay(anchor, 'due');
    if (due === null) return { reason: 'the step has no due date to move' };
    const day = due.day + days;
    const value = formatDay(day);
    if (value === null) return { reason: 'the new due date would be outside 0001–9999' };
    const start = fieldDay(anchor, 'start') ?? fieldDay(anchor, 'scheduled');
    if (start !== null && day < start.day) return { reason: `the due date ${value} would be before the step starts (${formatDay(start.day) ?? ''})` };
    return { raw: applyChanges(anchor.raw, [{ from: due.from, to: due.to, text: value }]), message: `"${stepName(anchor)}" is due ${value}` };
  });
}
