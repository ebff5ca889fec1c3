/**
 * How the view lays itself out in Chromium: cards in columns once the view itself is 700 px
 * wide, a goal that is not active as one muted line, targets of 24 px on a phone, boxes on the
 * first line of wrapped text, and the empty state of a vault without a goal.
 */
import type { Page } from 'playwright-core';
import { openPreview, previewOf, wrappedRows } from './browser';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const boxes = (page: Page, selector: string): Promise<Box[]> =>
  page.$$eval(selector, (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );

describe('columns', () => {
  it('stand the cards in columns at least 320 px wide once the view is 900 px wide', async () => {
    const opened = await openPreview({ width: 940, sidebar: 900 });
    try {
      const cards = await boxes(opened.page, '.action-plan-card');
      expect(cards.length).toBeGreaterThan(2);
      expect(new Set(cards.map((c) => Math.round(c.x))).size).toBe(2);
      expect(cards[1]?.y).toBeCloseTo(cards[0]?.y ?? NaN, 0);
      for (const c of cards) expect(c.width).toBeGreaterThanOrEqual(320);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('keeps one column in a 420 px view, however wide the window', async () => {
    const opened = await openPreview({ width: 1400, sidebar: 420 });
    try {
      const cards = await boxes(opened.page, '.action-plan-card');
      expect(new Set(cards.map((c) => Math.round(c.x))).size).toBe(1);
    } finally {
      await opened.close();
    }
  });
});

describe('a goal that is not active', () => {
  it('is one muted line: its title, its status chip and its bar', async () => {
    const opened = await openPreview();
    try {
      const { page } = opened;
      await page.selectOption('.action-plan-filter', 'all');
      const card = page.locator('.action-plan-card[data-status="staying"]');
      expect(await card.count()).toBe(1);
      expect(await card.locator('.action-plan-chip').textContent()).toBe('Staying put');
      expect(await card.locator('.action-plan-progress').count()).toBe(1);
      expect(await card.locator('.action-plan-disclosure, .action-plan-card-next, .action-plan-numbers, .action-plan-dates, .action-plan-mark').count()).toBe(0);
      const [title, chip, bar] = await Promise.all(['.action-plan-card-title', '.action-plan-chip', '.action-plan-progress'].map(async (s) => (await card.locator(s).boundingBox()) as Box));
      // Side by side on one line.
      for (const b of [chip, bar]) expect(Math.abs((b?.y ?? 0) + (b?.height ?? 0) / 2 - ((title?.y ?? 0) + (title?.height ?? 0) / 2))).toBeLessThan(12);
      const active = await page.locator('.action-plan-card[data-status="active"]').first().boundingBox();
      expect((await card.boundingBox())?.height).toBeLessThan((active?.height ?? 0) / 2);
      // Muted: its title in the muted text colour.
      const colours = await page.evaluate(() => {
        const probe = document.body.createSpan({ cls: 'action-plan-muted' });
        const muted = getComputedStyle(probe).color;
        probe.remove();
        const t = document.querySelector('.action-plan-card[data-status="staying"] .action-plan-card-title');
        return { muted, title: t === null ? '' : getComputedStyle(t).color };
      });
      expect(colours.title).toBe(colours.muted);
    } finally {
      await opened.close();
    }
  });
});

describe('on a phone', () => {
  it('gives every box, button, arrow and row text a target of at least 24 px', async () => {
    const opened = await openPreview({ width: 360, sidebar: 360, mobile: true });
    try {
      const { page } = opened;
      for (const b of await page.locator('.action-plan-disclosure[data-disclosure="plan"]').all()) await b.click();
      const small = await page.$$eval('.action-plan-view :is(button, input, select, .action-plan-twisty:not(:empty), .action-plan-node-text)', (els) =>
        els
          .filter((e) => e.getClientRects().length > 0)
          .map((e) => {
            const r = e.getBoundingClientRect();
            return { what: `${e.getAttribute('class') ?? ''} ${e.textContent?.slice(0, 30) ?? ''}`, width: r.width, height: r.height };
          })
          .filter((t) => t.height < 24 || t.width < 24),
      );
      expect(small).toEqual([]);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

it('puts each box on the first line of the text beside it when the text wraps', async () => {
  const opened = await openPreview({ width: 300, sidebar: 300 });
  try {
    const { page } = opened;
    await page.locator('.action-plan-card[data-path="Goals/Learn Spanish.md"] .action-plan-disclosure[data-disclosure="plan"]').click();
    const wrapped = await wrappedRows(page);
    expect(wrapped.length).toBeGreaterThan(0);
    for (const r of wrapped) expect(Math.abs(r.box - r.first)).toBeLessThan(3);
  } finally {
    await opened.close();
  }
});

describe('the progress bar', () => {
  for (const mobile of [false, true]) {
    it(`says what its marks mean in words below it once it is pressed${mobile ? ', with a tap on a phone' : ', from the keyboard'}`, async () => {
      const opened = await openPreview(mobile ? { width: 360, sidebar: 360, mobile } : {});
      try {
        const { page } = opened;
        const card = page.locator('.action-plan-card[data-path="Goals/Publish my first novel.md"]');
        const caption = card.locator('.action-plan-bar-caption');
        expect(await caption.isVisible()).toBe(false);
        if (mobile) await card.locator('.action-plan-progress').click();
        else {
          await card.locator('.action-plan-card-title').focus();
          await page.keyboard.press('Tab');
          // Its name, on the focus, already says every mark.
          expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain('Checkpoint 31 Dec, First draft finished: upcoming, 45% expected');
          await page.keyboard.press('Enter');
        }
        expect(await page.evaluate(() => document.activeElement?.matches('.action-plan-progress-wrap'))).toBe(true);
        expect(await caption.isVisible()).toBe(true);
        const lines = await caption.locator(':scope > div').allTextContents();
        expect(lines[0]).toBe('Checkpoints');
        expect(lines).toContain('31 Dec, First draft finished: upcoming, 45% expected');
        // Each mark stands at its expected percent of the bar's width.
        const [bar, mark] = await Promise.all([card.locator('.action-plan-progress').boundingBox(), card.locator('.action-plan-mark[data-date="2026-12-31"]').boundingBox()]);
        expect(((mark?.x ?? 0) + (mark?.width ?? 0) / 2 - (bar?.x ?? 0)) / (bar?.width ?? 1)).toBeCloseTo(0.45, 1);
        expect(opened.errors).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  }
});

describe('the empty state', () => {
  it('shows no controls, says what a goal is in two sentences, and its New goal button opens the form', async () => {
    const opened = await openPreview({ page: previewOf('empty', { 'Shopping.md': '# Shopping\n\n- [ ] Milk\n' }) });
    try {
      const { page } = opened;
      expect(await page.locator('.action-plan-view :is(select, input)').evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length)).toBe(0);
      const words = (await page.locator('.action-plan-empty p').textContent()) ?? '';
      expect(words.match(/[^.]+\./g)).toHaveLength(2);
      expect(words).not.toMatch(/type: goal|frontmatter/);
      expect(await page.locator('.action-plan-next-actions, .action-plan-card').count()).toBe(0);
      await page.locator('.action-plan-empty button', { hasText: 'New goal' }).click();
      await page.waitForSelector('.modal .modal-title:text-is("New goal")');
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
