/**
 * One goal's card, compact: title, health chip and overdue count, target and days left, the
 * progress bar with the expected-today marker and the checkpoints placed on it, and the next
 * action. Two disclosures, closed by default and remembered per goal: Plan (the tree) and
 * Details (burn-up, checkpoints, forecast, capacity, problems). A goal that is not active is one
 * muted line: its chip and its bar.
 */
import type { GoalReport } from '../engine/types';
import { isDisclosed, setDisclosed, type RenderContext } from './context';
import { percentLabel, presentGoal, shortDate, UNKNOWN_HINT, type GoalView } from '../engine/present/present';
import { ensureIds } from '../engine/plan/plan';
import { renderDetails } from './card-details';
import { renderProgressBar } from './progress-bar';
import { renderNextAction } from './next-actions';
import type { Disclosure } from './select';
import { renderTree } from './tree';
import { searchHits } from './tree-order';

export type CardPart = 'card' | 'tree';

/** `E(today)` as the JSON prints it (SPEC 4.1), empty when there is none. */
function expectedAttr(v: GoalView): string {
  return v.expectedPercent === null ? '' : String(Math.round(v.expectedPercent * 10) / 10);
}

function renderHead(card: HTMLElement, v: GoalView, ctx: RenderContext): void {
  const head = card.createDiv({ cls: 'action-plan-card-head' });
  const title = head.createEl('button', { cls: 'action-plan-card-title', text: v.title, attr: { title: `Open ${v.path}`, dir: 'auto', 'data-focus': `title:${v.path}` } });
  title.addEventListener('click', () => ctx.actions.open(v.path, 0));
  const chips = head.createDiv({ cls: 'action-plan-chips' });
  chips.createSpan({ cls: 'action-plan-chip', text: v.chip.label, attr: { 'data-kind': v.chip.kind } });
}

function renderTarget(card: HTMLElement, v: GoalView, ctx: RenderContext): void {
  if (v.target === null) return;
  const target = card.createDiv({ cls: 'action-plan-dates' });
  target.createSpan({ text: `Target ${shortDate(v.report.target, ctx.today)}`, attr: { title: v.target } });
  if (v.daysLeftLabel !== null) target.createSpan({ cls: 'action-plan-days-left', text: ` · ${v.daysLeftLabel}`, attr: { 'data-days-left': v.daysLeft ?? '' } });
}

function renderNumbers(card: HTMLElement, v: GoalView): void {
  const { percent, done, total } = v.progress;
  const line = card.createDiv({ cls: 'action-plan-dates action-plan-numbers' });
  line.createSpan({ cls: 'action-plan-percent', text: `${percent}%` });
  line.createSpan({ text: ` · ${done}/${total} done` });
  if (v.expectedPercent !== null) line.createSpan({ text: ` · ${percentLabel(v.expectedPercent)} expected today` });
  if (v.health === 'unknown') card.createDiv({ cls: 'action-plan-hint', text: UNKNOWN_HINT });
}

/** A disclosure's button and body; the body is drawn only while open. */
function disclosure(card: HTMLElement, v: GoalView, ctx: RenderContext, which: Disclosure, label: string, forced: boolean, draw: (body: HTMLElement) => void): HTMLElement {
  const open = (): boolean => forced || isDisclosed(ctx, v.path, which);
  const button = createEl('button', { cls: 'action-plan-disclosure', text: label, attr: { 'data-disclosure': which, 'data-focus': `${which}:${v.path}` } });
  const body = card.createDiv({ cls: `action-plan-disclosed action-plan-${which}` });
  const show = (): void => {
    const isOpen = open();
    button.setAttribute('aria-expanded', String(isOpen));
    body.empty();
    body.toggleClass('action-plan-hidden', !isOpen);
    if (isOpen) draw(body);
  };
  button.addEventListener('click', () => {
    setDisclosed(ctx, v.path, which, !open());
    forced = false;
    show();
  });
  show();
  return button;
}

/** A goal's card; `part` 'tree' shows only the plan's tree (the code block's `show: tree`). */
export function renderCard(parent: HTMLElement, report: GoalReport, ctx: RenderContext, part: CardPart = 'card'): HTMLElement {
  const v = presentGoal(report, ctx.today);
  const active = v.status === 'active';
  const card = parent.createDiv({ cls: 'action-plan-card' });
  card.setAttrs({
    'data-path': v.path,
    'data-health': v.health,
    'data-status': v.status,
    'data-percent': String(v.progress.percent),
    'data-done': String(v.progress.done),
    'data-total': String(v.progress.total),
    'data-expected': expectedAttr(v),
    'data-overdue': String(active ? v.overdue.length : 0),
  });
  renderHead(card, v, ctx);
  if (part === 'tree') {
    renderTree(card, report.tree, active ? ctx : { ...ctx, plainDates: true });
    return card;
  }
  if (active) renderTarget(card, v, ctx);
  renderProgressBar(card, v, ctx, active);
  if (!active) return card;
  renderNumbers(card, v);
  if (v.nextAction !== null && report.nextAction !== null) renderNextAction(card, report, report.nextAction, ctx, true);
  renderButtons(card, report, v, ctx);
  return card;
}

/**
 * The card's row of buttons, last on it: Plan and Details, their bodies below the row. A button
 * that shows the goal another way belongs in this row too. Returns the row.
 */
function renderButtons(card: HTMLElement, report: GoalReport, v: GoalView, ctx: RenderContext): HTMLElement {
  ensureIds(report.tree);
  const searched = ctx.search !== '' && searchHits(report.tree.children, ctx.search).match.size > 0;
  const row = card.createDiv({ cls: 'action-plan-disclosures' });
  row.appendChild(disclosure(card, v, ctx, 'plan', 'Plan', searched, (body) => renderTree(body, report.tree, ctx)));
  row.appendChild(disclosure(card, v, ctx, 'details', 'Details', false, (body) => renderDetails(body, v, ctx)));
  const timeline = ctx.actions.timeline;
  if (timeline !== undefined) {
    const open = row.createEl('button', { cls: 'action-plan-open-timeline', text: 'Timeline', attr: { 'aria-label': `Open the timeline of ${v.title}`, 'data-focus': `timeline:${v.path}` } });
    open.addEventListener('click', () => timeline(v.path));
  }
  return row;
}
