/** @jest-environment jsdom */
/** The `action-plan` code block: a goal's card, tree or next action in any note, live until it goes away. */
import { parseBlock } from '../../src/view/code-block';
import { REFRESH_DELAY } from '../../src/view/plan-view';
import { installDomHelpers, renderCodeBlock, stopPlugin } from '../host';
import { freezeToday, startOver } from '../plugin/helpers';

installDomHelpers();
beforeEach(() => freezeToday());
afterEach(() => jest.useRealTimers());

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('parseBlock', () => {
  it.each([
    ['', { goal: null, show: 'card' }],
    ['goal: Publish my first novel      # a title\nshow: tree', { goal: 'Publish my first novel', show: 'tree' }],
    ['goal: "Learn Spanish"\nshow: NEXT', { goal: 'Learn Spanish', show: 'next' }],
    ['# only a comment\n\nshow: card', { goal: null, show: 'card' }],
  ])('%j', (source, options) => {
    expect(parseBlock(source)).toEqual({ options });
  });

  it('says what is wrong with a bad line', () => {
    expect(parseBlock('show: chart')).toEqual({ error: '"show" is card, tree, next or timeline, not "chart".' });
    expect(parseBlock('goals: x')).toEqual({ error: 'Unknown line "goals: x": write "goal:" and "show:".' });
  });
});

