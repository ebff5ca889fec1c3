// A benchmark page in headless Chromium (Debian's, through playwright-core), for `view-bench.mjs`
// and `timeline-bench.mjs`: the page's script bundled for the browser over the test host, the
// preview's theme and the plugin's styles beside it, the data embedded in the page, and the
// result the page's script leaves in a promise on `window`.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Bundles `entry` (a page script under bench/) into `out/<name>.js`, with the theme and the styles beside it. */
export async function buildPage(entry, out, name) {
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2021',
    outfile: join(out, `${name}.js`),
    alias: { obsidian: join(root, 'tests', 'host', 'obsidian-stub.ts') },
    plugins: [{ name: 'browser-host', setup: (b) => b.onResolve({ filter: /platform\/node$/ }, () => ({ path: join(root, 'tests', 'host', 'platform', 'browser.ts') })) }],
    logLevel: 'warning',
  });
  writeFileSync(join(out, 'theme.css'), readFileSync(join(root, 'tests', 'preview', 'theme.css')));
  writeFileSync(join(out, 'styles.css'), readFileSync(join(root, 'styles.css')));
}

/** Writes `out/<file>.html`: the data as JSON in `#<dataId>`, then the script `<script>.js`. */
export function writePage(out, file, script, dataId, data) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const path = join(out, `${file}.html`);
  writeFileSync(path, `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css">
<script type="application/json" id="${dataId}">${json}</script></head><body class="theme-light"><script src="${script}.js"></script></body></html>`);
  return path;
}

/** Opens the page (a file) in a fresh browser of the given viewport: its page and what closes it. */
export async function openPage(file, viewport) {
  const profile = mkdtempSync(join(tmpdir(), 'action-plan-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport, timezoneId: 'UTC' });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pathToFileURL(file).href);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, close };
}

/** Opens the page in a fresh browser of the given viewport and resolves to `window[global]`. */
export async function measurePage(file, viewport, global) {
  const { page, close } = await openPage(file, viewport);
  try {
    return await page.evaluate((name) => window[name], global, { timeout: 300000 });
  } finally {
    await close();
  }
}
