/**
 * The plan view in Chromium, over the demo vault as of 2026-11-25: every card and every step
 * row against the command line's report, a box ticked with the mouse and one with the keyboard
 * only, and screenshots in light and dark at sidebar widths.
 */
import type { Page } from 'playwright-core';
import { run } from '../../src/cli/main';
import type { GoalJson, NodeJson, ReportJson } from '../../src/engine/report/json-report';
import { ROOT, TODAY, openPreview, shotPath, type Opened } from './browser';

function engineReport(): ReportJson {
  let out = '';
  const code = run(['report', `${ROOT}/demo-vault`, '--today', TODAY, '--json'], { out: (t) => (out += t), err: (t) => (out += t), color: false });
  expect(code).toBe(0);
  return JSON.parse(out) as ReportJson;
}

function steps(node: NodeJson): NodeJson[] {
  return [...(node.kind === 'step' ? [node] : []), ...node.children.flatMap(steps)];
}

/** A node that reads as finished: done or cancelled, under a done step, or a phase all done. */
function closed(n: NodeJson, underDone: boolean): boolean {
  if (underDone || n.status === 'done' || n.status === 'cancelled') return true;
  return n.kind !== 'step' && n.progress.total > 0 && n.progress.done >= n.progress.total;
}

/**
 * The steps in the order the view lists them (SPEC 4): a branch of more than five children
 * lists its open ones first, then its done ones; each with whether a done step stands above it.
 */
function rowOrder(nodes: NodeJson[], underDone = false): { step: NodeJson; underDone: boolean }[] {
  const list = nodes.length > 5 ? [...nodes.filter((n) => !closed(n, underDone)), ...nodes.filter((n) => closed(n, underDone))] : nodes;
  return list.flatMap((n) => {
    const below = underDone || (n.kind === 'step' && n.status === 'done');
    return [...(n.kind === 'step' ? [{ step: n, underDone }] : []), ...rowOrder(n.children, below)];
  });
}

const PLAN = '.action-plan-disclosure[data-disclosure="plan"]';

/** Opens every card's Plan, as a click on each does. */
async function openPlans(page: Page): Promise<void> {
  const closedPlan = page.locator(`${PLAN}[aria-expanded="false"]`);
  for (let i = 0; i < 100 && (await closedPlan.count()) > 0; i++) await closedPlan.first().click();
}

/** Opens every closed branch and fold of the view, as a person clicking each arrow would. */
async function expandAll(page: Page): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const closedBranch = page.locator('[role="treeitem"][aria-expanded="false"] > .action-plan-row > .action-plan-twisty').first();
    if ((await closedBranch.count()) === 0) return;
    await closedBranch.click();
  }
}

async function showAll(page: Page): Promise<void> {
  await page.selectOption('.action-plan-filter', 'all');
}

/** Records every value `data-pending` takes on the step rows of the view from now on. */
async function watchPending(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { pendingSeen: string[] }).pendingSeen = seen;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLElement;
        if (el.getAttribute('data-pending') === 'true') seen.push(`${el.dataset.path}:${el.dataset.line}`);
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-pending'] });
  });
}

const pendingSeen = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { pendingSeen: string[] }).pendingSeen);

const report = engineReport();

const goal = (title: string): GoalJson => {
  const g = report.goals.find((x) => x.title === title);
  if (!g) throw new Error(`no goal ${title}`);
  return g;
};

/** Opens Learn Spanish's Plan, and gives the goal, its subtitles step and its card. */
async function openSubtitlesStep(page: Page): Promise<{ g: GoalJson; step: NodeJson | undefined; card: ReturnType<Page['locator']> }> {
  const g = goal('Learn Spanish');
  const step = steps(g.tree).find((s) => s.text === 'Watch one episode a week with Spanish subtitles');
  const card = page.locator(`.action-plan-card[data-path="${g.path}"]`);
  await card.locator(PLAN).click();
  return { g, step, card };
}

