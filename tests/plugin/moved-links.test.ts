/**
 * Links that Obsidian moves: a note created, renamed or deleted so that a goal's link now
 * leads to another note changes the plan at once, without the goal being edited.
 */
import ActionPlanPlugin from '../../src/main';
import { goalJson } from '../../src/engine/report/json-report';
import { LiveIndex } from '../../src/obsidian/live-index';
import { engineOptions } from '../../src/settings/settings';
import { createTestApp, startPlugin, type TestApp } from '../host';
import { freezeToday } from './helpers';

beforeEach(() => freezeToday());
afterEach(() => jest.useRealTimers());

const GOAL = 'Goals/Podcast.md';
const goal = ['---', 'type: goal', 'target: 2026-12-31', '---', '# Podcast', '', '## Prepare', '- [ ] Design the artwork [[Artwork]]', '- [x] Pick a name ✅ 2026-11-03', ''].join('\n');
/** A note of `n` open tasks and `done` done ones. */
function tasks(n: number, done = 0): string {
  const open = Array.from({ length: n }, (_, i) => `- [ ] Open task ${i + 1}`);
  const closed = Array.from({ length: done }, (_, i) => `- [x] Done task ${i + 1} ✅ 2026-11-10`);
  return ['# Artwork', '', ...open, ...closed, ''].join('\n');
}

async function start(files: Record<string, string>): Promise<{ app: TestApp; plugin: ActionPlanPlugin }> {
  const app = createTestApp({ [GOAL]: goal, ...files });
  app.workspace.setLayoutReady();
  const plugin = await startPlugin(ActionPlanPlugin, app);
  await app.settle();
  await plugin.index.whenBuilt();
  return { app, plugin };
}

/** Notes the goal reads and its progress, as the plugin holds them now. */
function plan(plugin: ActionPlanPlugin): { notes: string[]; done: number; total: number } {
  const r = plugin.index.report(GOAL);
  if (r === null) throw new Error('no report');
  return { notes: r.notes, done: r.progress.done, total: r.progress.total };
}

/** The plugin's report equals one built from scratch over the vault as it is now. */
async function expectFresh(app: TestApp, plugin: ActionPlanPlugin): Promise<void> {
  const fresh = new LiveIndex(app, engineOptions(plugin.settings));
  await fresh.start();
  expect(plugin.index.reports().map(goalJson)).toEqual(fresh.reports().map(goalJson));
  fresh.stop();
}

describe('a link that another note now answers', () => {
  it('a new note in the goal\'s folder takes the link over from a note elsewhere', async () => {
    const { app, plugin } = await start({ 'Steps/Artwork.md': tasks(1, 1) });
    expect(plan(plugin)).toEqual({ notes: [GOAL, 'Steps/Artwork.md'], done: 2, total: 3 });
    await app.vault.create('Goals/Artwork.md', tasks(3));
    await app.settle();
    expect(plan(plugin)).toEqual({ notes: [GOAL, 'Goals/Artwork.md'], done: 1, total: 4 });
    await expectFresh(app, plugin);
  });

  it('a note renamed into the link\'s place takes it over; renamed away, it gives it back', async () => {
    const { app, plugin } = await start({ 'Steps/Artwork.md': tasks(1, 1), 'Drafts/Sketches.md': tasks(4) });
    const draft = app.vault.getFileByPath('Drafts/Sketches.md');
    if (draft === null) throw new Error('no draft');
    await app.vault.rename(draft, 'Goals/Artwork.md');
    await app.settle();
    expect(plan(plugin)).toEqual({ notes: [GOAL, 'Goals/Artwork.md'], done: 1, total: 5 });
    await expectFresh(app, plugin);

    await app.vault.rename(draft, 'Drafts/Sketches.md');
    await app.settle();
    expect(plan(plugin)).toEqual({ notes: [GOAL, 'Steps/Artwork.md'], done: 2, total: 3 });
    await expectFresh(app, plugin);
  });

  it('a deleted note hands the link to the next note of that name, read for the first time', async () => {
    const { app, plugin } = await start({ 'Goals/Artwork.md': tasks(3), 'Steps/Artwork.md': tasks(1, 1) });
    expect(plan(plugin).notes).toEqual([GOAL, 'Goals/Artwork.md']);
    expect(plugin.index.heldPaths()).not.toContain('Steps/Artwork.md');
    const file = app.vault.getFileByPath('Goals/Artwork.md');
    if (file === null) throw new Error('no note');
    await app.vault.delete(file);
    await app.settle();
    expect(plan(plugin)).toEqual({ notes: [GOAL, 'Steps/Artwork.md'], done: 2, total: 3 });
    await expectFresh(app, plugin);
  });

  it('tells listeners about the goal whose link moved', async () => {
    const { app, plugin } = await start({ 'Steps/Artwork.md': tasks(1, 1) });
    const told: string[][] = [];
    plugin.index.onChange((goals) => told.push([...goals]));
    await app.vault.create('Goals/Artwork.md', tasks(2));
    await app.settle();
    expect(told.flat()).toContain(GOAL);
    // A note of another name moves no link.
    told.length = 0;
    await app.vault.create('Goals/Unrelated.md', tasks(2));
    await app.settle();
    expect(told).toEqual([]);
  });
});

describe('where links lead is kept while no file is created, renamed or deleted', () => {
  it('asks the metadata cache once per link and note, and again after a file is created', async () => {
    const { app, plugin } = await start({ 'Steps/Artwork.md': tasks(1, 1) });
    const asked = jest.spyOn(app.metadataCache, 'getFirstLinkpathDest');
    // A box ticked in the linked note: the goal is computed again, its link not looked up again.
    const artwork = app.vault.getFileByPath('Steps/Artwork.md');
    if (artwork === null) throw new Error('no note');
    await app.vault.process(artwork, (t) => t.replace('- [ ]', '- [x]'));
    await app.settle();
    expect(plan(plugin)).toEqual({ notes: [GOAL, 'Steps/Artwork.md'], done: 3, total: 3 });
    expect(asked).not.toHaveBeenCalled();
    // A new file may change where the link leads: it is looked up again, and followed.
    await app.vault.create('Goals/Artwork.md', tasks(2));
    await app.settle();
    expect(asked).toHaveBeenCalled();
    expect(plan(plugin)).toEqual({ notes: [GOAL, 'Goals/Artwork.md'], done: 1, total: 3 });
    asked.mockRestore();
    await expectFresh(app, plugin);
  });
});
