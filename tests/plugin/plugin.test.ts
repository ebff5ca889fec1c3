/**
 * The plugin's own code, end to end in the test host: it finds what the command line finds,
 * keeps the index current note by note, and leaves nothing behind.
 */
import { join } from 'node:path';
import ActionPlanPlugin from '../../src/main';
import { run } from '../../src/cli/main';
import { goalJson } from '../../src/engine/report/json-report';
import { COMMANDS } from '../../src/commands/commands';
import { LiveIndex } from '../../src/obsidian/live-index';
import { engineOptions, migrate } from '../../src/settings/settings';
import { createTestApp, InMemoryVault, pluginRecord, startPlugin, stopPlugin } from '../host';
import { freezeToday, ROOT, startOver, TODAY } from './helpers';

beforeEach(() => freezeToday());
afterEach(() => jest.useRealTimers());

function cliReport(folder: string): unknown {
  let out = '';
  const code = run(['report', join(ROOT, folder), '--today', TODAY, '--json'], { out: (t) => (out += t), err: (t) => (out += t), color: false });
  expect(code).toBe(0);
  return JSON.parse(out);
}

describe('the plugin over the demo vault', () => {
  it('finds the same goals, progress and problems as `action-plan report --json`', async () => {
    const { plugin } = await startOver('demo-vault');
    const fromPlugin = { today: TODAY, goals: plugin.index.reports().map(goalJson) };
    expect(fromPlugin).toEqual(cliReport('demo-vault'));
    expect(fromPlugin.goals).toHaveLength(4);
  });

  it('does no indexing in onload, only once the layout is ready', async () => {
    const app = createTestApp(InMemoryVault.fromFolder(join(ROOT, 'demo-vault')));
    const plugin = await startPlugin(ActionPlanPlugin, app);
    expect(plugin.index.reads).toBe(0);
    expect(plugin.index.isReady()).toBe(false);
    app.workspace.setLayoutReady();
    await app.settle();
    await plugin.index.whenBuilt();
    expect(plugin.index.isReady()).toBe(true);
  });

  it('reads only goal notes and the notes they link to', async () => {
    const { plugin } = await startOver('demo-vault');
    const held = plugin.index.heldPaths().sort();
    expect(held).not.toContain('Daily/2026-11-24.md');
    expect(held).not.toContain('Reading list.md');
    expect(held).toContain('Checklists/Weekly review.md');
    expect(held).toContain('Goals/Publish my first novel/Outline chapters.md');
    expect(plugin.index.reads).toBe(held.length);
  });
});

