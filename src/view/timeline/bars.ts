/**
 * The timeline's bars (SPEC 4.1, 4.3): one lane per row shown, a step's bar with its dates and
 * states as `data-*` attributes (focusable, named by what it shows) and its right end to drag,
 * a phase's thinner bar. Positions are CSS custom properties. A bar being moved is drawn where
 * the move puts it, marked pending, until the note confirms it.
 */
import { formatDay, type Day } from '../../engine/days/dates';
import { rowKey, type TimelineBar, type TimelineRow } from '../../engine/present/timeline';
import { barLabel, scheduleLine } from '../../engine/present/timeline-axis';
import { ROW_HEIGHT, xOf, type Scale } from './chart';

function day(d: Day): string {
  return formatDay(d) ?? '';
}

/** Puts a bar (or a phase's) at its dates on the chart. */
function place(el: HTMLElement, bar: TimelineBar, scale: Scale): void {
  const x = xOf(scale, bar.start);
  el.setAttrs({ 'data-start': day(bar.start), 'data-end': day(bar.end) });
  el.setCssProps({ '--action-plan-bar-x': `${x}px`, '--action-plan-bar-w': `${xOf(scale, bar.end + 1) - x}px` });
}

/** What a step's bar says of itself: its name and the schedule's line (hover and focus show both). */
export function barWords(row: TimelineRow, name: string): { label: string; schedule: string | null } {
  return { label: barLabel(row, name), schedule: scheduleLine(row) };
}

/**
 * Draws the lane of the `y`-th row shown, with its bar. `pending`: the bar where a move being
 * written puts it (drawn there, marked pending), else null.
 */
export function renderLane(lanes: Node, row: TimelineRow, name: string, scale: Scale, y: number, pending: TimelineBar | null): HTMLElement {
  const lane = lanes.createDiv({ cls: 'action-plan-timeline-lane', attr: { 'data-id': row.node.id } });
  lane.setCssProps({ '--action-plan-y': `${y * ROW_HEIGHT}px` });
  const bar = pending ?? row.bar;
  if (bar === null) return lane;
  const node = row.node;
  if (node.kind !== 'step') {
    place(lane.createDiv({ cls: 'action-plan-phase-bar', attr: { title: barLabel(row, name) } }), bar, scale);
    return lane;
  }
  const words = barWords(pending === null ? row : { ...row, bar: pending }, name);
  const el = lane.createDiv({
    cls: 'action-plan-bar',
    attr: {
      tabindex: 0,
      role: 'button',
      'data-key': rowKey(node),
      'data-id': node.id,
      'data-path': node.path,
      'data-line': node.line,
      'data-status': node.status ?? 'todo',
      'data-critical': String(row.critical),
      'data-blocked': String(row.blocked),
      'data-overdue': String(row.overdue),
      'data-estimated': String(pending === null && bar.estimated),
      'data-movable': 'true',
      'data-pending': pending === null ? null : 'true',
      'aria-label': words.label,
      'aria-roledescription': 'bar',
      title: words.schedule === null ? words.label : `${words.label}\n${words.schedule}`,
    },
  });
  place(el, bar, scale);
  el.createDiv({ cls: 'action-plan-bar-end', attr: { 'aria-hidden': 'true' } });
  return lane;
}

/**
 * Everything a row's name and lane are drawn from, as one string: a row whose string is the
 * same as when it was drawn is left as it is when the timeline is drawn again.
 */
export function rowSignature(row: TimelineRow, name: string, open: boolean, pending: TimelineBar | null): string {
  const n = row.node;
  const b = pending ?? row.bar;
  const flags = `${row.critical ? 'c' : ''}${row.blocked ? 'b' : ''}${row.overdue ? 'o' : ''}${pending !== null ? 'p' : ''}${open ? '' : 'f'}`;
  const bar = b === null ? '' : `${b.start}-${b.end}${b.estimated ? 'e' : ''}`;
  return [n.path, n.line, n.raw ?? '', n.status ?? '', name, flags, bar, n.earlyStart, n.earlyFinish, n.slack ?? ''].join('\u0000');
}
