/**
 * Headless Chromium for the browser tests: Debian's `chromium` driven by playwright-core, a fresh
 * profile each time, never a downloaded browser. Opens the preview page built by global-setup.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
export const RESULTS = join(ROOT, 'test-results');
export const PAGE = join(RESULTS, 'preview', 'index.html');
export const TODAY = '2026-11-25';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Opened {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export interface PreviewOptions {
  /** The window's width (default 420). */
  width?: number;
  height?: number;
  /** The sidebar view's width, as `?width=` sets it (default: the page's 420). */
  sidebar?: number;
  theme?: 'light' | 'dark';
  /** Obsidian's phone classes and `Platform` flags (`?mobile=1`). */
  mobile?: boolean;
  /** A touch screen: the page gets touch events (and the pointer events of a finger). */
  touch?: boolean;
  page?: string;
}

/** The preview page in a fresh browser, `width` pixels wide, once the plugin has read the vault. */
export async function openPreview(options: PreviewOptions = {}): Promise<Opened> {
  const profile = mkdtempSync(join(tmpdir(), 'action-plan-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    timezoneId: 'UTC',
    viewport: { width: options.width ?? 420, height: options.height ?? 900 },
    hasTouch: options.touch === true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const url = pathToFileURL(options.page ?? PAGE);
  if (options.theme === 'dark') url.searchParams.set('theme', 'dark');
  if (options.sidebar !== undefined) url.searchParams.set('width', String(options.sidebar));
  if (options.mobile === true) url.searchParams.set('mobile', '1');
  await page.goto(url.href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return {
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go. */
export function shotPath(name: string): string {
  mkdirSync(RESULTS, { recursive: true });
  return join(RESULTS, `${name}.png`);
}

/**
 * The preview page of a vault made of `files` (vault paths, `.obsidian/…` included), built as
 * `npm run preview -- <vault> --today TODAY` builds it; returns the page's path.
 */
export function previewOf(name: string, files: Record<string, string>): string {
  const vault = mkdtempSync(join(tmpdir(), `action-plan-${name}-`));
  for (const [path, text] of Object.entries(files)) {
    const file = join(vault, ...path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const out = join(RESULTS, `preview-${name}`);
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'preview.mjs'), vault, '--today', TODAY, '--out', out], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`preview of ${name}: ${built.stderr}`);
  rmSync(vault, { recursive: true, force: true });
  return join(out, 'index.html');
}

/** Every row with a box whose text wraps: where the box's middle and the first line's middle stand. */
export function wrappedRows(page: Page): Promise<{ text: string; box: number; first: number }[]> {
  return page.$$eval('.action-plan-step, .action-plan-next, .action-plan-card-next', (els) =>
    els.flatMap((row) => {
      const box = row.querySelector(':scope > input[type="checkbox"]')?.getBoundingClientRect();
      const text = row.querySelector('.action-plan-node-text, .action-plan-next-text');
      if (box === undefined || text?.firstChild == null) return [];
      const range = document.createRange();
      range.setStart(text.firstChild, 0);
      // Two code units: a whole first character, an emoji's surrogate pair included.
      range.setEnd(text.firstChild, Math.min(2, text.firstChild.textContent?.length ?? 0));
      const first = range.getBoundingClientRect();
      if (text.getBoundingClientRect().height <= first.height * 1.5) return [];
      return [{ text: text.textContent ?? '', box: box.y + box.height / 2, first: first.y + first.height / 2 }];
    }),
  );
}

/** The note's text as the page's vault holds it now. */
export function noteText(page: Page, path: string): Promise<string> {
  return page.evaluate(async (p) => {
    const app = window.actionPlanPreview?.app;
    const file = app?.vault.getFileByPath(p);
    if (!app || !file) throw new Error('no note');
    return app.vault.read(file);
  }, path);
}

/** Opens a goal's timeline from its card's button and waits for it in the page's main area. */
export async function openGoalTimeline(page: Page, goal: string): Promise<void> {
  await page.locator(`.action-plan-card[data-path="${goal}"] .action-plan-open-timeline`).click();
  await page.waitForSelector(`.preview-main .action-plan-timeline[data-path="${goal}"]`);
}
