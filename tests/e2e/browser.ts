/**
 * Headless Chromium for the browser tests: Debian's `chromium` driven by playwright-core, a fresh
 * profile each time, never a downloaded browser. Opens the preview page built by global-setup.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
