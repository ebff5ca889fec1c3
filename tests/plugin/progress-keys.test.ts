/**
 * Progress that Bases can read (SPEC 7): `plan-progress`, `plan-health` and `plan-next` in each
 * goal's frontmatter when the setting is on, as line edits that touch no other byte, written only
 * when a value changes, at most every 5 s per note, never while the note's editor is in use, and
 * nothing at all once the setting is off.
 */
import { NO_PROGRESS_KEYS, progressValues, writeProgressKeys } from '../../src/engine/edit/frontmatter/progress-keys';
import { QUIET_MS, WRITE_GAP_MS } from '../../src/obsidian/progress-keys';
import { InMemoryVault } from '../host';
import { freezeToday, startWith, TODAY } from './helpers';

const GOAL = '---\r\ntype: goal   # a goal\r\nstart: 2026-11-01\r\ntarget: 2026-12-31\r\n---\r\n# Goal\r\n\r\n- [x] First ✅ 2026-11-02\r\n- [ ] Second: the hard one 📅 2026-12-01\r\n- [ ] Third\r\n';
const PLAIN = '# No frontmatter\n- [ ] a step of a goal by folder\n';

describe('writeProgressKeys', () => {
  it('adds the keys as the last frontmatter lines, in the note’s line endings, touching no other byte', () => {
    const r = writeProgressKeys(GOAL, progressValues(50, 'behind', 'Second: the hard one'));
    expect(r.ok && r.text).toBe(GOAL.replace('target: 2026-12-31\r\n', 'target: 2026-12-31\r\nplan-progress: 50\r\nplan-health: behind\r\nplan-next: "Second: the hard one"\r\n'));
  });

  it('replaces a changed value where it stands, keeps its comment, leaves equal values alone and removes plan-next when there is none', () => {
    const before = '---\ntype: goal\nplan-health: behind # from Action Plan\nplan-progress: 50\nplan-next: Third\ntags: [a]\n---\nbody\n';
    const r = writeProgressKeys(before, progressValues(50, 'on-track', null));
    expect(r.ok && r.text).toBe('---\ntype: goal\nplan-health: on-track # from Action Plan\nplan-progress: 50\ntags: [a]\n---\nbody\n');
    const same = writeProgressKeys(before, progressValues(50, 'behind', 'Third'));
    expect(same).toEqual({ ok: true, text: before, changed: [] });
  });

  it('skips a note without frontmatter and refuses shapes it cannot edit line by line', () => {
    expect(writeProgressKeys(PLAIN, progressValues(0, 'unknown', null)).ok).toBe(false);
    expect(writeProgressKeys('---\ntype: goal\nplan-next: |\n  a\n---\n', progressValues(0, 'unknown', 'b')).ok).toBe(false);
    expect(writeProgressKeys('---\ntype: goal\n---\n', NO_PROGRESS_KEYS)).toEqual({ ok: true, text: '---\ntype: goal\n---\n', changed: [] });
  });
});

const wait = async (app: { settle(): Promise<void> }, ms: number): Promise<void> => {
  jest.advanceTimersByTime(ms);
  await app.settle();
};

describe('the plugin with progress in frontmatter on', () => {
  beforeEach(() => freezeToday());
  afterEach(() => jest.useRealTimers());

  async function started(on = true): Promise<Awaited<ReturnType<typeof startWith>>> {
    const s = await startWith(InMemoryVault.fromRecord({ 'Goal.md': GOAL, 'Goals/Plain.md': PLAIN }), { progressKeys: on, goalFolder: 'Goals' });
    // From here the timers are fake: the waits of 5 and 10 s are run by advancing them. The
    // check planned (on real timers) after the first write is planned again on fake ones.
    jest.useFakeTimers({ now: new Date(`${TODAY}T10:00:00`) });
    s.plugin.progressKeys.cancel();
    s.plugin.progressKeys.requestAll();
    return s;
  }

  it('writes each goal’s keys once the index is built, skipping a goal without frontmatter', async () => {
    const { vault, plugin } = await started();
    const r = plugin.index.report('Goal.md');
    expect(vault.textAt('Goal.md')).toBe(
      GOAL.replace('target: 2026-12-31\r\n', `target: 2026-12-31\r\nplan-progress: ${r?.progress.percent}\r\nplan-health: ${r?.health}\r\nplan-next: "Second: the hard one"\r\n`),
    );
    expect(vault.textAt('Goals/Plain.md')).toBe(PLAIN);
  });

  it('writes a changed value at most once every 5 s per note, the last value always, and nothing when nothing changed', async () => {
    const { app, vault, plugin } = await started();
    const modifies = vault.writes.modify;
    const file = vault.getFileByPath('Goal.md');
    if (file === null) throw new Error('no note');
    await vault.process(file, (t) => t.replace('- [ ] Second', '- [x] Second'));
    await app.settle();
    expect(vault.textAt('Goal.md')).toContain('plan-next: "Second: the hard one"');
    await wait(app, WRITE_GAP_MS - 100);
    expect(vault.textAt('Goal.md')).toContain('plan-next: "Second: the hard one"');
    await vault.process(file, (t) => t.replace('- [ ] Third', '- [x] Third'));
    await app.settle();
    await wait(app, 100);
    const text = vault.textAt('Goal.md');
    expect(text).toContain(`plan-progress: 100\r\nplan-health: ${plugin.index.report('Goal.md')?.health ?? ''}\r\n---`);
    expect(text).not.toContain('plan-next');
    expect(vault.writes.modify).toBe(modifies + 3);
    await vault.process(file, (t) => t.replace('# Goal', '# Goal, renamed'));
    await app.settle();
    await wait(app, WRITE_GAP_MS * 3);
    expect(vault.writes.modify).toBe(modifies + 4);
  });

  it('writes nothing into a note whose editor is in use until it has been left alone for 10 s', async () => {
    const { app, vault } = await started();
    const view = await app.workspace.openNote('Goal.md');
    await wait(app, WRITE_GAP_MS);
    view.editor.setValue(view.editor.getValue().replace('- [ ] Second', '- [x] Second'));
    await app.settle();
    await wait(app, QUIET_MS - 1000);
    expect(view.editor.getValue()).toContain('plan-next: "Second: the hard one"');
    await wait(app, 1000);
    expect(view.editor.getValue()).toContain('plan-next: Third');
    await app.settle();
    expect(vault.textAt('Goal.md')).toContain('plan-next: Third\r\n');
  });

  it('writes nothing more once turned off, and the command removes the keys leaving every other byte', async () => {
    const { app, vault, plugin } = await started();
    const previous = { ...plugin.settings };
    plugin.settings.progressKeys = false;
    await plugin.saveSettings(previous);
    const file = vault.getFileByPath('Goal.md');
    if (file === null) throw new Error('no note');
    await vault.process(file, (t) => t.replace('- [ ] Second', '- [x] Second'));
    await app.settle();
    await wait(app, QUIET_MS * 2);
    const kept = vault.textAt('Goal.md');
    expect(kept).toContain('plan-next: "Second: the hard one"');
    await app.commands.run('remove-progress-keys');
    await app.settle();
    expect(vault.textAt('Goal.md')).toBe(GOAL.replace('- [ ] Second', '- [x] Second'));
  });

  it('is off by default: no key is ever written', async () => {
    const { app, vault } = await startWith(InMemoryVault.fromRecord({ 'Goal.md': GOAL }));
    await app.settle();
    expect(vault.textAt('Goal.md')).toBe(GOAL);
  });
});
