/**
 * The production bundle loads the way Obsidian loads it: CommonJS, `obsidian` required at run
 * time, the default export a Plugin subclass that registers every command. Node APIs stay out.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../src/commands/commands';
import { createTestApp, Plugin, pluginRecord, startPlugin, stopPlugin } from '../host';
import { ROOT } from './helpers';

const out = join(mkdtempSync(join(tmpdir(), 'action-plan-bundle-')), 'main.js');

beforeAll(() => {
  // The options of esbuild.config.mjs's production build.
  buildSync({
    entryPoints: [join(ROOT, 'src', 'main.ts')],
    bundle: true,
    external: ['obsidian', 'electron', '@codemirror/*', '@lezer/*'],
    format: 'cjs',
    target: 'es2021',
    minify: true,
    treeShaking: true,
    outfile: out,
    logLevel: 'silent',
  });
});

describe('the built main.js', () => {
  it('is small', () => {
    expect(statSync(out).size).toBeLessThan(250 * 1024);
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
