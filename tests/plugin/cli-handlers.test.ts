/**
 * `action-plan:report` and `action-plan:check` on Obsidian's command line, run in the test host
 * as the app runs a registered handler, against the standalone command line over the same notes.
 */
import { join } from 'node:path';
import ActionPlanPlugin from '../../src/main';
import { createTestApp, InMemoryVault, playApiVersion, pluginRecord, startPlugin, type TestApp } from '../host';
import { cli, removeVaults, vault as diskVault } from '../robust/cli-helpers';
import { freezeToday, ROOT, startOver, startWith, TODAY } from './helpers';

beforeEach(() => freezeToday());
afterEach(() => jest.useRealTimers());
afterAll(removeVaults);

/** Runs a handler as Obsidian's command line does: flags as strings, `'true'` for a bare one. */
function obsidianCli(app: TestApp, command: string, params: Record<string, string>): Promise<string> {
  const entry = app.cliHandlers.get(command);
  if (entry === undefined) throw new Error(`no handler ${command}`);
  return Promise.resolve(entry.handler(params));
}

describe.each(['demo-vault', 'tests/fixtures/plan'])('over %s', (folder) => {
  const dir = join(ROOT, folder);

  it('report prints what `action-plan report` prints, as text and as JSON', async () => {
    const { app } = await startOver(folder);
    const text = cli(['report', dir, '--today', TODAY]);
    expect(text.code).toBe(0);
    expect(await obsidianCli(app, 'action-plan:report', { today: TODAY })).toBe(text.out);
    expect(await obsidianCli(app, 'action-plan:report', { today: TODAY, json: 'true' })).toBe(cli(['report', dir, '--today', TODAY, '--json']).out);
  });

  it('check prints what `action-plan check` prints, then says whether it found errors', async () => {
    const { app } = await startOver(folder);
    const standalone = cli(['check', dir, '--today', TODAY]);
    const errors = Number(/(\d+) errors,/.exec(standalone.out)?.[1]);
    expect(standalone.code).toBe(errors > 0 ? 1 : 0);
    const words = errors === 0 ? 'No errors found.' : `Errors found: ${errors} error${errors === 1 ? '' : 's'} (the standalone command line exits 1).`;
    expect(await obsidianCli(app, 'action-plan:check', { today: TODAY })).toBe(`${standalone.out}${words}\n`);
    expect(await obsidianCli(app, 'action-plan:check', { today: TODAY, json: 'true' })).toBe(cli(['check', dir, '--today', TODAY, '--json']).out);
  });
});

describe('the handlers', () => {
  it('report goal=NAME is --goal NAME, and a name that matches nothing says so with the nearest titles', async () => {
    const { app } = await startOver('tests/fixtures/plan');
    const dir = join(ROOT, 'tests/fixtures/plan');
    expect(await obsidianCli(app, 'action-plan:report', { today: TODAY, goal: 'launch podcast' })).toBe(cli(['report', dir, '--today', TODAY, '--goal', 'launch podcast']).out);
    const missing = cli(['report', dir, '--today', TODAY, '--goal', 'Launch a podcas']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('action-plan: no goal "Launch a podcas"; did you mean: Launch a podcast?\n');
    expect(await obsidianCli(app, 'action-plan:report', { today: TODAY, goal: 'Launch a podcas' })).toBe('no goal "Launch a podcas"; did you mean: Launch a podcast?\n');
  });

  it('check says in words that it found errors where the standalone command exits 1', async () => {
    const notes = { 'Broken.md': '---\ntype: goal\nstart: 2026-01-01\ntarget: 2026-02-30\n---\n- [ ] step\n' };
    const { app } = await startWith(InMemoryVault.fromRecord(notes));
    const standalone = cli(['check', diskVault(notes), '--today', TODAY]);
    expect(standalone.code).toBe(1);
    expect(await obsidianCli(app, 'action-plan:check', { today: TODAY })).toBe(standalone.out + 'Errors found: 1 error (the standalone command line exits 1).\n');
  });

  it('reads the text of an open editor that is not saved yet', async () => {
    const { app, vault } = await startOver('tests/fixtures/plan');
    const view = await app.workspace.openNote('Launch podcast.md');
    const edited = view.editor.getValue().replace('- [ ] Record the pilot', '- [x] Record the pilot ✅ 2026-11-25');
    view.editor.setValue(edited);
    const notes = { ...vault.snapshot(), 'Launch podcast.md': edited };
    expect(vault.snapshot()['Launch podcast.md']).not.toBe(edited);
    const expected = cli(['report', diskVault(notes), '--today', TODAY, '--json']).out;
    expect(await obsidianCli(app, 'action-plan:report', { today: TODAY, json: 'true' })).toBe(expected);
  });

  it('wait for the first index before answering', async () => {
    const app = createTestApp(InMemoryVault.fromFolder(join(ROOT, 'tests/fixtures/plan')));
    await startPlugin(ActionPlanPlugin, app);
    let answer: string | null = null;
    void obsidianCli(app, 'action-plan:report', { today: TODAY, json: 'true' }).then((a) => (answer = a));
    await app.settle();
    expect(answer).toBeNull();
    app.workspace.setLayoutReady();
    await app.settle();
    expect(answer).toBe(cli(['report', join(ROOT, 'tests/fixtures/plan'), '--today', TODAY, '--json']).out);
  });

  it('today that is not a date is refused in a line', async () => {
    const { app } = await startOver('tests/fixtures/plan');
    expect(await obsidianCli(app, 'action-plan:check', { today: '2026-02-30' })).toBe('today wants a date as YYYY-MM-DD, not "2026-02-30"\n');
  });

  it('are not registered on an app older than 1.12.2, which still loads the plugin', async () => {
    playApiVersion('1.12.1');
    const { app, plugin } = await startOver('tests/fixtures/plan');
    expect(pluginRecord(plugin).cliHandlers.size).toBe(0);
    expect(app.cliHandlers.size).toBe(0);
    expect(plugin.index.isReady()).toBe(true);
  });
});
