/**
 * The timeline in Chromium (SPEC 4.2, 4.3), over the demo vault as of 2026-11-25: opened from
 * the card's button into the page's main area, its bars against the command line's schedule,
 * a bar dragged with the mouse, its right end dragged, Shift+Right on a focused bar, a refused
 * move that writes nothing, and screenshots at 1280 px, light and dark (at 390 px on a phone:
 * timeline-phone.e2e.ts).
 */
import type { Page } from 'playwright-core';
import { run } from '../../src/cli/main';
import type { NodeJson, ReportJson } from '../../src/engine/report/json-report';
import { ROOT, TODAY, noteText, openGoalTimeline, openPreview, shotPath, type Opened } from './browser';

const GOAL = 'Goals/Publish my first novel.md';
const PAPER = 'Read the whole draft on paper and mark it up';

function engineGoal(): NodeJson {
  let out = '';
  expect(run(['report', `${ROOT}/demo-vault`, '--today', TODAY, '--json'], { out: (t) => (out += t), err: (t) => (out += t), color: false })).toBe(0);
  const g = (JSON.parse(out) as ReportJson).goals.find((x) => x.path === GOAL);
  if (g === undefined) throw new Error('no goal');
  return g.tree;
}

function steps(node: NodeJson): NodeJson[] {
  return [...(node.kind === 'step' ? [node] : []), ...node.children.flatMap(steps)];
}

const openTimeline = (page: Page): Promise<void> => openGoalTimeline(page, GOAL);

function lineOf(text: string, start: string): string | undefined {
  return text.split('\n').find((l) => l.includes(start));
}

/** Drags from a point of the bar by `dx` pixels, a few steps at a time, as a hand does. */
async function drag(page: Page, x: number, y: number, dx: number): Promise<void> {
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) await page.mouse.move(x + (dx * k) / 6, y);
  await page.mouse.up();
}

async function paperBar(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const bar = page.locator('.preview-main .action-plan-bar[data-line="59"]');
  await bar.scrollIntoViewIfNeeded();
  const box = await bar.boundingBox();
  if (box === null) throw new Error('no bar');
  return box;
}

