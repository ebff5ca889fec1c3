/** The settings tab (SPEC 5), in Obsidian's UI text style: sentence case, headings via setHeading. */
import { Notice, PluginSettingTab, Setting, debounce, type App, type Plugin } from 'obsidian';
import type { ActionPlanSettings } from './settings';
import { folderPath } from '../engine/read/text';

export interface SettingsHost extends Plugin {
  settings: ActionPlanSettings;
  saveSettings(previous: ActionPlanSettings): Promise<void>;
  /** Takes the progress keys out of every goal's frontmatter; how many notes changed. */
  removeProgressKeys(): Promise<number>;
}

/** How long typing pauses before it is saved: re-reading the vault at every key would be wasted. */
const TYPING_PAUSE_MS = 500;

const DAY_LABELS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export class ActionPlanSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    private readonly host: SettingsHost,
  ) {
    super(app, host);
  }

  /** The settings before the first key of the typing not saved yet, or null. */
  private typingFrom: ActionPlanSettings | null = null;
  /** Typing is saved (and the vault re-read, if goals read differently) once it stops. */
  private readonly saveTyping = debounce(() => void this.saveNow(), TYPING_PAUSE_MS, true);

  /** A change from a toggle, a dropdown or a slider: saved at once. */
  private change(change: (s: ActionPlanSettings) => void): Promise<void> {
    const previous = this.typingFrom ?? { ...this.host.settings };
    change(this.host.settings);
    return this.saveNow(previous);
  }

  /** A key typed in a text field: the setting changes now, the save waits for a pause. */
  private typed(change: (s: ActionPlanSettings) => void): void {
    this.typingFrom ??= { ...this.host.settings };
    change(this.host.settings);
    this.saveTyping();
  }

  private saveNow(previous = this.typingFrom): Promise<void> {
    this.saveTyping.cancel();
    this.typingFrom = null;
    return previous === null ? Promise.resolve() : this.host.saveSettings(previous);
  }

  /** Closing the settings saves what was typed without waiting. */
  override hide(): void {
    void this.saveNow();
  }

  override display(): void {
    const { containerEl } = this;
    containerEl.empty();
    const s = this.host.settings;

    new Setting(containerEl).setName('Goal notes').setHeading();
    new Setting(containerEl)
      .setName('Frontmatter key and value')
      .setDesc('A note whose frontmatter has this key with this value is a goal note.')
      .addText((t) => t.setValue(s.goalKey).onChange((v) => this.typed((x) => (x.goalKey = v.trim() || 'type'))))
      .addText((t) => t.setValue(s.goalValue).onChange((v) => this.typed((x) => (x.goalValue = v.trim() || 'goal'))));
    new Setting(containerEl)
      .setName('Goal tag')
      .setDesc('A note tagged with this tag in its frontmatter is a goal note. Leave empty to turn off.')
      .addText((t) => t.setValue(s.goalTag).onChange((v) => this.typed((x) => (x.goalTag = v.trim().replace(/^#/, '')))));
    new Setting(containerEl)
      .setName('Goals folder')
      .setDesc('Every note in this folder is a goal note. Leave empty to turn off.')
      .addText((t) => t.setValue(s.goalFolder).onChange((v) => this.typed((x) => (x.goalFolder = folderPath(v)))));

    new Setting(containerEl).setName('Steps').setHeading();
    new Setting(containerEl)
      .setName('Date format')
      .setDesc('How new dates are written. Dates already in a note keep their format.')
      .addDropdown((d) =>
        d
          .addOption('tasks', 'Tasks emoji (📅 2026-12-01)')
          .addOption('dataview', 'Dataview fields ([due:: 2026-12-01])')
          .setValue(s.dateFormat)
          .onChange((v) => this.change((x) => (x.dateFormat = v === 'dataview' ? 'dataview' : 'tasks'))),
      );
    new Setting(containerEl)
      .setName('Record the done date')
      .setDesc('Add the date when a step is ticked, and remove it when it is unticked.')
      .addToggle((t) => t.setValue(s.recordDoneDate).onChange((v) => this.change((x) => (x.recordDoneDate = v))));
    new Setting(containerEl)
      .setName('Help tag')
      .setDesc('Steps with this tag need outside help.')
      .addText((t) => t.setValue(s.helpTag).onChange((v) => this.typed((x) => (x.helpTag = v.trim() === '' ? '#help' : v.trim().startsWith('#') ? v.trim() : '#' + v.trim()))));
    new Setting(containerEl)
      .setName('Action-step notes folder')
      .setDesc('Where extracted action-step notes go. Leave empty for a folder named after the goal, beside it.')
      .addText((t) => t.setValue(s.actionFolder).onChange((v) => this.typed((x) => (x.actionFolder = folderPath(v)))));
    new Setting(containerEl)
      .setName('Goal template')
      .setDesc('A note to use as the template of new goals. Leave empty for the built-in template.')
      .addText((t) => t.setValue(s.templatePath).onChange((v) => this.typed((x) => (x.templatePath = v.trim()))));

    new Setting(containerEl).setName('Schedule').setHeading();
    for (let d = 0; d < 7; d++) {
      new Setting(containerEl).setName(DAY_LABELS[d] ?? '').setDesc(d === 1 ? 'Working days: due dates are laid out over these.' : '').addToggle((t) =>
        t.setValue(s.workingDays.includes(d)).onChange((on) => {
          if (!on && s.workingDays.length === 1 && s.workingDays[0] === d) {
            // Due dates are laid out over working days: without one there is nowhere to put them.
            t.setValue(true);
            new Notice('At least one working day stays on: due dates are laid out over working days.');
            return;
          }
          return this.change((x) => {
            const set = new Set(x.workingDays);
            if (on) set.add(d);
            else set.delete(d);
            x.workingDays = [...set].sort((a, b) => a - b);
          });
        }),
      );
    }
    new Setting(containerEl)
      .setName('Week starts on')
      .addDropdown((dd) =>
        dd
          .addOption('1', 'Monday')
          .addOption('0', 'Sunday')
          .addOption('6', 'Saturday')
          .setValue(String(s.weekStart))
          .onChange((v) => this.change((x) => (x.weekStart = Number(v)))),
      );
    new Setting(containerEl)
      .setName('Tolerance')
      .setDesc('Points around the expected progress within which a goal is on track.')
      .addSlider((sl) => sl.setLimits(0, 30, 1).setValue(s.tolerance).onChange((v) => this.change((x) => (x.tolerance = v))));

    new Setting(containerEl).setName('Sidebar').setHeading();
    new Setting(containerEl)
      .setName('Show done steps')
      .addToggle((t) => t.setValue(s.showDoneSteps).onChange((v) => this.change((x) => (x.showDoneSteps = v))));
    new Setting(containerEl)
      .setName('Next actions shown')
      .addSlider((sl) => sl.setLimits(1, 20, 1).setValue(s.nextActionsCount).onChange((v) => this.change((x) => (x.nextActionsCount = v))));
    this.displayProgressKeys(containerEl, s);
  }

  /** The opt-in frontmatter keys; while they are off, a button offers to remove them. */
  private displayProgressKeys(containerEl: HTMLElement, s: ActionPlanSettings): void {
    new Setting(containerEl).setName('Other plugins').setHeading();
    const toggle = new Setting(containerEl)
      .setName('Progress in frontmatter')
      .setDesc("Writes plan-progress (percent done), plan-health and plan-next (the next action) into each goal's frontmatter whenever they change, so that bases and queries can sort and filter goals by them.");
    const remove = new Setting(containerEl)
      .setName('Remove progress keys')
      .setDesc('Nothing more is written. Take plan-progress, plan-health and plan-next out of every goal note.')
      .addButton((b) => b.setButtonText('Remove').onClick(() => void this.host.removeProgressKeys()));
    remove.settingEl.toggle(!s.progressKeys);
    toggle.addToggle((t) =>
      t.setValue(s.progressKeys).onChange(async (v) => {
        await this.change((x) => (x.progressKeys = v));
        remove.settingEl.toggle(!v);
      }),
    );
  }
}
