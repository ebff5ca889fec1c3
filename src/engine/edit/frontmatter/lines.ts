/**
 * The frontmatter of a note as lines, for edits that change only the lines of the keys they
 * write (SPEC 2.6). Reads block-style YAML only; anything it cannot be sure of is reported as
 * a shape that needs the full YAML writer instead.
 */
import { nextSpan, noteEol, spanAt, splitKeep, type LineSpan } from '../../read/lines';
import { scanFrontmatterBlock } from '../../read/markdown';

export interface Line {
  /** 0-based line number in the note. */
  no: number;
  /** Offset where the line starts. */
  start: number;
  /** Offset where its text ends, before its line ending. */
  end: number;
  /** Offset of the next line. */
  next: number;
  text: string;
}

/** Result of an edit: the new text and the lines (0-based, in the new text) written. */
export type EditResult = { ok: true; text: string; changed: number[] } | { ok: false; reason: string; fallback: boolean };

/** A refusal that the full YAML writer can take over. */
export function needsFallback(reason: string): EditResult {
  return { ok: false, reason: `needs fallback: ${reason}`, fallback: true };
}

export function refuse(reason: string): EditResult {
  return { ok: false, reason, fallback: false };
}

export interface FrontmatterLines {
  lines: Line[];
  /** Offset where the closing fence starts (new last lines go here). */
  closeAt: number;
  /** Line number of the closing fence. */
  closeLine: number;
  eol: string;
}

/** Splits `text[from, to)` into lines; `firstNo` is the number of the first. */
function linesIn(text: string, from: number, to: number, firstNo: number): Line[] {
  const out: Line[] = [];
  let span: LineSpan | null = from < to ? spanAt(text, firstNo, from) : null;
  while (span !== null && span.start < to) {
    const next = Math.min(to, span.end + span.eol.length);
    out.push({ no: span.line, start: span.start, end: Math.min(span.end, to), next, text: text.slice(span.start, Math.min(span.end, to)) });
    span = nextSpan(text, span);
  }
  return out;
}

export function frontmatterLines(text: string): FrontmatterLines | null {
  const block = scanFrontmatterBlock(text);
  if (block === null) return null;
  return { lines: linesIn(text, block.textStart, block.textEnd, block.from), closeAt: block.textEnd, closeLine: block.to, eol: noteEol(text) };
}

export function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}

/** Blank or comment-only. */
export function isFiller(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}

export type ValueKind = 'empty' | 'plain' | 'double' | 'single' | 'other';

/** Where a value stands on a `key: value  # comment` line. */
export interface ValueSpan {
  kind: ValueKind;
  /** Offsets within the line: the value's bytes (for `empty`, where one would go). */
  from: number;
  to: number;
}

