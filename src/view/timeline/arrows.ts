/**
 * The timeline's dependency arrows (SPEC 4.3): from the end of the bar waited on to the start of
 * the bar that waits, between the rows shown; a step under a folded branch has its arrows at the
 * branch's row. Drawn into the arrows' group of the chart's layer (chart.ts).
 */
import { rowKey, type TimelineBar, type TimelineModel, type TimelineRow } from '../../engine/present/timeline';
import { ARROWHEAD, ROW_HEIGHT, xOf, type Scale } from './chart';

/** An arrow's ends in the chart's pixels, and the steps (`path:line`) it joins. */
export interface ArrowEnds {
  from: string;
  to: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One arrow's path: a curve out of the end of one bar into the start of the other. */
export function arrowPath(a: ArrowEnds): string {
  const bend = Math.max(8, Math.min(24, Math.abs(a.x2 - a.x1) / 2));
  return `M ${a.x1} ${a.y1} C ${a.x1 + bend} ${a.y1}, ${a.x2 - bend} ${a.y2}, ${a.x2} ${a.y2}`;
}

/**
 * The arrows between the rows shown (`shown`: indexes into the model's rows, top to bottom);
 * `barOf` gives a row's bar as drawn (a move's pending bar, else the model's).
 */
export function arrowEnds(model: TimelineModel, shown: readonly number[], scale: Scale, barOf: (row: TimelineRow) => TimelineBar | null): ArrowEnds[] {
  const y = new Map<number, number>();
  shown.forEach((i, k) => y.set(i, k));
  /** A row under a closed branch draws its arrows at the branch's row. */
  const place = (i: number): number | undefined => {
    let at = i;
    while (!y.has(at) && at !== -1) at = (model.rows[at] as TimelineRow).parent;
    return y.get(at);
  };
  const out: ArrowEnds[] = [];
  for (const a of model.arrows) {
    const from = model.rows[a.from] as TimelineRow;
    const to = model.rows[a.to] as TimelineRow;
    const [b1, b2] = [barOf(from), barOf(to)];
    const y1 = place(a.from);
    const y2 = place(a.to);
    if (b1 === null || b2 === null || y1 === undefined || y2 === undefined || y1 === y2) continue;
    out.push({ from: rowKey(from.node), to: rowKey(to.node), x1: xOf(scale, b1.end + 1), y1: (y1 + 0.5) * ROW_HEIGHT, x2: xOf(scale, b2.start), y2: (y2 + 0.5) * ROW_HEIGHT });
  }
  return out;
}

/** What the arrows look like, to tell whether they need drawing again. */
export function arrowsKey(arrows: readonly ArrowEnds[]): string {
  return arrows.map((a) => `${a.from}>${a.to}:${arrowPath(a)}`).join('|');
}

/** Draws the arrows into `group` (emptied first). */
export function drawArrows(group: SVGGElement, arrows: readonly ArrowEnds[]): void {
  group.empty();
  for (const a of arrows) {
    group.createSvg('path', { cls: 'action-plan-arrow', attr: { d: arrowPath(a), 'data-from': a.from, 'data-to': a.to, 'marker-end': `url(#${ARROWHEAD})` } });
  }
}
