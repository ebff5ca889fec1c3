/**
 * One goal's card: title, health chip, target and days left, the progress bar with the
 * expected-today marker, the checkpoint strip, the burn-up chart, forecast, capacity, feelings,
 * counts of overdue and help-needed steps, problems, and the plan's tree.
 */
import type { GoalReport } from '../engine/types';
import { renderBurnup } from './burnup';
import type { RenderContext } from './context';
import { presentGoal, shortDate, type GoalView } from '../engine/present/present';
import { renderTree } from './tree';

export type CardPart = 'card' | 'tree';

function percentText(n: number): string {
  return `${Math.round(n * 10) / 10}%`;
}

/** The progress bar: the fill and the marker where the plan should be today. */
function renderProgress(parent: HTMLElement, v: GoalView): void {
  const { percent, done, total } = v.progress;
  const bar = parent.createDiv({
    cls: 'action-plan-progress',
    attr: { role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': percent, 'aria-label': `${v.title}: ${percent}% done` },
  });
  bar.setCssProps({ '--action-plan-progress': `${percent}%` });
  bar.createDiv({ cls: 'action-plan-progress-fill' });
  if (v.expectedPercent !== null) {
    bar.setCssProps({ '--action-plan-expected': `${v.expectedPercent}%` });
    bar.createDiv({ cls: 'action-plan-progress-marker', attr: { title: `Expected today from your due dates: ${percentText(v.expectedPercent)}` } });
  }
  parent.createDiv({ cls: 'action-plan-progress-text', text: v.progressLabel, attr: { title: `${done} of ${total} steps done` } });
}

function renderCheckpoints(parent: HTMLElement, v: GoalView, ctx: RenderContext): void {
  if (v.checkpoints.length === 0) return;
  const strip = parent.createDiv({ cls: 'action-plan-checkpoints', attr: { role: 'list', 'aria-label': 'Checkpoints' } });
  for (const c of v.checkpoints) {
    const feeling = c.feeling === null ? null : `feeling ${c.feeling} of 5${c.feelingLabel === null ? '' : ` (${c.feelingLabel.toLowerCase()})`}`;
    const detail = [c.dateLabel, c.label, c.stateLabel, c.expected === null ? null : `expected ${percentText(c.expected)}`, c.progress === null ? null : `measured ${c.progress}%`, feeling]
      .filter((s) => s !== null)
      .join(' · ');
    const item = strip.createEl('button', { cls: 'action-plan-checkpoint', attr: { role: 'listitem', 'data-state': c.state, title: detail, 'aria-label': detail } });
    if (c.onTrack !== null) item.setAttribute('data-on-track', String(c.onTrack));
    item.createSpan({ cls: 'action-plan-checkpoint-dot' });
    if (c.feeling !== null) item.createSpan({ cls: 'action-plan-feeling', text: String(c.feeling), attr: { 'data-feeling': c.feeling } });
    item.addEventListener('click', () => ctx.actions.open(v.path, c.line));
  }
}

function renderFeelings(parent: HTMLElement, v: GoalView): void {
  if (v.feelings.length === 0) return;
  const line = parent.createDiv({ cls: 'action-plan-feelings' });
  line.createSpan({ cls: 'action-plan-muted', text: 'Feeling: ' });
  v.feelings.forEach((f, i) => {
    if (i > 0) line.createSpan({ cls: 'action-plan-muted', text: ' → ' });
    const at = line.createSpan({ cls: 'action-plan-feeling-entry', attr: { title: f.date } });
    at.createSpan({ cls: 'action-plan-feeling', text: String(f.feeling), attr: { 'data-feeling': f.feeling } });
    if (f.progress !== null) at.createSpan({ cls: 'action-plan-muted', text: ` at ${f.progress}%` });
  });
}

function renderCounts(parent: HTMLElement, v: GoalView, ctx: RenderContext): void {
  if (v.overdue.length === 0 && v.help.length === 0) return;
  const counts = parent.createDiv({ cls: 'action-plan-counts' });
  const count = (kind: 'overdue' | 'help', n: number, word: string, first: { path: string; line: number } | undefined): void => {
    if (n === 0 || first === undefined) return;
    const b = counts.createEl('button', { cls: 'action-plan-count', text: `${n} ${word}`, attr: { 'data-kind': kind, 'data-count': n } });
    b.addEventListener('click', () => ctx.actions.open(first.path, first.line));
  };
  count('overdue', v.overdue.length, 'overdue', v.overdue[0]);
  count('help', v.help.length, v.help.length === 1 ? 'needs help' : 'need help', v.help[0]);
}

function renderProblems(parent: HTMLElement, v: GoalView, ctx: RenderContext): void {
  if (v.problems.length === 0) return;
  const box = parent.createDiv({ cls: 'action-plan-problems' });
  box.createDiv({ cls: 'action-plan-problems-title', text: v.problems.length === 1 ? '1 problem' : `${v.problems.length} problems` });
  for (const p of v.problems) {
    const b = box.createEl('button', {
      cls: 'action-plan-problem',
      text: p.message,
      attr: { 'data-severity': p.severity, 'data-code': p.code, 'data-path': p.path, 'data-line': p.line, title: `${p.path}, line ${p.line + 1}` },
    });
    b.addEventListener('click', () => ctx.actions.open(p.path, p.line));
  }
}

/** A goal's card; `part` 'tree' shows only the plan's tree (the code block's `show: tree`). */
export function renderCard(parent: HTMLElement, report: GoalReport, ctx: RenderContext, part: CardPart = 'card'): HTMLElement {
  const v = presentGoal(report, ctx.today);
  const card = parent.createDiv({ cls: 'action-plan-card' });
  card.setAttrs({
    'data-path': v.path,
    'data-health': v.health,
    'data-percent': String(v.progress.percent),
    'data-done': String(v.progress.done),
    'data-total': String(v.progress.total),
  });
  const head = card.createDiv({ cls: 'action-plan-card-head' });
  const title = head.createEl('button', { cls: 'action-plan-card-title', text: v.title, attr: { title: `Open ${v.path}` } });
  title.addEventListener('click', () => ctx.actions.open(v.path, 0));
  head.createSpan({ cls: 'action-plan-chip', text: v.chip.label, attr: { 'data-kind': v.chip.kind } });
  if (ctx.actions.timeline !== undefined) {
    const open = head.createEl('button', { cls: 'action-plan-open-timeline', text: 'Timeline', attr: { 'aria-label': `Open the timeline of ${v.title}` } });
    open.addEventListener('click', () => ctx.actions.timeline?.(v.path));
  }
  if (part === 'card') {
    if (v.target !== null) {
      const dates = card.createDiv({ cls: 'action-plan-dates' });
      dates.createSpan({ text: `Target ${shortDate(v.report.target, ctx.today)}`, attr: { title: v.target } });
      if (v.daysLeftLabel !== null) dates.createSpan({ cls: 'action-plan-days-left', text: ` · ${v.daysLeftLabel}`, attr: { 'data-days-left': v.daysLeft ?? '' } });
    }
    renderProgress(card, v);
    renderCheckpoints(card, v, ctx);
    if (v.burnup !== null) renderBurnup(card, v.burnup, `Burn-up of ${v.title}: done steps over time beside the progress expected from the due dates`);
    const facts = card.createDiv({ cls: 'action-plan-facts' });
    if (v.forecastLabel !== null) facts.createDiv({ cls: 'action-plan-forecast', text: v.forecastLabel });
    if (v.capacityLabel !== null && v.capacity !== null) facts.createDiv({ cls: 'action-plan-capacity', text: v.capacityLabel, attr: { 'data-slack': v.capacity.slack } });
    renderFeelings(card, v);
    renderCounts(card, v, ctx);
    renderProblems(card, v, ctx);
  }
  renderTree(card, report.tree, v.status === 'active' ? ctx : { ...ctx, plainDates: true });
  return card;
}