/** Reads the value after the colon at `colon`; `other` for flow, anchors, tags, block scalars. */
export function valueSpan(line: string, colon: number): ValueSpan {
  let i = colon + 1;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  // Nothing but perhaps a comment: a value goes right after the colon, with a space.
  if (i >= line.length || line[i] === '#') return { kind: 'empty', from: colon + 1, to: colon + 1 };
  const c = line[i] ?? '';
  const rest = (from: number): boolean => {
    const tail = line.slice(from);
    return tail.trim() === '' || /^[ \t]+#/.test(tail);
  };
  if (c === '"') {
    for (let j = i + 1; j < line.length; j++) {
      if (line[j] === '\\') j++;
      else if (line[j] === '"') return rest(j + 1) ? { kind: 'double', from: i, to: j + 1 } : { kind: 'other', from: i, to: i };
    }
    return { kind: 'other', from: i, to: i };
  }
  if (c === "'") {
    for (let j = i + 1; j < line.length; j++) {
      if (line[j] === "'") {
        if (line[j + 1] === "'") j++;
        else return rest(j + 1) ? { kind: 'single', from: i, to: j + 1 } : { kind: 'other', from: i, to: i };
      }
    }
    return { kind: 'other', from: i, to: i };
  }
  if ('[{&*!|>%@`'.includes(c)) return { kind: 'other', from: i, to: i };
  let end = line.length;
  const hash = line.slice(i).search(/[ \t]#/);
  if (hash !== -1) end = i + hash;
  while (end > i && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return { kind: 'plain', from: i, to: end };
}

/** A `key:` at the start of `line[col…]`; returns the key and the colon's offset. */
export function keyAt(line: string, col: number): { key: string; colon: number } | null {
  const s = line.slice(col);
  const m = /^("[^"\\]*"|'[^']*'|[^\s#'"\-?:,[\]{}&*!|>%@`][^#]*?)[ \t]*:(?=[ \t]|$)/.exec(s);
  if (!m) return null;
  let key = m[1] ?? '';
  if (key.startsWith('"') || key.startsWith("'")) key = key.slice(1, -1);
  return { key, colon: col + (m[0]?.length ?? 1) - 1 };
}

const CORE_SPECIAL = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const YAML11_SPECIAL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9][0-9_:.]*)$/;

/** Does `s`, written plain, read back as this same string (YAML 1.2 core schema)? Cautious. */
export function plainReadsBack(s: string): boolean {
  if (s === '' || s !== s.trim()) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  if (/[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s)) return false;
  if ('-?:,[]{}#&*!|>\'"%@`'.includes(s.charAt(0))) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  // Words and numbers that YAML 1.1 readers (older tools) take for booleans or numbers are quoted too.
  return !CORE_SPECIAL.test(s) && !YAML11_SPECIAL.test(s);
}

/** A string as a YAML scalar: plain when it reads back the same, else double-quoted. */
export function yamlString(s: string): string {
  // JSON's escapes are all valid in YAML's double-quoted style.
  return plainReadsBack(s) ? s : JSON.stringify(s);
}

/** A line-level edit: at old line `line`, drop `remove` lines and put `insert` (with line endings). */
export interface LineEdit {
  line: number;
  remove: 0 | 1;
  insert: string[];
}

/** Applies line edits (at distinct lines, any order); returns the text and the lines written. */
export function applyLineEdits(text: string, edits: LineEdit[]): { ok: true; text: string; changed: number[] } {
  const old = splitKeep(text);
  const sorted = [...edits].sort((a, b) => a.line - b.line || a.remove - b.remove);
  const out: string[] = [];
  const changed: number[] = [];
  let i = 0;
  for (const e of sorted) {
    while (i < e.line && i < old.length) out.push(old[i++] as string);
    for (const l of e.insert) {
      changed.push(out.length);
      out.push(l);
    }
    i += e.remove;
  }
  while (i < old.length) out.push(old[i++] as string);
  return { ok: true, text: out.join(''), changed };
}

/** A line with the bytes `[from, to)` of its text replaced, keeping its own line ending. */
export function replaceInLine(text: string, line: Line, from: number, to: number, value: string): string {
  return line.text.slice(0, from) + value + line.text.slice(to) + text.slice(line.end, line.next);
}

/** A top-level key of the frontmatter and the lines its value takes. */
export interface TopKey {
  key: string;
  /** Index in `FrontmatterLines.lines`. */
  at: number;
  colon: number;
  value: ValueSpan;
  /** Index of the last line of its value (itself for a one-line value), comments after it excluded. */
  last: number;
}

/** The top-level keys, or a reason the block is not plain block-style YAML. */
export function topKeys(fm: FrontmatterLines): TopKey[] | string {
  const keys: TopKey[] = [];
  const { lines } = fm;
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    if (isFiller(text)) continue;
    if (text.includes('\t') && /^[ \t]*\t/.test(text)) return 'tabs in the indentation';
    if (text.startsWith(' ') || text.startsWith('-')) {
      const prev = keys[keys.length - 1];
      if (prev === undefined) return 'the frontmatter does not start with a key';
      prev.last = i;
      continue;
    }
    if (text.startsWith('---') || text.startsWith('...') || text.startsWith('%')) return 'a document marker or directive';
    const k = keyAt(text, 0);
    if (k === null) return `line ${(lines[i] as Line).no + 1} is not a "key: value" line`;
    if (k.key === '<<') return 'a merge key (<<)';
    keys.push({ key: k.key, at: i, colon: k.colon, value: valueSpan(text, k.colon), last: i });
  }
  return keys;
}
