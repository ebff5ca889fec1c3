/**
 * `reschedule-overdue`: for the current goal (see `active-goal.ts`), moves every overdue step (in any note its plan
 * reads) to today, or spreads them over the coming working days in their order (SPEC 2.4).
 */
import { Notice, Setting, type App } from 'obsidian';
import { CommandModal } from './command-modal';
import { overdueDays, setDueDates, type DueChange } from '../engine/edit';
import type { GoalReport } from '../engine/types';
import type { LiveIndex } from '../obsidian/live-index';
import { editNote } from '../obsidian/note-writer';
import type { ActionPlanSettings } from '../settings/settings';
import { whenFound, type CommandSpec } from './spec';
import { chooseGoal, goalsOfActiveNote } from './active-goal';
import { todayOf } from './step-context';

/** The overdue steps' lines as the index reads them now, to check each line at write time (2.1). */
function overdueLines(index: LiveIndex, goal: GoalReport): (string | undefined)[] {
  return goal.overdue.map((s) => index.stepAt(s.path, s.line)?.raw);
}

/** Sets the overdue steps' due dates, note by note; how many steps moved. */
async function rescheduleGoal(app: App, index: LiveIndex, settings: ActionPlanSettings, goal: GoalReport, raws: (string | undefined)[], spread: boolean): Promise<number> {
  const days = overdueDays(goal.overdue.length, todayOf({ index }), spread, settings.workingDays);
  const byPath = new Map<string, DueChange[]>();
  goal.overdue.forEach((s, i) => {
    const raw = raws[i];
    const change: DueChange = { line: s.line, day: days[i] ?? todayOf({ index }), ...(raw !== undefined ? { expected: raw } : {}) };
    byPath.set(s.path, [...(byPath.get(s.path) ?? []), change]);
  });
  let moved = 0;
  for (const [path, changes] of byPath) {
    const r = await editNote(app, path, (text) => setDueDates(text, changes, settings.dateFormat));
    if (r.ok) moved += changes.length;
  }
  return moved;
}

export class RescheduleModal extends CommandModal {
  /** The steps' lines when the form opened: a line inserted meanwhile does not get their dates. */
  private readonly raws: (string | undefined)[];

  constructor(
    app: App,
    private readonly index: LiveIndex,
    private readonly settings: ActionPlanSettings,
    private readonly goal: GoalReport,
  ) {
    super(app);
    this.raws = overdueLines(index, goal);
  }

  override onOpen(): void {
    this.setTitle('Reschedule overdue steps');
    const n = this.goal.overdue.length;
    new Setting(this.contentEl)
      .setName(this.goal.title)
      .setDesc(`${n} overdue step${n === 1 ? '' : 's'}.`)
      .addButton((b) => b.setButtonText('All to today').setCta().onClick(() => void this.run(false)))
      .addButton((b) => b.setButtonText('Spread over working days').onClick(() => void this.run(true)));
  }

  async run(spread: boolean): Promise<void> {
    this.close();
    const moved = await rescheduleGoal(this.app, this.index, this.settings, this.goal, this.raws, spread);
    new Notice(`Action Plan: rescheduled ${moved} of ${this.goal.overdue.length} overdue steps.`);
  }
}

export const rescheduleOverdueCommand: CommandSpec = {
  id: 'reschedule-overdue',
  name: 'Reschedule overdue steps',
  icon: 'calendar-range',
  create: (host) =>
    whenFound(
      () => {
        const goals = goalsOfActiveNote(host).filter((g) => g.overdue.length > 0);
        return goals.length > 0 ? goals : null;
      },
      (goals) => chooseGoal(host.app, goals, (goal) => new RescheduleModal(host.app, host.index, host.settings, goal).open()),
    ),
};
