/**
 * The fuzzer: seeded random vaults of careless and hostile notes, read by the engine (every
 * goal's report, its JSON and its human rendering) and by the command line on disk. It looks for
 * a throw, a number that is not a finite number (or a percent out of 0-100, or 100 with work
 * open), a date that is not `YYYY-MM-DD`, JSON that does not parse, and control characters on
 * the terminal. `npm test` runs a small count; `npm run fuzz` runs 100,000 notes and more.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { indexTexts } from '../../src/cli/load';
import { run } from '../../src/cli/main';
import { renderGoal } from '../../src/cli/render';
import { dayFromCivil, formatDay, NO_DAY } from '../../src/engine/days/dates';
import { jsonText } from '../../src/engine/present/json-text';
import { reportJson } from '../../src/engine/report/json-report';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/engine/types';

/** mulberry32: a small seeded generator, the same numbers on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const int = (rng: Rng, n: number): number => Math.floor(rng() * n);

const DATES = ['2026-12-01', '2026-02-30', '2027-13-45', '0000-01-01', '9999-12-31', '2026-1-1', 'soon', '', '2026-11-25T10:00', '1970-01-01'];
const WEIGHTS = ['3', '0', '-1', '0.1', '0.2', '1e308', '1e-9', 'NaN', 'Infinity', '1000', '1001', '', 'x', '0.30000000000000004'];
const HOSTILE = ['[', '[[', '(', ']]', '`', '``', '[key:: ', '(due:: ', '⏱', '🔁', '^', '#', '\u001b[31m', '\u0007', '\u009b', '\u202e', '\u0000', '\ufeff', '%%', '<!--', '```', '\t', '\r', '\r\n'];

function dateField(rng: Rng): string {
  const d = pick(rng, DATES);
  return pick(rng, [`📅 ${d}`, `[due:: ${d}]`, `(due:: ${d})`, `✅ ${d}`, `[completion:: ${d}]`, `⏳ ${d}`, `🛫 ${d}`, `❌ ${d}`]);
}

function link(rng: Rng, notes: number): string {
  const n = `N${int(rng, notes)}`;
  return pick(rng, [`[[${n}]]`, `[[${n}#H${int(rng, 3)}]]`, `[[${n}|alias]]`, `[t](${n}.md)`, `\`[[${n}]]\``, `[[Missing${int(rng, 5)}]]`, `[[${n.toLowerCase()}]]`, '[[#Local]]', '[[file.pdf]]']);
}

function taskLine(rng: Rng, notes: number): string {
  const indent = pick(rng, ['', '', '  ', '    ', '\t', '\t\t', ' '.repeat(int(rng, 12))]);
  const marker = pick(rng, ['- ', '* ', '+ ', '1. ', '- - ']);
  const box = pick(rng, ['[ ]', '[x]', '[X]', '[/]', '[-]', '[>]', '[?]', '[ ]', '[ ]']);
  const parts = [`step ${int(rng, 1000)}`];
  const extras = int(rng, 5);
  for (let i = 0; i < extras; i++) {
    const r = rng();
    if (r < 0.3) parts.push(dateField(rng));
    else if (r < 0.5) parts.push(link(rng, notes));
    else if (r < 0.6) parts.push(`[weight:: ${pick(rng, WEIGHTS)}]`);
    else if (r < 0.7) parts.push(pick(rng, ['⏱ 3d', '⏱ 30m', '[estimate:: 1w]', '⏱ 99999999w', '#help', '🔺', '🔁 every day', '^blk']));
    else parts.push(pick(rng, HOSTILE).repeat(1 + int(rng, rng() < 0.05 ? 2000 : 4)));
  }
  return `${indent}${marker}${box} ${parts.join(' ')}`;
}

function frontmatter(rng: Rng): string {
  const r = rng();
  if (r < 0.35) return '';
  const lines = [pick(rng, ['type: goal', 'type: goal', 'tags: [goal]', 'type: note', 'type: "goal"'])];
  if (rng() < 0.7) lines.push(`start: ${pick(rng, [...DATES, '!!timestamp 2027-13-45', '2026-01-01'])}`);
  if (rng() < 0.7) lines.push(`target: ${pick(rng, [...DATES, '2027-06-30'])}`);
  if (rng() < 0.3) lines.push(`status: ${pick(rng, ['active', 'paused', 'done', 'odd'])}`);
  if (rng() < 0.3) lines.push(`title: ${pick(rng, ['"Esc \\e[31m"', 'Plain', '!weird tag', '[a, b]', '"\\u0007"'])}`);
  if (rng() < 0.4) {
    lines.push('checkpoints:');
    const n = int(rng, 4);
    for (let i = 0; i < n; i++) {
      lines.push(`  - date: ${pick(rng, DATES)}`);
      if (rng() < 0.6) lines.push(`    expect: ${pick(rng, ['25', '150', '-3', 'x', '50.5', '1e400'])}`);
      if (rng() < 0.4) lines.push(`    progress: ${pick(rng, ['20', '101', 'NaN'])}`);
      if (rng() < 0.3) lines.push(`    feeling: ${pick(rng, ['4', '9', '2.5'])}`);
    }
  }
  if (rng() < 0.01) lines.push('deep: ' + '['.repeat(1000) + ']'.repeat(1000));
  if (rng() < 0.05) lines.push('a: &x [1]\nb: *x\nc: *nope');
  const close = rng() < 0.1 ? '' : '---\n';
  return `---\n${lines.join('\n')}\n${close}`;
}

/** A random note's text. */
export function note(rng: Rng, notes: number): string {
  const out: string[] = [];
  const n = 1 + int(rng, 25);
  for (let i = 0; i < n; i++) {
    const r = rng();
    if (r < 0.6) out.push(taskLine(rng, notes));
    else if (r < 0.7) out.push(`${'#'.repeat(1 + int(rng, 6))} H${int(rng, 3)}`);
    else if (r < 0.8) out.push(pick(rng, ['', 'text', '```', '> [!note]', '---', '%%', '<div>', '- plain bullet', '    code']));
    else out.push(pick(rng, HOSTILE).repeat(1 + int(rng, 10)));
  }
  if (rng() < 0.02) out.push(Array.from({ length: 800 }, (_, d) => `${'  '.repeat(d)}- [ ] deep ${d}`).join('\n'));
  const eol = pick(rng, ['\n', '\n', '\r\n', '\r']);
  return frontmatter(rng) + out.join(eol) + eol;
}

