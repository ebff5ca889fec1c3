/**
 * What the timeline keeps of its last drawing, to draw again only what changed: the elements of
 * each row shown (keyed by node id) with the signature they were drawn from, and the key of
 * what a whole drawing depends on (the axis, the zoom, the rows shown and their order). A move
 * not yet confirmed by the note is kept as the row it draws.
 */
import { formatDay, type Day } from '../../engine/days/dates';
import type { TimelineModel, TimelineRow, Zoom } from '../../engine/present/timeline';
import type { BarPlace } from '../../engine/present/timeline-move';
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

/** A move being written, or written and not yet read back from the note. */
export interface Pending {
  /** The step's line as the note had it before the first of these moves. */
  raw: string | null;
  /** Writes under way. */
  writes: number;
  /** Where the moves leave the bar. */
  place: BarPlace;
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
