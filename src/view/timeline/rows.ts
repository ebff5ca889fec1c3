/**
 * The timeline's rows of names, fixed on the left (SPEC 4.3): phases and steps in tree order,
 * each step with its checkbox (a step row of SPEC 4.1), a twisty on each branch, and the name of
 * a note whose plan the step brings in shown apart from the step's text, muted, as the sidebar
 * marks it. Which rows are shown follows the timeline's own open branches.
 */
import type { TimelineModel, TimelineRow } from '../../engine/present/timeline';
import { linkMarker } from '../../engine/present/present';
import type { PlanNode } from '../../engine/types';
import { displayText, linkNames, rowPart } from '../text';

/** The rows shown: those under a closed branch are left out. Indexes into the model's rows. */
export function visibleRows(model: TimelineModel, expanded: ReadonlyMap<string, boolean>): number[] {
  const out: number[] = [];
  for (let i = 0; i < model.rows.length; ) {
    const row = model.rows[i] as TimelineRow;
    out.push(i);
    i = isBranch(model, i) && expanded.get(row.node.id) === false ? row.end : i + 1;
  }
  return out;
}

export function isBranch(model: TimelineModel, i: number): boolean {
  return (model.rows[i] as TimelineRow).end > i + 1;
}

/** What a row's name says: the step's text, and apart from it the note its plan continues in. */
export interface RowName {
  text: string;
  /** The linked note's name, when the step brings that note's plan in (the sidebar's `↳`). */
  link: string | null;
}

export function rowName(node: PlanNode, helpTag: string): RowName {
  const tag = node.help ? helpTag : null;
  if (linkMarker(node) !== 'expands') return { text: displayText(node.text, tag), link: null };
  const names = linkNames(node.text);
  return { text: displayText(node.text, tag, true), link: names.length > 0 ? names.join(', ') : null };
}

/** The name as one line of words: for labels and the details. */
export function nameWords(name: RowName): string {
  return name.link === null ? name.text : `${name.text} (plan in ${name.link})`;
}

/** A row of the names column, as shown: whether it is a branch and whether that branch is open. */
export interface NameRow {
  row: TimelineRow;
  name: RowName;
  branch: boolean;
  open: boolean;
}

/** What a row's name shows, as one string: a name whose string is unchanged is not drawn again. */
export function nameSignature(r: NameRow): string {
  const n = r.row.node;
  return `${n.path}\u0000${n.line}\u0000${n.status ?? ''}\u0000${r.name.text}\u0000${r.name.link ?? ''}\u0000${r.branch ? (r.open ? 'o' : 'f') : ''}`;
}

/** Draws a row's name into `names` (its twisty and its text answer the column's one click listener). */
export function renderName(names: Node, r: NameRow): HTMLElement {
  const node = r.row.node;
  const words = nameWords(r.name);
  // The tree item is the row itself (one element a row: a timeline draws hundreds at once).
  const kind = node.kind === 'step' ? 'action-plan-step' : `action-plan-${node.kind}`;
  const attr = { role: 'treeitem', 'aria-level': r.row.depth + 1, 'aria-label': words, 'data-id': node.id, 'data-path': node.path, 'data-line': node.line };
  const line = names.createDiv({ cls: `action-plan-timeline-name action-plan-row ${kind}`, attr });
  line.setCssProps({ '--action-plan-level': String(r.row.depth) });
  if (r.branch) line.setAttribute('aria-expanded', String(r.open));
  if (r.branch) {
    const label = `${r.open ? 'Fold' : 'Unfold'} ${words}`;
    line.createEl('button', { cls: 'action-plan-twisty', text: r.open ? '▾' : '▸', attr: { 'aria-label': label } });
  }
  if (node.kind === 'step') {
    line.setAttribute('data-status', node.status ?? 'todo');
    const box = line.createEl('input', { cls: 'action-plan-checkbox', type: 'checkbox', attr: { 'aria-label': `Done: ${words}` } });
    box.checked = node.status === 'done';
  }
  line.createSpan({ cls: 'action-plan-node-text', text: r.name.text, attr: { title: node.text, dir: 'auto' } });
  if (r.name.link !== null) rowPart(line, 'action-plan-timeline-link', r.name.link, { title: `Plan continues in ${r.name.link}`, dir: 'auto' });
  return line;
}
