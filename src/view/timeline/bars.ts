/**
 * The timeline's bars (SPEC 4.1, 4.3): one lane per row shown, a step's bar with its dates and
 * states as `data-*` attributes (focusable, named by what it shows) and its right end to drag,
 * a phase's thinner bar. Positions are CSS custom properties. A bar being moved is drawn where
 * the move puts it, marked pending, until the note confirms it.
 */
import type { TimelineBar, TimelineRow } from '../../engine/present/timeline';
import { barLabel, scheduleLine } from '../../engine/present/timeline-axis';
import { xOf, type Scale } from './chart';
import { dateOf } from './drawn';

/** Puts a bar (or a phase's) at its dates on the chart. */
function place(el: HTMLElement, bar: TimelineBar, scale: Scale): void {
  const x = xOf(scale, bar.start);
  el.setAttrs({ 'data-start': dateOf(bar.start), 'data-end': dateOf(bar.end) });
  el.setCssProps({ '--action-plan-bar-x': `${x}px`, '--action-plan-bar-w': `${xOf(scale, bar.end + 1) - x}px` });
}

/** What a step's bar says of itself: its name and the schedule's line (the details show both on hover and focus). */
export function barWords(row: TimelineRow, name: string): { label: string; schedule: string | null } {
  return { label: barLabel(row, name), schedule: scheduleLine(row) };
}

/** A step's bar as it is to be drawn: its row, the name it shows, and a pending move's bar if any. */
export interface BarView {
  row: TimelineRow;
  name: string;
  /** Where a move being written puts the bar (drawn there, marked pending), else null. */
  pending: TimelineBar | null;
}

/** Sets a step's bar element to what `v` shows: its attributes and its place (SPEC 4.1). */
export function setBar(el: HTMLElement, v: BarView, scale: Scale): void {
  const { row, pending } = v;
  const node = row.node;
  const bar = pending ?? row.bar;
  if (bar === null) return;
  el.setAttrs({
    'data-id': node.id,
    'data-path': node.path,
    'data-line': node.line,
    'data-status': node.status ?? 'todo',
    'data-critical': String(row.critical),
    'data-blocked': String(row.blocked),
    'data-overdue': String(row.overdue),
    'data-estimated': String(pending === null && bar.estimated),
    'aria-label': barWords(pending === null ? row : { ...row, bar: pending }, v.name).label,
  });
  if (pending !== null) el.setAttribute('data-pending', 'true');
  else if (el.hasAttribute('data-pending')) el.removeAttribute('data-pending');
  place(el, bar, scale);
}

/** Draws a row's lane, with its bar (a step's, movable, or a phase's). */
export function renderLane(lanes: Node, v: BarView, scale: Scale): HTMLElement {
  const { row } = v;
  const lane = lanes.createDiv({ cls: 'action-plan-timeline-lane', attr: { 'data-id': row.node.id } });
  const bar = v.pending ?? row.bar;
  if (bar === null) return lane;
  if (row.node.kind !== 'step') {
    place(lane.createDiv({ cls: 'action-plan-phase-bar', attr: { title: barLabel(row, v.name) } }), bar, scale);
    return lane;
  }
  const el = lane.createDiv({ cls: 'action-plan-bar', attr: { tabindex: 0, role: 'button', 'aria-roledescription': 'bar' } });
  setBar(el, v, scale);
  return lane;
}

/**
 * What a row's lane shows, as one string: a lane whose string is the same as when it was drawn
 * is left as it is when the timeline is drawn again, and a step's bar that changed is set anew
 * in place (setBar). The schedule's early start, finish and slack are not among them: the
 * details line reads them from the model when it shows.
 */
export function barSignature(v: BarView): string {
  const { row, pending } = v;
  const b = pending ?? row.bar;
  const flags = `${row.node.kind}${row.critical ? 'c' : ''}${row.blocked ? 'b' : ''}${row.overdue ? 'o' : ''}${pending !== null ? 'p' : ''}`;
  const bar = b === null ? '' : `${b.start}-${b.end}${b.estimated ? 'e' : ''}`;
  return `${row.node.path}\u0000${row.node.line}\u0000${row.node.status ?? ''}\u0000${v.name}\u0000${flags}\u0000${bar}`;
}
