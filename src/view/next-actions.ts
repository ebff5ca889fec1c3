/** "Next actions": each shown active goal's next step, overdue first, then by due date. */
import { isDay, type Day } from '../engine/days/dates';
import type { GoalReport, StepRef } from '../engine/types';
import type { RenderContext } from './context';
import { dueChip } from '../engine/present/present';
import { displayText } from './text';

interface Next {
  goal: GoalReport;
  step: StepRef;
}

/** Overdue first, then by due date (undated last), then by goal title. */
function orderNextActions(reports: readonly GoalReport[], today: Day): Next[] {
  const out: Next[] = [];
  for (const goal of reports) if (goal.status === 'active' && goal.nextAction !== null) out.push({ goal, step: goal.nextAction });
  const key = (n: Next): number => (isDay(n.step.due) ? n.step.due : Infinity);
  return out.sort((a, b) => {
    const ao = isDay(a.step.due) && a.step.due < today ? 0 : 1;
    const bo = isDay(b.step.due) && b.step.due < today ? 0 : 1;
    return ao - bo || key(a) - key(b) || a.goal.title.localeCompare(b.goal.title);
  });
}

export function renderNextActions(parent: HTMLElement, reports: readonly GoalReport[], ctx: RenderContext, limit: number): HTMLElement | null {
  const list = orderNextActions(reports, ctx.today).slice(0, Math.max(1, limit));
  if (list.length === 0) return null;
  const section = parent.createDiv({ cls: 'action-plan-next-actions' });
  section.createEl('h4', { cls: 'action-plan-section-title', text: 'Next actions' });
  for (const { goal, step } of list) renderNextAction(section, goal, step, ctx);
  return section;
}

/** One next action: a button that opens its note at its line. */
export function renderNextAction(parent: HTMLElement, goal: GoalReport, step: StepRef, ctx: RenderContext): HTMLElement {
  const row = parent.createEl('button', { cls: 'action-plan-next', attr: { 'data-path': step.path, 'data-line': step.line } });
  const main = row.createDiv({ cls: 'action-plan-next-main' });
  main.createSpan({ cls: 'action-plan-next-text', text: displayText(step.text, ctx.helpTag) });
  const chip = dueChip(step.due, ctx.today);
  if (chip !== null) main.createSpan({ cls: 'action-plan-due', text: chip.label, attr: { 'data-due': chip.kind, title: `Due ${chip.date}` } });
  row.createDiv({ cls: 'action-plan-next-goal', text: goal.title });
  row.addEventListener('click', () => ctx.actions.open(step.path, step.line));
  return row;
}
