/** `copy-plan-summary`: the goal as Markdown on the clipboard, phases only or every step. */
import { Notice } from 'obsidian';
import { planSummary, type SummaryDetail } from '../../engine/present/summary';
import { withGoal, type GoalCommandHost } from './context';
import { todayOf } from '../step-context';
import { choiceRow, FormModal } from './form';

export function copySummaryCommand(host: GoalCommandHost): void {
  withGoal(host, (goal) => {
    let detail: SummaryDetail = 'phases';
    new FormModal(
      host.app,
      `Copy a summary of ${goal.title}`,
      (el) => {
        choiceRow(el, 'Show', { phases: 'Phases only', steps: 'Every step' }, detail, (v) => {
          detail = v === 'steps' ? 'steps' : 'phases';
        });
      },
      'Copy',
      async (): Promise<true> => {
        // The report is read again: the plan may have changed while the form was open.
        const now = host.index.report(goal.path, todayOf(host)) ?? goal;
        await navigator.clipboard.writeText(planSummary(now, todayOf(host), detail));
        new Notice('Plan summary copied.');
        return true;
      },
    ).open();
  });
}
