/**
 * What the timeline keeps of its last drawing, to draw again only what changed: the elements of
 * each row shown (keyed by node id) with the signature they were drawn from, and the key of
 * what a whole drawing depends on (the axis, the zoom, the rows shown and their order); and
 * which element had the focus, to give it back once drawn anew.
 */
import { formatDay, type Day } from '../../engine/days/dates';
import type { TimelineModel, TimelineRow, Zoom } from '../../engine/present/timeline';
import type { Scale } from './chart';

export interface DrawnRow {
  id: string;
  name: HTMLElement;
  lane: HTMLElement;
  /** `nameSignature` and `barSignature` of what they were drawn from (rows.ts, bars.ts). */
  nameSig: string;
  barSig: string;
}

export interface Drawn {
  layout: string;
  root: HTMLElement;
  scroller: HTMLElement;
  names: HTMLElement;
  lanes: HTMLElement;
  details: HTMLElement;
  /** The layer's group of arrows, and the key of the arrows it holds. */
  arrows: SVGGElement;
  arrowsKey: string;
  scale: Scale;
  /** The rows shown, top to bottom. */
  rows: DrawnRow[];
}

export function dateOf(d: Day): string {
  return formatDay(d) ?? '';
}

/** What a whole drawing depends on; while it stays the same, only rows are drawn again. */
export function layoutKey(model: TimelineModel, zoom: Zoom, shown: readonly number[]): string {
  const milestones = model.milestones.map((m) => `${m.date}:${m.state}:${m.line}:${m.label ?? ''}`).join(',');
  const rows = shown.map((i) => (model.rows[i] as TimelineRow).node.id).join(',');
  return [model.path, model.title, model.active, model.today, model.target, model.from, model.to, model.noDates, zoom, milestones, rows].join('\u0000');
}

/** A selector of the focused element of the timeline inside `el`, to focus it again once drawn anew. */
export function focusKey(el: HTMLElement): string | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !el.contains(active)) return null;
  const id = active.closest('[data-id]')?.getAttribute('data-id');
  if (id === null || id === undefined) return active.matches('[data-zoom]') ? `button[data-zoom="${active.getAttribute('data-zoom') ?? ''}"]` : null;
  // Ids are base-36 hashes joined by `/`: nothing to escape inside the quotes.
  const inRow = `[data-id="${id}"]`;
  if (active.matches('.action-plan-bar')) return `.action-plan-bar${inRow}`;
  const part = ['action-plan-checkbox', 'action-plan-twisty'].find((c) => active.hasClass(c));
  return part === undefined ? null : `.action-plan-timeline-name${inRow} .${part}`;
}
