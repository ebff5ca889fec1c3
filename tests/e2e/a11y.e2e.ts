/**
 * axe-core over the plan view in Chromium, light and dark, on a desktop and on a phone: no
 * serious or critical violation from the plugin's own elements, with the cards compact, with
 * every Plan, Details, branch and fold open, and with a search marking its matches.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openPreview } from './browser';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical violations in the sidebar view, each with the elements that show it. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; nodes: { target: string[]; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Result[] }> } }).axe;
    const result = await axe.run({ include: [['.preview-sidebar .action-plan-view']] }, { resultTypes: ['violations'], preload: false });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
  });
}

/** Opens every card's disclosures, every branch and every fold, as clicks would. */
async function openEverything(page: Page): Promise<void> {
  await page.selectOption('.action-plan-filter', 'all');
  const closedDisclosure = page.locator('.action-plan-disclosure[aria-expanded="false"]');
  for (let i = 0; i < 100 && (await closedDisclosure.count()) > 0; i++) await closedDisclosure.first().click();
  const closedBranch = page.locator('[role="treeitem"][aria-expanded="false"] > .action-plan-row > .action-plan-twisty');
  for (let i = 0; i < 500 && (await closedBranch.count()) > 0; i++) await closedBranch.first().click();
}

for (const theme of ['light', 'dark'] as const) {
  for (const mobile of [false, true]) {
    it(`finds no serious or critical violation in the view, ${theme}${mobile ? ', on a phone' : ''}`, async () => {
      const opened = await openPreview({ theme, mobile, width: mobile ? 360 : 420, sidebar: mobile ? 360 : 420 });
      try {
        const { page } = opened;
        expect(await page.locator('.action-plan-card').count()).toBeGreaterThan(0);
        expect(await violations(page)).toEqual([]);
        await openEverything(page);
        expect(await page.locator('.action-plan-burnup').count()).toBeGreaterThan(0);
        expect(await violations(page)).toEqual([]);
        await page.fill('.action-plan-search', 'parkrun');
        await page.waitForSelector('.action-plan-step[data-match="true"]');
        expect(await violations(page)).toEqual([]);
        expect(opened.errors).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  }
}
