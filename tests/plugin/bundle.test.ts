/**
 * The production bundle loads the way Obsidian loads it: CommonJS, `obsidian` required at run
 * time, the default export a Plugin subclass that registers every command. Node APIs stay out.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMMANDS } from '../../src/commands/commands';
import { createTestApp, Plugin, pluginRecord, startPlugin, stopPlugin } from '../host';
import { ROOT } from './helpers';

const out = join(mkdtempSync(join(tmpdir(), 'action-plan-bundle-')), 'main.js');

beforeAll(() => {
  // The production build's own options from esbuild.config.mjs, written elsewhere. The config is
  // an ES module, which Jest's CommonJS runtime cannot import: a child Node imports it and builds.
  const config = pathToFileURL(join(ROOT, 'esbuild.config.mjs')).href;
  const script = `import { build } from 'esbuild'; import { pluginOptions } from ${JSON.stringify(config)}; await build({ ...pluginOptions(true), outfile: ${JSON.stringify(out)}, logLevel: 'error' });`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the production build failed: ${r.stderr}`);
});

describe('the built main.js', () => {
  it('is small', () => {
    // 250 KB before the timeline, which adds about 19 KB (its drawing, its touch drags, its
    // redraws of only what changed and its moves shown at once); the view's words (link names
    // apart, the progress bar's caption, the Blocked badge, a problem's place) about 3 KB.
    expect(statSync(out).size).toBeLessThan(276 * 1024);
  });

  it('requires nothing but obsidian at run time (no Node APIs, no YAML parser)', () => {
    const code = readFileSync(out, 'utf8');
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['obsidian']);
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML/);
  });

  it('exports a Plugin as default that registers every command', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading CommonJS as Obsidian does
    const mod = require(out) as { default: new (...args: never[]) => Plugin };
    expect(mod.default.prototype).toBeInstanceOf(Plugin);
    const app = createTestApp({});
    const plugin = await startPlugin(mod.default as never, app);
    expect(pluginRecord(plugin).commands.map((c) => c.id).sort()).toEqual(COMMANDS.map((c) => `action-plan:${c.id}`).sort());
    await stopPlugin(plugin);
  });
});
