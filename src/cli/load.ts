/**
 * Reads a vault folder for the command line: every file's path (for link resolution), the
 * Markdown notes' text, and the engine's index over them. Hidden folders are skipped.
 */
import { readFileSync } from 'node:fs';
import { dayFromCivil, NO_DAY, type Day } from '../engine/days/dates';
import type { FrontmatterInput } from '../engine/read/frontmatter';
import { editorLines } from '../engine/read/lines';
import { LinkResolver } from '../engine/read/links';
import { scanFrontmatterBlock } from '../engine/read/markdown';
import { basenameOf, readNote } from '../engine/read/note';
import { unclosedFrontmatter } from '../engine/read/note-problems';
import { PlanIndex } from '../engine/report/plan-index';
import { folderPath } from '../engine/read/text';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions, type NoteData, type Problem } from '../engine/types';
import { parseSimpleYaml } from './simple-yaml';
import { CliError, errorCode, unreadable, walkVault } from './walk';
import { parseFrontmatterYaml, type YamlWarning } from './yaml';

export { CliError };

/** Every file below `root`, as vault paths with `/`, hidden folders and files skipped. */
export function listFiles(root: string): string[] {
  return walkVault(root).files.map((f) => f.path);
}

export function readText(file: string): string {
  return readSource(file).toString('utf8');
}

function readSource(file: string | Buffer): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new CliError(`cannot read ${file.toString()}: ${errorCode(e)}`);
  }
}

/** Parsed frontmatter of a note's text, as the metadata cache would give it. */
export function frontmatterOf(source: string): FrontmatterInput {
  const text = editorLines(source);
  const block = scanFrontmatterBlock(text);
  return block === null ? null : frontmatterFromYaml(text.slice(block.textStart, block.textEnd)).fm;
}

interface ParsedYaml {
  fm: FrontmatterInput;
  warnings: YamlWarning[];
}

/** Parsed frontmatter from the YAML between the fences. */
function frontmatterFromYaml(source: string): ParsedYaml {
  const simple = parseSimpleYaml(source);
  if (simple !== undefined) return { fm: simple, warnings: [] };
  const parsed = parseFrontmatterYaml(source);
  return parsed.ok ? { fm: parsed.data, warnings: parsed.warnings } : { fm: 'unreadable', warnings: [] };
}

/**
 * A note as read from disk. The command line keeps notes as bytes and decodes only those it
 * parses: most notes are never decoded, and bytes stay out of the garbage collector's way.
 */
export type Source = string | Buffer;

function decode(source: Source, end?: number): string {
  const text = typeof source === 'string' ? (end === undefined ? source : source.slice(0, end)) : source.toString('utf8', 0, end);
  return editorLines(text);
}

/** Does the note begin with a `---` line (after a byte-order mark)? Checked on the bytes. */
function startsWithFence(source: Source): boolean {
  if (typeof source === 'string') return source.startsWith('---') || source.startsWith('\uFEFF---');
  const at = source[0] === 0xef && source[1] === 0xbb && source[2] === 0xbf ? 3 : 0;
  return source[at] === 0x2d && source[at + 1] === 0x2d && source[at + 2] === 0x2d;
}

/**
 * The raw frontmatter of a note, decoding no more of it than needed: in bytes, only up to the
 * end of a line that may close the block (one that starts with `---`), found without decoding.
 */
function rawYaml(source: Source): string | null {
  if (!startsWithFence(source)) return null;
  if (typeof source !== 'string') {
    let from = 0;
    // A few tries; a note with many `---x` lines inside its frontmatter is decoded whole.
    for (let tries = 0; tries < 3; tries++) {
      const close = source.indexOf(CLOSE, from);
      // No line-feed close: a block that never closes, or lines that end in a lone CR. Read whole.
      if (close === -1) break;
      const eol = source.indexOf(0x0a, close + 1);
      const head = decode(source, eol === -1 ? undefined : eol + 1);
      const block = scanFrontmatterBlock(head);
      if (block !== null) return head.slice(block.textStart, block.textEnd);
      from = close + 1;
    }
  }
  const text = decode(source);
  const block = scanFrontmatterBlock(text);
  if (block !== null) return text.slice(block.textStart, block.textEnd);
  // A block that never closes: all of it may be frontmatter meant to make a goal (note.ts says so).
  return unclosedFrontmatter(text)?.source ?? null;
}

/** The start of a line that may close a frontmatter block. */
const CLOSE = Buffer.from('\n---');

/**
 * Could this note be a goal? A cheap look at the raw frontmatter before parsing any YAML.
 * Returns the raw YAML (null when there is none) for a possible goal, undefined otherwise.
 */
