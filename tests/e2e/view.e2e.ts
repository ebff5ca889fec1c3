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

/** Opens every closed branch of the view, as a person clicking each arrow would. */
async function expandAll(page: Page): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const closed = page.locator('[role="treeitem"][aria-expanded="false"] > .action-plan-row > .action-plan-twisty').first();
    if ((await closed.count()) === 0) return;
    await closed.click();
  }
}

async function showAll(page: Page): Promise<void> {
  await page.selectOption('.action-plan-filter', 'all');
}

const report = engineReport();
const goal = (title: string): GoalJson => {
  const g = report.goals.find((x) => x.title === title);
  if (!g) throw new Error(`no goal ${title}`);
  return g;
};

describe('the plan view in a browser', () => {
  let opened: Opened;
  beforeEach(async () => {
    opened = await openPreview();
  });
  afterEach(async () => {
    expect(opened.errors).toEqual([]);
    await opened.close();
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
        percent: String(g.progress.percent),
        done: String(g.progress.done),
        total: String(g.progress.total),
      });
    }
  });

  it('has a step row for every step of every plan, with its place, status and box', async () => {
    const { page } = opened;
    await showAll(page);
    await expandAll(page);
    for (const g of report.goals) {
      const rows = await page.$$eval(`.action-plan-card[data-path="${g.path}"] .action-plan-step`, (els) =>
        els.map((e) => {
          const el = e as HTMLElement;
          return [el.dataset.path, el.dataset.line, el.dataset.status, el.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked];
        }),
      );
      expect(rows).toEqual(steps(g.tree).map((s) => [s.path, String(s.line), s.status, s.status === 'done']));
    }
  });

  it('lists the next action of every active goal, overdue first, each opening its note at its line', async () => {
    const { page } = opened;
    const rows = await page.$$eval('.action-plan-next', (els) => els.map((e) => [(e as HTMLElement).dataset.path, (e as HTMLElement).dataset.line]));
    const expected = report.goals.filter((g) => g.status === 'active' && g.nextAction !== null).map((g) => g.nextAction);
    expect(rows.map(([p, l]) => `${p}:${l}`).sort()).toEqual(expected.map((n) => `${n?.path}:${n?.line}`).sort());
    const dues = rows.map(([p, l]) => expected.find((n) => n?.path === p && String(n?.line) === l)?.due ?? '9999');
    const overdue = dues.map((d) => d < TODAY);
    expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)));
    await page.locator('.action-plan-next').first().click();
    await page.waitForSelector(`.preview-opened[data-path="${rows[0]?.[0]}"][data-line="${rows[0]?.[1]}"]`);
  });

  it('ticks a box: the note gets the box and the done date, and the card counts it', async () => {
    const { page } = opened;
    const g = goal('Learn Spanish');
    const step = steps(g.tree).find((s) => s.text === 'Join the language exchange at the library');
    const card = page.locator(`.action-plan-card[data-path="${g.path}"]`);
    expect(await card.getAttribute('data-done')).toBe(String(g.progress.done));
    await card.locator(`.action-plan-step[data-line="${step?.line}"] input[type="checkbox"]`).click();
    await page.waitForSelector(`.action-plan-preview-note[data-path="${g.path}"]`);
    const text = (await page.locator('.action-plan-preview-note pre').textContent()) ?? '';
    expect(text.split('\n')[step?.line ?? -1]).toBe('- [x] Join the language exchange at the library 📅 2027-02-30 ✅ 2026-11-25');
    await page.waitForSelector(`.action-plan-card[data-path="${g.path}"][data-done="${g.progress.done + 1}"]`);
    expect(await card.locator(`.action-plan-step[data-line="${step?.line}"]`).getAttribute('data-status')).toBe('done');
    expect(await card.locator(`.action-plan-step[data-line="${step?.line}"] input`).isChecked()).toBe(true);
  });

  it('reaches and toggles a step with the keyboard only', async () => {
    const { page } = opened;
    const g = goal('Learn Spanish');
    // Tab until the focus is in Learn Spanish's tree.
    let inTree = false;
    for (let i = 0; i < 80 && !inTree; i++) {
      await page.keyboard.press('Tab');
      inTree = await page.evaluate((path) => document.activeElement?.closest(`.action-plan-card[data-path="${path}"] [role="tree"]`) != null, g.path);
    }
    expect(inTree).toBe(true);
    // The tree is one tab stop: Basics, then down to its second step, and Space ticks it.
    const focused = (): Promise<string | null | undefined> => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(await focused()).toBe('Basics');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Book a trial lesson with a tutor Spanish tutors');
    await page.keyboard.press('Space');
    await page.waitForSelector(`.action-plan-card[data-path="${g.path}"][data-done="${g.progress.done + 1}"]`);
    const text = (await page.locator('.action-plan-preview-note pre').textContent()) ?? '';
    expect(text).toContain('- [x] Book a trial lesson with a tutor [[Spanish tutors]] 📅 2026-12-05 ✅ 2026-11-25');
    // The focus stays on the row after the card is drawn again; Enter opens the note at its line.
    expect(await focused()).toBe('Book a trial lesson with a tutor Spanish tutors');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-checked'))).toBe('true');
    await page.keyboard.press('Enter');
    const line = steps(g.tree).find((s) => s.text.startsWith('Book a trial lesson'))?.line;
    await page.waitForSelector(`.preview-opened[data-path="${g.path}"][data-line="${line}"]`);
  });
});

describe('screenshots', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [300, 420]) {
      it(`${theme}, ${width} px wide: nothing wider than the sidebar`, async () => {
        const opened = await openPreview({ theme, width });
        const { page } = opened;
        // Open one nested branch so the picture shows the tree's depth.
        await page.locator('.action-plan-card[data-path="Goals/Learn Spanish.md"] [role="treeitem"][aria-expanded="false"] .action-plan-twisty').first().click();
        const overflow: string[] = await page.$$eval(
          '.preview-sidebar *',
          (els, w: number) => els.filter((e) => e.getBoundingClientRect().right > w + 0.5).map((e) => e.getAttribute('class') ?? e.tagName),
          width,
        );
        expect(overflow).toEqual([]);
        await page.locator('.preview-sidebar').screenshot({ path: shotPath(`view-${theme}-${width}`) });
        expect(opened.errors).toEqual([]);
        await opened.close();
      });
    }
  }
});