describe('keeping the index current', () => {
  const shared = 'Checklists/Weekly review.md';

  it('re-reads only the changed note and recomputes only the goals that reach it', async () => {
    const { app, vault, plugin } = await startOver('demo-vault');
    const before = new Map(plugin.index.reports().map((r) => [r.path, r]));
    const told: string[][] = [];
    plugin.index.onChange((goals) => told.push([...goals].sort()));
    const reads = plugin.index.reads;

    const file = vault.getFileByPath(shared);
    if (!file) throw new Error('fixture missing');
    await vault.process(file, (text) => text.replace('- [ ] Tick off finished steps', '- [x] Tick off finished steps'));
    await app.settle();

    expect(plugin.index.reads).toBe(reads + 1);
    expect(told).toEqual([['Goals/Publish my first novel.md', 'Goals/Run three times a week.md']]);
    const after = new Map(plugin.index.reports().map((r) => [r.path, r]));
    expect(after.get('Goals/Publish my first novel.md')?.progress.done).toBe((before.get('Goals/Publish my first novel.md')?.progress.done ?? 0) + 1);
    // Goals that do not reach the note keep the very same report.
    expect(after.get('Goals/Learn Spanish.md')).toBe(before.get('Goals/Learn Spanish.md'));
    expect(after.get('Goals/Change careers to UX design.md')).toBe(before.get('Goals/Change careers to UX design.md'));
  });

  it('ignores a change to a note no goal reads', async () => {
    const { app, vault, plugin } = await startOver('demo-vault');
    const told: unknown[] = [];
    plugin.index.onChange((g) => told.push(g));
    const reads = plugin.index.reads;
    const file = vault.getFileByPath('Daily/2026-11-24.md');
    if (!file) throw new Error('fixture missing');
    await vault.process(file, (text) => text + '\n- [ ] Call the bank\n');
    await app.settle();
    expect(plugin.index.reads).toBe(reads);
    expect(told).toEqual([]);
  });

  it('follows a link that led nowhere once its note is created, and reads no unrelated new note', async () => {
    const { app, vault, plugin } = await startOver('demo-vault');
    const spanish = 'Goals/Learn Spanish.md';
    expect(plugin.index.report(spanish)?.problems.map((p) => p.code)).toContain('unresolved-link');
    const reads = plugin.index.reads;
    await vault.create('Notes/Unrelated.md', '- [ ] Nothing to do with any goal\n');
    await app.settle();
    expect(plugin.index.reads).toBe(reads);
    await vault.create('People/Spanish tutors.md', '# Spanish tutors\n- [ ] Ask Lucía about her rates\n- [ ] Try the tutor from the library\n');
    await app.settle();
    const report = plugin.index.report(spanish);
    expect(report?.problems.map((p) => p.code)).not.toContain('unresolved-link');
    expect(report?.notes).toContain('People/Spanish tutors.md');
    expect(plugin.index.reads).toBe(reads + 1);
  });

  it('picks up a note that becomes a goal', async () => {
    const { app, vault, plugin } = await startOver('demo-vault');
    await vault.create('Goals/Learn to sail.md', '---\ntype: goal\nstart: 2026-11-01\ntarget: 2027-05-01\n---\n- [ ] Find a sailing school\n');
    await app.settle();
    expect(plugin.index.reports().map((r) => r.path)).toContain('Goals/Learn to sail.md');
  });

  it('keeps the tree right when a linked note is renamed, and again when it is renamed back', async () => {
    const { app, vault, plugin } = await startOver('demo-vault');
    const novel = 'Goals/Publish my first novel.md';
    const outline = 'Goals/Publish my first novel/Outline chapters.md';
    const file = vault.getFileByPath(outline);
    if (!file) throw new Error('fixture missing');
    const total = plugin.index.report(novel)?.progress.total ?? 0;

    await app.fileManager.renameFile(file, 'Goals/Publish my first novel/Chapter outline.md');
    await app.settle();
    let report = plugin.index.report(novel);
    expect(report?.problems.filter((p) => p.code === 'unresolved-link').map((p) => p.message)).toEqual(['The link "Outline chapters" leads to no note.']);
    expect(report?.progress.total).toBeLessThan(total);
    expect(plugin.index.heldPaths()).not.toContain(outline);

    await app.fileManager.renameFile(file, outline);
    await app.settle();
    report = plugin.index.report(novel);
    expect(report?.problems.some((p) => p.code === 'unresolved-link')).toBe(false);
    expect(report?.progress.total).toBe(total);
  });

  it('keeps the tree right when a linked note is deleted', async () => {
    const { app, vault, plugin } = await startOver('demo-vault');
    const novel = 'Goals/Publish my first novel.md';
    const file = vault.getFileByPath('Goals/Publish my first novel/Find beta readers.md');
    if (!file) throw new Error('fixture missing');
    await app.fileManager.trashFile(file);
    await app.settle();
    const report = plugin.index.report(novel);
    expect(report?.problems.filter((p) => p.code === 'unresolved-link')).toHaveLength(1);
    expect(plugin.index.heldPaths()).not.toContain('Goals/Publish my first novel/Find beta readers.md');
    expect({ today: TODAY, goals: plugin.index.reports().map(goalJson) }.goals.map((g) => g.path)).toHaveLength(4);
  });
});

