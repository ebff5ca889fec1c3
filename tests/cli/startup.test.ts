/**
 * Start-up of the command line: the code cache kept between runs (used when valid, ignored and
 * written anew when missing, stale or damaged), and bin/action-plan.js building its bundle only
 * when it is missing or asked to.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { loadWithCache } from '../../bin/code-cache.js';
import { options as cliBuildOptions } from '../../scripts/build-cli.cjs';

const ROOT = join(__dirname, '..', '..');
const PLAN = join(__dirname, '..', 'fixtures', 'plan');
const temps: string[] = [];

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'action-plan-startup-'));
  temps.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A bundle with enough functions for V8 to cache, answering `answer()` with `value`. */
function bundleSource(value: string): string {
  const helpers = Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join('\n');
  return `${helpers}\nlet total = 0;\nfor (let i = 0; i < 50; i++) total = f0(total);\nexports.answer = () => ${JSON.stringify(value)} + total;\n`;
}

function load(bundle: string, folder: string): { answer: string; status: string; save(): boolean } {
  const loaded = loadWithCache(bundle, { folder });
  return { answer: (loaded.exports as { answer(): string }).answer(), status: loaded.status, save: () => loaded.save() };
}

function cacheFile(folder: string): string {
  const files = readdirSync(folder).filter((f) => f.endsWith('.v8cache'));
  expect(files).toHaveLength(1);
  return join(folder, files[0] ?? '');
}

describe('code cache', () => {
  it('is written after the first run and used by the next', () => {
    const dir = temp();
    const bundle = join(dir, 'bundle.js');
    writeFileSync(bundle, bundleSource('a'));
    const folder = join(dir, 'cache');
    const first = load(bundle, folder);
    expect(first).toMatchObject({ answer: 'a0', status: 'new' });
    expect(first.save()).toBe(true);
    const second = load(bundle, folder);
    expect(second).toMatchObject({ answer: 'a0', status: 'used' });
    // A cache that was used is not written again.
    expect(second.save()).toBe(false);
  });

  it('is ignored when damaged, and written anew', () => {
    const dir = temp();
    const bundle = join(dir, 'bundle.js');
    writeFileSync(bundle, bundleSource('b'));
    const folder = join(dir, 'cache');
    load(bundle, folder).save();
    const file = cacheFile(folder);
    const good = readFileSync(file);
    // One byte changed in the data: V8 itself would not notice.
    const damaged = Buffer.from(good);
    const at = damaged.length - 10;
    damaged[at] = (damaged[at] ?? 0) ^ 0xff;
    writeFileSync(file, damaged);
    const afterDamage = load(bundle, folder);
    expect(afterDamage).toMatchObject({ answer: 'b0', status: 'new' });
    expect(afterDamage.save()).toBe(true);
    expect(load(bundle, folder).status).toBe('used');
    // Cut short, and not a cache at all.
    writeFileSync(file, good.subarray(0, good.length - 7));
    expect(load(bundle, folder)).toMatchObject({ answer: 'b0', status: 'new' });
    writeFileSync(file, 'not a cache');
    expect(load(bundle, folder)).toMatchObject({ answer: 'b0', status: 'new' });
  });

  it('is ignored when the bundle changed, even to the same length', () => {
    const dir = temp();
    const bundle = join(dir, 'bundle.js');
    writeFileSync(bundle, bundleSource('c'));
    const folder = join(dir, 'cache');
    load(bundle, folder).save();
    expect(load(bundle, folder).status).toBe('used');
    const before = statSync(bundle);
    writeFileSync(bundle, bundleSource('d'));
    expect(statSync(bundle).size).toBe(before.size);
    // V8's own check (the source's length) passes: the cache's key, the bundle's size and
    // time, must tell the two apart. The time is set apart in case the clock is coarse.
    utimesSync(bundle, before.atime, new Date(before.mtimeMs + 1000));
    const changed = load(bundle, folder);
    expect(changed).toMatchObject({ answer: 'd0', status: 'new' });
  });

  it('runs without a cache where none can be written', () => {
    const dir = temp();
    const bundle = join(dir, 'bundle.js');
    writeFileSync(bundle, bundleSource('e'));
    // A file where the folder should be: nothing can be created there.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, '');
    const loaded = load(bundle, join(blocked, 'cache'));
    expect(loaded).toMatchObject({ answer: 'e0', status: 'new' });
    expect(loaded.save()).toBe(false);
  });
});

describe('what the command line loads at start', () => {
  /** Inputs of the bundle reachable from main.ts by static imports: evaluated on every run. */
  function loadedAtStart(): string[] {
    const { metafile } = buildSync({ ...cliBuildOptions, absWorkingDir: ROOT, write: false, metafile: true, logLevel: 'silent' });
    const seen = new Set<string>(['src/cli/main.ts']);
    const queue = ['src/cli/main.ts'];
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      for (const edge of metafile.inputs[next]?.imports ?? []) {
        // A require() inside a function is evaluated when first called; esbuild keeps it lazy.
        if (edge.kind !== 'import-statement' || seen.has(edge.path)) continue;
        seen.add(edge.path);
        queue.push(edge.path);
      }
    }
    return [...seen];
  }

  it('leaves out the libraries only some commands need', () => {
    const loaded = loadedAtStart();
    expect(loaded).toContain('src/engine/report/plan-index.ts');
    // The YAML library (frontmatter the small reader declines) and the date libraries of the
    // edit commands (each costs more to load than reading a small vault): require() them where used.
    expect(loaded.filter((p) => /node_modules\/(yaml|chrono-node|date-fns)\//.test(p))).toEqual([]);
  });
});

describe('bin/action-plan.js', () => {
  jest.setTimeout(60_000);

  /** A copy of the command line's files, with the real sources and dependencies linked in. */
  function checkout(): string {
    const dir = temp();
    for (const d of ['bin', 'scripts']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
    for (const d of ['src', 'node_modules']) symlinkSync(join(ROOT, d), join(dir, d));
    return dir;
  }

  const run = (dir: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(dir, 'bin', 'action-plan.js'), 'check', PLAN, '--today', '2026-11-25'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ACTION_PLAN_REBUILD: '', ACTION_PLAN_CACHE_DIR: join(dir, 'cache'), ...env },
      timeout: 60_000,
    });

  it('builds the bundle when it is missing, then only when asked', () => {
    const dir = checkout();
    const first = run(dir);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/2 goals, \d+ errors, \d+ warnings/);
    expect(statSync(join(dir, 'dist', 'cli.js')).isFile()).toBe(true);
    expect(readdirSync(join(dir, 'cache')).filter((f) => f.endsWith('.v8cache'))).toHaveLength(1);
    // A bundle older than the sources is run as it is: no look at the sources on each run.
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'cli.js'), 'exports.main = async () => { process.stdout.write("old bundle\\n"); return 0; };\n');
    expect(run(dir).stdout).toBe('old bundle\n');
    const rebuilt = run(dir, { ACTION_PLAN_REBUILD: '1' });
    expect(rebuilt.stdout).toMatch(/2 goals, \d+ errors, \d+ warnings/);
    expect(run(dir).stdout).toBe(first.stdout);
  });
});