describe('the code block', () => {
  it('shows the card of the goal it names, by title, path or file name', async () => {
    const { plugin } = await startOver('demo-vault');
    for (const name of ['Publish my first novel', 'Goals/Publish my first novel.md', 'Goals/Publish my first novel', 'publish my first novel']) {
      const block = await renderCodeBlock(plugin, 'action-plan', `goal: ${name}`, 'Daily/2026-11-24.md');
      const card = block.el.querySelector<HTMLElement>('.action-plan-card');
      expect(card?.dataset.path).toBe('Goals/Publish my first novel.md');
      expect(card?.querySelector('.action-plan-disclosure[data-disclosure="details"]')).not.toBeNull();
      block.unload();
    }
    // The disclosures are shared with the sidebar, per goal: Details opened in one block is open in the next.
    const first = await renderCodeBlock(plugin, 'action-plan', 'goal: Publish my first novel', 'Daily/2026-11-24.md');
    expect(first.el.querySelector('.action-plan-burnup')).toBeNull();
    first.el.querySelector<HTMLElement>('.action-plan-disclosure[data-disclosure="details"]')?.click();
    expect(plugin.viewPrefs.disclosed.get('Goals/Publish my first novel.md')).toEqual(new Set(['details']));
    const second = await renderCodeBlock(plugin, 'action-plan', 'goal: Publish my first novel', 'Daily/2026-11-25.md');
    expect(second.el.querySelector('.action-plan-burnup')).not.toBeNull();
    await stopPlugin(plugin);
  });

  it("without a goal, shows the goal of the note it is in, or of the plan the note belongs to", async () => {
    const { plugin } = await startOver('demo-vault');
    const own = await renderCodeBlock(plugin, 'action-plan', 'show: tree', 'Goals/Learn Spanish.md');
    expect(own.el.querySelector<HTMLElement>('.action-plan-card')?.dataset.path).toBe('Goals/Learn Spanish.md');
    expect(own.el.querySelector('.action-plan-tree')).not.toBeNull();
    expect(own.el.querySelector('.action-plan-progress')).toBeNull();
    const part = await renderCodeBlock(plugin, 'action-plan', '', 'Goals/Run three times a week/Couch to 5K.md');
    expect(part.el.querySelector<HTMLElement>('.action-plan-card')?.dataset.path).toBe('Goals/Run three times a week.md');
    const none = await renderCodeBlock(plugin, 'action-plan', '', 'Reading list.md');
    expect(none.el.textContent).toBe('This note is not part of a goal: name one with "goal:".');
    await stopPlugin(plugin);
  });

  it('shows the next action, which opens its note at its line', async () => {
    const { plugin, app } = await startOver('demo-vault');
    const block = await renderCodeBlock(plugin, 'action-plan', 'goal: Learn Spanish\nshow: next', 'Daily/2026-11-24.md');
    const next = block.el.querySelector<HTMLElement>('.action-plan-next');
    const expected = plugin.index.reports().find((r) => r.title === 'Learn Spanish')?.nextAction;
    expect([next?.dataset.path, next?.dataset.line]).toEqual([expected?.path, String(expected?.line)]);
    next?.querySelector<HTMLElement>('.action-plan-next-open')?.click();
    await app.settle();
    expect(app.workspace.getActiveFile()?.path).toBe(expected?.path);
    const decided = await renderCodeBlock(plugin, 'action-plan', 'goal: Change careers to UX design\nshow: next', 'Daily/2026-11-24.md');
    expect(decided.el.textContent).toBe('Change careers to UX design: no next action.');
    await stopPlugin(plugin);
  });

  it('shows the timeline of its goal with show: timeline, keeping its zoom when the goal changes', async () => {
    const { plugin, app } = await startOver('demo-vault');
    const block = await renderCodeBlock(plugin, 'action-plan', 'goal: Learn Spanish\nshow: timeline', 'Daily/2026-11-24.md');
    const root = (): HTMLElement | null => block.el.querySelector<HTMLElement>('.action-plan-timeline');
    expect(root()?.dataset.path).toBe('Goals/Learn Spanish.md');
    expect(block.el.querySelectorAll('.action-plan-bar').length).toBeGreaterThan(0);
    block.el.querySelector<HTMLButtonElement>('.action-plan-timeline-zoom button[data-zoom="quarters"]')?.click();
    const file = app.vault.getFileByPath('Goals/Learn Spanish.md');
    if (file === null) throw new Error('no note');
    await app.vault.process(file, (t) => `${t}\n- [ ] One more step 📅 2026-12-20\n`);
    await app.settle();
    await wait(REFRESH_DELAY + 50);
    expect(Array.from(block.el.querySelectorAll('.action-plan-bar')).some((b) => b.getAttribute('aria-label')?.startsWith('One more step'))).toBe(true);
    expect(root()?.dataset.zoom).toBe('quarters');
    block.unload();
    await stopPlugin(plugin);
  });

  it('shows a short message, never an exception, for an unknown goal or a bad line', async () => {
    const { plugin } = await startOver('demo-vault');
    const unknown = await renderCodeBlock(plugin, 'action-plan', 'goal: Sail around the world', 'Daily/2026-11-24.md');
    expect(unknown.el.querySelector('.action-plan-block-message')?.textContent).toBe('No goal named "Sail around the world".');
    const near = await renderCodeBlock(plugin, 'action-plan', 'goal: Learn Spansh', 'Daily/2026-11-24.md');
    expect(near.el.textContent).toBe('No goal named "Learn Spansh". Did you mean Learn Spanish?');
    const bad = await renderCodeBlock(plugin, 'action-plan', 'show: everything', 'Daily/2026-11-24.md');
    expect(bad.el.textContent).toBe('"show" is card, tree, next or timeline, not "everything".');
    await stopPlugin(plugin);
  });

  it('follows the index: a changed goal is drawn again; a goal created later appears', async () => {
    const { plugin, app, vault } = await startOver('demo-vault');
    const block = await renderCodeBlock(plugin, 'action-plan', 'goal: Learn Spanish', 'Daily/2026-11-24.md');
    const file = vault.getFileByPath('Goals/Learn Spanish.md');
    if (file === null) throw new Error('no note');
    await vault.process(file, (t) => t.replace('- [ ] Join the language exchange at the library', '- [x] Join the language exchange at the library'));
    await app.settle();
    await wait(REFRESH_DELAY + 50);
    expect(block.el.querySelector<HTMLElement>('.action-plan-card')?.dataset.done).toBe('2');
    const later = await renderCodeBlock(plugin, 'action-plan', 'goal: Sail around the world', 'Daily/2026-11-24.md');
    await vault.create('Goals/Sail around the world.md', '---\ntype: goal\nstart: 2026-11-01\ntarget: 2028-01-01\n---\n## Boat\n- [ ] Learn to sail\n');
    await app.settle();
    await wait(REFRESH_DELAY + 50);
    expect(later.el.querySelector<HTMLElement>('.action-plan-card')?.dataset.path).toBe('Goals/Sail around the world.md');
    await stopPlugin(plugin);
  });

  it('stops following the index when the block goes away', async () => {
    const { plugin, app } = await startOver('demo-vault');
    const before = app.listenerCounts();
    const listeners = (): number => (plugin.index as unknown as { listeners: Set<unknown> }).listeners.size;
    const start = listeners();
    const block = await renderCodeBlock(plugin, 'action-plan', 'goal: Learn Spanish', 'Daily/2026-11-24.md');
    expect(listeners()).toBe(start + 1);
    block.unload();
    expect(listeners()).toBe(start);
    expect(app.listenerCounts()).toEqual(before);
    await stopPlugin(plugin);
  });
});
