/**
 * The API (`app.plugins.plugins['action-plan'].api`, SPEC 7) as another plugin, a DataviewJS
 * block or a Templater script uses it, in the test host: its goals are the command line's JSON
 * for the same vault, copies; `onChange` says which goals changed, once per change.
 */
import { join } from 'node:path';
import ActionPlanPlugin from '../../src/main';
import type { ActionPlanApi } from '../../src/api/types';
import { run } from '../../src/cli/main';
import { createTestApp, InMemoryVault, startPlugin, stopPlugin, type TestApp } from '../host';
import { freezeToday, ROOT, startOver, TODAY } from './helpers';

beforeEach(() => freezeToday());
afterEach(() => jest.useRealTimers());

function cliGoals(folder: string, goal?: string): unknown {
  let out = '';
  const argv = ['report', join(ROOT, folder), '--today', TODAY, '--json', ...(goal === undefined ? [] : ['--goal', goal])];
  expect(run(argv, { out: (t) => (out += t), err: (t) => (out += t), color: false })).toBe(0);
  return (JSON.parse(out) as { goals: unknown[] }).goals;
}

/** The API as a script finds it. */
function apiOf(app: TestApp): ActionPlanApi {
  return (app.plugins.plugins['action-plan'] as { api: ActionPlanApi }).api;
}

describe('the API over the demo vault', () => {
  it('gives every goal as `action-plan report --json` prints it, and one goal as --goal matches it', async () => {
    const { app } = await startOver('demo-vault');
    const api = apiOf(app);
    await api.ready();
    expect(api.version).toBe(1);
    expect(api.goals()).toEqual(cliGoals('demo-vault'));
    const first = api.goals()[0];
    if (first === undefined) throw new Error('no goal');
    expect([api.goal(first.title)]).toEqual(cliGoals('demo-vault', first.title));
    expect(api.goal(first.path.replace(/\.md$/, ''))?.path).toBe(first.path);
    expect(api.goal('No such goal at all')).toBeNull();
  });

  it('gives copies: changing what it returned changes nothing', async () => {
    const { app } = await startOver('demo-vault');
    const api = apiOf(app);
    const before = JSON.stringify(api.goals());
    const goals = api.goals();
    const g = goals[0];
    if (g === undefined) throw new Error('no goal');
    g.title = 'Another title';
    g.progress.percent = -1;
    g.tree.children.length = 0;
    g.checkpoints.push({ date: null, label: null, expect: null, progress: null, feeling: null, state: 'due', onTrack: null });
    goals.length = 0;
    const one = api.goal(api.goals()[0]?.title ?? '');
    if (one !== null) one.overdue.length = 0;
    expect(JSON.stringify(api.goals())).toBe(before);
  });
});

describe('ready, goals before it, and goalsOf', () => {
  it('answers before the index is built without throwing, and resolves ready once it is', async () => {
    const app = createTestApp(InMemoryVault.fromFolder(join(ROOT, 'tests/fixtures/plan')));
    await startPlugin(ActionPlanPlugin, app);
    const api = apiOf(app);
    expect(api.goals()).toEqual([]);
    expect(api.goal('Launch a podcast')).toBeNull();
    expect(api.goalsOf('Steps/Artwork.md')).toEqual([]);
    let ready = false;
    void api.ready().then(() => (ready = true));
    await app.settle();
    expect(ready).toBe(false);
    app.workspace.setLayoutReady();
    await app.settle();
    expect(ready).toBe(true);
    expect(api.goals().map((g) => g.path)).toEqual(['Launch podcast.md', 'Read more.md']);
  });

  it('goalsOf gives the goals whose plan reads a note, the goal note itself included', async () => {
    const { app } = await startOver('tests/fixtures/plan');
    const api = apiOf(app);
    expect(api.goalsOf('Steps/Artwork.md')).toEqual(['Launch podcast.md']);
    expect(api.goalsOf('Launch podcast.md')).toEqual(['Launch podcast.md']);
    expect(api.goalsOf('Ordinary note.md')).toEqual([]);
  });
});

