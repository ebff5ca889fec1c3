/** The preview page runs the real plugin over the demo vault in Chromium. */
import { openPreview, previewOf, type Opened } from './browser';

let opened: Opened;
beforeAll(async () => {
  opened = await openPreview();
});
afterAll(async () => {
  await opened.close();
});

describe('the preview page', () => {
  it('starts the plugin without an error and shows the view in the sidebar', async () => {
    const { page, errors } = opened;
    expect(errors).toEqual([]);
    expect(await page.locator('.preview-sidebar .action-plan-view').count()).toBe(1);
    expect(await page.locator('.action-plan-preview-note').count()).toBe(1);
  });

  it('takes the day given to the build as today', async () => {
    const day = await opened.page.evaluate(() => new Date().toISOString().slice(0, 10));
    expect(day).toBe('2026-11-25');
  });

  it('shows the text of the last note written in the note panel', async () => {
    const { page } = opened;
    await page.evaluate(async () => {
      type PreviewApp = { vault: { getFileByPath(p: string): unknown; process(f: unknown, fn: (t: string) => string): Promise<string> } };
      const app = (window as unknown as { actionPlanPreview?: { app: PreviewApp } }).actionPlanPreview?.app;
      const file = app?.vault.getFileByPath('Reading list.md');
      if (!app || !file) throw new Error('no vault');
      await app.vault.process(file, (t: string) => `${t}\nA line written in the browser.\n`);
    });
    await page.waitForSelector('.action-plan-preview-note[data-path="Reading list.md"]');
    expect(await page.locator('.action-plan-preview-note pre').textContent()).toContain('A line written in the browser.');
  });
});

describe("the vault's settings", () => {
  it('are in force in the page: the help tag and the number of next actions', async () => {
    const goal = (n: number): string => `---\ntype: goal\ntarget: 2027-01-${10 + n}\n---\n- [ ] Step ${n} #ask 📅 2026-12-0${n}\n`;
    const page = previewOf('settings', {
      '.obsidian/plugins/action-plan/data.json': JSON.stringify({ version: 1, helpTag: '#ask', nextActionsCount: 2 }),
      'One.md': goal(1),
      'Two.md': goal(2),
      'Three.md': goal(3),
    });
    const withSettings = await openPreview({ page });
    try {
      const p = withSettings.page;
      expect(await p.locator('.action-plan-next').count()).toBe(2);
      // The tag of the settings is left to the Help badge.
      expect(await p.locator('.action-plan-next-text').first().textContent()).toBe('Step 1');
      await p.locator('.action-plan-card[data-path="One.md"] .action-plan-disclosure[data-disclosure="plan"]').click();
      expect(await p.locator('.action-plan-card[data-path="One.md"] .action-plan-help-badge').count()).toBe(1);
      expect(withSettings.errors).toEqual([]);
    } finally {
      await withSettings.close();
    }
  });
});
