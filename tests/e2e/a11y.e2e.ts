/**
 * axe-core over the plan view in Chromium, light and dark, on a desktop and on a phone: no
 * serious or critical violation from the plugin's own elements, with the cards compact, with
 * every Plan, Details, branch and fold open, and with a search marking its matches.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openPreview, previewOf, wrappedRows } from './browser';

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

/** Opens every card's disclosures and bar captions, every branch and every fold, as clicks would. */
async function openEverything(page: Page): Promise<void> {
  await page.selectOption('.action-plan-filter', 'all');
  const closedDisclosure = page.locator(':is(.action-plan-disclosure, .action-plan-progress-wrap)[aria-expanded="false"]');
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

/** Goals written in Arabic, in Chinese and with emoji, with long steps that wrap at 300 px. */
const WORLD = {
  'تعلم العود.md':
    '---\ntype: goal\ntitle: تعلم العزف على العود\nstart: 2026-11-01\ntarget: 2027-03-01\n---\n' +
    '## التمارين\n- [ ] احجز درسًا تجريبيًا مع معلم عود في المركز الثقافي القريب من البيت واسأله عن الكتب والتمارين المناسبة للمبتدئين 📅 2026-11-20\n' +
    '- [ ] تدرب على السلالم الأساسية عشرين دقيقة كل يوم قبل النوم [[ملاحظات العود]] #help 📅 2026-12-02\n- [x] اشترِ عودًا مستعملًا ✅ 2026-11-10\n',
  '学做饭.md':
    '---\ntype: goal\ntitle: 学会做十道家常菜\nstart: 2026-11-01\ntarget: 2027-02-01\n---\n' +
    '## 准备\n- [ ] 每周日准备下一周的午餐，并把购物清单写在笔记本里，周一早上去市场买菜，回家以后把蔬菜洗好切好放进冰箱里 📅 2026-11-28\n  - [ ] 写购物清单 [[菜谱]]\n  - [ ] 去市场\n- [ ] 学会红烧肉 📅 2026-12-10\n',
  'Run.md':
    '---\ntype: goal\ntitle: 🏃 Run a 10K 🎉\nstart: 2026-11-01\ntarget: 2027-04-01\n---\n' +
    '- [ ] 🏃‍♀️ Run 5 km along the river 🌊 then stretch 🧘 for ten minutes 👍🏽 📅 2026-11-30\n- [ ] 🎽 Sign up for the spring race 🗓 2027-01-15\n',
};

for (const theme of ['light', 'dark'] as const) {
  it(`reads Arabic, Chinese and emoji steps at 300 px: in their own direction, inside the view, boxes on the first line, no violation, ${theme}`, async () => {
    const opened = await openPreview({ page: previewOf('world', WORLD), theme, width: 300, sidebar: 300 });
    try {
      const { page } = opened;
      for (const b of await page.locator('.action-plan-disclosure').all()) await b.click();
      const overflow = await page.$$eval('.preview-sidebar .action-plan-view *', (els) => els.filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > 300.5).map((e) => e.getAttribute('class') ?? e.tagName));
      expect(overflow).toEqual([]);
      // Every text a person wrote takes its direction from its own words.
      const userText = '.action-plan-card-title, .action-plan-node-text, .action-plan-next-text, .action-plan-next-link, .action-plan-step-link, .action-plan-next-goal';
      const undirected = await page.$$eval(userText, (els) => els.filter((e) => e.getAttribute('dir') !== 'auto').map((e) => e.textContent));
      expect(undirected).toEqual([]);
      const arabic = await page.$$eval(userText, (els) => els.filter((e) => /[\u0600-\u06ff]/.test(e.textContent ?? '')).map((e) => [e.matches(':dir(rtl)'), getComputedStyle(e).textAlign]));
      expect(arabic.length).toBeGreaterThan(4);
      for (const [rtl, align] of arabic) expect([rtl, align]).toEqual([true, 'start']);
      // A next action's text takes two lines at most.
      const nextLines = await page.$$eval('.action-plan-next-text', (els) => els.map((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight))));
      expect(nextLines.length).toBeGreaterThan(2);
      for (const n of nextLines) expect(n).toBeLessThanOrEqual(2);
      expect(nextLines).toContain(2);
      const wrapped = await wrappedRows(page);
      expect(wrapped.map((r) => r.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^احجز/), expect.stringMatching(/^每周日/), expect.stringMatching(/^🏃/)]));
      for (const r of wrapped) expect([r.text, Math.abs(r.box - r.first) < 3]).toEqual([r.text, true]);
      expect(await violations(page)).toEqual([]);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
}

it('a long branch, its "N done" fold and its Show more have no violation, and Show more keeps the keyboard in the tree', async () => {
  const steps = Array.from({ length: 80 }, (_, i) => `- [${i % 8 === 0 ? 'x' : ' '}] Chapter ${i + 1} 📅 2026-12-${String(1 + (i % 28)).padStart(2, '0')}`);
  const page = previewOf('long', { 'Read.md': `---\ntype: goal\nstart: 2026-11-01\ntarget: 2027-01-31\n---\n## Chapters\n${steps.join('\n')}\n` });
  const opened = await openPreview({ page });
  try {
    const p = opened.page;
    await p.locator('.action-plan-disclosure[data-disclosure="plan"]').click();
    expect(await p.locator('[data-kind="fold"]').getAttribute('aria-label')).toBe('10 done');
    expect(await p.locator('.action-plan-more').textContent()).toBe('Show 20 more (20 hidden)');
    expect(await violations(p)).toEqual([]);
    // From the keyboard: into the tree, End to the fold, up to "Show more", Enter.
    const focused = (): Promise<string | null | undefined> => p.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await p.locator('[role="treeitem"][tabindex="0"]').focus();
    await p.keyboard.press('End');
    expect(await focused()).toBe('10 done');
    await p.keyboard.press('ArrowUp');
    expect(await focused()).toBe('Show 20 more (20 hidden)');
    await p.keyboard.press('Enter');
    expect(await focused()).toMatch(/^Chapter 59, /);
    await p.keyboard.press('ArrowDown');
    expect(await focused()).toMatch(/^Chapter 60, /);
    expect(await p.locator('[role="tree"] [role="treeitem"][tabindex="0"]').count()).toBe(1);
    expect(await violations(p)).toEqual([]);
    expect(opened.errors).toEqual([]);
  } finally {
    await opened.close();
  }
});
