/**
 * Dates moved (SPEC 2.4): postponing one step, and rescheduling a goal's overdue steps to today
 * or over the coming working days.
 */
import { addToDay, nextWorkingDays, type Unit } from '../days/calendar';
import { formatDay, isDay, parseDay, type Day } from '../days/dates';
import { applyChanges, setFieldChange } from './field-write';
import { editTaskLine, stepName, type StepRef } from './line-edit';
import { refuse, type EditResult, type WriteFormat } from './result';

/** How far to move: by some days, weeks or months, or to a given day. */
export type Shift = { by: number; unit: Unit } | { to: Day };

/** Reads `+3d`, `+2w`, `+1m` or `YYYY-MM-DD`; null when it is neither. */
export function parseShift(text: string): Shift | null {
  const m = /^\+(\d{1,4})([dwm])$/.exec(text.trim());
  if (m !== null) return { by: Number(m[1]), unit: m[2] as Unit };
  const day = parseDay(text);
  return isDay(day) && text.trim().length === 10 ? { to: day } : null;
}

/** The new due day: from the due date, or from today when it has none or it has passed. */
export function shiftedDay(due: Day | null, shift: Shift, today: Day): Day {
  if ('to' in shift) return shift.to;
  const base = due !== null && isDay(due) && due >= today ? due : today;
  return addToDay(base, shift.by, shift.unit);
}

/** Sets the due date of one step to `day` (2.2: in place, or added in the line's format). */
export function setStepDue(text: string, at: StepRef, day: Day, format: WriteFormat = 'tasks'): EditResult {
  const value = formatDay(day);
  if (value === null) return refuse(text, 'the date would be past 9999-12-31');
  return editTaskLine(text, at, (anchor) => ({
    raw: applyChanges(anchor.raw, [setFieldChange(anchor, 'due', value, format)]),
    message: `"${stepName(anchor)}" is due ${value}`,
  }));
}

export function postponeStep(text: string, at: StepRef, shift: Shift, today: Day, format: WriteFormat = 'tasks'): EditResult {
  return editTaskLine(text, at, (anchor) => {
    const field = anchor.fields.find((f) => f.name === 'due');
    const due = field === undefined ? null : parseDay(anchor.raw.slice(field.valueFrom, field.valueTo));
    const value = formatDay(shiftedDay(due, shift, today));
    if (value === null) return { reason: 'the new due date would be past 9999-12-31' };
    return {
      raw: applyChanges(anchor.raw, [setFieldChange(anchor, 'due', value, format)]),
      message: `Postponed "${stepName(anchor)}" to ${value}`,
    };
  });
}

/** The days overdue steps get, in their order: all today, or one working day each from today. */
export function overdueDays(count: number, today: Day, spread: boolean, workingDays: readonly number[]): Day[] {
  if (!spread) return new Array<Day>(count).fill(today);
  return nextWorkingDays(today, count, workingDays);
}

/** A step of one note and the day it gets. */
export interface DueChange extends StepRef {
  day: Day;
}

/**
 * Sets several due dates in one note, all or nothing: if any line fails its check, the note is
 * left as it was.
 */
export function setDueDates(text: string, changes: readonly DueChange[], format: WriteFormat = 'tasks'): EditResult {
  let out = text;
  const changed = new Set<number>();
  let moved = false;
  for (const c of changes) {
    const r = setStepDue(out, c, c.day, format);
    if (!r.ok) return refuse(text, r.reason);
    out = r.text;
    for (const l of r.changed) changed.add(l);
    moved ||= r.moved === true;
  }
  const n = changes.length;
  return {
    ok: true,
    text: out,
    changed: [...changed].sort((a, b) => a - b),
    message: `Rescheduled ${n} step${n === 1 ? '' : 's'}`,
    ...(moved ? { moved } : {}),
  };
}
