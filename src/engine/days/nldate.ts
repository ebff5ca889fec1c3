/**
 * Dates as people type them ("next friday", "in 2 weeks", "end of month", "15 Jan",
 * "2027-03-01"), read by chrono-node against a given today, always forward in time.
 */
import { casual } from 'chrono-node/en';
import { endOfMonth, endOfWeek, endOfYear } from 'date-fns';
import { dateOfDay } from './calendar';
import { dayOfDate, formatDay, isDay, parseDay, weekday, type Day } from './dates';

export type DateInput = { day: Day; label: string } | { error: string };

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `YYYY-MM-DD, Friday (in 5 days)`: what a person checks before accepting a date. */
function dayLabel(day: Day, today: Day): string {
  const diff = day - today;
  const when =
    diff === 0 ? 'today' : diff === 1 ? 'tomorrow' : diff === -1 ? 'yesterday' : diff > 0 ? `in ${diff} days` : `${-diff} days ago`;
  return `${formatDay(day) ?? ''}, ${WEEKDAYS[weekday(day)] ?? ''} (${when})`;
}

/** Phrases chrono does not read: the end of this week, month or year. */
function endOf(text: string, today: Day, weekStart: number): Day | null {
  const m = /^(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(week|month|year)$/.exec(text);
  if (m === null) return null;
  const date = dateOfDay(today);
  const unit = m[1];
  const end = unit === 'week' ? endOfWeek(date, { weekStartsOn: weekStartsOn(weekStart) }) : unit === 'month' ? endOfMonth(date) : endOfYear(date);
  return dayOfDate(end);
}

/** The week's first day as date-fns takes it (0 Sunday … 6 Saturday); anything else is Monday. */
function weekStartsOn(weekStart: number): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  const days = [0, 1, 2, 3, 4, 5, 6] as const;
  return days.find((d) => d === weekStart) ?? 1;
}

/**
 * Reads a date typed by a person. `today` is the reference for relative words; a date without
 * a year is the next one to come. `weekStart` (0 Sunday, 1 Monday … 6 Saturday) ends "end of week":
 * the last day of the week that holds today.
 */
export function parseDateInput(input: string, today: Day, weekStart = 1): DateInput {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return { error: 'Type a date, such as "next friday", "in 2 weeks" or 2027-03-01.' };
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) {
    const day = parseDay(text);
    if (!isDay(day)) return { error: `"${input.trim()}" is not a date on the calendar.` };
    return { day, label: dayLabel(day, today) };
  }
  const end = endOf(text, today, weekStart);
  if (end !== null) return { day: end, label: dayLabel(end, today) };
  const results = casual.parse(text, dateOfDay(today), { forwardDate: true });
  const first = results[0];
  // Only a date read from the whole input counts: "friday or so" is not a date.
  if (first === undefined || first.index !== 0 || first.text.length !== text.length) {
    return { error: `Cannot read "${input.trim()}" as a date.` };
  }
  const day = dayOfDate(first.start.date());
  return { day, label: dayLabel(day, today) };
}
