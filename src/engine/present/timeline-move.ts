/**
 * What a move of a bar on the timeline does (SPEC 4.3), decided once for the edit it writes and
 * for the bar drawn at once where the move puts it (pending, until the note confirms it): the
 * whole bar shifts the step's due, start and scheduled dates; its right end or the keys move the
 * due date; a step without a due date of its own (a hatched bar) gains one.
 */
import { isDay, type Day } from '../days/dates';
import type { WorkingDayLine } from '../schedule/day-line';
import { datedBar, span, type BarDates, type TimelineBar, type TimelineRow } from './timeline';

/** `bar`: the whole bar dragged; `end`: its right end dragged; `key`: Shift+Right or Shift+Left. */
export interface BarMove {
  kind: 'bar' | 'end' | 'key';
  days: number;
}

/**
 * The edit of the step's line: `shift` its dates by `days`, move its `due` date by `days`
 * (refused before its start), or `set-due` to `due` (a step without one gains it).
 */
export type MovePlan = { edit: 'shift' | 'due'; days: number } | { edit: 'set-due'; due: Day };

/** Where a step's bar stands: its dates and its bar, as the note has them or as moves not yet read back leave them. */
export interface BarPlace {
  dates: BarDates;
  bar: TimelineBar | null;
}

/** The step's place as the note has it. */
export function placeOf(row: TimelineRow): BarPlace {
  const n = row.node;
  return { dates: { due: n.due, start: n.start, scheduled: n.scheduled, estimate: n.estimate }, bar: row.bar };
}

/** The edit a move makes from `place`; null when the bar cannot move (a phase, a step with nothing drawn). */
export function planMove(row: TimelineRow, move: BarMove, place: BarPlace = placeOf(row)): MovePlan | null {
  const node = row.node;
  const { dates, bar } = place;
  if (node.kind !== 'step') return null;
  if (move.kind === 'key') {
    if (isDay(dates.due)) return { edit: 'due', days: move.days };
    const from: Day | null = isDay(node.earlyFinish) ? node.earlyFinish : (bar?.end ?? null);
    return from === null ? null : { edit: 'set-due', due: from + move.days };
  }
  if (bar === null) return null;
  if (bar.estimated) return { edit: 'set-due', due: bar.end + move.days };
  return { edit: move.kind === 'end' ? 'due' : 'shift', days: move.days };
}

/** The step's dates once the move is written. */
export function movedDates(d: BarDates, plan: MovePlan): BarDates {
  if (plan.edit === 'set-due') return { due: plan.due, start: d.start, scheduled: d.scheduled, estimate: d.estimate };
  const by = (day: Day): Day => (isDay(day) ? day + plan.days : day);
  const shift = plan.edit === 'shift';
  return { due: by(d.due), start: shift ? by(d.start) : d.start, scheduled: shift ? by(d.scheduled) : d.scheduled, estimate: d.estimate };
}

/** Where the move puts the bar, as the note will draw it once written (the step's own dates and its sub-steps'). */
export function movedPlace(row: TimelineRow, place: BarPlace, plan: MovePlan, line: WorkingDayLine): BarPlace {
  const dates = movedDates(place.dates, plan);
  if (!isDay(dates.due)) return { dates, bar: place.bar };
  const own = datedBar(dates, line);
  return { dates, bar: row.inner === null ? own : { ...span(row.inner, own), estimated: false } };
}