describe('changes while the index is being built', () => {
  it('applies them once the build is done: a deleted note is gone, a changed one is current', async () => {
    const app = createTestApp(InMemoryVault.fromFolder(join(ROOT, 'demo-vault')));
    await app.settle();
    // A build that yields after every note, and that waits for the test once every note is
    // read (while it computes the goals), so the changes below come after the reads.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let gated = false;
    const index: LiveIndex = new LiveIndex(
      app,
      engineOptions(migrate({})),
      () => {
        if (gated || index.reads < 10) return Promise.resolve();
        gated = true;
        return gate;
      },
      0,
    );
    const building = index.start();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(gated).toBe(true);
    expect(index.isReady()).toBe(false);

    const beta = app.vault.getFileByPath('Goals/Publish my first novel/Find beta readers.md');
    const checklist = app.vault.getFileByPath('Checklists/Weekly review.md');
    if (!beta || !checklist) throw new Error('fixture missing');
    await app.fileManager.trashFile(beta);
    await app.vault.process(checklist, (text) => text.replace(/- \[ \]/g, '- [x]'));
    await app.settle();
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    release();
    await building;
    await app.settle();
    errors.mockRestore();

    expect(index.heldPaths()).not.toContain('Goals/Publish my first novel/Find beta readers.md');
    const novel = index.report('Goals/Publish my first novel.md');
    expect(novel?.problems.filter((p) => p.code === 'unresolved-link').map((p) => p.message)).toEqual(['The link "Find beta readers" leads to no note.']);
    // The same as building from the vault as it is now.
    const fresh = new LiveIndex(app, engineOptions(migrate({})));
    await fresh.start();
    expect(index.reports().map(goalJson)).toEqual(fresh.reports().map(goalJson));
    index.stop();
    fresh.stop();
  });
});

describe('lifecycle', () => {
  it('registers every command of the specification, with no default hotkeys', async () => {
    const { plugin } = await startOver('demo-vault');
    const commands = pluginRecord(plugin).commands;
    expect(commands.map((c) => c.id).sort()).toEqual(COMMANDS.map((c) => `action-plan:${c.id}`).sort());
    expect(COMMANDS.map((c) => c.id).sort()).toEqual(
      ['open-plan-view', 'new-goal', 'add-step', 'break-down-step', 'extract-step-to-note', 'toggle-step', 'postpone-step', 'reschedule-overdue', 'add-checkpoint', 'record-checkpoint', 'set-goal-status', 'pivot-goal', 'next-action', 'copy-plan-summary', 'remove-progress-keys', 'open-timeline'].sort(),
    );
    for (const c of commands) expect(c.hotkeys ?? []).toEqual([]);
    for (const c of COMMANDS) expect(c.name).toMatch(/^[A-Z][a-z -]+$/);
  });

  it('leaves no listener behind after unload', async () => {
    const app = createTestApp(InMemoryVault.fromFolder(join(ROOT, 'demo-vault')));
    const quiet = app.listenerCounts();
    const plugin = await startPlugin(ActionPlanPlugin, app);
    app.workspace.setLayoutReady();
    await app.settle();
    await plugin.index.whenBuilt();
    expect(app.listenerCounts()).not.toEqual(quiet);
    await stopPlugin(plugin);
    expect(app.listenerCounts()).toEqual(quiet);
  });

  it('re-indexes when goal recognition changes, and reloads settings changed outside', async () => {
    const { app, plugin } = await startOver('demo-vault');
    expect(plugin.index.reports().map((r) => r.title)).toContain('Run three times a week');
    const previous = { ...plugin.settings };
    plugin.settings.goalTag = '';
    await plugin.saveSettings(previous);
    await plugin.index.whenBuilt();
    expect(plugin.index.reports().map((r) => r.title)).not.toContain('Run three times a week');

    app.pluginData.set('action-plan', JSON.stringify({ version: 1, goalTag: 'goal', tolerance: 20 }));
    await plugin.onExternalSettingsChange();
    await plugin.index.whenBuilt();
    expect(plugin.settings.tolerance).toBe(20);
    expect(plugin.index.reports().map((r) => r.title)).toContain('Run three times a week');
  });

  it('migrates old saved settings on load and keeps unknown keys', async () => {
    const { plugin } = await startOver('demo-vault', { helpTag: 'help', tolerance: 0.1, fromTheFuture: 1 });
    expect(plugin.settings).toMatchObject({ version: 1, helpTag: '#help', tolerance: 10, fromTheFuture: 1 });
  });
});
