/**
 * A goal's plan as an ARIA tree: phases and steps with checkboxes, due chips, the help badge,
 * the link marker and a small progress bar per node. Collapsed branches are not built until
 * they open, and a long branch shows its children a page at a time, so a plan of thousands of
 * steps opens at once. The tree is one tab stop; arrows move, Enter opens, Space ticks.
 */
import type { PlanNode } from '../engine/types';
import type { RenderContext } from './context';
import { ensureIds } from '../engine/plan/plan';
import { linkMarker, nodeDueChip } from '../engine/present/present';
import { displayText } from './text';

/** Children shown at first, and added by each "show more". */
export const PAGE = 50;

/** Rows a tree draws before its phases start closed: a long plan opens at once. */
const ROW_BUDGET = 80;

/** One drawing of a tree (or of a branch opened): the context and the rows it may still draw open. */
interface Run {
  ctx: RenderContext;
  left: number;
}


/** Phases start open while the row budget lasts; steps with sub-steps and expanded notes start closed. */
function isExpanded(node: PlanNode, id: string, run: Run): boolean {
  return run.ctx.tree.expanded.get(id) ?? (node.kind === 'phase' && run.left > 0);
}

function visibleChildren(node: PlanNode, ctx: RenderContext): PlanNode[] {
  return ctx.showDone ? node.children : node.children.filter((c) => c.status !== 'done');
}

/** The nodes the tree starts from: a single top phase named like the goal (its H1) is skipped. */
function topNodes(root: PlanNode): PlanNode[] {
  const only = root.children.length === 1 ? root.children[0] : undefined;
  if (only !== undefined && only.kind === 'phase' && only.text.trim().toLowerCase() === root.text.trim().toLowerCase()) return only.children;
  return root.children;
}

export function renderTree(parent: HTMLElement, root: PlanNode, ctx: RenderContext): HTMLElement {
  ensureIds(root);
  const tree = parent.createDiv({ cls: 'action-plan-tree', attr: { role: 'tree', 'aria-label': `Plan of ${root.text}` } });
  renderChildren(tree, topNodes(root), root.id, 1, { ctx, left: ROW_BUDGET });
  const first = tree.querySelector<HTMLElement>('[role="treeitem"]');
  if (first !== null) first.tabIndex = 0;
  tree.addEventListener('keydown', (e) => onKey(e, tree));
  if (first === null) tree.createDiv({ cls: 'action-plan-muted', text: 'No steps yet: add tasks under a heading of the note.' });
  return tree;
}

function renderChildren(container: HTMLElement, nodes: PlanNode[], parentId: string, level: number, run: Run, from = 0): void {
  const { ctx } = run;
  const limit = Math.max(from + PAGE, ctx.tree.shown.get(parentId) ?? PAGE);
  for (const child of nodes.slice(from, limit)) renderNode(container, child, child.id, level, run);
  if (nodes.length <= limit) return;
  const hidden = nodes.length - limit;
  const more = container.createEl('button', { cls: 'action-plan-more', text: `Show ${Math.min(PAGE, hidden)} more (${hidden} hidden)` });
  more.addEventListener('click', () => {
    ctx.tree.shown.set(parentId, limit + PAGE);
    more.remove();
    renderChildren(container, nodes, parentId, level, { ctx, left: ROW_BUDGET }, limit);
  });
}

