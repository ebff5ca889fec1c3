/**
 * The one tokenizer of a task line's text (after the checkbox), with positions: tags, wikilinks,
 * Dataview inline fields (`[key:: value]`, `(key:: value)`), Markdown links, a trailing block
 * id, and the Tasks plugin's field signs with their values (`📅 2026-12-01`, `⏱ 2h`, `🔁 every
 * week`). The field reader (`readFields`) and the edit anchor (`scanFields`) both read a line
 * through it, so what a reading sees as a field is exactly what an edit may change.
 * One pass over the characters; no regular expressions, no Date objects.
 */
import { NO_DAY, parseDayAt, type Day } from '../days/dates';
import { EMOJI, MAX_ESTIMATE_LENGTH, parseEstimate, SignKind, type EmojiField } from './field-signs';
import { codeSpans, FieldSearches } from './line-search';
import { findIn } from './text';

export const enum Token {
  /** `#tag`: `[start, end)`. */
  Tag,
  /** `[[target|alias]]`: the target and alias between `start + 2` and `end - 2`. */
  WikiLink,
  /** `[key:: value]` or `(key:: value)`: the key before `keyEnd`, the value from `keyEnd + 2` to `end - 1`. */
  Field,
  /** `[text](target)`: the target from `middle + 2` to `end - 1`. */
  Link,
  /** ` ^block-id` that only spaces follow: `[start, end)` from the `^`. */
  BlockId,
  /** A Tasks field sign and its value: `sign`, `signEnd`, `valueFrom`, `valueTo`, `day`, `minutes`. */
  Sign,
}

const SPACE = 32, TAB = 9;
const NO_SPANS: number[] = [];

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

export function isTagChar(c: number): boolean {
  // Letters, digits, `_`, `-`, `/` and anything outside ASCII (Obsidian allows Unicode tags).
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
    c === 95 || c === 45 || c === 47 || c > 127
  );
}

function isKeyChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 32;
}

