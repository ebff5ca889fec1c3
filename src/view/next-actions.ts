/**
 * "Next actions": each shown active goal's next step, overdue first, then by due date; and a
 * card's own next action. Each has its checkbox (ticking it ticks the step), its text on at most
 * two lines and the names of its links apart from it.
 */
import { isDay, type Day } from '../engine/days/dates';
import type { GoalReport, PlanNode, StepRef } from '../engine/types';
import type { RenderContext } from './context';
import { dueChip } from '../engine/present/present';
import { rowPart, stepWords } from './text';
import { tickBox } from './tick';

interface Next {
  goal: GoalReport;
  step: StepRef;
}

/** Overdue first, then by due date (undated last), then by goal title; a step shared once. */
function orderNextActions(reports: readonly GoalReport[], today: Day): Next[] {
  const out: Next[] = [];
  const seen = new Set<string>();
  for (const goal of reports) {
    const step = goal.nextAction;
    if (goal.status !== 'active' || step === null) continue;
    out.push({ goal, step });
  }
  const key = (n: Next): number => (isDay(n.step.due) ? n.step.due : Infinity);
  out.sort((a, b) => {
    const ao = isDay(a.step.due) && a.step.due < today ? 0 : 1;
    const bo = isDay(b.step.due) && b.step.due < today ? 0 : 1;
    return ao - bo || key(a) - key(b) || a.goal.title.localeCompare(b.goal.title);
  });
  return out.filter((n) => {
    const id = `${n.step.path}\n${n.step.line}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const keyOf = (step: StepRef): string => `${step.path}:${step.line}`;

/**
 * The list as ordered, with the steps ticked in it since the view was last ordered put back in
 * the places they had (a tick never moves the ground; SPEC 4), as long as their goal is shown.
 */
function withStaying(list: Next[], reports: readonly GoalReport[], ctx: RenderContext): Next[] {
  const out = [...list];
  const staying = [...ctx.tree.stayNext.values()].sort((a, b) => a.index - b.index);
  for (const s of staying) {
    const goal = reports.find((r) => r.path === s.goal);
    if (goal === undefined || out.some((n) => keyOf(n.step) === keyOf(s.step))) continue;
    out.splice(Math.min(s.index, out.length), 0, { goal, step: s.step });
  }
  return out;
}

export function renderNextActions(parent: HTMLElement, reports: readonly GoalReport[], ctx: RenderContext, limit: number): HTMLElement | null {
  const list = withStaying(orderNextActions(reports, ctx.today).slice(0, Math.max(1, limit)), reports, ctx);
  if (list.length === 0) return null;
  const section = parent.createDiv({ cls: 'action-plan-next-actions', attr: { 'data-focus-group': 'next-actions' } });
  section.createEl('h4', { cls: 'action-plan-section-title', text: 'Next actions' });
  list.forEach(({ goal, step }, index) => renderNextAction(section, goal, step, ctx, false, () => ctx.tree.stayNext.set(keyOf(step), { goal: goal.path, step, index })));
  return section;
}

/** The step of the goal's tree at a note's line. */
function stepNode(root: PlanNode, path: string, line: number): PlanNode | null {
  const stack: PlanNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as PlanNode;
    if (n.kind === 'step' && n.path === path && n.line === line) return n;
    for (const c of n.children) stack.push(c);
  }
  return null;
}

/**
 * One next action: its box, and a button (its text, links, due chip and, in the list, the
 * goal) that opens its note at its line. `inCard`: the card's own, without the goal's title.
 * `ticked` runs as its box is ticked.
 */
export function renderNextAction(parent: HTMLElement, goal: GoalReport, step: StepRef, ctx: RenderContext, inCard = false, ticked: () => void = () => undefined): HTMLElement {
  const row = parent.createDiv({ cls: inCard ? 'action-plan-card-next' : 'action-plan-next', attr: { 'data-path': step.path, 'data-line': step.line, 'data-goal': goal.path } });
  // A card's next action changes once it is ticked: the focus goes to the one in its place.
  if (inCard) row.setAttribute('data-focus-group', `next:${goal.path}`);
  const { text, links } = stepWords(step.text, ctx.helpTag);
  const node = stepNode(goal.tree, step.path, step.line);
  // A step ticked here stays in the list (see withStaying): done, it is due no more.
  const due = node === null || node.status === 'todo' || node.status === 'doing';
  const chip = due ? dueChip(step.due, ctx.today) : null;
  if (node !== null) row.setAttribute('data-status', node.status ?? 'todo');
  const key = `${inCard ? 'card' : 'list'}:${step.path}:${step.line}`;
  if (node !== null) {
    const box = row.createEl('input', { cls: 'action-plan-checkbox', type: 'checkbox', attr: { 'aria-label': `Done: ${text}`, 'data-focus': `box:${key}` } });
    box.checked = node.status === 'done';
    tickBox(box, row, node, ctx, () => undefined, ticked);
  }
  // The name reads what the button shows, in its order (the links' arrows are drawn by CSS).
  const name = [inCard ? `Next: ${text}` : text, ...links, chip?.label ?? null, inCard ? null : goal.title].filter((s) => s !== null).join(', ');
  const open = row.createEl('button', { cls: 'action-plan-next-open', attr: { 'aria-label': name, title: step.text, 'data-focus': `open:${key}` } });
  open.createSpan({ cls: 'action-plan-next-text', text, attr: { dir: 'auto' } });
  const under = open.createSpan({ cls: 'action-plan-next-under' });
  for (const l of links) rowPart(under, 'action-plan-next-link', l, { dir: 'auto' });
  if (chip !== null) rowPart(under, 'action-plan-due', chip.label, { 'data-due': chip.kind, title: `Due ${chip.date}` });
  if (!inCard) rowPart(under, 'action-plan-next-goal', goal.title, { dir: 'auto' });
  open.addEventListener('click', () => ctx.actions.open(step.path, step.line));
  return row;
}
