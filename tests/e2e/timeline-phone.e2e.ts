/**
 * The timeline on a phone in Chromium (SPEC 4.2, 4.3): the preview 390 px wide with `?mobile=1`
 * and a touch screen, over the demo vault as of 2026-11-25. A long press on a bar and a drag
 * move it (the note's bytes checked), a swipe scrolls the chart and writes nothing, a tap shows
 * the details with the day buttons; the row names stay while the chart scrolls, every bar is a
 * target of at least 24 px, nothing is cut off; and screenshots, light and dark.
 */
import type { CDPSession, Page } from 'playwright-core';
import { noteText, openGoalTimeline, openPreview, shotPath, type Opened } from './browser';

const GOAL = 'Goals/Publish my first novel.md';
const PAPER = 'Read the whole draft on paper and mark it up';
const PAPER_LINE = `* [ ] ${PAPER} ⏱ 1w ⏳ 2027-01-05 📅 2027-01-20 🆔 paper ⛔ draft`;
const WIDTH = 390;

const openTimeline = (page: Page): Promise<void> => openGoalTimeline(page, GOAL);
const goalText = (page: Page): Promise<string> => noteText(page, GOAL);

/** One finger on the screen, as the touch screen reports it (the browser makes the pointer events). */
async function finger(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
}

/** A finger moved by `dx` in a few steps, `pause` ms apart, after resting `rest` ms. */
async function slide(page: Page, cdp: CDPSession, x: number, y: number, dx: number, rest: number, pause: number): Promise<void> {
  await finger(cdp, 'touchStart', x, y);
  if (rest > 0) await page.waitForTimeout(rest);
  for (let k = 1; k <= 8; k++) {
    await finger(cdp, 'touchMove', x + (dx * k) / 8, y);
    await page.waitForTimeout(pause);
  }
  await finger(cdp, 'touchEnd');
}

/** The paper step's bar scrolled into sight: a point on it clear of the row names and of its right end. */
async function paperBar(page: Page): Promise<{ x: number; y: number }> {
  const bar = page.locator('.preview-main .action-plan-bar[data-line="59"]');
  await bar.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'start' }));
  const box = await bar.boundingBox();
  const names = await page.locator('.preview-main .action-plan-timeline-names').boundingBox();
  if (box === null || names === null) throw new Error('no bar');
  const x = Math.max(box.x, names.x + names.width) + 12;
  if (x > box.x + box.width - 16) throw new Error('the bar is out of sight');
  return { x, y: box.y + box.height / 2 };
}

const scrollLeft = (page: Page): Promise<number> => page.locator('.preview-main .action-plan-timeline-scroll').evaluate((el) => el.scrollLeft);