function goalYaml(path: string, source: Source, options: EngineOptions, marks: RegExp[]): string | null | undefined {
  const yaml = rawYaml(source);
  if (inGoalFolder(path, options)) return yaml;
  return yaml !== null && marks.some((m) => m.test(yaml)) ? yaml : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Patterns of raw YAML that may mark a goal: `type: goal` on a line, or the goal tag as a word. */
function goalMarks(options: EngineOptions): RegExp[] {
  const marks = [new RegExp(`^\\s*["']?${escapeRegExp(options.goalKey)}["']?\\s*:.*\\b${escapeRegExp(options.goalValue)}\\b`, 'im')];
  const tag = options.goalTag.replace(/^#/, '');
  if (tag !== '') marks.push(new RegExp(`(^|[\\s\\[,'"#-])#?${escapeRegExp(tag)}(?=$|[\\s\\],'"/])`, 'im'));
  return marks;
}

export interface LoadedVault {
  index: PlanIndex;
  files: number;
  notes: number;
  /** Problems of the vault itself: folders and files skipped, and why (all warnings). */
  problems: Problem[];
}

/** Is the note in the goals folder? Read as the engine reads the setting. */
function inGoalFolder(path: string, options: EngineOptions): boolean {
  const folder = folderPath(options.goalFolder);
  return folder !== '' && path.startsWith(folder + '/');
}

/** Ends in `.md`, in any case (without a lower-cased copy of every path). */
function isMarkdown(path: string): boolean {
  const n = path.length;
  return n > 3 && path.charCodeAt(n - 3) === 0x2e && (path.charCodeAt(n - 2) | 0x20) === 0x6d && (path.charCodeAt(n - 1) | 0x20) === 0x64;
}

/** Reads a vault folder into an index: goal notes now, linked notes when a tree reaches them. */
export function loadVault(root: string, options: EngineOptions = DEFAULT_ENGINE_OPTIONS, withText = true): LoadedVault {
  const listing = walkVault(root);
  const sources = new Map<string, Source>();
  const broken = new Map<string, Problem>();
  for (const f of listing.files) {
    if (!isMarkdown(f.path)) continue;
    if (f.problem !== null) {
      broken.set(f.path, f.problem);
      continue;
    }
    try {
      sources.set(f.path, readFileSync(f.disk));
    } catch (e) {
      // One note that cannot be read leaves the others be; goals that reach it say why.
      const problem = unreadable(f.path, errorCode(e));
      broken.set(f.path, problem);
      listing.problems.push({ ...problem, severity: 'warning' });
    }
  }
  const loaded = indexTexts(listing.files.map((f) => f.path), sources, options, withText, broken);
  loaded.problems = listing.problems;
  return loaded;
}

/** A note that could not be read: no steps, its problem; a goal when it lies in the goals folder. */
function brokenNote(path: string, problem: Problem, options: EngineOptions): NoteData {
  const basename = basenameOf(path);
  const goal = inGoalFolder(path, options) ? { title: basename, status: 'active' as const, start: NO_DAY, target: NO_DAY, checkpoints: [] } : null;
  return { path, basename, headings: [], steps: [], goal, problems: [problem] };
}

function warningProblems(path: string, firstLine: number, warnings: YamlWarning[]): Problem[] {
  return warnings.map((w) => ({ path, line: firstLine + w.line, severity: 'warning' as const, code: 'yaml-warning' as const, message: w.message }));
}

/**
 * The index over notes already read (text or bytes). `broken` holds the notes that could not
 * be read, with their problem.
 */
export function indexTexts(
  paths: string[],
  sources: ReadonlyMap<string, Source>,
  options: EngineOptions,
  withText = true,
  broken: ReadonlyMap<string, Problem> = new Map(),
): LoadedVault {
  const resolver = new LinkResolver(paths);
  const marks = goalMarks(options);
  /** Possible goals, with their raw YAML. */
  const candidates = new Map<string, string | null>();
  for (const [path, source] of sources) {
    const yaml = goalYaml(path, source, options, marks);
    if (yaml !== undefined) candidates.set(path, yaml);
  }
  const parse = (path: string): NoteData | undefined => {
    const problem = broken.get(path);
    if (problem !== undefined) return brokenNote(path, problem, options);
    const source = sources.get(path);
    if (source === undefined) return undefined;
    const text = decode(source);
    const yaml = candidates.get(path);
    const block = yaml === undefined || yaml === null ? null : scanFrontmatterBlock(text);
    const parsed = block === null || yaml === undefined || yaml === null ? null : frontmatterFromYaml(yaml);
    const note = readNote(path, text, parsed === null ? null : parsed.fm, options, withText);
    if (parsed !== null && parsed.warnings.length > 0 && note.goal !== null) {
      note.problems.push(...warningProblems(path, block?.from ?? 1, parsed.warnings));
    }
    return note;
  };
  const index = new PlanIndex(resolver, options, parse);
  for (const path of candidates.keys()) {
    const note = parse(path);
    if (note !== undefined && note.goal !== null) index.setNote(note);
  }
  for (const path of broken.keys()) {
    if (inGoalFolder(path, options)) index.setNote(brokenNote(path, broken.get(path) as Problem, options));
  }
  return { index, files: paths.length, notes: sources.size, problems: [] };
}

/** `YYYY-MM-DD` from the command line, or today in the local zone. */
export function parseToday(value: string | undefined): Day {
  if (value === undefined) {
    const now = new Date();
    return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new CliError(`--today wants a date as YYYY-MM-DD, not "${value}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayFromCivil(y, mo, d);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) throw new CliError(`--today: ${value} is not a real date`);
  return day;
}
