/** @jest-environment jsdom */
/**
 * The Bases view `action-plan` in the test host's Bases stand-in (tests/host/bases.ts): a base's
 * goal notes as cards or rows, in the base's order and groups, the other entries counted, redrawn
 * when the base's data or the index changes.
 */
import type { BasesViewRegistration } from 'obsidian';
import { BASES_VIEW_TYPE } from '../../src/bases/register';
import { REFRESH_DELAY } from '../../src/view/plan-view';
import { createTestApp, installDomHelpers, InMemoryVault, openBase, playApiVersion, pluginRecord, startPlugin, stopPlugin } from '../host';
import ActionPlanPlugin from '../../src/main';
import { freezeToday, startOver } from './helpers';

installDomHelpers();
beforeEach(() => freezeToday());
afterEach(() => jest.useRealTimers());

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const NOVEL = 'Goals/Publish my first novel.md';
const SPANISH = 'Goals/Learn Spanish.md';
const UX = 'Goals/Change careers to UX design.md';

function registration(plugin: ActionPlanPlugin): BasesViewRegistration {
  const r = pluginRecord(plugin).basesViews.get(BASES_VIEW_TYPE);
  if (r === undefined) throw new Error('the Bases view is not registered');
  return r;
}

const cardPaths = (el: HTMLElement): (string | undefined)[] => [...el.querySelectorAll<HTMLElement>('.action-plan-card')].map((c) => c.dataset.path);

