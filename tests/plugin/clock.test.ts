/**
 * "Today" has one home: the plugin's clock. When the date changes (midnight, or the device
 * waking up on a later day) every goal is computed again and listeners are told, without any
 * note changing. Fake timers drive the date and the clock's minute check.
 */
import ActionPlanPlugin from '../../src/main';
import { formatDay } from '../../src/engine/days/dates';
import { createTestApp, startPlugin, stopPlugin, type TestApp } from '../host';

const GOAL = 'Goal.md';
const NOTES = {
  [GOAL]: ['---', 'type: goal', 'start: 2026-11-01', 'target: 2026-12-31', '---', '# Goal', '', '- [ ] Send the letter 📅 2026-11-25', '- [ ] Call the bank 📅 2026-11-27', ''].join('\n'),
  'Other goal.md': '---\ntype: goal\n---\n# Other\n\n- [ ] Something\n',
};

/** Fakes the date and intervals; the index's yields and the host's own waiting stay real. */
function fakeTime(iso: string): void {
  jest.useFakeTimers({ now: new Date(iso), doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'performance'] });
}

afterEach(() => jest.useRealTimers());

async function start(): Promise<{ app: TestApp; plugin: ActionPlanPlugin; told: string[][] }> {
  const app = createTestApp(NOTES);
  app.workspace.setLayoutReady();
  const plugin = await startPlugin(ActionPlanPlugin, app);
  await app.settle();
  await plugin.index.whenBuilt();
  const told: string[][] = [];
  plugin.index.onChange((goals) => told.push([...goals].sort()));
  return { app, plugin, told };
}

function overdue(plugin: ActionPlanPlugin): string[] {
  return (plugin.index.report(GOAL)?.overdue ?? []).map((s) => s.text);
}

describe('a new day', () => {
  it('at midnight, every goal is computed again within a minute and listeners are told', async () => {
    fakeTime('2026-11-25T23:58:30');
    const { app, plugin, told } = await start();
    expect(overdue(plugin)).toEqual([]);
    jest.advanceTimersByTime(60_000); // 23:59:30, the same day
    await app.settle();
    expect(told).toEqual([]);
    jest.advanceTimersByTime(60_000); // 00:00:30
    await app.settle();
    expect(told).toEqual([[GOAL, 'Other goal.md']]);
    expect(formatDay(plugin.clock.today())).toBe('2026-11-26');
    expect(overdue(plugin)).toEqual(['Send the letter']);
    // Told once for the day, not at every check.
    jest.advanceTimersByTime(5 * 60_000);
    await app.settle();
    expect(told).toHaveLength(1);
  });

  it('on waking: the window regaining focus or the document becoming visible looks at the date at once', async () => {
    fakeTime('2026-11-25T22:00:00');
    const { app, plugin, told } = await start();
    // Asleep for two days: no interval ran.
    jest.setSystemTime(new Date('2026-11-27T08:00:00'));
    window.dispatchEvent(new Event('focus'));
    await app.settle();
    expect(told).toEqual([[GOAL, 'Other goal.md']]);
    expect(overdue(plugin)).toEqual(['Send the letter']);

    jest.setSystemTime(new Date('2026-11-28T08:00:00'));
    document.dispatchEvent(new Event('visibilitychange'));
    await app.settle();
    expect(told).toHaveLength(2);
    expect(overdue(plugin)).toEqual(['Send the letter', 'Call the bank']);
  });

  it('the index asks the clock, not the system date, for today', async () => {
    fakeTime('2026-11-25T12:00:00');
    const { plugin } = await start();
    expect(plugin.index.clock).toBe(plugin.clock);
    expect(plugin.index.reports().map((r) => r.path)).toEqual([GOAL, 'Other goal.md']);
  });

  it('after unload, nothing looks at the date any more', async () => {
    fakeTime('2026-11-25T23:59:00');
    const { app, plugin } = await start();
    let days = 0;
    plugin.clock.onNewDay(() => days++);
    const timers = jest.getTimerCount();
    await stopPlugin(plugin);
    expect(jest.getTimerCount()).toBe(timers - 1);
    jest.advanceTimersByTime(5 * 60_000);
    window.dispatchEvent(new Event('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
    await app.settle();
    expect(days).toBe(0);
  });
});
