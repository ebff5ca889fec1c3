/** The settings tab, driven as a person would, in the test host. */
import { Setting, pluginRecord, type ToggleComponent, type TextComponent } from '../host';
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
    expect(headings).toEqual(['Goal notes', 'Steps', 'Schedule', 'Sidebar']);
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
    await (row('Goals folder').controls[0]?.component as TextComponent).input('Daily');
    await plugin.index.whenBuilt();
    // The daily notes are now goals too.
    expect(plugin.index.reports().length).toBeGreaterThan(4);
    expect(plugin.settings.goalFolder).toBe('Daily');
  });
});
