/**
 * A goal's plan as an ARIA tree: phases and steps with checkboxes, due chips, the help badge,
 * the link marker and a small progress bar per node. A plan opens each branch down to its first
 * open leaf; a branch of more than five children lists its open ones first and folds the done
 * ones behind one "N done" row. Closed branches are not built until they open, and a long list
 * shows a page at a time. Every branch drawn is remembered open or closed, so a redraw (a tick
 * confirmed) shows the same rows. The tree is one tab stop; arrows move, Enter opens, Space ticks.
 */
import type { PlanNode } from '../engine/types';
import type { RenderContext } from './context';
import { ensureIds } from '../engine/plan/plan';
import { DONE_WITH_STEP_ABOVE, linkMarker, nodeDueChip, type DueChip } from '../engine/present/present';
import { rowPart, stepWords } from './text';
import { moveFocus, onTreeKey } from './tree-keys';
import { tickBox } from './tick';
import { firstOpenPath, foldOf, isClosed, searchHits, type Hits } from './tree-order';

/** Children shown at first, and added by each "show more". */
export const PAGE = 50;

/** A branch with more than this many children folds its done ones. */
export const FOLD_OVER = 5;

/** One drawing of a tree: the context, the branches open by default and the search's hits. */
interface Run {
  ctx: RenderContext;
  first: ReadonlySet<string>;
  hits: Hits | null;
}

/** Where a node sits: its level, and whether a step above it is done (it reads as done too). */
interface Place {
  level: number;
  underDone: boolean;
  /** The node sits in a "N done" fold (a tick keeps it there until the view is reordered). */
  folded: boolean;
}

function hidesDone(ctx: RenderContext): boolean {
  return !ctx.showDone || ctx.openOnly;
}

/** A branch's children shown: without the done and cancelled ones when the view hides them. */
function visibleChildren(node: PlanNode, ctx: RenderContext, underDone: boolean): PlanNode[] {
  if (!hidesDone(ctx)) return node.children;
  return node.children.filter((c) => ctx.tree.stay.has(c.id) || !isClosed(c, underDone));
}

/**
 * Open when it holds a search's match, else as last drawn, else by default (remembered as
 * drawn). While a search is on, a branch never drawn before stays closed unless it holds a
 * match, and is not remembered: clearing the search gives back what was open before.
 */
function isExpanded(id: string, run: Run): boolean {
  if (run.hits?.open.has(id) === true) return true;
  const known = run.ctx.tree.expanded.get(id);
  if (known !== undefined) return known;
  if (run.hits !== null) return false;
  const open = run.first.has(id);
  run.ctx.tree.expanded.set(id, open);
  return open;
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
  const top = topNodes(root);
  const run: Run = { ctx, first: firstOpenPath(top), hits: ctx.search === '' ? null : searchHits(top, ctx.search) };
  renderList(tree, top, root.id, { level: 1, underDone: false, folded: false }, run);
  const first = tree.querySelector<HTMLElement>('[role="treeitem"]');
  if (first !== null) first.tabIndex = 0;
  tree.addEventListener('keydown', (e) => onTreeKey(e, tree));
  if (first === null) tree.createDiv({ cls: 'action-plan-muted', text: 'No steps yet: add tasks under a heading of the note.' });
  return tree;
}

/** A branch's children: open ones first and one "N done" fold when there are more than five. */
function renderList(container: HTMLElement, nodes: PlanNode[], parentId: string, place: Place, run: Run): void {
  if (nodes.length <= FOLD_OVER) {
    renderPage(container, nodes, parentId, place, run, 0);
    return;
  }
  const { open, done } = foldOf(nodes, place.underDone, run.ctx.tree.stay);
  renderPage(container, open, parentId, place, run, 0);
  if (done.length > 0) renderFold(container, done, `${parentId}~done`, place, run);
}

/** Up to a page of rows, then a "Show more" row that draws the next page. */
function renderPage(container: HTMLElement, nodes: PlanNode[], key: string, place: Place, run: Run, from: number): void {
  const limit = Math.max(from + PAGE, run.ctx.tree.shown.get(key) ?? PAGE);
  for (const child of nodes.slice(from, limit)) renderNode(container, child, place, run);
  if (nodes.length > limit) renderMore(container, nodes, key, place, run, limit);
}

/**
 * "Show 50 more": a tree item of its own (arrows reach it, Enter or Space or a click shows the
 * next page), replaced by the rows it adds; the keyboard's focus goes on to the first of them.
 */
