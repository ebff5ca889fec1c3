/**
 * Many goals in Chromium: the first cards are drawn at once, the others when they come near the
 * screen, and every one ends up with the numbers of the report.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import type { ReportJson } from '../../src/engine/report/json-report';
import { EAGER_CARDS } from '../../src/view/board';
import { RESULTS, ROOT, TODAY, openPreview, type Opened } from './browser';

const GOALS = 30;
const vault = mkdtempSync(join(tmpdir(), 'action-plan-many-'));
mkdirSync(join(vault, 'Goals'));
for (let g = 1; g <= GOALS; g++) {
  const steps = Array.from({ length: 6 }, (_, s) => `- [${(g + s) % 3 === 0 ? 'x' : ' '}] Step ${s + 1} of goal ${g} 📅 2026-12-${String(1 + ((g + s) % 28)).padStart(2, '0')}`);
  writeFileSync(join(vault, 'Goals', `Goal ${String(g).padStart(2, '0')}.md`), `---\ntype: goal\nstart: 2026-10-01\ntarget: 2027-0${1 + (g % 9)}-15\n---\n## Steps\n${steps.join('\n')}\n`);
}
const out = join(RESULTS, 'preview-many');

let opened: Opened | undefined;
beforeAll(async () => {
  // As `npm run preview -- <vault> --today D --out DIR` does it.
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'preview.mjs'), vault, '--today', TODAY, '--out', out], { encoding: 'utf8' });
  expect(built.status).toBe(0);
  expect(built.stdout).toContain(`${GOALS} notes, today ${TODAY}`);
  opened = await openPreview({ page: join(out, 'index.html'), height: 700 });
});
afterAll(async () => {
  await opened?.close();
});

it('draws the first cards at once and the others as they come into sight', async () => {
  if (opened === undefined) throw new Error('the page did not open');
  const { page } = opened;
  let text = '';
  expect(run(['report', vault, '--today', TODAY, '--json'], { out: (t) => (text += t), err: (t) => (text += t), color: false })).toBe(0);
  const report = JSON.parse(text) as ReportJson;
  expect(await page.locator('.action-plan-card').count()).toBeGreaterThanOrEqual(EAGER_CARDS);
  expect(await page.locator('.action-plan-placeholder').count()).toBeGreaterThan(0);
  for (let i = 0; i < 40 && (await page.locator('.action-plan-placeholder').count()) > 0; i++) {
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(50);
  }
  expect(await page.locator('.action-plan-placeholder').count()).toBe(0);
  const cards = await page.$$eval('.action-plan-card', (els) => els.map((e) => [(e as HTMLElement).dataset.path, (e as HTMLElement).dataset.done, (e as HTMLElement).dataset.total]));
  expect(cards).toHaveLength(GOALS);
  for (const g of report.goals) expect(cards).toContainEqual([g.path, String(g.progress.done), String(g.progress.total)]);
  expect(opened.errors).toEqual([]);
});
