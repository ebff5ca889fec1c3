/**
 * `break-down-step`: breaks the step under the cursor into sub-steps, one per line with an
 * optional estimate (`~2d`), laid out backward from the step's due date or the goal's target
 * over working days (SPEC 2.5). Each due date is shown before anything is written; a plan that
 * does not fit says by how many working days and offers to move the deadline or keep it.
 */
import { Setting, type App } from 'obsidian';
import { CommandModal } from './command-modal';
import { formatDay, isDay, type Day } from '../engine/days/dates';
import { breakDownStep, estimateDays, layOutBackward, parseSubStep, type BackwardLayout, type EditResult, type StepRef, type SubStep } from '../engine/edit';
import { bodyOf, writeGoal } from '../obsidian/goal-writes';
import { applyStepEdit, currentText } from '../obsidian/note-writer';
import type { ActionPlanSettings } from '../settings/settings';
import type { GoalReport } from '../engine/types';
import { dateField, type DateField } from './date-field';
import { chooseGoal, goalsOfNote } from './active-goal';
import type { CommandHost, CommandSpec } from './spec';
import { say, todayOf } from './step-context';
import { onStep, type StepTarget } from './step-target';

/** Where the deadline comes from: the step's due date, or the goal's target. */
interface Deadline {
  day: Day | null;
  goal: GoalReport | null;
}

export class BreakDownModal extends CommandModal {
  private subs: SubStep[] = [];
  private deadlineField!: DateField;
  private preview!: Setting;

  constructor(
    app: App,
    private readonly target: StepTarget,
    private readonly deadline: Deadline,
    private readonly settings: ActionPlanSettings,
    private readonly today: Day,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle('Break down step');
    const { contentEl } = this;
    new Setting(contentEl).setName(this.target.step.text).setDesc('One sub-step per line, with an estimate at the end if you like: "Call movers ~2d".');
    new Setting(contentEl).setName('Sub-steps').addTextArea((t) =>
      t.setPlaceholder('Get three quotes ~2d').onChange((v) => {
        this.subs = v.split('\n').map(parseSubStep).filter((s): s is SubStep => s !== null);
        this.refresh();
      }),
    );
    this.deadlineField = dateField(contentEl, {
      name: 'Deadline',
      initial: this.deadline.day === null ? '' : (formatDay(this.deadline.day) ?? ''),
      weekStart: this.settings.weekStart,
      today: this.today,
      onChange: () => this.refresh(),
    });
    this.preview = new Setting(contentEl).setName('Due dates');
    this.refresh();
  }

  /** The layout for the sub-steps and deadline as they stand, or null when one is missing. */
  layout(deadline: Day | null = this.deadlineField.value()): BackwardLayout | null {
    if (deadline === null || this.subs.length === 0) return null;
    return layOutBackward(this.subs.map((s) => estimateDays(s.estimate)), this.today, deadline, this.settings.workingDays);
  }

  /** Shows each due date, whether the plan fits, and the buttons that write it. */
  private refresh(): void {
    const layout = this.layout();
    const preview = this.preview;
    preview.clear();
    if (layout === null) {
      preview.setDesc(this.deadlineField.value() === null ? 'Give a deadline: the step has no due date and its goal no target.' : 'Type the sub-steps above.');
      return;
    }
    const lines = this.subs.map((s, i) => `${formatDay(layout.days[i] ?? layout.deadline) ?? ''}: ${s.text}`);
    if (layout.fits) {
      preview.setDesc(lines.join('\n'));
      preview.addButton((b) => b.setButtonText('Add sub-steps').setCta().onClick(() => void this.write(layout, null)));
      return;
    }
    const short = `The plan does not fit: it is ${layout.short} working day${layout.short === 1 ? '' : 's'} short of ${formatDay(layout.deadline) ?? ''}.`;
    preview.setDesc([short, ...lines].join('\n'));
    preview.addButton((b) =>
      b.setButtonText('Move the deadline').setCta().onClick(() => {
        const moved = this.layout(layout.extendTo);
        if (moved !== null) void this.write(moved, layout.extendTo);
      }),
    );
    preview.addButton((b) => b.setButtonText('Keep it').onClick(() => void this.write(layout, null)));
  }

  /** Writes the sub-steps; a moved or newly typed deadline goes where the deadline lives. */
  async write(layout: BackwardLayout, movedTo: Day | null): Promise<void> {
    this.close();
    const typed = this.deadlineField.value();
    const newDeadline = movedTo ?? (typed !== this.deadline.day ? typed : null);
    const goal = newDeadline !== null ? this.deadline.goal : null;
    const read = { line: this.target.line, expected: this.target.step.raw };
    const edit = (text: string, at: StepRef): EditResult =>
      breakDownStep(text, at, this.subs, { days: layout.days, stepDue: goal !== null ? null : newDeadline, format: this.settings.dateFormat });
    const said = (message: string): string => `Action Plan: ${message}${goal !== null ? `; the goal's target is now ${formatDay(newDeadline ?? goal.target) ?? ''}` : ''}.`;
    if (goal === null || newDeadline === null) {
      await applyStepEdit(this.app, this.target.path, this.target.line, this.target.step.raw, edit, { notice: (r) => said(r.message) });
      return;
    }
    const file = this.app.vault.getFileByPath(goal.path);
    if (file === null) return say(`nothing written, ${goal.path} no longer exists.`);
    const target = { kind: 'set' as const, key: 'target', value: formatDay(newDeadline) ?? '' };
    // The target moves only when the sub-steps can be written: the note must still hold the step as the plan read it.
    const check = edit((await currentText(this.app, this.target.path)) ?? '', read);
    if (!check.ok) return say(`nothing written, ${check.reason}.`);
    if (goal.path === this.target.path) {
      // One note: the sub-steps and the target line in one edit, one transaction.
      const r = await writeGoal(this.app, file, target, [bodyOf((text) => edit(text, read))], said(check.message));
      if (!r.ok) say(`nothing written, ${r.reason}.`);
      return;
    }
    const moved = await writeGoal(this.app, file, target, [], `Action Plan: the goal's target is now ${target.value}.`);
    if (!moved.ok) return say(`nothing written, ${moved.reason}.`);
    await applyStepEdit(this.app, this.target.path, this.target.line, this.target.step.raw, edit, { notice: (r) => said(r.message) });
  }
}

/**
 * Opens the form with the step's deadline: its due date, else the target of the goal that reads
 * its note (picked when several with a target do, see `active-goal.ts`), else none.
 */
function breakDown(host: CommandHost, target: StepTarget): void {
  const open = (deadline: Deadline): void => new BreakDownModal(host.app, target, deadline, host.settings, todayOf(host)).open();
  if (isDay(target.step.due)) return open({ day: target.step.due, goal: null });
  const goals = goalsOfNote(host, target.path).filter((g) => isDay(g.target));
  if (goals.length === 0) return open({ day: null, goal: null });
  chooseGoal(host.app, goals, (goal) => open({ day: goal.target, goal }));
}

export const breakDownStepCommand: CommandSpec = {
  id: 'break-down-step',
  name: 'Break down step',
  icon: 'list-tree',
  step: true,
  create: (host) => onStep(host, (target) => breakDown(host, target)),
};
