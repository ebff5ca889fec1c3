/**
 * `postpone-step`: moves the due date of the step under the cursor by a day, a week, or to a
 * date typed in words (SPEC 2.4).
 */
import { Notice, Setting, type App } from 'obsidian';
import { CommandModal } from './command-modal';
import type { Day } from '../engine/days/dates';
import { postponeStep, type Shift } from '../engine/edit';
import { applyStepEdit } from '../obsidian/note-writer';
import type { ActionPlanSettings } from '../settings/settings';
import { dateField } from './date-field';
import type { CommandSpec } from './spec';
import { say, todayOf } from './step-context';
import { onStep, type StepTarget } from './step-target';

export class PostponeModal extends CommandModal {
  constructor(
    app: App,
    private readonly target: StepTarget,
    private readonly settings: ActionPlanSettings,
    private readonly today: Day,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle('Postpone step');
    const { contentEl } = this;
    new Setting(contentEl).setName(this.target.step.text).setDesc('Move its due date by');
    new Setting(contentEl)
      .setName('Postpone by')
      .addButton((b) => b.setButtonText('One day').onClick(() => void this.move({ by: 1, unit: 'd' })))
      .addButton((b) => b.setButtonText('One week').onClick(() => void this.move({ by: 1, unit: 'w' })));
    const date = dateField(contentEl, { name: 'Or to a date', weekStart: this.settings.weekStart, today: this.today });
    new Setting(contentEl).addButton((b) =>
      b
        .setButtonText('Move')
        .setCta()
        .onClick(() => {
          const day = date.value();
          if (day === null) {
            say('type a date the plugin can read first.');
            return;
          }
          void this.move({ to: day });
        }),
    );
  }

  async move(shift: Shift): Promise<void> {
    this.close();
    const r = await applyStepEdit(this.app, this.target.path, this.target.line, this.target.step.raw, (text, at) =>
      postponeStep(text, at, shift, this.today, this.settings.dateFormat),
    );
    if (r.ok) new Notice(`Action Plan: ${r.message}.`);
  }
}

export const postponeStepCommand: CommandSpec = {
  id: 'postpone-step',
  name: 'Postpone step',
  icon: 'calendar-clock',
  step: true,
  create: (host) => onStep(host, (target) => new PostponeModal(host.app, target, host.settings, todayOf(host)).open()),
};