function renderMore(container: HTMLElement, nodes: PlanNode[], key: string, place: Place, run: Run, limit: number): void {
  const hidden = nodes.length - limit;
  const text = `Show ${Math.min(PAGE, hidden)} more (${hidden} hidden)`;
  const branch = container.createDiv({ cls: 'action-plan-branch' });
  const item = branch.createDiv({ cls: 'action-plan-node', attr: { role: 'treeitem', tabindex: -1, 'aria-level': place.level, 'aria-label': text, 'data-id': `${key}~more`, 'data-kind': 'more' } });
  item.setCssProps({ '--action-plan-level': String(place.level - 1) });
  const row = item.createDiv({ cls: 'action-plan-row action-plan-more-row' });
  row.createSpan({ cls: 'action-plan-twisty', attr: { 'aria-hidden': 'true' } });
  const label = row.createSpan({ cls: 'action-plan-node-text action-plan-more', text });
  label.addEventListener('click', () => {
    run.ctx.tree.shown.set(key, limit + PAGE);
    const focus = item.ownerDocument.activeElement === item;
    const holder = createDiv();
    renderPage(holder, nodes, key, place, { ...run, hits: null }, limit);
    const added = holder.querySelector<HTMLElement>(':scope > .action-plan-branch > [role="treeitem"]');
    branch.replaceWith(...Array.from(holder.childNodes));
    // Within the tree the rows now stand in (a later page's row was drawn apart from it).
    if (focus && added !== null) moveFocus(added, added);
  });
}

/** The "N done" row: a branch of its own, closed by default, holding the done and cancelled ones. */
function renderFold(container: HTMLElement, nodes: PlanNode[], id: string, place: Place, run: Run): void {
  const forced = run.hits !== null && nodes.some((n) => run.hits?.open.has(n.id) === true || run.hits?.match.has(n.id) === true);
  const open = forced || (run.ctx.tree.expanded.get(id) ?? false);
  const text = `${nodes.length} done`;
  const item = container.createDiv({ cls: 'action-plan-branch' }).createDiv({
    cls: 'action-plan-node action-plan-fold-node',
    attr: { role: 'treeitem', tabindex: -1, 'aria-level': place.level, 'aria-label': text, 'aria-expanded': String(open), 'data-id': id, 'data-kind': 'fold' },
  });
  item.setCssProps({ '--action-plan-level': String(place.level - 1) });
  const row = item.createDiv({ cls: 'action-plan-row action-plan-fold' });
  const twisty = row.createSpan({ cls: 'action-plan-twisty', text: open ? '▾' : '▸', attr: { 'aria-hidden': 'true' } });
  const label = row.createSpan({ cls: 'action-plan-node-text', text });
  const inner: Place = { ...place, folded: true };
  const toggle = (): void => setExpanded(item, !isOpen(item), run.ctx, id, (group) => renderPage(group, nodes, id, inner, { ...run, hits: null }, 0));
  twisty.addEventListener('click', toggle);
  label.addEventListener('click', toggle);
  if (open) renderPage(childGroup(item), nodes, id, inner, run, 0);
}

/**
 * A branch's children, in a group after its tree item, both in one `action-plan-branch`: the
 * item holds only its own row, so that its name is what the row shows (the level says the rest).
 */
function childGroup(item: HTMLElement): HTMLElement {
  const group = createDiv({ cls: 'action-plan-children', attr: { role: 'group' } });
  item.after(group);
  return group;
}

/** The group of a branch's children, once built. */
export function groupOf(item: HTMLElement): HTMLElement | null {
  const next = item.nextElementSibling;
  return next instanceof HTMLElement && next.hasClass('action-plan-children') ? next : null;
}

/**
 * The row's name: what a sighted person reads on it, in its order (text, due chip, help,
 * progress), then what the row shows without words (its state, its link marker).
 */
function rowName(shown: (string | null)[], unsaid: (string | null)[]): string {
  return [...shown, ...unsaid].filter((p): p is string => p !== null && p !== '').join(', ');
}

function stateWords(node: PlanNode, underDone: boolean): string | null {
  if (node.kind !== 'step') return null;
  if (underDone && node.status !== 'done') return DONE_WITH_STEP_ABOVE;
  return node.status === 'todo' ? 'to do' : node.status === 'doing' ? 'in progress' : node.status;
}

/** What a row shows besides its box and twisty, in its order: the name reads the same parts. */
interface RowParts {
  label: string;
  links: string[];
  chip: DueChip | null;
  marker: 'expands' | 'ref' | null;
  linkHint: string | null;
  progress: string | null;
}

function rowParts(node: PlanNode, place: Place, ctx: RenderContext, branch: boolean): RowParts {
  const marker = linkMarker(node);
  // A link that brings a note's plan in is said by the marker; other links stand apart.
  const words = stepWords(node.text, node.help ? ctx.helpTag : null);
  return {
    label: words.text,
    links: marker === 'expands' ? [] : words.links,
    chip: place.underDone ? null : nodeDueChip(node, ctx.today, ctx.plainDates !== true),
    marker,
    linkHint: marker === null ? null : marker === 'expands' ? 'Plan continues in the linked note' : 'Counted where the note first appears',
    progress: node.progress.total > 0 && (branch || node.kind !== 'step') ? `${node.progress.done}/${node.progress.total}` : null,
  };
}

/** A step still waiting on another (SPEC 1.7); one under a done step is finished with it. */
function isBlocked(node: PlanNode, place: Place): boolean {
  return node.blocked && !place.underDone;
}