describe('the Bases view', () => {
  it('is registered as "Action plan" with a show option of cards, rows or timelines, card by default', async () => {
    const { plugin } = await startOver('demo-vault');
    const r = registration(plugin);
    expect(r.name).toBe('Action plan');
    const options = r.options?.({} as never) ?? [];
    expect(options).toEqual([expect.objectContaining({ key: 'show', type: 'dropdown', default: 'card', options: { card: 'Cards', row: 'Rows', timeline: 'Timelines' } })]);
  });

  it("shows the base's goal notes as cards in the base's order and counts the others in one line", async () => {
    const { app, plugin } = await startOver('demo-vault');
    const base = openBase(app, registration(plugin), [UX, 'Reading list.md', NOVEL, 'Novel/Characters.md', SPANISH]);
    expect(cardPaths(base.el)).toEqual([UX, NOVEL, SPANISH]);
    const card = base.el.querySelector<HTMLElement>(`.action-plan-card[data-path="${NOVEL}"]`);
    const report = plugin.index.report(NOVEL);
    expect(card?.dataset.percent).toBe(String(report?.progress.percent));
    expect(card?.dataset.health).toBe(report?.health);
    expect(base.el.querySelector('.action-plan-base-others')?.textContent).toBe('2 notes are not goals');
    base.setEntries([NOVEL, 'Reading list.md']);
    expect(base.el.querySelector('.action-plan-base-others')?.textContent).toBe('1 note is not a goal');
    base.setEntries([NOVEL]);
    expect(base.el.querySelector('.action-plan-base-others')).toBeNull();
    base.close();
  });

  it("keeps the base's groups under their headings", async () => {
    const { app, plugin } = await startOver('demo-vault');
    const base = openBase(app, registration(plugin), [
      { key: 'Writing', paths: [NOVEL, 'Novel/Characters.md'] },
      { key: 'Skills', paths: [SPANISH, UX] },
      { key: 'Other', paths: ['Reading list.md'] },
    ]);
    const groups = [...base.el.querySelectorAll<HTMLElement>('.action-plan-base-group')];
    expect(groups.map((g) => g.querySelector('.action-plan-base-group-title')?.textContent)).toEqual(['Writing', 'Skills']);
    expect(groups.map((g) => cardPaths(g))).toEqual([[NOVEL], [SPANISH, UX]]);
    expect(base.el.querySelector('.action-plan-base-others')?.textContent).toBe('2 notes are not goals');
    base.close();
  });

  it('shows one line per goal with show: row, the line carrying the card attributes', async () => {
    const { app, plugin } = await startOver('demo-vault');
    const base = openBase(app, registration(plugin), [NOVEL, SPANISH], { show: 'row' });
    const rows = [...base.el.querySelectorAll<HTMLElement>('.action-plan-goal-row')];
    expect(rows.map((r) => r.dataset.path)).toEqual([NOVEL, SPANISH]);
    expect(rows.every((r) => r.classList.contains('action-plan-card'))).toBe(true);
    expect(base.el.querySelector('.action-plan-tree')).toBeNull();
    const report = plugin.index.report(SPANISH);
    expect(rows[1]?.dataset.done).toBe(String(report?.progress.done));
    expect(rows[1]?.dataset.overdue).toBe(String(report?.overdue.length));
    // The overdue count once, beside the health; a link's name apart from the next action's words.
    expect(rows[0]?.querySelector('.action-plan-chip')?.textContent).toBe('At risk · 4 overdue');
    const next = rows[1]?.querySelector('.action-plan-goal-row-next');
    expect(next?.textContent).toBe('Book a trial lesson with a tutor Spanish tutors');
    expect(next?.querySelector('.action-plan-next-link')?.textContent).toBe('Spanish tutors');
    base.setOption('show', 'card');
    expect(base.el.querySelector('.action-plan-goal-row')).toBeNull();
    expect(cardPaths(base.el)).toEqual([NOVEL, SPANISH]);
    base.close();
  });

  it("shows each goal's timeline with show: timeline, its bars moving the note", async () => {
    const { app, plugin, vault } = await startOver('demo-vault');
    const base = openBase(app, registration(plugin), [NOVEL, SPANISH], { show: 'timeline' });
    const timelines = [...base.el.querySelectorAll<HTMLElement>('.action-plan-timeline')];
    expect(timelines.map((t) => t.dataset.path)).toEqual([NOVEL, SPANISH]);
    const bar = timelines[0]?.querySelector<HTMLElement>('.action-plan-bar[data-line="59"]');
    bar?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
    await app.settle();
    expect(vault.textAt(NOVEL)?.split('\n')[59]).toBe('* [ ] Read the whole draft on paper and mark it up ⏱ 1w ⏳ 2027-01-05 📅 2027-01-21 🆔 paper ⛔ draft');
    base.close();
  });

  it('says that none of the notes is a goal and offers a new goal', async () => {
    const { app, plugin } = await startOver('demo-vault');
    const run = jest.spyOn(app.commands, 'executeCommandById');
    const base = openBase(app, registration(plugin), ['Reading list.md', 'Novel/Characters.md']);
    expect(base.el.querySelector('.action-plan-base-empty')?.textContent).toContain('None of these 2 notes is a goal.');
    base.el.querySelector<HTMLButtonElement>('.action-plan-base-empty button')?.click();
    expect(run).toHaveBeenCalledWith('action-plan:new-goal');
    base.close();
  });

  it('draws again when the index changes one of its goals, and stops when the base closes', async () => {
    const { app, plugin, vault } = await startOver('demo-vault');
    const base = openBase(app, registration(plugin), [SPANISH]);
    const before = base.el.querySelector<HTMLElement>('.action-plan-card')?.dataset.done;
    const file = vault.getFileByPath(SPANISH);
    if (file === null) throw new Error('no note');
    await vault.process(file, (t) => t.replace('- [ ]', '- [x]'));
    await app.settle();
    await wait(REFRESH_DELAY + 20);
    const after = base.el.querySelector<HTMLElement>('.action-plan-card')?.dataset.done;
    expect(Number(after)).toBeGreaterThan(Number(before));
    expect(after).toBe(String(plugin.index.report(SPANISH)?.progress.done));
    base.close();
    await vault.process(file, (t) => t.replace('- [ ]', '- [x]'));
    await app.settle();
    await wait(REFRESH_DELAY + 20);
    expect(base.el.querySelector<HTMLElement>('.action-plan-card')?.dataset.done).toBe(after);
    await stopPlugin(plugin);
  });

  it('is not registered on an app older than 1.10, nor when Bases is off, and the plugin loads', async () => {
    playApiVersion('1.9.0');
    const old = await startOver('demo-vault');
    expect(pluginRecord(old.plugin).basesViews.size).toBe(0);
    expect(old.plugin.index.reports()).toHaveLength(4);
    await stopPlugin(old.plugin);
    playApiVersion('1.10.0');
    const app = createTestApp(InMemoryVault.fromRecord({ 'A.md': '---\ntype: goal\n---\n- [ ] x\n' }));
    (app as unknown as { basesEnabled: boolean }).basesEnabled = false;
    const plugin = await startPlugin(ActionPlanPlugin, app);
    expect(pluginRecord(plugin).basesViews.size).toBe(0);
    await stopPlugin(plugin);
  });
});

describe('a base open before the first index', () => {
  beforeEach(() => freezeToday());
  afterEach(() => jest.useRealTimers());

  it('says it is reading, then shows its goals, or that none of its notes is a goal, once the index is built', async () => {
    const app = createTestApp(InMemoryVault.fromRecord({ 'Goal.md': '---\ntype: goal\n---\n- [ ] x\n', 'Note.md': 'just a note\n' }));
    const plugin = await startPlugin(ActionPlanPlugin, app);
    const goals = openBase(app, registration(plugin), ['Goal.md', 'Note.md']);
    const none = openBase(app, registration(plugin), ['Note.md']);
    expect(goals.el.textContent).toBe('Reading your goals…');
    app.workspace.setLayoutReady();
    await app.settle();
    await wait(REFRESH_DELAY + 20);
    expect(cardPaths(goals.el)).toEqual(['Goal.md']);
    expect(none.el.textContent).toContain('This note is not a goal.');
    goals.close();
    none.close();
  });
});