describe('the timeline on a phone', () => {
  let opened: Opened;
  let cdp: CDPSession;
  beforeEach(async () => {
    opened = await openPreview({ width: WIDTH, sidebar: WIDTH, mobile: true, touch: true });
    cdp = await opened.page.context().newCDPSession(opened.page);
    await openTimeline(opened.page);
    await opened.page.locator('.action-plan-timeline-zoom button[data-zoom="weeks"]').click();
  });
  afterEach(async () => {
    expect(opened.errors).toEqual([]);
    await opened.close();
  });

  it('a swipe that starts on a bar scrolls the chart; a long press and a drag move the bar: its scheduled and due dates, and no other byte', async () => {
    const { page } = opened;
    const before = await goalText(page);
    expect(before).toContain(PAPER_LINE);
    let box = await paperBar(page);
    const left = await scrollLeft(page);
    await slide(page, cdp, box.x, box.y, -120, 0, 16);
    await page.waitForTimeout(300);
    expect(await scrollLeft(page)).toBeGreaterThan(left + 40);
    expect(await page.locator('.preview-main .action-plan-bar:is([data-dragging], [data-pending])').count()).toBe(0);
    expect(await goalText(page)).toBe(before);
    box = await paperBar(page);
    await slide(page, cdp, box.x, box.y, 2 * 24, 700, 20);
    await page.waitForSelector('.preview-main .action-plan-bar[data-line="59"][data-end="2027-01-22"]:not([data-pending])');
    expect(await goalText(page)).toBe(before.replace(PAPER_LINE, PAPER_LINE.replace('⏳ 2027-01-05 📅 2027-01-20', '⏳ 2027-01-07 📅 2027-01-22')));
  });

  it('a tap shows the bar’s details with the day buttons; +1 day writes the due date a day later', async () => {
    const { page } = opened;
    const before = await goalText(page);
    const box = await paperBar(page);
    await finger(cdp, 'touchStart', box.x, box.y);
    await finger(cdp, 'touchEnd');
    const details = page.locator('.preview-main .action-plan-timeline-details');
    await expect(details.textContent()).resolves.toContain(PAPER);
    expect(await details.textContent()).toContain('Can start');
    await details.locator('button', { hasText: '+1 day' }).tap();
    await page.waitForSelector('.preview-main .action-plan-bar[data-line="59"][data-end="2027-01-21"]:not([data-pending])');
    expect(await goalText(page)).toBe(before.replace(PAPER_LINE, PAPER_LINE.replace('📅 2027-01-20', '📅 2027-01-21')));
  });

  it('at 390 px (and 320) the names stay while the chart scrolls, every bar is a 24 px target, and nothing is cut off', async () => {
    const { page } = opened;
    const names = page.locator('.preview-main .action-plan-timeline-names');
    const x0 = (await names.boundingBox())?.x;
    await page.locator('.preview-main .action-plan-timeline-scroll').evaluate((el) => (el.scrollLeft += 300));
    expect((await names.boundingBox())?.x).toBe(x0);
    // Each row's name stands level with its lane, one row high.
    const offsets = await page.$$eval('.preview-main .action-plan-timeline-name', (els) => {
      const lanes = Array.from(document.querySelectorAll('.preview-main .action-plan-timeline-lane'));
      return els.map((e, i) => `${Math.round(e.getBoundingClientRect().height)} ${Math.round(e.getBoundingClientRect().top - (lanes[i]?.getBoundingClientRect().top ?? NaN))}`);
    });
    expect(offsets.length).toBeGreaterThan(40);
    expect(new Set(offsets)).toEqual(new Set(['30 0']));
    // At months, where a day is 6 px wide, each bar brought into sight answers a touch 11 px
    // either side of its middle, across and down.
    await page.locator('.action-plan-timeline-zoom button[data-zoom="months"]').click();
    const misses = await page.$$eval('.preview-main .action-plan-bar', (bars) => {
      const scroller = document.querySelector('.preview-main .action-plan-timeline-scroll') as HTMLElement;
      const namesRight = (document.querySelector('.preview-main .action-plan-timeline-names') as HTMLElement).getBoundingClientRect().right;
      const axisBottom = (document.querySelector('.preview-main .action-plan-timeline-axis') as HTMLElement).getBoundingClientRect().bottom;
      const out: string[] = [];
      let checked = 0;
      for (const bar of bars) {
        // Its middle brought to the middle of the chart's part of the screen, right of the names.
        bar.scrollIntoView({ block: 'center', inline: 'nearest' });
        const view = scroller.getBoundingClientRect();
        const before = bar.getBoundingClientRect();
        scroller.scrollLeft += before.left + before.width / 2 - (namesRight + view.right) / 2;
        const r = bar.getBoundingClientRect();
        const [cx, cy] = [r.left + r.width / 2, r.top + r.height / 2];
        if (cx - 12 < namesRight || cx + 12 > view.right || cy - 12 < axisBottom || cy + 12 > view.bottom) continue;
        checked++;
        for (const [x, y] of [[cx - 11, cy], [cx + 11, cy], [cx, cy - 11], [cx, cy + 11]] as const) {
          if (document.elementFromPoint(x, y)?.closest('.action-plan-bar') !== bar) out.push(`${bar.dataset.line} at ${x - cx},${y - cy}`);
        }
      }
      return { out, checked, bars: bars.length };
    });
    expect(misses.out).toEqual([]);
    expect(misses.checked).toBeGreaterThan(misses.bars / 2);
    // Nothing is wider than the screen: the page does not scroll sideways, the toolbar and the details fit.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
    const outside = await page.$$eval(
      '.preview-main :is(.action-plan-timeline-toolbar, .action-plan-timeline-details) *',
      (els, w: number): string[] => els.filter((e) => e.getBoundingClientRect().right > w + 0.5).map((e) => e.getAttribute('class') ?? e.tagName),
      WIDTH,
    );
    expect(outside).toEqual([]);
    // Down to 320 px the names stay too, and the page still does not scroll sideways.
    await page.setViewportSize({ width: 320, height: 900 });
    const x1 = (await names.boundingBox())?.x;
    await page.locator('.preview-main .action-plan-timeline-scroll').evaluate((el) => (el.scrollLeft += 200));
    expect((await names.boundingBox())?.x).toBe(x1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

describe('timeline screenshots on a phone', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}, ${WIDTH} px`, async () => {
      const opened = await openPreview({ theme, width: WIDTH, sidebar: WIDTH, mobile: true, touch: true });
      const { page } = opened;
      await openTimeline(page);
      await page.locator('.preview-main .action-plan-timeline-scroll').evaluate((el) => (el.scrollTop = 590));
      await page.locator('.preview-main').screenshot({ path: shotPath(`timeline-${theme}-${WIDTH}`) });
      expect(opened.errors).toEqual([]);
      await opened.close();
    });
  }
});