describe('the timeline in a browser', () => {
  let opened: Opened;
  beforeEach(async () => {
    opened = await openPreview({ width: 1280 });
    await openTimeline(opened.page);
  });
  afterEach(async () => {
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it("draws each open step's bar with the engine's dates and marks", async () => {
    const { page } = opened;
    const bars = await page.$$eval('.preview-main .action-plan-bar', (els) => els.map((e) => ({ ...(e as HTMLElement).dataset })));
    const byKey = new Map(bars.map((b) => [`${b.path}:${b.line}`, b]));
    const open = steps(engineGoal()).filter((s) => s.earlyStart !== null);
    expect(open.length).toBeGreaterThan(10);
    for (const s of open) {
      const b = byKey.get(`${s.path}:${s.line}`);
      expect([b?.end, b?.critical, b?.blocked]).toEqual([s.due ?? s.earlyFinish, String(s.critical), String(s.blocked)]);
      if (s.due === null) expect([b?.start, b?.estimated]).toEqual([s.earlyStart, 'true']);
    }
    expect(await page.locator('.preview-main .action-plan-arrow').count()).toBe(3);
    expect(await page.locator('.preview-main .action-plan-milestone').count()).toBe(5);
  });

  it('a dragged bar moves its scheduled and due dates together; a dragged right end the due date alone', async () => {
    const { page } = opened;
    await page.locator('.action-plan-timeline-zoom button[data-zoom="weeks"]').click();
    const before = await noteText(page, GOAL);
    expect(lineOf(before, PAPER)).toBe(`* [ ] ${PAPER} ⏱ 1w ⏳ 2027-01-05 📅 2027-01-20 🆔 paper ⛔ draft`);
    let box = await paperBar(page);
    await drag(page, box.x + 20, box.y + box.height / 2, 2 * 24);
    await page.waitForSelector('.preview-main .action-plan-bar[data-line="59"][data-end="2027-01-22"]:not([data-pending])');
    const moved = await noteText(page, GOAL);
    expect(lineOf(moved, PAPER)).toBe(`* [ ] ${PAPER} ⏱ 1w ⏳ 2027-01-07 📅 2027-01-22 🆔 paper ⛔ draft`);
    // Every other byte stays.
    expect(moved.replace('⏳ 2027-01-07 📅 2027-01-22', '⏳ 2027-01-05 📅 2027-01-20')).toBe(before);
    box = await paperBar(page);
    await drag(page, box.x + box.width - 2, box.y + box.height / 2, -3 * 24);
    await page.waitForSelector('.preview-main .action-plan-bar[data-line="59"][data-end="2027-01-19"]:not([data-pending])');
    expect(lineOf(await noteText(page, GOAL), PAPER)).toBe(`* [ ] ${PAPER} ⏱ 1w ⏳ 2027-01-07 📅 2027-01-19 🆔 paper ⛔ draft`);
    expect(await page.locator('.action-plan-preview-note pre').textContent()).toContain('📅 2027-01-19 🆔 paper');
  });

  it('Shift+Right on a focused bar sets the due date a day later; a move before the start is refused, and Escape cancels a drag: neither writes', async () => {
    const { page } = opened;
    await page.locator('.preview-main .action-plan-bar[data-line="59"]').focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForSelector('.preview-main .action-plan-bar[data-line="59"][data-end="2027-01-21"]:not([data-pending])');
    const text = await noteText(page, GOAL);
    expect(lineOf(text, PAPER)).toBe(`* [ ] ${PAPER} ⏱ 1w ⏳ 2027-01-05 📅 2027-01-21 🆔 paper ⛔ draft`);
    // The focus stays on the bar after the redraw.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-line'))).toBe('59');
    await page.locator('.action-plan-timeline-zoom button[data-zoom="weeks"]').click();
    const box = await paperBar(page);
    await drag(page, box.x + box.width - 2, box.y + box.height / 2, -20 * 24);
    await page.waitForSelector('.preview-main .action-plan-bar[data-line="59"]:not([data-pending])');
    expect(await noteText(page, GOAL)).toBe(text);
    expect(await page.locator('.preview-main .action-plan-bar[data-line="59"]').getAttribute('data-end')).toBe('2027-01-21');
    // Escape during a drag puts the bar back and writes nothing.
    const again = await paperBar(page);
    await page.mouse.move(again.x + 20, again.y + again.height / 2);
    await page.mouse.down();
    await page.mouse.move(again.x + 20 + 5 * 24, again.y + again.height / 2, { steps: 4 });
    expect(await page.locator('.preview-main .action-plan-bar[data-line="59"]').getAttribute('data-dragging')).toBe('true');
    await page.keyboard.press('Escape');
    await page.mouse.up();
    expect(await page.locator('.preview-main .action-plan-bar[data-line="59"]').getAttribute('data-dragging')).toBeNull();
    await page.waitForTimeout(300);
    expect(await noteText(page, GOAL)).toBe(text);
  });
});

describe('timeline screenshots', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [1280]) {
      it(`${theme}, ${width} px: the names stay while the chart scrolls`, async () => {
        const opened = await openPreview({ theme, width, height: 1000 });
        const { page } = opened;
        await openTimeline(page);
        const names = page.locator('.preview-main .action-plan-timeline-names');
        const x0 = (await names.boundingBox())?.x;
        await page.locator('.preview-main .action-plan-timeline-scroll').evaluate((el) => (el.scrollLeft += 200));
        expect((await names.boundingBox())?.x).toBe(x0);
        const wide = await page.$$eval('.preview-main .action-plan-timeline-toolbar *', (els, w: number) => els.filter((e) => e.getBoundingClientRect().right > w + 0.5).length, width);
        expect(wide).toBe(0);
        // The part of the plan with the dependencies, with today at the left.
        await page.locator('.preview-main .action-plan-timeline-scroll').evaluate((el) => {
          el.scrollLeft -= 200;
          el.scrollTop = 590;
        });
        await page.locator('.preview-main').screenshot({ path: shotPath(`timeline-${theme}-${width}`) });
        expect(opened.errors).toEqual([]);
        await opened.close();
      });
    }
  }
});