function renderNode(container: HTMLElement, node: PlanNode, id: string, level: number, run: Run): void {
  const { ctx } = run;
  run.left--;
  const children = visibleChildren(node, ctx);
  const marker = linkMarker(node);
  const label = displayText(node.text, node.help ? ctx.helpTag : null, marker === 'expands');
  const branch = children.length > 0;
  const expanded = branch && isExpanded(node, id, run);
  const isStep = node.kind === 'step';
  const item = container.createDiv({
    cls: 'action-plan-node',
    attr: { role: 'treeitem', tabindex: -1, 'aria-level': level, 'aria-label': label, 'data-id': id, 'data-kind': node.kind },
  });
  if (branch) item.setAttribute('aria-expanded', String(expanded));
  if (isStep) item.setAttribute('aria-checked', String(node.status === 'done'));
  item.setCssProps({ '--action-plan-level': String(level - 1) });

  const row = item.createDiv({ cls: isStep ? 'action-plan-row action-plan-step' : `action-plan-row action-plan-${node.kind}` });
  row.setAttrs({ 'data-path': node.path, 'data-line': String(node.line) });
  const twisty = row.createSpan({ cls: 'action-plan-twisty', attr: { 'aria-hidden': 'true' } });
  if (branch) {
    twisty.setText(expanded ? '▾' : '▸');
    twisty.addEventListener('click', (e) => {
      e.stopPropagation();
      setExpanded(item, !isOpen(item), ctx, node, id, level);
    });
  }
  if (isStep) {
    row.setAttribute('data-status', node.status ?? 'todo');
    const box = row.createEl('input', { cls: 'action-plan-checkbox', type: 'checkbox', attr: { tabindex: -1, 'aria-label': `Done: ${label}` } });
    box.checked = node.status === 'done';
    box.addEventListener('click', (e) => {
      e.stopPropagation();
      // The note decides: the box shows what the note says once the edit is read back.
      e.preventDefault();
      ctx.actions.toggle(node);
    });
  }
  const text = row.createSpan({ cls: 'action-plan-node-text', text: label, attr: { title: node.text } });
  text.addEventListener('click', () => ctx.actions.open(node.path, node.line));
  const meta = row.createSpan({ cls: 'action-plan-meta' });
  const chip = nodeDueChip(node, ctx.today, ctx.plainDates !== true);
  if (chip !== null) meta.createSpan({ cls: 'action-plan-due', text: chip.label, attr: { 'data-due': chip.kind, title: `Due ${chip.date}` } });
  if (node.help) meta.createSpan({ cls: 'action-plan-help-badge', text: 'Help', attr: { title: 'Needs outside help' } });
  if (marker !== null) {
    const hint = marker === 'expands' ? 'Plan continues in the linked note' : 'Counted where the note first appears';
    meta.createSpan({ cls: 'action-plan-link', text: marker === 'expands' ? '↳' : '↺', attr: { 'data-link': marker, title: hint, 'aria-label': hint } });
  }
  if (node.progress.total > 0 && (branch || node.kind !== 'step')) {
    const mini = meta.createSpan({ cls: 'action-plan-mini', attr: { title: `${node.progress.done}/${node.progress.total} done` } });
    mini.setCssProps({ '--action-plan-percent': `${node.progress.percent}%` });
    mini.createSpan({ cls: 'action-plan-mini-fill' });
    meta.createSpan({ cls: 'action-plan-mini-text', text: `${node.progress.done}/${node.progress.total}` });
  }
  if (expanded) renderChildren(item.createDiv({ cls: 'action-plan-children', attr: { role: 'group' } }), children, id, level + 1, run);
}

function isOpen(item: HTMLElement): boolean {
  return item.getAttribute('aria-expanded') === 'true';
}

/** Opens or closes a branch; its children are built the first time it opens. */
function setExpanded(item: HTMLElement, open: boolean, ctx: RenderContext, node: PlanNode, id: string, level: number): void {
  ctx.tree.expanded.set(id, open);
  item.setAttribute('aria-expanded', String(open));
  const twisty = item.querySelector(':scope > .action-plan-row > .action-plan-twisty');
  twisty?.setText(open ? '▾' : '▸');
  let group = item.querySelector<HTMLElement>(':scope > .action-plan-children');
  if (open && group === null) {
    group = item.createDiv({ cls: 'action-plan-children', attr: { role: 'group' } });
    renderChildren(group, visibleChildren(node, ctx), id, level + 1, { ctx, left: ROW_BUDGET });
  }
  group?.toggleClass('action-plan-hidden', !open);
}

function visibleItems(tree: HTMLElement): HTMLElement[] {
  return Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]')).filter((el) => el.closest('.action-plan-hidden') === null);
}

function focusItem(tree: HTMLElement, item: HTMLElement | undefined): void {
  if (item === undefined) return;
  for (const el of Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"][tabindex="0"]'))) el.tabIndex = -1;
  item.tabIndex = 0;
  item.focus();
}

/** Keyboard in the tree (WAI-ARIA tree pattern). */
function onKey(e: KeyboardEvent, tree: HTMLElement): void {
  const target = e.target;
  if (!(target instanceof HTMLElement) || target.getAttribute('role') !== 'treeitem') return;
  const items = visibleItems(tree);
  const i = items.indexOf(target);
  const row = target.querySelector<HTMLElement>(':scope > .action-plan-row');
  const parentItem = target.parentElement?.closest<HTMLElement>('[role="treeitem"]') ?? undefined;
  const handled = (): void => {
    e.preventDefault();
    e.stopPropagation();
  };
  switch (e.key) {
    case 'ArrowDown':
      handled();
      focusItem(tree, items[i + 1]);
      break;
    case 'ArrowUp':
      handled();
      focusItem(tree, items[i - 1]);
      break;
    case 'Home':
      handled();
      focusItem(tree, items[0]);
      break;
    case 'End':
      handled();
      focusItem(tree, items[items.length - 1]);
      break;
    case 'ArrowRight':
      handled();
      if (target.hasAttribute('aria-expanded')) {
        if (!isOpen(target)) toggleBranch(target);
        else focusItem(tree, items[i + 1]);
      }
      break;
    case 'ArrowLeft':
      handled();
      if (isOpen(target)) toggleBranch(target);
      else focusItem(tree, parentItem);
      break;
    case ' ':
      handled();
      row?.querySelector<HTMLInputElement>(':scope > .action-plan-checkbox')?.click();
      break;
    case 'Enter':
      handled();
      row?.querySelector<HTMLElement>(':scope > .action-plan-node-text')?.click();
      break;
  }
}

function toggleBranch(item: HTMLElement): void {
  item.querySelector<HTMLElement>(':scope > .action-plan-row > .action-plan-twisty')?.click();
}
