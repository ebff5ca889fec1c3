/**
 * Reads a vault folder for the command line: every file's path (for link resolution), the
 * Markdown notes' text, and the engine's index over them. Hidden folders are skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayFromCivil, type Day } from '../engine/dates';
import type { FrontmatterInput } from '../engine/frontmatter';
import { LinkResolver } from '../engine/links';
import { scanFrontmatterBlock } from '../engine/markdown';
import { readNote } from '../engine/note';
import { PlanIndex } from '../engine/plan-index';
import { DEFAULT_ENGINE_OPTIONS, type EngineOptions, type NoteData } from '../engine/types';
import { parseSimpleYaml } from './simple-yaml';
import { parseFrontmatterYaml } from './yaml';

export class CliError extends Error {}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : String(e);
}

/** Every file below `root`, as vault paths with `/`, hidden folders and files skipped. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new CliError(`cannot read folder ${dir}: ${errorCode(e) ?? String(e)}`);
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (entry.isFile()) out.push(path);
    }
  };
  walk(root, '');
  return out.sort();
}

export function readText(file: string): string {
  return readSource(file).toString('utf8');
}

function readSource(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${errorCode(e) ?? String(e)}`);
  }
}

/** Parsed frontmatter of a note's text, as the metadata cache would give it. */
export function frontmatterOf(text: string): FrontmatterInput {
  const block = scanFrontmatterBlock(text);
  return block === null ? null : frontmatterFromYaml(text.slice(block.textStart, block.textEnd));
}

/** Parsed frontmatter from the YAML between the fences. */
function frontmatterFromYaml(source: string): FrontmatterInput {
  const simple = parseSimpleYaml(source);
  if (simple !== undefined) return simple;
  const parsed = parseFrontmatterYaml(source);
  return parsed.ok ? parsed.data : 'unreadable';
}

/**
 * A note as read from disk. The command line keeps notes as bytes and decodes only those it
 * parses: most notes are never decoded, and bytes stay out of the garbage collector's way.
 */
export type Source = string | Buffer;

function decode(source: Source, end?: number): string {
  return typeof source === 'string' ? (end === undefined ? source : source.slice(0, end)) : source.toString('utf8', 0, end);
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
      if (close === -1) return null;
      const eol = source.indexOf(0x0a, close + 1);
      const head = decode(source, eol === -1 ? undefined : eol + 1);
      const block = scanFrontmatterBlock(head);
      if (block !== null) return head.slice(block.textStart, block.textEnd);
      from = close + 1;
    }
  }
  const text = decode(source);
  const block = scanFrontmatterBlock(text);
  return block === null ? null : text.slice(block.textStart, block.textEnd);
}

/** The start of a line that may close a frontmatter block. */
const CLOSE = Buffer.from('\n---');

/**
 * Could this note be a goal? A cheap look at the raw frontmatter before parsing any YAML.
 * Returns the raw YAML (null when there is none) for a possible goal, undefined otherwise.
 */
function goalYaml(path: string, source: Source, options: EngineOptions, marks: RegExp[]): string | null | undefined {
  const yaml = rawYaml(source);
  if (options.goalFolder !== '' && path.startsWith(options.goalFolder.replace(/\/+$/, '') + '/')) return yaml;
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
}

/** Ends in `.md`, in any case (without a lower-cased copy of every path). */
function isMarkdown(path: string): boolean {
  const n = path.length;
  return n > 3 && path.charCodeAt(n - 3) === 0x2e && (path.charCodeAt(n - 2) | 0x20) === 0x6d && (path.charCodeAt(n - 1) | 0x20) === 0x64;
}

/** Reads a vault folder into an index: goal notes now, linked notes when a tree reaches them. */
export function loadVault(root: string, options: EngineOptions = DEFAULT_ENGINE_OPTIONS, withText = true): LoadedVault {
  const paths = listFiles(root);
  const sources = new Map<string, Source>();
  // Joined by hand: a vault path is already normal, and path.join costs a copy or two per note.
  const prefix = root.endsWith('/') || root.endsWith('\\') ? root : root + '/';
  for (const p of paths) if (isMarkdown(p)) sources.set(p, readSource(prefix + p));
  return indexTexts(paths, sources, options, withText);
}

/** The index over notes already read (text or bytes). */
export function indexTexts(paths: string[], sources: ReadonlyMap<string, Source>, options: EngineOptions, withText = true): LoadedVault {
  const resolver = new LinkResolver(paths);
  const marks = goalMarks(options);
  /** Possible goals, with their raw YAML. */
  const candidates = new Map<string, string | null>();
  for (const [path, source] of sources) {
    const yaml = goalYaml(path, source, options, marks);
    if (yaml !== undefined) candidates.set(path, yaml);
  }
  const parse = (path: string): NoteData | undefined => {
    const source = sources.get(path);
    if (source === undefined) return undefined;
    const text = decode(source);
    const yaml = candidates.get(path);
    return readNote(path, text, yaml === undefined || yaml === null ? null : frontmatterFromYaml(yaml), options, withText);
  };
  const index = new PlanIndex(resolver, options, parse);
  for (const path of candidates.keys()) {
    const note = parse(path);
    if (note !== undefined && note.goal !== null) index.setNote(note);
  }
  return { index, files: paths.length, notes: sources.size };
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