function rowNameOf(node: PlanNode, place: Place, p: RowParts): string {
  const shown = [p.label, ...p.links, p.chip?.label ?? null, node.help ? 'Help' : null, isBlocked(node, place) ? 'Blocked' : null, p.progress === null ? null : `${p.progress} done`];
  return rowName(shown, [stateWords(node, place.underDone), p.linkHint]);
}

/** The row's chips after its text: links, due, Help, Blocked, link marker, progress. */
function renderMeta(row: HTMLElement, node: PlanNode, place: Place, p: RowParts): void {
  const meta = row.createSpan({ cls: 'action-plan-meta' });
  for (const l of p.links) rowPart(meta, 'action-plan-step-link', l, { dir: 'auto' });
  if (p.chip !== null) rowPart(meta, 'action-plan-due', p.chip.label, { 'data-due': p.chip.kind, title: `Due ${p.chip.date}` });
  if (node.help) rowPart(meta, 'action-plan-help-badge', 'Help', { title: 'Needs outside help' });
  if (isBlocked(node, place)) rowPart(meta, 'action-plan-blocked-badge', 'Blocked', { title: 'Waits on a step that is not finished' });
  if (p.marker !== null) rowPart(meta, 'action-plan-link', p.marker === 'expands' ? '↳' : '↺', { 'data-link': p.marker, title: p.linkHint ?? '' });
  if (p.progress !== null) {
    const mini = rowPart(meta, 'action-plan-mini', '', { title: `${p.progress} done` });
    mini.setCssProps({ '--action-plan-percent': `${node.progress.percent}%` });
    mini.createSpan({ cls: 'action-plan-mini-fill' });
    rowPart(meta, 'action-plan-mini-text', p.progress);
  }
}

function renderNode(container: HTMLElement, node: PlanNode, place: Place, run: Run): void {
  const { ctx } = run;
  const id = node.id;
  const children = visibleChildren(node, ctx, place.underDone);
  const branch = children.length > 0;
  const expanded = branch && isExpanded(id, run);
  const isStep = node.kind === 'step';
  const parts = rowParts(node, place, ctx, branch);
  const item = container.createDiv({ cls: 'action-plan-branch' }).createDiv({
    cls: 'action-plan-node',
    attr: { role: 'treeitem', tabindex: -1, 'aria-level': place.level, 'aria-label': rowNameOf(node, place, parts), 'data-id': id, 'data-kind': node.kind },
  });
  if (branch) item.setAttribute('aria-expanded', String(expanded));
  if (isStep) item.setAttribute('aria-checked', String(node.status === 'done'));
  item.setCssProps({ '--action-plan-level': String(place.level - 1) });

  const row = item.createDiv({ cls: isStep ? 'action-plan-row action-plan-step' : `action-plan-row action-plan-${node.kind}` });
  row.setAttrs({ 'data-path': node.path, 'data-line': String(node.line) });
  if (run.hits?.match.has(id) === true) row.setAttribute('data-match', 'true');
  const twisty = row.createSpan({ cls: 'action-plan-twisty', attr: { 'aria-hidden': 'true' } });
  const inner: Place = { level: place.level + 1, underDone: place.underDone || (isStep && node.status === 'done'), folded: false };
  if (branch) {
    twisty.setText(expanded ? '▾' : '▸');
    twisty.addEventListener('click', (e) => {
      e.stopPropagation();
      setExpanded(item, !isOpen(item), ctx, id, (group) => renderList(group, children, id, inner, { ...run, hits: null }));
    });
  }
  if (isStep) {
    row.setAttribute('data-status', node.status ?? 'todo');
    if (place.underDone) row.setAttribute('data-effective', 'done');
    const box = row.createEl('input', { cls: 'action-plan-checkbox', type: 'checkbox', attr: { tabindex: -1, 'aria-label': `Done: ${parts.label}`, 'data-focus': `box:${id}` } });
    box.checked = node.status === 'done';
    tickBox(box, row, node, ctx, (checked) => item.setAttribute('aria-checked', String(checked)), () => ctx.tree.stay.set(id, place.folded));
  }
  const text = row.createSpan({ cls: 'action-plan-node-text', text: parts.label, attr: { title: node.text, dir: 'auto' } });
  text.addEventListener('click', () => ctx.actions.open(node.path, node.line));
  renderMeta(row, node, place, parts);
  if (expanded) renderList(childGroup(item), children, id, inner, run);
}

function isOpen(item: HTMLElement): boolean {
  return item.getAttribute('aria-expanded') === 'true';
}

/** Opens or closes a branch; its children are built (by `build`) the first time it opens. */
function setExpanded(item: HTMLElement, open: boolean, ctx: RenderContext, id: string, build: (group: HTMLElement) => void): void {
  ctx.tree.expanded.set(id, open);
  item.setAttribute('aria-expanded', String(open));
  const twisty = item.querySelector(':scope > .action-plan-row > .action-plan-twisty');
  twisty?.setText(open ? '▾' : '▸');
  let group = groupOf(item);
  if (open && group === null) {
    group = childGroup(item);
    build(group);
  }
  group?.toggleClass('action-plan-hidden', !open);
}