describe('the plan view in a browser', () => {
  let opened: Opened;
  beforeEach(async () => {
    opened = await openPreview();
  });
  afterEach(async () => {
    const errors = opened.errors;
    await opened.close();
    expect(errors).toEqual([]);
  });

  it('shows a card per goal with the numbers of the report', async () => {
    const { page } = opened;
    const active = report.goals.filter((g) => g.status === 'active');
    const cardData = (): Promise<Record<string, string | undefined>[]> => page.$$eval('.action-plan-card', (cards) => cards.map((c) => ({ ...(c as HTMLElement).dataset })));
    expect((await cardData()).map((c) => c.path).sort()).toEqual(active.map((g) => g.path).sort());
    await showAll(page);
    const cards = await cardData();
    expect(cards.map((c) => c.path).sort()).toEqual(report.goals.map((g) => g.path).sort());
    for (const g of report.goals) {
      expect(cards.find((c) => c.path === g.path)).toEqual({
        path: g.path,
        health: g.health,
        status: g.status,
        percent: String(g.progress.percent),
        done: String(g.progress.done),
        total: String(g.progress.total),
        expected: g.expectedPercent === null ? '' : String(Math.round(g.expectedPercent * 10) / 10),
        overdue: String(g.overdue.length),
      });
    }
    expect(cards.some((c) => c.overdue !== '0')).toBe(true);
    // What a person reads on each active card says the same numbers.
    for (const g of report.goals.filter((x) => x.status === 'active')) {
      const card = page.locator(`.action-plan-card[data-path="${g.path}"]`);
      const expected = g.expectedPercent === null ? '' : ` · ${Math.round(g.expectedPercent * 10) / 10}% expected today`;
      expect(await card.locator('.action-plan-numbers').textContent()).toBe(`${g.progress.percent}% · ${g.progress.done}/${g.progress.total} done${expected}`);
      expect(await card.locator('.action-plan-chip').textContent()).toMatch(g.overdue.length > 0 ? new RegExp(` · ${g.overdue.length} overdue$`) : /^[^·]+$/);
      const left = g.target === null ? null : Math.round((Date.parse(g.target) - Date.parse(TODAY)) / 86400000);
      if (left !== null && left > 0) expect(await card.locator('.action-plan-days-left').textContent()).toBe(` · ${left} days left`);
    }
  });

  it('has a step row for every step of every active plan, open steps first, with its place, status and box', async () => {
    const { page } = opened;
    await showAll(page);
    await openPlans(page);
    await expandAll(page);
    for (const g of report.goals) {
      const rows = await page.$$eval(`.action-plan-card[data-path="${g.path}"] .action-plan-step`, (els) =>
        els.map((e) => {
          const el = e as HTMLElement;
          return [el.dataset.path, el.dataset.line, el.dataset.status, el.dataset.effective, el.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked];
        }),
      );
      if (g.status !== 'active') {
        // A goal that is not active is one line: its chip and its bar, no plan to open.
        expect(rows).toEqual([]);
        expect(await page.locator(`.action-plan-card[data-path="${g.path}"] ${PLAN}`).count()).toBe(0);
        continue;
      }
      const expected = rowOrder(g.tree.children).map(({ step, underDone }) => [step.path, String(step.line), step.status, underDone ? 'done' : undefined, step.status === 'done']);
      expect(rows).toEqual(expected);
    }
    // The demo vault has a fold and a done step with open sub-steps: the order and the effective state are put to the test.
    expect(await page.locator('[data-kind="fold"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.action-plan-step[data-effective="done"]').count()).toBeGreaterThan(0);
  });

  it('lists the next action of every active goal, overdue first, each with its box, opening its note at its line', async () => {
    const { page } = opened;
    const rows = await page.$$eval('.action-plan-next', (els) => els.map((e) => [(e as HTMLElement).dataset.path, (e as HTMLElement).dataset.line, (e as HTMLElement).dataset.goal]));
    const active = report.goals.filter((g) => g.status === 'active' && g.nextAction !== null);
    const expected = active.map((g) => g.nextAction);
    expect(rows.map(([p, l]) => `${p}:${l}`).sort()).toEqual(expected.map((n) => `${n?.path}:${n?.line}`).sort());
    for (const [p, l, g] of rows) expect(active.find((a) => a.path === g)?.nextAction).toMatchObject({ path: p, line: Number(l) });
    expect(await page.locator('.action-plan-next input[type="checkbox"]').count()).toBe(rows.length);
    const dues = rows.map(([p, l]) => expected.find((n) => n?.path === p && String(n?.line) === l)?.due ?? '9999');
    const overdue = dues.map((d) => d < TODAY);
    expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)));
    await page.locator('.action-plan-next .action-plan-next-open').first().click();
    await page.waitForSelector(`.preview-opened[data-path="${rows[0]?.[0]}"][data-line="${rows[0]?.[1]}"]`);
  });

  it('ticks a box: it shows at once, pending, then the note gets the box and the done date, and the card counts it', async () => {
    const { page } = opened;
    const g = goal('Learn Spanish');
    const step = steps(g.tree).find((s) => s.text === 'Join the language exchange at the library');
    const card = page.locator(`.action-plan-card[data-path="${g.path}"]`);
    expect(await card.getAttribute('data-done')).toBe(String(g.progress.done));
    await card.locator(PLAN).click();
    await watchPending(page);
    await card.locator(`.action-plan-step[data-line="${step?.line}"] input[type="checkbox"]`).click();
    await page.waitForSelector(`.action-plan-preview-note[data-path="${g.path}"]`);
    const text = (await page.locator('.action-plan-preview-note pre').textContent()) ?? '';
    expect(text.split('\n')[step?.line ?? -1]).toBe('- [x] Join the language exchange at the library 📅 2027-02-30 ✅ 2026-11-25');
    await page.waitForSelector(`.action-plan-card[data-path="${g.path}"][data-done="${g.progress.done + 1}"]`);
    const row = card.locator(`.action-plan-step[data-line="${step?.line}"]`);
    expect(await row.getAttribute('data-status')).toBe('done');
    expect(await row.getAttribute('data-pending')).toBeNull();
    expect(await row.locator('input').isChecked()).toBe(true);
    expect(await pendingSeen(page)).toEqual([`${g.path}:${step?.line}`]);
    // The Plan stays open after the card is drawn again.
    expect(await card.locator(PLAN).getAttribute('aria-expanded')).toBe('true');
  });

  it('ticks a box of a note open in an editor through the editor, and shows it from the editor at once', async () => {
    const { page } = opened;
    const { g, step, card } = await openSubtitlesStep(page);
    // Clicking a step's text opens its note in an editor, at its line.
    await card.locator(`.action-plan-step[data-line="${step?.line}"] .action-plan-node-text`).click();
    await page.waitForSelector(`.preview-opened[data-path="${g.path}"][data-line="${step?.line}"]`);
    const started = await page.evaluate(() => performance.now());
    await card.locator(`.action-plan-step[data-line="${step?.line}"] input[type="checkbox"]`).click();
    await page.waitForSelector(`.action-plan-card[data-path="${g.path}"][data-done="${g.progress.done + 1}"] .action-plan-step[data-line="${step?.line}"][data-status="done"]:not([data-pending])`);
    const ms = (await page.evaluate(() => performance.now())) - started;
    const line = await page.evaluate((n) => {
      const app = (window as unknown as { actionPlanPreview: { app: { workspace: { activeEditor: { editor: { getLine(n: number): string } } | null } } } }).actionPlanPreview.app;
      return app.workspace.activeEditor?.editor.getLine(n);
    }, step?.line ?? -1);
    expect(line).toBe('- [x] Watch one episode a week with Spanish subtitles ✅ 2026-11-25');
    // Read back from the editor, well before a save of the note would be.
    expect(ms).toBeLessThan(1000);
    expect(await card.locator(`.action-plan-step[data-line="${step?.line}"] input`).isChecked()).toBe(true);
  });

  it('puts the box back, with a notice, when the note changed underneath before the view read it again', async () => {
    const { page } = opened;
    const { g, step, card } = await openSubtitlesStep(page);
    await watchPending(page);
    // Another program changes the line, and the box is ticked before the view has drawn the change.
    const written = await page.evaluate(async ({ path, line }) => {
      type PreviewApp = { vault: { getFileByPath(p: string): unknown; process(f: unknown, fn: (t: string) => string): Promise<string> } };
      const app = (window as unknown as { actionPlanPreview: { app: PreviewApp } }).actionPlanPreview.app;
      const text = await app.vault.process(app.vault.getFileByPath(path), (t) => t.replace('- [ ] Watch one episode a week', '- [ ] Watch two episodes a week'));
      document.querySelector<HTMLInputElement>(`.action-plan-card[data-path="${path}"] .action-plan-step[data-line="${line}"] input`)?.click();
      return text;
    }, { path: g.path, line: step?.line ?? -1 });
    await page.waitForSelector('.preview-notices .notice-message');
    expect(await page.locator('.preview-notices .notice-message').first().textContent()).toMatch(/^Action Plan: nothing written, the note changed/);
    expect(await pendingSeen(page)).toEqual([`${g.path}:${step?.line}`]);
    // The box shows what the note says, and the note has only the other program's change.
    await page.waitForSelector(`.action-plan-card[data-path="${g.path}"] .action-plan-step[data-line="${step?.line}"]:not([data-pending]) input:not(:checked)`);
    const now = await page.evaluate((path) => {
      type PreviewApp = { vault: { getFileByPath(p: string): unknown; readSync(f: unknown): string } };
      const app = (window as unknown as { actionPlanPreview: { app: PreviewApp } }).actionPlanPreview.app;
      return app.vault.readSync(app.vault.getFileByPath(path));
    }, g.path);
    expect(now).toBe(written);
    expect(await card.getAttribute('data-done')).toBe(String(g.progress.done));
  });

  it('ticks a box in the Next actions list as ticking the step', async () => {
    const { page } = opened;
    const first = page.locator('.action-plan-next').first();
    const [path, line, goalPath] = [await first.getAttribute('data-path'), await first.getAttribute('data-line'), await first.getAttribute('data-goal')];
    const g = report.goals.find((x) => x.path === goalPath);
    await first.locator('input[type="checkbox"]').click();
    await page.waitForSelector(`.action-plan-preview-note[data-path="${path}"]`);
    const text = (await page.locator('.action-plan-preview-note pre').textContent()) ?? '';
    expect(text.split('\n')[Number(line)]).toMatch(/^\s*- \[x\] .*(✅ 2026-11-25|\[completion:: 2026-11-25\])/);
    await page.waitForSelector(`.action-plan-card[data-path="${goalPath}"][data-done="${(g?.progress.done ?? 0) + 1}"]`);
    // The ticked row stays where it was, ticked, with the focus on its box: a second click would take it back.
    const again = page.locator('.action-plan-next').first();
    expect([await again.getAttribute('data-path'), await again.getAttribute('data-line'), await again.getAttribute('data-status')]).toEqual([path, line, 'done']);
    expect(await again.locator('input').isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('.action-plan-next')?.getAttribute('data-line'))).toBe(line);
  });

  it('reaches and toggles a step with the keyboard only', async () => {
    const { page } = opened;
    const g = goal('Learn Spanish');
    const focused = (): Promise<string | null | undefined> => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);
    // Tab to Learn Spanish's Plan and open it with Enter.
    let onPlan = false;
    for (let i = 0; i < 80 && !onPlan; i++) {
      await page.keyboard.press('Tab');
      onPlan = await page.evaluate((path) => document.activeElement?.matches(`.action-plan-card[data-path="${path}"] .action-plan-disclosure[data-disclosure="plan"]`) === true, g.path);
    }
    expect(onPlan).toBe(true);
    await page.keyboard.press('Enter');
    // Tab into the tree: it is one tab stop, on its first row.
    let inTree = false;
    for (let i = 0; i < 10 && !inTree; i++) {
      await page.keyboard.press('Tab');
      inTree = await page.evaluate((path) => document.activeElement?.closest(`.action-plan-card[data-path="${path}"] [role="tree"]`) != null, g.path);
    }
    expect(inTree).toBe(true);
    expect(await focused()).toBe('Basics, 1/4 done');
    // Down to the open course, closed with Left, then down to the trial lesson; Space ticks it.
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Finish the A1 course in the app, 31 Jan 2027, 1/3 done, to do');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Book a trial lesson with a tutor, Spanish tutors, 5 Dec, to do');
    await page.keyboard.press('Space');
    await page.waitForSelector(`.action-plan-card[data-path="${g.path}"][data-done="${g.progress.done + 1}"]`);
    const text = (await page.locator('.action-plan-preview-note pre').textContent()) ?? '';
    expect(text).toContain('- [x] Book a trial lesson with a tutor [[Spanish tutors]] 📅 2026-12-05 ✅ 2026-11-25');
    // The focus stays on the row after the card is drawn again, and the closed branch stays closed.
    expect(await focused()).toBe('Book a trial lesson with a tutor, Spanish tutors, done');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-checked'))).toBe('true');
    expect(await page.locator(`.action-plan-card[data-path="${g.path}"] [role="treeitem"][aria-label^="Finish the A1 course"]`).getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    const line = steps(g.tree).find((s) => s.text.startsWith('Book a trial lesson'))?.line;
    await page.waitForSelector(`.preview-opened[data-path="${g.path}"][data-line="${line}"]`);
  });

  it('keeps every open branch, the rows, the scroll and the ticked row in place when a tick redraws the card', async () => {
    const { page } = opened;
    const g = goal('Run three times a week');
    const card = page.locator(`.action-plan-card[data-path="${g.path}"]`);
    await card.locator(PLAN).click();
    await expandAll(page);
    const target = steps(g.tree).find((s) => s.text.startsWith('Ask the parkrun group'));
    const row = card.locator(`.action-plan-step[data-line="${target?.line}"]`);
    await row.scrollIntoViewIfNeeded();
    const labels = (): Promise<string[]> => card.locator('[role="treeitem"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-level')} ${e.getAttribute('data-id')} ${e.getAttribute('aria-expanded')}`));
    const before = { rows: await labels(), top: (await row.boundingBox())?.y, scroll: await page.evaluate(() => document.scrollingElement?.scrollTop) };
    expect(before.rows.length).toBeGreaterThan(20);
    await row.locator('input[type="checkbox"]').click();
    await page.waitForSelector(`.action-plan-card[data-path="${g.path}"][data-done="${g.progress.done + 1}"]`);
    expect(await labels()).toEqual(before.rows);
    expect((await row.boundingBox())?.y).toBeCloseTo(before.top ?? NaN, 0);
    expect(await page.evaluate(() => document.scrollingElement?.scrollTop)).toBe(before.scroll);
    expect(await row.getAttribute('data-status')).toBe('done');
  });

  it('shows the steps a search finds: their Plan and branches open and the matches marked; clearing it restores what was open', async () => {
    const { page } = opened;
    const g = goal('Run three times a week');
    const card = page.locator(`.action-plan-card[data-path="${g.path}"]`);
    expect(await card.locator(PLAN).getAttribute('aria-expanded')).toBe('false');
    await page.fill('.action-plan-search', 'parkrun');
    await page.waitForSelector('.action-plan-step[data-match="true"]');
    expect(await page.locator('.action-plan-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')))).toEqual([g.path]);
    const matches = card.locator('.action-plan-step[data-match="true"]');
    const expected = steps(g.tree).filter((s) => s.text.toLowerCase().includes('parkrun'));
    expect(await matches.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-line'))).sort((a, b) => a - b))).toEqual(expected.map((s) => s.line).sort((a, b) => a - b));
    for (const m of await matches.all()) expect(await m.isVisible()).toBe(true);
    // Next actions are filtered too.
    for (const goalPath of await page.locator('.action-plan-next').evaluateAll((els) => els.map((e) => e.getAttribute('data-goal')))) expect(goalPath).toBe(g.path);
    await page.fill('.action-plan-search', '');
    await page.waitForFunction(() => document.querySelectorAll('.action-plan-card').length > 1);
    expect(await card.locator(PLAN).getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-match="true"]').count()).toBe(0);
  });
});

describe('screenshots', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [300, 420]) {
      it(`${theme}, ${width} px wide: nothing wider than the sidebar`, async () => {
        const opened = await openPreview({ theme, width, sidebar: width });
        const { page } = opened;
        // Open one Plan (its branches open to the first open step) and one card's Details.
        await page.locator(`.action-plan-card[data-path="Goals/Learn Spanish.md"] ${PLAN}`).click();
        await page.locator('.action-plan-card[data-path="Goals/Run three times a week.md"] .action-plan-disclosure[data-disclosure="details"]').click();
        const overflow: string[] = await page.$$eval(
          '.preview-sidebar *',
          (els, w: number) => els.filter((e) => e.getBoundingClientRect().right > w + 0.5).map((e) => e.getAttribute('class') ?? e.tagName),
          width,
        );
        expect(overflow).toEqual([]);
        await page.locator('.preview-sidebar').screenshot({ path: shotPath(`view-${theme}-${width}`) });
        const errors = opened.errors;
        await opened.close();
        expect(errors).toEqual([]);
      });
    }
  }
});
