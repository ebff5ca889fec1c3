/** A goal in one line, for the Bases view's `show: row`: title, chip, bar, percent, next action. */
import { presentGoal, type GoalView } from '../engine/present/present';
import type { GoalReport } from '../engine/types';
import type { RenderContext } from '../view/context';
import { rowPart, stepWords } from '../view/text';

/** The attributes of SPEC 4.1 that every goal card carries, rows included. */
export function setCardData(el: HTMLElement, v: GoalView): void {
  el.setAttrs({
    'data-path': v.path,
    'data-health': v.health,
    'data-percent': String(v.progress.percent),
    'data-done': String(v.progress.done),
    'data-total': String(v.progress.total),
    'data-expected': v.expectedPercent === null ? '' : String(Math.round(v.expectedPercent * 10) / 10),
    'data-overdue': String(v.overdue.length),
  });
}

export function renderGoalRow(parent: HTMLElement, report: GoalReport, ctx: RenderContext): HTMLElement {
  const v = presentGoal(report, ctx.today);
  const row = parent.createDiv({ cls: 'action-plan-card action-plan-goal-row', attr: { 'data-status': v.status } });
  setCardData(row, v);
  const title = row.createEl('button', { cls: 'action-plan-card-title', text: v.title, attr: { dir: 'auto', title: `Open ${v.path}` } });
  title.addEventListener('click', () => ctx.actions.open(v.path, 0));
  // The chip's label has the overdue count already ("At risk · 2 overdue").
  row.createSpan({ cls: 'action-plan-chip', text: v.chip.label, attr: { 'data-kind': v.chip.kind } });
  const bar = row.createDiv({
    cls: 'action-plan-progress action-plan-goal-row-bar',
    attr: { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': v.progress.percent, 'aria-label': `${v.title}: ${v.progress.percent}% done` },
  });
  bar.setCssProps({ '--action-plan-progress': `${v.progress.percent}%` });
  bar.createDiv({ cls: 'action-plan-progress-fill' });
  row.createSpan({ cls: 'action-plan-goal-row-percent', text: `${v.progress.percent}%`, attr: { title: v.progressLabel } });
  const next = v.status === 'active' ? v.nextAction : null;
  if (next !== null) {
    const words = stepWords(next.text, ctx.helpTag);
    const b = row.createEl('button', { cls: 'action-plan-goal-row-next', attr: { title: `Next action: open ${next.path}, line ${next.line + 1}` } });
    b.createSpan({ text: words.text, attr: { dir: 'auto' } });
    for (const l of words.links) rowPart(b, 'action-plan-next-link', l, { dir: 'auto' });
    b.addEventListener('click', () => ctx.actions.open(next.path, next.line));
  }
  return row;
}
