/** The settings tab, driven as a person would, in the test host. */
import { Setting, pluginRecord, type ButtonComponent, type ToggleComponent, type TextComponent } from '../host';
import { freezeToday, startOver } from '../plugin/helpers';

beforeEach(() => {
  freezeToday();
  Setting.clear();
});
afterEach(() => jest.useRealTimers());

function row(name: string): Setting {
  const found = Setting.all.filter((s) => s.name === name);
  expect(found).toHaveLength(1);
  return found[0] as Setting;
}

describe('the settings tab', () => {
  it('groups settings under headings made with setHeading, in sentence case, without the word "settings"', async () => {
    const { plugin } = await startOver('demo-vault');
    const tab = pluginRecord(plugin).settingTabs[0];
    if (!tab) throw new Error('no settings tab');
    tab.display();
    const headings = Setting.all.filter((s) => s.isHeading).map((s) => s.name);
    expect(headings).toEqual(['Goal notes', 'Steps', 'Schedule', 'Sidebar', 'Other plugins']);
    for (const s of Setting.all) {
      expect(s.name).toMatch(/^[A-Z0-9][^A-Z]*$/);
      expect(s.name.toLowerCase()).not.toContain('settings');
    }
  });

  it('saves a change at once and re-reads the vault when goal recognition changes', async () => {
    const { app, plugin } = await startOver('demo-vault');
    const tab = pluginRecord(plugin).settingTabs[0];
    if (!tab) throw new Error('no settings tab');
    tab.display();

    await (row('Record the done date').controls[0]?.component as ToggleComponent).click();
    expect(plugin.settings.recordDoneDate).toBe(false);
    expect(JSON.parse(app.pluginData.get('action-plan') ?? '{}')).toMatchObject({ recordDoneDate: false, version: 1 });

    expect(plugin.index.reports()).toHaveLength(4);
    (row('Goals folder').controls[0]?.component as TextComponent).input('Daily');
    // Closing the settings saves what was typed at once.
    tab.hide();
    await app.settle();
    await plugin.index.whenBuilt();
    // The daily notes are now goals too.
    expect(plugin.index.reports().length).toBeGreaterThan(4);
    expect(plugin.settings.goalFolder).toBe('Daily');
  });

  it('re-reads the vault once the person stops typing, not at every key', async () => {
    const { plugin } = await startOver('demo-vault');
    const tab = pluginRecord(plugin).settingTabs[0];
    if (!tab) throw new Error('no settings tab');
    tab.display();
    // From here the debounce runs on fake timers (the build's yields too, so they are advanced below).
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00'), doNotFake: ['setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'performance'] });
    const rebuild = jest.spyOn(plugin.index, 'rebuild');
    const saves = pluginRecord(plugin).saves;
    const field = row('Goals folder').controls[0]?.component as TextComponent;
    for (const typed of ['D', 'Da', 'Dai', 'Dail', 'Daily']) {
      field.input(typed);
      await jest.advanceTimersByTimeAsync(200);
    }
    expect(plugin.settings.goalFolder).toBe('Daily');
    expect(rebuild).not.toHaveBeenCalled();
    expect(pluginRecord(plugin).saves).toBe(saves);

    await jest.advanceTimersByTimeAsync(300);
    expect(rebuild).toHaveBeenCalledTimes(1);
    expect(pluginRecord(plugin).saves).toBe(saves + 1);
    let built = false;
    void plugin.index.whenBuilt().then(() => (built = true));
    for (let i = 0; i < 1000 && !built; i++) await jest.advanceTimersByTimeAsync(10);
    expect(plugin.index.reports().length).toBeGreaterThan(4);
    await jest.advanceTimersByTimeAsync(5000);
    expect(rebuild).toHaveBeenCalledTimes(1);
  });

  it('a toggle clicked while typing saves both at once, against the settings before the typing', async () => {
    const { plugin } = await startOver('demo-vault');
    const tab = pluginRecord(plugin).settingTabs[0];
    if (!tab) throw new Error('no settings tab');
    tab.display();
    const rebuild = jest.spyOn(plugin.index, 'rebuild');
    (row('Goal tag').controls[0]?.component as TextComponent).input('');
    await (row('Show done steps').controls[0]?.component as ToggleComponent).click();
    expect(rebuild).toHaveBeenCalledTimes(1);
    await plugin.index.whenBuilt();
    expect(plugin.index.reports().map((r) => r.title)).not.toContain('Run three times a week');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(rebuild).toHaveBeenCalledTimes(1);
  });

  it('turns the progress keys on and off, and offers to remove them while they are off', async () => {
    const { app, plugin, vault } = await startOver('demo-vault');
    const tab = pluginRecord(plugin).settingTabs[0];
    if (!tab) throw new Error('no settings tab');
    const goal = 'Goals/Learn Spanish.md';
    const before = vault.textAt(goal) ?? '';
    tab.display();
    expect(row('Progress in frontmatter').desc).toMatch(/^Writes plan-progress \(percent done\), plan-health and plan-next \(the next action\) into each goal's frontmatter/);
    await (row('Progress in frontmatter').controls[0]?.component as ToggleComponent).click();
    await app.settle();
    expect(plugin.settings.progressKeys).toBe(true);
    expect(vault.textAt(goal)).toContain(`plan-progress: ${plugin.index.report(goal)?.progress.percent}`);
    await (row('Progress in frontmatter').controls[0]?.component as ToggleComponent).click();
    expect(plugin.settings.progressKeys).toBe(false);
    await (row('Remove progress keys').controls[0]?.component as ButtonComponent).click();
    await app.settle();
    expect(vault.textAt(goal)).toBe(before);
  });
});
