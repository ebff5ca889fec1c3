/**
 * The benchmark: generated vaults of three sizes, and for each the cold index (read, parse,
 * tree and progress), the ratio of `check` to merely reading and splitting the files, the
 * update after one note changes, and the memory retained per list item.
 *
 *   npm run bench                 all sizes
 *   npm run bench -- small medium some of them
 *   npm run bench -- edits        the edits on a 1 MB note only
 *   npm run bench -- schedule     the schedule and timeline model of a 5,000-step goal only
 *   npm run bench -- hostile      only the time per byte of hostile lines (hostile.ts)
 *   npm run bench -- medium --processes   only the command line as separate processes
 */
import { mkdirSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { dayFromCivil } from '../src/engine/days/dates';
import { readNote } from '../src/engine/read/note';
import { PlanIndex } from '../src/engine/report/plan-index';
import { LinkResolver } from '../src/engine/read/links';
import { DEFAULT_ENGINE_OPTIONS } from '../src/engine/types';
import { isGoalNote, type FrontmatterInput } from '../src/engine/read/frontmatter';
import { scanMarkdown } from '../src/engine/read/markdown';
import { frontmatterOf, indexTexts, listFiles } from '../src/cli/load';
import { run as runCli } from '../src/cli/main';
import { benchEdits } from './edit-bench';
import { benchHostile, hostileSummary } from './hostile';
import { benchPlugin } from './plugin-bench';
import { benchProcesses, processSummary, type ProcessResult } from './processes';
import { benchSchedule } from './schedule-bench';

interface Size {
  name: string;
  notes: number;
  targetBytes: number;
}
const SIZES: Size[] = [
  { name: 'small', notes: 600, targetBytes: 1_000_000 },
  { name: 'medium', notes: 6_000, targetBytes: 10_000_000 },
  { name: 'large', notes: 30_000, targetBytes: 50_000_000 },
];
const SEED = 20261125;
/** Runs of each timed phase; the median is reported. */
const RUNS = 7;
const TODAY = dayFromCivil(2026, 11, 25);

declare const gc: () => void;

function now(): number {
  return performance.now();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function ms(x: number): string {
  return x < 10 ? x.toFixed(2) : x.toFixed(1);
}

async function ensureVault(size: Size): Promise<string> {
  const dir = join('/tmp', `action-plan-bench-${size.name}-${SEED}`);
  const stamp = join(dir, '.generated.json');
  if (!existsSync(stamp)) {
    mkdirSync(dir, { recursive: true });
    // eslint-disable-next-line no-unsanitized/method -- a fixed file of this project
    const gen = (await import(join(__dirname, '..', 'generate.mjs'))) as {
      generateVault(dir: string, o: { notes: number; targetBytes: number; seed: number }): unknown;
    };
    const stats = await gen.generateVault(dir, { notes: size.notes, targetBytes: size.targetBytes, seed: SEED });
    writeFileSync(stamp, JSON.stringify(stats));
  }
  return dir;
}

function readAll(root: string, paths: string[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const p of paths) if (p.endsWith('.md')) texts.set(p, readFileSync(join(root, p), 'utf8'));
  return texts;
}

interface Result {
  size: string;
  files: number;
  mb: number;
  listItems: number;
  goals: number;
  readSplit: number;
  read: number;
  indexed: number;
  parse: number;
  parseAll: number;
  bestParseTree: number;
  bestRatio: number;
  tree: number;
  check: number;
  ratio: number;
  updateP50: number;
  updateP95: number;
  bytesPerItem: number;
}

/** Heap retained by the index per list item: every note parsed and held, its text dropped. */
function retainedPerItem(root: string, paths: string[], listItems: number): number {
  const options = DEFAULT_ENGINE_OPTIONS;
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const index = new PlanIndex(new LinkResolver(paths), options, null);
  for (const p of paths) {
    if (!p.endsWith('.md')) continue;
    const text = readFileSync(join(root, p), 'utf8');
    index.setNote(readNote(p, text, null, options));
  }
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (index.size() === 0) throw new Error('nothing held');
  return (after - before) / Math.max(1, listItems);
}

function benchSize(name: string, root: string): Result {
  const options = DEFAULT_ENGINE_OPTIONS;
  const paths = listFiles(root);
  const md = paths.filter((p) => p.endsWith('.md'));
  let listItems = 0;
  for (const p of md) listItems += scanMarkdown(readFileSync(join(root, p), 'utf8')).items.length;
  const bytesPerItem = retainedPerItem(root, paths, listItems);

  // Baseline: read every note and split it into lines.
  const baseline: number[] = [];
  let bytes = 0;
  for (const p of md) bytes += statSync(join(root, p)).size;
  for (let r = 0; r < RUNS; r++) {
    const t0 = now();
    let lines = 0;
    // Listing the folder is part of the baseline, as it is part of `check`.
    for (const p of listFiles(root)) {
      if (!p.endsWith('.md')) continue;
      const text = readFileSync(join(root, p), 'utf8');
      lines += text.split('\n').length;
    }
    baseline.push(now() - t0);
    if (lines < 0) throw new Error('unreachable');
  }

  // Cold index, split into its phases, as the plugin builds it: frontmatter comes parsed (from
  // Obsidian's metadata cache), goal notes are read, then the notes their steps link to.
  // "parse all" reads every note of the vault instead: the worst case, for comparison.
  const frontmatter = new Map<string, FrontmatterInput>();
  for (const [p, text] of readAll(root, paths)) frontmatter.set(p, frontmatterOf(text));
  const reads: number[] = [];
  const parses: number[] = [];
  const parsesAll: number[] = [];
  const trees: number[] = [];
  let goals = 0;
  let indexed = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = now();
    const texts = readAll(root, paths);
    const t1 = now();
    const resolver = new LinkResolver(paths);
    const index = new PlanIndex(resolver, options, null);
    const queue: string[] = [];
    for (const p of texts.keys()) if (isGoalNote(p, frontmatter.get(p) ?? null, null, options)) queue.push(p);
    const queued = new Set(queue);
    for (let i = 0; i < queue.length; i++) {
      const p = queue[i] as string;
      const note = readNote(p, texts.get(p) ?? '', frontmatter.get(p) ?? null, options);
      index.setNote(note);
      for (const s of note.steps) {
        if (s.links === null) continue;
        for (const link of s.links) {
          const target = resolver.resolve(link, p);
          if (target !== null && !queued.has(target) && texts.has(target)) {
            queued.add(target);
            queue.push(target);
          }
        }
      }
    }
    const t2 = now();
    goals = index.reports(TODAY).length;
    const t3 = now();
    indexed = index.size();
    const all = new PlanIndex(resolver, options, null);
    for (const [p, text] of texts) all.setNote(readNote(p, text, frontmatter.get(p) ?? null, options));
    const t4 = now();
    reads.push(t1 - t0);
    parses.push(t2 - t1);
    trees.push(t3 - t2);
    parsesAll.push(t4 - t3);
    if (process.env.BENCH_VERBOSE) console.error(`  run ${r}: read ${ms(t1 - t0)} parse ${ms(t2 - t1)} tree ${ms(t3 - t2)} parse all ${ms(t4 - t3)}`);
  }

  // `check` in process: list, read, index, reports, problems.
  const checks: number[] = [];
  const sink = { out: (): void => undefined, err: (): void => undefined, color: false };
  for (let r = 0; r < RUNS; r++) {
    const t0 = now();
    runCli(['check', root, '--today', '2026-11-25'], sink);
    checks.push(now() - t0);
  }

  // One note changes: parse it again and recompute the goals that reach it.
  const texts = readAll(root, paths);
  const { index } = indexTexts(paths, texts, options);
  const reports = index.reports(TODAY);
  // Every note a goal reads (goal notes and the notes they link), each once, in a fixed
  // shuffled order; the first 100 changes warm the code up and are not counted.
  const touched = [...new Set(reports.flatMap((r) => r.notes))].sort();
  const latencies: number[] = [];
  const changes = Math.min(touched.length, 1000) + 100;
  for (let i = 0; i < changes; i++) {
    const path = touched[(i * 7919) % touched.length] ?? md[0] ?? '';
    const original = texts.get(path) ?? '';
    const changed = i % 2 === 0 ? original.replace('- [ ]', '- [x]') : original;
    const t0 = now();
    const note = readNote(path, changed, frontmatter.get(path) ?? null, options);
    const affected = index.setNote(note);
    for (const g of affected) index.report(g, TODAY);
    if (i >= 100) latencies.push(now() - t0);
  }

  const readSplit = median(baseline);
  const check = median(checks);
  return {
    size: name,
    files: md.length,
    mb: bytes / 1e6,
    listItems,
    goals,
    readSplit,
    read: median(reads),
    indexed,
    parse: median(parses),
    parseAll: median(parsesAll),
    // The fastest run of each, beside the medians: on a noisy machine it shows what the code costs.
    bestParseTree: Math.min(...parses.map((p, i) => p + (trees[i] ?? 0))),
    bestRatio: Math.min(...checks) / Math.min(...baseline),
    tree: median(trees),
    check,
    ratio: check / readSplit,
    updateP50: median(latencies),
    updateP95: percentile(latencies, 95),
    bytesPerItem,
  };
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const onlyProcesses = process.argv.includes('--processes');
  const sizes = wanted.length > 0 ? SIZES.filter((s) => wanted.includes(s.name)) : SIZES;
  if (wanted.length === 0 || wanted.includes('hostile')) console.error(hostileSummary(benchHostile()));
  console.error(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB`);
  if (wanted.length === 0 || wanted.includes('edits')) console.error(benchEdits());
  if (wanted.length === 0 || wanted.includes('schedule')) console.error(benchSchedule());
  const results: (Result | ProcessResult)[] = [];
  for (const size of sizes) {
    const root = await ensureVault(size);
    const processes = benchProcesses(root, size.name);
    results.push(processes);
    if (onlyProcesses) {
      console.error(`${size.name}:\n${processSummary(processes)}`);
      continue;
    }
    const r = benchSize(size.name, root);
    results.push(r);
    console.error(
      `${r.size}: ${r.files} notes, ${r.mb.toFixed(1)} MB, ${r.listItems} list items, ${r.goals} goals\n` +
        `  read+split ${ms(r.readSplit)} ms | cold index (${r.indexed} notes: goals and what they link): read ${ms(r.read)} ms, parse ${ms(r.parse)} ms, tree+progress ${ms(r.tree)} ms (parse+tree ${ms(r.parse + r.tree)} ms, best run ${ms(r.bestParseTree)} ms) | parse all ${r.files} notes ${ms(r.parseAll)} ms\n` +
        `  check ${ms(r.check)} ms = ${r.ratio.toFixed(2)} × read+split (best runs ${r.bestRatio.toFixed(2)} ×) | one note changed: p50 ${ms(r.updateP50)} ms, p95 ${ms(r.updateP95)} ms | ${r.bytesPerItem.toFixed(0)} bytes retained per list item`,
    );
    console.error(processSummary(processes));
    const plugin = await benchPlugin(root, size.name);
    console.error(plugin.summary);
  }
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
