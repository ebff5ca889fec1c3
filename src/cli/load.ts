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
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${errorCode(e) ?? String(e)}`);
  }
}

/** Parsed frontmatter of a note's text, as the metadata cache would give it. */
export function frontmatterOf(text: string): FrontmatterInput {
  const block = scanFrontmatterBlock(text);
  if (block === null) return null;
  const source = text.slice(block.textStart, block.textEnd);
  const simple = parseSimpleYaml(source);
  if (simple !== undefined) return simple;
  const parsed = parseFrontmatterYaml(source);
  return parsed.ok ? parsed.data : 'unreadable';
}

/** Could this note be a goal? A cheap look at the raw frontmatter before parsing any YAML. */
function mayBeGoal(path: string, text: string, options: EngineOptions, marks: RegExp[]): boolean {
  if (options.goalFolder !== '' && path.startsWith(options.goalFolder.replace(/\/+$/, '') + '/')) return true;
  const block = scanFrontmatterBlock(text);
  if (block === null) return false;
  const yaml = text.slice(block.textStart, block.textEnd);
  return marks.some((m) => m.test(yaml));
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

/** Reads a vault folder into an index: goal notes now, linked notes when a tree reaches them. */
export function loadVault(root: string, options: EngineOptions = DEFAULT_ENGINE_OPTIONS): LoadedVault {
  const paths = listFiles(root);
  const texts = new Map<string, string>();
  for (const p of paths) if (p.toLowerCase().endsWith('.md')) texts.set(p, readText(join(root, p)));
  return indexTexts(paths, texts, options);
}

/** The index over texts already read. */
export function indexTexts(paths: string[], texts: Map<string, string>, options: EngineOptions): LoadedVault {
  const resolver = new LinkResolver(paths);
  const marks = goalMarks(options);
  const parse = (path: string): NoteData | undefined => {
    const text = texts.get(path);
    if (text === undefined) return undefined;
    return readNote(path, text, mayBeGoal(path, text, options, marks) ? frontmatterOf(text) : null, options);
  };
  const index = new PlanIndex(resolver, options, parse);
  for (const [path, text] of texts) {
    if (mayBeGoal(path, text, options, marks)) {
      const note = parse(path);
      if (note !== undefined && note.goal !== null) index.setNote(note);
    }
  }
  return { index, files: paths.length, notes: texts.size };
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