describe('onChange', () => {
  it('is called once per change with the sorted paths of the goals it touched', async () => {
    const { app, vault } = await startOver('tests/fixtures/plan');
    const api = apiOf(app);
    const calls: string[][] = [];
    const stop = api.onChange((paths) => calls.push(paths));
    const artwork = vault.getFileByPath('Steps/Artwork.md');
    if (artwork === null) throw new Error('no note');
    await vault.process(artwork, (t) => t.replace('- [ ]', '- [x]'));
    await app.settle();
    expect(calls).toEqual([['Launch podcast.md']]);
    stop();
    await vault.process(artwork, (t) => t + '\n- [ ] one more\n');
    await app.settle();
    expect(calls).toHaveLength(1);
  });

  it('gives both paths for a renamed goal and the path of a goal deleted or no longer a goal', async () => {
    const { app, vault } = await startOver('tests/fixtures/plan');
    const api = apiOf(app);
    const calls: string[][] = [];
    api.onChange((paths) => calls.push(paths));
    const read = vault.getFileByPath('Read more.md');
    if (read === null) throw new Error('no note');
    await vault.rename(read, 'Books/Read more.md');
    await app.settle();
    expect(calls).toEqual([['Books/Read more.md', 'Read more.md']]);
    calls.length = 0;
    await vault.process(read, (t) => t.replace('tags: [goal, reading]', 'tags: [reading]'));
    await app.settle();
    expect(calls).toEqual([['Books/Read more.md']]);
    expect(api.goals().map((g) => g.path)).toEqual(['Launch podcast.md']);
  });

  it('a listener that throws does not stop the others', async () => {
    const { app, vault } = await startOver('tests/fixtures/plan');
    const api = apiOf(app);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const heard: string[][] = [];
    api.onChange(() => {
      throw new Error('a broken listener');
    });
    api.onChange((paths) => heard.push(paths));
    const goal = vault.getFileByPath('Launch podcast.md');
    if (goal === null) throw new Error('no note');
    await vault.process(goal, (t) => t.replace('- [ ] Record the pilot', '- [x] Record the pilot'));
    await app.settle();
    expect(heard).toEqual([['Launch podcast.md']]);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('is called once when the first index is ready, and with every goal after a settings change', async () => {
    const app = createTestApp(InMemoryVault.fromFolder(join(ROOT, 'tests/fixtures/plan')));
    const plugin = await startPlugin(ActionPlanPlugin, app);
    const calls: string[][] = [];
    apiOf(app).onChange((paths) => calls.push(paths));
    app.workspace.setLayoutReady();
    await app.settle();
    expect(calls).toEqual([['Launch podcast.md', 'Read more.md']]);
    const previous = { ...plugin.settings };
    plugin.settings = { ...plugin.settings, tolerance: plugin.settings.tolerance + 5 };
    await plugin.saveSettings(previous);
    await app.settle();
    expect(calls).toEqual([
      ['Launch podcast.md', 'Read more.md'],
      ['Launch podcast.md', 'Read more.md'],
    ]);
  });
});

describe('after the plugin unloads', () => {
  it('answers empty and drops its listeners', async () => {
    const { app, vault, plugin } = await startOver('tests/fixtures/plan');
    const api = apiOf(app);
    const calls: string[][] = [];
    api.onChange((paths) => calls.push(paths));
    await stopPlugin(plugin);
    expect(api.goals()).toEqual([]);
    expect(api.goal('Launch a podcast')).toBeNull();
    expect(api.goalsOf('Launch podcast.md')).toEqual([]);
    await expect(api.ready()).resolves.toBeUndefined();
    const goal = vault.getFileByPath('Launch podcast.md');
    if (goal === null) throw new Error('no note');
    await vault.process(goal, (t) => t.replace('- [ ] Record the pilot', '- [x] Record the pilot'));
    await app.settle();
    expect(calls).toEqual([]);
  });
});

describe('at midnight', () => {
  it('calls the listeners with every goal, their overdue steps computed for the new day', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-25T23:59:30'), doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'performance'] });
    const notes = { 'Goal.md': '---\ntype: goal\n---\n- [ ] Send the letter 📅 2026-11-25\n', 'Other.md': '---\ntype: goal\n---\n- [ ] Something\n' };
    const app = createTestApp(notes);
    app.workspace.setLayoutReady();
    await startPlugin(ActionPlanPlugin, app);
    await app.settle();
    const api = apiOf(app);
    await api.ready();
    expect(api.goal('Goal')?.overdue).toEqual([]);
    const calls: string[][] = [];
    api.onChange((paths) => calls.push(paths));
    jest.advanceTimersByTime(60_000);
    await app.settle();
    expect(calls).toEqual([['Goal.md', 'Other.md']]);
    expect(api.goal('Goal')?.overdue.map((s) => s.text)).toEqual(['Send the letter']);
  });
});
