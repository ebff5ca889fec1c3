/**
 * Keeping the parts of a task line that surround its text (marker, checkbox, fields) in little
 * memory. The Tasks plugin's signs are emoji outside Latin-1, so a JS string holding one is
 * stored two bytes a character; here each sign becomes one control character that never occurs
 * in a note's line, and the rest stays, so the string is stored one byte a character. A line
 * with any other character outside Latin-1 (or a control character) is kept as it is. Read
 * from a note (`compactOf`), the step's own dates become codes too, and equal results are one
 * string.
 *
 * Measured on the 10 MB benchmark vault: 493 bytes retained per step with the surrounding
 * text kept as plain strings, against 400 with this encoding; then 286 per list item against
 * 318 with the dates as codes and equal strings shared.
 */
import { formatDay, type Day } from '../days/dates';
import { copyOf, stringOf, takeChars } from './text';

/** The signs of SPEC 1.2, the variation selector, and the codes that stand for them. */
const SIGNS = ['📅', '📆', '🗓', '⏳', '⌛', '🛫', '➕', '✅', '❌', '⏱', '🔺', '⏫', '🔼', '🔽', '⏬', '🔁', '🏁', '🆔', '⛔', '\uFE0F'];
/** Control characters other than tab, line feed and carriage return. */
const CODES = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];

const SIGN_OF: string[] = [];
/** Codes by code point, 0 for none: signs in U+2300–U+27FF, and in U+1F000–U+1F7FF. */
const BMP_CODE = new Uint8Array(0x500);
const ASTRAL_CODE = new Uint8Array(0x800);
const VARIATION = 0xfe0f;
let variationCode = 0;
SIGNS.forEach((sign, i) => {
  const code = CODES[i] as number;
  const point = sign.codePointAt(0) as number;
  if (point === VARIATION) variationCode = code;
  else if (point >= 0x1f000) ASTRAL_CODE[point - 0x1f000] = code;
  else BMP_CODE[point - 0x2300] = code;
  SIGN_OF[code] = sign;
});

/** The code of the sign at `point`, or 0. */
function codeOf(point: number): number {
  if (point >= 0x2300 && point < 0x2800) return BMP_CODE[point - 0x2300] ?? 0;
  if (point >= 0x1f000 && point < 0x1f800) return ASTRAL_CODE[point - 0x1f000] ?? 0;
  return point === VARIATION ? variationCode : 0;
}

/** Escape for a control character of the line itself: it is followed by the character + 0x40. */
const ESC = 0x1f;

/**
 * A string to keep in place of `s`. Every character is Latin-1 once each sign is a code and each
 * control character escaped; when some other character is beyond Latin-1, `s` itself (copied).
 * `expand` tells the two apart by that: only a string kept as it is has a character past 0xFF.
 */
export function compact(s: string): string {
  return compactOf(s, 0, s.length);
}

/** Scratch arrays for `compactOf`, taken out while in use (a reading may nest in another). */
const spare: number[][] = [];

/**
 * The dates of a step. A kept line may hold a code in place of one of them (its `YYYY-MM-DD`,
 * which `formatDay` gives back as it was), so that lines differing only in their dates are one
 * string (see `compactOf`).
 */
export interface KeptDays {
  readonly due: Day;
  readonly scheduled: Day;
  readonly start: Day;
  readonly done: Day;
}

/** Where the dates of a step stand in the note (see `LineReader`), -1 for none. */
export interface DatePlaces {
  readonly dueAt: number;
  readonly scheduledAt: number;
  readonly startAt: number;
  readonly doneAt: number;
}

/** Codes that stand for the date of a step's field. */
const DUE = 24, SCHEDULED = 25, START = 26, DONE = 27;

/**
 * Recently kept strings by a hash of their codes, shared by every line kept the same: most tails
 * are a few signs and the step's own dates (` 📅 D ✅ D`), most heads `- [ ] ` under an indent.
 * A miss replaces the slot; the strings are never changed, so sharing them is safe.
 */