function randomVault(rng: Rng, size: number): Map<string, string> {
  const texts = new Map<string, string>();
  for (let i = 0; i < size; i++) {
    const folder = pick(rng, ['', '', 'Goals/', 'Sub/Deep/', 'Café/', 'Cafe\u0301/']);
    texts.set(`${folder}N${i}.md`, note(rng, size));
  }
  if (rng() < 0.3) texts.set('n0.md', '- [x] lower-case twin\n');
  return texts;
}

export interface FuzzStats {
  vaults: number;
  notes: number;
  goals: number;
  cliRuns: number;
  failures: string[];
}

const DATE_KEYS = new Set(['due', 'start', 'target', 'forecast', 'done', 'scheduled', 'date', 'today', 'reviewed']);

/** Every number in a parsed JSON value is finite; percents are whole and in range; dates are dates. */
function checkJson(value: unknown, where: string, failures: string[]): void {
  // Each entry: the value and the key it stands under (the whole path would grow with the depth).
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, key] = stack.pop() as [unknown, string];
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) failures.push(`${where}: ${key} is ${v}`);
      if (key === 'percent' && (!Number.isInteger(v) || v < 0 || v > 100)) failures.push(`${where}: percent ${v}`);
    } else if (typeof v === 'string') {
      if (DATE_KEYS.has(key) && !/^\d{4}-\d{2}-\d{2}$/.test(v)) failures.push(`${where}: ${key} = ${JSON.stringify(v)}`);
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push([x, key]);
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const p = o['progress'] as { done: number; total: number; percent: number } | null | undefined;
      if (p !== undefined && p !== null && typeof p === 'object' && p.percent === 100 && p.done < p.total) failures.push(`${where}: 100% with work open`);
      // The outline's frontmatter is the note's own YAML, as written.
      for (const [k, x] of Object.entries(o)) if (k !== 'frontmatter') stack.push([x, k]);
    }
  }
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- the colour codes the report itself writes
const COLOUR = /\u001b\[\d+m/g;

/** One vault through the engine (and, when `onDisk`, through the command line). */
function fuzzVault(seed: number, size: number, onDisk: boolean, stats: FuzzStats): void {
  const rng = random(seed);
  const texts = randomVault(rng, size);
  const today = dayFromCivil(2026, 1 + int(rng, 12), 1 + int(rng, 28));
  const where = `seed ${seed}`;
  stats.vaults++;
  stats.notes += texts.size;
  try {
    const options = { ...DEFAULT_ENGINE_OPTIONS, goalFolder: rng() < 0.3 ? 'Goals' : '' };
    const reports = indexTexts([...texts.keys()], texts, options).index.reports(today);
    stats.goals += reports.length;
    const text = jsonText(reportJson(today, reports));
    checkJson(JSON.parse(text), where, stats.failures);
    for (const r of reports) {
      const human = renderGoal(r, today, { color: false });
      if (CONTROL.test(human.replace(/\n/g, ''))) stats.failures.push(`${where}: control character in the report of ${r.path}`);
      if (r.forecast !== NO_DAY && formatDay(r.forecast) === null) stats.failures.push(`${where}: forecast ${r.forecast} of ${r.path} is no date`);
    }
  } catch (e) {
    stats.failures.push(`${where}: engine threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  if (onDisk) cliVault(texts, today, where, stats);
}

function cliVault(texts: Map<string, string>, today: number, where: string, stats: FuzzStats): void {
  const dir = mkdtempSync(join(tmpdir(), 'action-plan-fuzz-'));
  try {
    for (const [path, text] of texts) {
      const file = join(dir, ...path.split('/'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    const day = formatDay(today) ?? '2026-11-25';
    for (const argv of [['report', dir, '--json'], ['check', dir, '--json'], ['report', dir], ['check', dir], ['outline', join(dir, [...texts.keys()][0] ?? 'N0.md'), '--json']]) {
      stats.cliRuns++;
      let out = '';
      let err = '';
      const code = run(argv[0] === 'outline' ? argv : [...argv, '--today', day], { out: (t) => (out += t), err: (t) => (err += t), color: true });
      const name = `${where}: ${argv[0] ?? ''}${argv.includes('--json') ? ' --json' : ''}`;
      if (code !== 0 && !(code === 1 && argv[0] === 'check')) stats.failures.push(`${name} exited ${code}: ${err}`);
      if (err !== '') stats.failures.push(`${name} wrote to standard error: ${err}`);
      if (argv.includes('--json')) {
        try {
          checkJson(JSON.parse(out), name, stats.failures);
        } catch (e) {
          stats.failures.push(`${name}: JSON does not parse: ${String(e)}`);
        }
      } else if (CONTROL.test(out.replace(COLOUR, '').replace(/\n/g, ''))) {
        stats.failures.push(`${name}: control character on the terminal`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs vaults from `seed` on until `notes` notes were read; every `diskEvery`-th also on disk. */
export function fuzz(seed: number, notes: number, size = 40, diskEvery = 25): FuzzStats {
  const stats: FuzzStats = { vaults: 0, notes: 0, goals: 0, cliRuns: 0, failures: [] };
  for (let i = 0; stats.notes < notes; i++) fuzzVault(seed + i, size, i % diskEvery === 0, stats);
  return stats;
}