export function isBlockIdChar(d: number): boolean {
  return (d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || d === 45;
}

/** End of the id when the `^` at `i` starts a block id that only spaces follow up to `to`, else -1. */
function blockIdEnd(text: string, i: number, to: number): number {
  let e = i + 1;
  while (e < to && isBlockIdChar(text.charCodeAt(e))) e++;
  let t = e;
  while (t < to && isSpace(text.charCodeAt(t))) t++;
  return e > i + 1 && t === to ? e : -1;
}

/** Where the key ends when the `[` or `(` at `i` opens a Dataview field (`[key::`), else -1. */
function fieldKeyEnd(text: string, i: number, to: number): number {
  let k = i + 1;
  while (k < to && isKeyChar(text.charCodeAt(k))) k++;
  return k > i + 1 && text.charCodeAt(k) === 58 && text.charCodeAt(k + 1) === 58 ? k : -1;
}

/** Skips a U+FE0F variation selector. */
function skipVariation(text: string, i: number): number {
  return text.charCodeAt(i) === 0xfe0f ? i + 1 : i;
}

/**
 * A cursor over the tokens of one line: `reset`, then `next()` until it returns false; each
 * true leaves the token in the fields below. One tokenizer serves line after line (a note's
 * reader keeps one); each has its own searches, so readings may nest.
 */
export class LineTokens {
  kind: Token = Token.Tag;
  /** The token's range in the line. */
  start = 0;
  end = 0;
  /** Field: where the key ends (the first `:`). */
  keyEnd = 0;
  /** Link: the `](` between text and target. */
  middle = 0;
  /** Sign: the field, its code point, where the sign (and a variation selector) ends, and the value's range. */
  sign: EmojiField | null = null;
  signCode = 0;
  signEnd = 0;
  valueFrom = 0;
  valueTo = 0;
  /** Sign of a date: the day read (`BAD_DAY` for an impossible date). */
  day: Day = NO_DAY;
  /** Sign of an estimate: its minutes. */
  minutes = 0;

  private readonly searches = new FieldSearches();
  private text = '';
  private from = 0;
  private to = 0;
  private i = 0;
  /** The code spans of the line, found at its first `[` when it has a backtick at all. */
  private spans: number[] | null = null;
  private span = 0;

  /** Starts on `text[from, to)`. */
  reset(text: string, from: number, to: number): this {
    this.text = text;
    this.from = from;
    this.to = to;
    this.i = from;
    this.spans = null;
    this.searches.reset(text, to);
    return this;
  }

  /** Forgets the text read last, so that a tokenizer kept between reads holds no note alive. */
  release(): void {
    this.reset('', 0, 0);
  }

  /** The next token, true when there is one. */
  next(): boolean {
    const { text, from, to } = this;
    let i = this.i;
    while (i < to) {
      const c = text.charCodeAt(i);
      // Below U+2300 only `#`, `[`, `(` and `^` start something; no field sign is lower.
      if (c < 0x2300 && c !== 0x23 && c !== 0x5b && c !== 0x28 && c !== 0x5e) {
        i++;
        continue;
      }
      // A tag or a block id follows a space (or starts the text, for a tag).
      if ((c === 0x23 || c === 0x5e) && !(i === from ? c === 0x23 : isSpace(text.charCodeAt(i - 1)))) {
        i++;
        continue;
      }
      const found = c === 0x23 ? this.tag(i) : c === 0x5b || c === 0x28 ? this.bracket(i, c) : c === 0x5e ? this.blockId(i) : this.emoji(i, c);
      if (found) {
        this.i = this.end;
        return true;
      }
      i = this.end;
    }
    this.i = to;
    return false;
  }

  /** Sets the token (or, when `found` is false, where scanning goes on) and says which. */
  private at(kind: Token, start: number, end: number, found = true): boolean {
    this.kind = kind;
    this.start = start;
    this.end = end;
    return found;
  }

  private tag(i: number): boolean {
    let e = i + 1;
    while (e < this.to && isTagChar(this.text.charCodeAt(e))) e++;
    return this.at(Token.Tag, i, e);
  }

  /** A wikilink, an inline field or a Markdown link opening at `i`; else scanning goes on after it. */
  private bracket(i: number, c: number): boolean {
    const { text, to, searches } = this;
    // Links in code spans are not links (Obsidian shows them as code); fields there still count.
    const linkable = c === 0x5b && !this.inCode(i);
    if (linkable && text.charCodeAt(i + 1) === 0x5b) {
      const close = searches.wikiClose.find(i + 2);
      if (close !== -1) return this.at(Token.WikiLink, i, close + 2);
    }
    const k = fieldKeyEnd(text, i, to);
    if (k !== -1) {
      const close = (c === 0x5b ? searches.squareClose : searches.roundClose).find(k + 2);
      if (close !== -1) {
        this.keyEnd = k;
        return this.at(Token.Field, i, close + 1);
      }
    }
    if (linkable) {
      const middle = searches.linkMiddle.find(i + 1);
      const end = middle === -1 ? -1 : searches.linkClose.find(middle + 2);
      if (end !== -1) {
        this.middle = middle;
        return this.at(Token.Link, i, end + 1);
      }
    }
    return this.at(Token.Link, i, i + 1, false);
  }

  private blockId(i: number): boolean {
    const e = blockIdEnd(this.text, i, this.to);
    return e === -1 ? this.at(Token.BlockId, i, i + 1, false) : this.at(Token.BlockId, i, e);
  }

  /** A field sign at `i` with a value it accepts; else scanning goes on after the sign. */
  private emoji(i: number, c: number): boolean {
    const text = this.text;
    const cp = text.codePointAt(i) ?? c;
    const width = cp > 0xffff ? 2 : 1;
    const field = EMOJI.get(cp);
    if (field === undefined) return this.at(Token.Sign, i, i + width, false);
    const j = skipVariation(text, i + width);
    this.sign = field;
    this.signCode = cp;
    this.signEnd = j;
    const end = this.signValue(field.kind, i, j);
    return end === -1 ? this.at(Token.Sign, i, j, false) : this.at(Token.Sign, i, end);
  }

  /**
   * Reads the value of a sign of `kind` from `start` to `j` into `valueFrom`/`valueTo` (for a
   * priority, the sign itself); the token's end, or -1 when the value is not one.
   */
  private signValue(kind: SignKind, start: number, j: number): number {
    const { text, to } = this;
    if (kind === SignKind.Priority) {
      this.valueFrom = start;
      this.valueTo = j;
      return j;
    }
    if (kind === SignKind.Recurrence) return this.recurrence(j);
    let v = j;
    while (v < to && isSpace(text.charCodeAt(v))) v++;
    this.valueFrom = v;
    if (kind === SignKind.Date) {
      this.day = v + 10 <= to ? parseDayAt(text, v) : NO_DAY;
      this.valueTo = v + 10;
      return this.day === NO_DAY ? -1 : v + 10;
    }
    // An estimate is short; a run of `⏱⏱⏱…` is not read to its end once per sign.
    const limit = kind === SignKind.Estimate ? Math.min(to, v + MAX_ESTIMATE_LENGTH + 1) : to;
    let e = v;
    while (e < limit && !isSpace(text.charCodeAt(e))) e++;
    this.valueTo = e;
    if (kind !== SignKind.Estimate) return e;
    this.minutes = e - v <= MAX_ESTIMATE_LENGTH ? parseEstimate(text.slice(v, e)) : 0;
    return this.minutes === 0 ? -1 : e;
  }

  /** A recurrence rule runs to the next field sign, inline field or trailing block id; its value trimmed. */
  private recurrence(j: number): number {
    const { text, to } = this;
    let e = j;
    while (e < to) {
      const d = text.codePointAt(e) ?? 0;
      if (d >= 0x2300 && EMOJI.has(d)) break;
      if ((d === 0x5b || d === 0x28) && this.searches.fieldMark.find(e) !== -1) break;
      if (d === 0x5e && isSpace(text.charCodeAt(e - 1)) && blockIdEnd(text, e, to) !== -1) break;
      e += d > 0xffff ? 2 : 1;
    }
    let v = j;
    while (v < e && isSpace(text.charCodeAt(v))) v++;
    let ve = e;
    while (ve > v && isSpace(text.charCodeAt(ve - 1))) ve--;
    this.valueFrom = v;
    this.valueTo = ve;
    return e;
  }

  private inCode(at: number): boolean {
    const { text, from, to } = this;
    if (this.spans === null) {
      this.spans = findIn(text, '`', from, to) === -1 ? NO_SPANS : codeSpans(text, from, to);
      this.span = 0;
    }
    const spans = this.spans;
    while (this.span < spans.length && (spans[this.span + 1] ?? 0) <= at) this.span += 2;
    return this.span < spans.length && (spans[this.span] ?? 0) <= at;
  }
}