const KEPT = new Array<string | undefined>(8192).fill(undefined);
const KEPT_HASH = new Int32Array(KEPT.length);

/**
 * `compact(text.slice(from, to))`, read from `text` in place, with the date at each of `dates`
 * as the code of its field. One pass into a scratch array while hashing the codes; an equal
 * string kept before is returned, else one is built from an array of the final length.
 */
export function compactOf(text: string, from: number, to: number, dates: DatePlaces | null = null): string {
  const buf = spare.pop() ?? [];
  let k = 0;
  let hash = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let code = c;
    // Most text needs no change: printable Latin-1 and tabs are kept as they are.
    if (c >= 0x20 && c <= 0xff) {
      if (c <= 57 && c >= 48 && dates !== null && i + 10 <= to) {
        const field = i === dates.dueAt ? DUE : i === dates.scheduledAt ? SCHEDULED : i === dates.startAt ? START : i === dates.doneAt ? DONE : 0;
        if (field !== 0) {
          code = field;
          i += 9;
        }
      }
    } else if (c === 9) {
      // A tab is kept.
    } else if (c < 0x20) {
      buf[k++] = ESC;
      hash = Math.imul(hash ^ ESC, 0x01000193);
      code = c + 0x40;
    } else {
      const point = c >= 0xd800 && c < 0xdc00 ? (text.codePointAt(i) as number) : c;
      code = codeOf(point);
      if (code === 0) {
        spare.push(buf);
        return copyOf(text, from, to);
      }
      if (point > 0xffff) i++;
    }
    buf[k++] = code;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  hash |= 0;
  // The string kept last for the same end of a line is the likeliest, and still in the cache.
  if (dates === null ? hash === lastHeadHash && sameCodes(lastHead, buf, k) : hash === lastTailHash && sameCodes(lastTail, buf, k)) {
    spare.push(buf);
    return dates === null ? lastHead : lastTail;
  }
  const slot = hash & (KEPT.length - 1);
  let kept = KEPT[slot];
  // The hash is compared first: a kept string is read only when it is likely the one.
  if (kept === undefined || KEPT_HASH[slot] !== hash || !sameCodes(kept, buf, k)) {
    const chars = takeChars(k);
    for (let j = 0; j < k; j++) chars[j] = buf[j] as number;
    kept = stringOf(chars);
    KEPT[slot] = kept;
    KEPT_HASH[slot] = hash;
  }
  spare.push(buf);
  if (dates === null) {
    lastHead = kept;
    lastHeadHash = hash;
  } else {
    lastTail = kept;
    lastTailHash = hash;
  }
  return kept;
}

/** The strings `compactOf` gave last for starts of lines (no dates) and for the rest, with their hashes. */
let lastHead = '';
let lastHeadHash = 0;
let lastTail = '';
let lastTailHash = 0;

function sameCodes(s: string, codes: readonly number[], n: number): boolean {
  if (s.length !== n) return false;
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) !== codes[i]) return false;
  return true;
}

/** The string `compact` (or `compactOf` with these `days`) was given. */
export function expand(s: string, days: KeptDays | null = null): string {
  let coded = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    if (c < 0x20 && c !== 9) coded = true;
  }
  if (!coded) return s;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 || c === 9) continue;
    out += s.slice(from, i);
    if (c === ESC) {
      out += String.fromCharCode(s.charCodeAt(i + 1) - 0x40);
      i++;
    } else if (c >= DUE && c <= DONE) out += dayText(c, days);
    else out += SIGN_OF[c] ?? '';
    from = i + 1;
  }
  return out + s.slice(from);
}

function dayText(code: number, days: KeptDays | null): string {
  if (days === null) return '';
  const day = code === DUE ? days.due : code === SCHEDULED ? days.scheduled : code === START ? days.start : days.done;
  return formatDay(day) ?? '';
}
