/**
 * `add-step`: adds an action step with a due date under the cursor's step (as its last
 * sub-step) or heading (after the heading's own content), in a note a goal reads.
 */
import { Setting, type App, type Editor, type MarkdownFileInfo, type MarkdownView } from 'obsidian';
import { CommandModal } from './command-modal';
import type { Day } from '../engine/days/dates';
import { addStep } from '../engine/edit';
import { applyStepEdit } from '../obsidian/note-writer';
import type { ActionPlanSettings } from '../settings/settings';
import { dateField } from './date-field';
import type { CommandHost, CommandSpec } from './spec';
import { say, todayOf } from './step-context';
import { onCursorLine, planNoteInEditor } from './step-target';

interface AddTarget {
  path: string;
  line: number;
  /** The line as the plan read it. */
  raw: string;
}

/** The step or heading on the cursor's line, in a note some goal's plan reads. */
function addTarget(host: CommandHost, editor: Editor, ctx: MarkdownView | MarkdownFileInfo): AddTarget | null {
  const path = planNoteInEditor(host.index, editor, ctx);
  if (path === null) return null;
  const line = editor.getCursor().line;
  const step = host.index.stepAt(path, line);
  if (step !== null) return { path, line, raw: step.raw };
  const heading = host.index.note(path)?.headings.some((h) => h.line === line) === true;
  return heading ? { path, line, raw: editor.getLine(line) } : null;
}

export class AddStepModal extends CommandModal {
  constructor(
    app: App,
    private readonly target: AddTarget,
    private readonly settings: ActionPlanSettings,
    private readonly today: Day,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle('Add step');
    let title = '';
    new Setting(this.contentEl).setName('Step').addText((t) => t.setPlaceholder('Call three moving companies').onChange((v) => (title = v)));
    const due = dateField(this.contentEl, { name: 'Due date', optional: true, weekStart: this.settings.weekStart, today: this.today });
    new Setting(this.contentEl).addButton((b) =>
      b
        .setButtonText('Add')
        .setCta()
        .onClick(() => {
          if (title.trim() === '') return say('give the step a title.');
          if (due.invalid()) return say('the due date cannot be read.');
          this.close();
          void applyStepEdit(this.app, this.target.path, this.target.line, this.target.raw, (text, at) =>
            addStep(text, at, { title, due: due.value(), format: this.settings.dateFormat }),
          );
        }),
    );
  }
}

export const addStepCommand: CommandSpec = {
  id: 'add-step',
  name: 'Add step',
  icon: 'list-plus',
  step: true,
  create: (host) => onCursorLine((editor, ctx) => addTarget(host, editor, ctx), (target) => new AddStepModal(host.app, target, host.settings, todayOf(host)).open()),
};
