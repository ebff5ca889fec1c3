/**
 * The timeline's axis (SPEC 4.3): where its ticks fall and what they say at each zoom (weeks:
 * the first day of each week; months: the 1st; quarters: the 1st of January, April, July and
 * October), and the words of a bar's details.
 */
import { civilFromDay, dayFromCivil, formatDay, isDay, weekday, type Day } from '../days/dates';
import { shortDate } from './labels';
import type { TimelineRow, Zoom } from './timeline';

export interface AxisTick {
  day: Day;
  label: string;
}

/** Pixels per calendar day at each zoom. */
export const DAY_WIDTH: Readonly<Record<Zoom, number>> = { weeks: 24, months: 6, quarters: 2 };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthTicks(from: Day, to: Day, every: number, label: (y: number, m: number) => string): AxisTick[] {
  const out: AxisTick[] = [];
  let [y, m] = civilFromDay(from);
  m = Math.floor((m - 1) / every) * every + 1;
  for (let day = dayFromCivil(y, m, 1); day <= to; day = dayFromCivil(y, m, 1)) {
    if (day >= from) out.push({ day, label: label(y, m) });
    m += every;
    if (m > 12) {
      m -= 12;
      y++;
    }
  }
  return out;
}

/** The ticks between `from` and `to` at a zoom; weeks start on `weekStart` (0 = Sunday). */
export function axisTicks(from: Day, to: Day, zoom: Zoom, weekStart: number, today: Day): AxisTick[] {
  if (zoom === 'weeks') {
    const out: AxisTick[] = [];
    for (let day = from + ((weekStart - weekday(from) + 7) % 7); day <= to; day += 7) out.push({ day, label: shortDate(day, today) });
    return out;
  }
  if (zoom === 'months') return monthTicks(from, to, 1, (y, m) => (m === 1 ? `${MONTHS[0] ?? ''} ${y}` : (MONTHS[m - 1] ?? '')));
  return monthTicks(from, to, 3, (y, m) => `Q${(m + 2) / 3} ${y}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${Math.abs(n) === 1 ? '' : 's'}`;
}

/**
 * What a bar says of itself, for its name and its details: the step's name as shown (left out
 * when empty), its dates, then its states.
 */
export function barLabel(row: TimelineRow, name: string): string {
  const bar = row.bar;
  const parts = name === '' ? [] : [name];
  if (bar !== null) parts.push(bar.start === bar.end ? (formatDay(bar.end) ?? '') : `${formatDay(bar.start) ?? ''} to ${formatDay(bar.end) ?? ''}`);
  if (bar?.estimated === true) parts.push('estimated by the schedule');
  if (row.node.status === 'done') parts.push('done');
  if (row.overdue) parts.push('overdue');
  if (row.critical) parts.push('critical');
  if (row.blocked) parts.push('blocked');
  return parts.join(', ');
}

/** The schedule's line of a bar's details: early start, early finish and slack (open leaves only). */
export function scheduleLine(row: TimelineRow): string | null {
  const n = row.node;
  if (!isDay(n.earlyStart) || !isDay(n.earlyFinish) || n.slack === null) return null;
  const slack = n.slack < 0 ? `${plural(-n.slack, 'working day')} short` : `slack ${plural(n.slack, 'working day')}`;
  return `Can start ${formatDay(n.earlyStart) ?? ''}, finish ${formatDay(n.earlyFinish) ?? ''} at the earliest; ${slack}`;
}
