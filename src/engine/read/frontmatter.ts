/**
 * Goal notes' frontmatter: recognition, the goal fields, checkpoints, and the lines problems
 * point at. Works on the parsed object (from Obsidian's metadata cache or the CLI's YAML
 * reader) plus the raw YAML lines, which are only scanned to find where a key stands.
 */
import { BAD_DAY, NO_DAY, dayFromValue, formatDay, isDay, type Day } from '../days/dates';
import type { Checkpoint, EngineOptions, GoalMeta, GoalStatus, Problem } from '../types';
import { folderPath } from './text';

/** Parsed frontmatter; `'unreadable'` when a block is present but is not valid YAML. */
export type FrontmatterInput = Record<string, unknown> | null | 'unreadable';

/** Lines end as in Obsidian's editor: `\r\n`, `\n` or a lone `\r`. */
const LINE_BREAK = /\r\n|\r|\n/;

const STATUSES: ReadonlySet<string> = new Set(['active', 'paused', 'staying', 'done', 'dropped']);

/** Lines of the raw frontmatter, for locating keys. */
export interface RawFrontmatter {
  /** The text between the fences. */
  source: string;
  /** Line number of the first YAML line (1 when the note starts with `---`). */
  firstLine: number;
}

function lowerTag(value: unknown): string {
  return typeof value === 'string' ? value.trim().replace(/^#/, '').toLowerCase() : '';
}

function tagsOf(fm: Record<string, unknown>): string[] {
  const raw = fm['tags'] ?? fm['tag'];
  if (Array.isArray(raw)) return raw.map(lowerTag).filter((t) => t !== '');
  if (typeof raw === 'string') return raw.split(/[,\s]+/).map(lowerTag).filter((t) => t !== '');
  return [];
}

function inFolder(path: string, folder: string): boolean {
  const f = folderPath(folder);
  if (f === '') return false;
  return path.startsWith(f + '/');
}

/** Is this a goal note (SPEC 1.1)? */
export function isGoalNote(path: string, fm: FrontmatterInput, raw: RawFrontmatter | null, options: EngineOptions): boolean {
  if (inFolder(path, options.goalFolder)) return true;
  if (fm === 'unreadable') {
    if (raw === null) return false;
    const key = options.goalKey.toLowerCase();
    const value = options.goalValue.toLowerCase();
    for (const line of raw.source.split(LINE_BREAK)) {
      const m = /^([^:#]+):\s*(.*?)\s*$/.exec(line);
      if (m && (m[1] ?? '').trim().toLowerCase() === key && (m[2] ?? '').replace(/^["']|["']$/g, '').toLowerCase() === value) return true;
    }
    return false;
  }
  if (fm === null) return false;
  const v = fm[options.goalKey];
  if (typeof v === 'string' && v.trim().toLowerCase() === options.goalValue.toLowerCase()) return true;
  if (Array.isArray(v) && v.some((x) => typeof x === 'string' && x.trim().toLowerCase() === options.goalValue.toLowerCase())) return true;
  const tag = options.goalTag.replace(/^#/, '').toLowerCase();
  if (tag === '') return false;
  return tagsOf(fm).some((t) => t === tag || t.startsWith(tag + '/'));
}

/** Where keys and checkpoint entries stand in the raw YAML. */
interface KeyLines {
  keys: Map<string, number>;
  /** Each entry's first line; negative (-line - 1) for the key's line of a flow list. */
  checkpoints: number[];
  /** Each entry's last key or value line. */
  lastLines: number[];
  /** Each entry is written in flow style (`- {…}`, or a flow list). */
  flows: boolean[];
}

function locate(raw: RawFrontmatter | null): KeyLines {
  const keys = new Map<string, number>();
  const checkpoints: number[] = [];
  const lastLines: number[] = [];
  const flows: boolean[] = [];
  if (raw === null) return { keys, checkpoints, lastLines, flows };
  const lines = raw.source.split(LINE_BREAK);
  let inCheckpoints = false;
  let entryIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = raw.firstLine + i;
    if (/^[^\s#-][^:]*:/.test(line)) {
      const key = line.slice(0, line.indexOf(':')).trim().replace(/^["']|["']$/g, '');
      if (!keys.has(key)) keys.set(key, lineNo);
      inCheckpoints = key === 'checkpoints';
      entryIndent = -1;
      if (inCheckpoints && /:\s*\[/.test(line)) {
        // A flow sequence: every entry points at the key's line.
        inCheckpoints = false;
        checkpoints.push(-lineNo - 1);
        lastLines.push(lineNo);
        flows.push(true);
      }
      continue;
    }
    if (!inCheckpoints) continue;
    const m = /^(\s*)-(\s|$)/.exec(line);
    if (m) {
      const indent = (m[1] ?? '').length;
      if (entryIndent === -1) entryIndent = indent;
      if (indent === entryIndent) {
        checkpoints.push(lineNo);
        lastLines.push(lineNo);
        flows.push(/^\s*-\s*[{[]/.test(line));
        continue;
      }
    }
    // A key or value line of the current entry (blank lines and comments do not extend it).
    const trimmed = line.trim();
    if (lastLines.length > 0 && trimmed !== '' && !trimmed.startsWith('#')) lastLines[lastLines.length - 1] = lineNo;
  }
  return { keys, checkpoints, lastLines, flows };
}

function numberOrNull(value: unknown): number | null | 'bad' {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim().replace(/%$/, '')))) {
    return Number(value.trim().replace(/%$/, ''));
  }
  return 'bad';
}

/** A value as the person wrote it, for messages. */
function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return 'an unreadable value';
  }
}

function textOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** Reads the goal fields; problems point at the key's line or the checkpoint entry's line. */
export function readGoalMeta(
  path: string,
  basename: string,
  fm: FrontmatterInput,
  raw: RawFrontmatter | null,
  problems: Problem[],
): GoalMeta {
  const meta: GoalMeta = { title: basename, status: 'active', start: NO_DAY, target: NO_DAY, checkpoints: [] };
  if (fm === 'unreadable') {
    problems.push({ path, line: 0, severity: 'error', code: 'bad-frontmatter', message: 'The frontmatter is not valid YAML; the goal\'s dates and checkpoints cannot be read.' });
    return meta;
  }
  if (fm === null) return meta;
  const where = locate(raw);
  const lineOf = (key: string): number => where.keys.get(key) ?? 0;

  const title = textOrNull(fm['title']);
  if (title !== null && title.trim() !== '') meta.title = title.trim();
  const status = textOrNull(fm['status']);
  if (status !== null && STATUSES.has(status.trim().toLowerCase())) meta.status = status.trim().toLowerCase() as GoalStatus;

  const dateField = (key: 'start' | 'target'): Day => {
    const day = dayFromValue(fm[key]);
    if (day === BAD_DAY) {
      problems.push({ path, line: lineOf(key), severity: 'error', code: 'bad-date', message: `${key}: "${shown(fm[key])}" is not a date (YYYY-MM-DD).` });
      return NO_DAY;
    }
    return day;
  };
  meta.start = dateField('start');
  meta.target = dateField('target');
  if (isDay(meta.start) && isDay(meta.target) && meta.start > meta.target) {
    problems.push({ path, line: lineOf('start'), severity: 'error', code: 'bad-dates', message: `start (${formatDay(meta.start) ?? ''}) is after target (${formatDay(meta.target) ?? ''}); the expected progress cannot be drawn between them.` });
  }

  const list = fm['checkpoints'];
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list)) {
      problems.push({ path, line: lineOf('checkpoints'), severity: 'error', code: 'bad-checkpoint', message: 'checkpoints must be a list of entries with a date.' });
    } else {
      list.forEach((entry: unknown, index: number) => {
        const at = where.checkpoints[index];
        const line = at === undefined ? lineOf('checkpoints') : at < 0 ? -at - 1 : at;
        const cp = readCheckpoint(path, entry, line, index, problems);
        if (cp !== null) {
          cp.lastLine = Math.max(line, where.lastLines[index] ?? line);
          // An entry written `- {date: …}` is flow style inside a block list.
          cp.flow = at === undefined || at < 0 || where.flows[index] === true;
          meta.checkpoints.push(cp);
        }
      });
      meta.checkpoints.sort((a, b) => a.date - b.date);
    }
  }
  return meta;
}

function readCheckpoint(path: string, entry: unknown, line: number, index: number, problems: Problem[]): Checkpoint | null {
  const name = `Checkpoint ${index + 1}`;
  const bad = (message: string): null => {
    problems.push({ path, line, severity: 'error', code: 'bad-checkpoint', message: `${name}: ${message}` });
    return null;
  };
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return bad('an entry needs at least a date (date: YYYY-MM-DD).');
  const e = entry as Record<string, unknown>;
  if (e['date'] === undefined || e['date'] === null || e['date'] === '') return bad('it has no date.');
  const date = dayFromValue(e['date']);
  if (date === BAD_DAY) {
    problems.push({ path, line, severity: 'error', code: 'bad-date', message: `${name}: date "${shown(e['date'])}" is not a real date (YYYY-MM-DD).` });
    return null;
  }
  const expect = numberOrNull(e['expect']);
  if (expect === 'bad' || (expect !== null && (expect < 0 || expect > 100))) return bad(`expect must be a percent from 0 to 100 (found "${shown(e['expect'])}").`);
  const progress = numberOrNull(e['progress']);
  if (progress === 'bad' || (progress !== null && (progress < 0 || progress > 100))) return bad(`progress must be a percent from 0 to 100 (found "${shown(e['progress'])}").`);
  const feeling = numberOrNull(e['feeling']);
  if (feeling === 'bad' || (feeling !== null && (feeling < 1 || feeling > 5))) return bad(`feeling must be from 1 to 5 (found "${shown(e['feeling'])}").`);
  let reviewed = dayFromValue(e['reviewed']);
  if (reviewed === BAD_DAY) {
    problems.push({ path, line, severity: 'error', code: 'bad-date', message: `${name}: reviewed "${shown(e['reviewed'])}" is not a real date (YYYY-MM-DD).` });
    reviewed = NO_DAY;
  }
  return {
    date,
    label: textOrNull(e['label']),
    expect,
    progress,
    feeling,
    note: textOrNull(e['note']),
    reviewed,
    line,
    lastLine: line,
    index,
    flow: false,
  };
}

