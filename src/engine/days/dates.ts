/**
 * Calendar days as integers (days since 1970-01-01). The hot path parses `YYYY-MM-DD` by hand
 * into these; nothing here allocates a Date.
 */

/** A day number; `NO_DAY` when absent. */
export type Day = number;
export const NO_DAY = -1_000_000;
/** Returned by the parsers for text that looks like a date but is not a real calendar date. */
export const BAD_DAY = -2_000_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The `[year, month, day]` of a day number. */
export function civilFromDay(z: Day): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Reads `YYYY-MM-DD` at `pos`. Returns the day, `BAD_DAY` for a well-formed but impossible date
 * (2024-02-31), or `NO_DAY` when the text there is not shaped like a date.
 */
export function parseDayAt(text: string, pos: number): Day {
  if (pos + 10 > text.length) return NO_DAY;
  const y0 = digit(text, pos), y1 = digit(text, pos + 1), y2 = digit(text, pos + 2), y3 = digit(text, pos + 3);
  const m0 = digit(text, pos + 5), m1 = digit(text, pos + 6), d0 = digit(text, pos + 8), d1 = digit(text, pos + 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return NO_DAY;
  if (text.charCodeAt(pos + 4) !== 45 || text.charCodeAt(pos + 7) !== 45) return NO_DAY;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return BAD_DAY;
  const max = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day > max) return BAD_DAY;
  return dayFromCivil(year, month, day);
}

/**
 * Reads a whole value as a date: `YYYY-MM-DD`, optionally followed by a time part
 * (`T12:00`, ` 12:00`), which is ignored.
 */
export function parseDay(value: string): Day {
  const s = value.trim();
  const day = parseDayAt(s, 0);
  if (day === NO_DAY) return NO_DAY;
  if (s.length > 10) {
    const sep = s.charCodeAt(10);
    if (sep !== 84 /* T */ && sep !== 32 /* space */ && sep !== 116 /* t */) return NO_DAY;
  }
  return day;
}

/** A frontmatter value (YAML date, string, Date) as a day; `BAD_DAY` when it is not a date. */
export function dayFromValue(value: unknown): Day {
  if (value === null || value === undefined || value === '') return NO_DAY;
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) return BAD_DAY;
    return dayFromCivil(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value !== 'string') return BAD_DAY;
  const day = parseDay(value);
  return day === NO_DAY ? BAD_DAY : day;
}

function pad2(n: number): string {
  return n < 10 ? '0' + String(n) : String(n);
}

/** `YYYY-MM-DD` of a day, or null when absent, invalid, not a whole number or outside years 0-9999. */
export function formatDay(day: Day): string | null {
  if (!Number.isInteger(day) || day <= NO_DAY) return null;
  const [y, m, d] = civilFromDay(day);
  if (y < 0 || y > 9999) return null;
  return String(y).padStart(4, '0') + '-' + pad2(m) + '-' + pad2(d);
}

/** True for a real day (neither absent nor invalid). */
export function isDay(day: Day): boolean {
  return day > NO_DAY;
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day a local `Date` falls on, in the zone of this machine. */
export function dayOfDate(date: Date): Day {
  return dayFromCivil(date.getFullYear(), date.getMonth() + 1, date.getDate());
}
