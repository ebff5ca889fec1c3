/**
 * The timeline's chart behind the bars: the axis with its ticks and the checkpoints as
 * diamonds, and one SVG layer with the grid, the today and target lines and a group for the
 * dependency arrows (arrows.ts). Positions are SVG attributes and CSS custom properties
 * computed here.
 */
import { formatDay, isDay, type Day } from '../../engine/days/dates';
import { CHECKPOINT_LABELS, shortDate } from '../../engine/present/present';
import { axisTicks, type AxisTick } from '../../engine/present/timeline-axis';
import type { TimelineModel, Zoom } from '../../engine/present/timeline';

/** Height of a row, in px (the bars' lanes and the names beside them). */
export const ROW_HEIGHT = 30;

/** The arrows' head, one shape for every timeline on the page. */
export const ARROWHEAD = 'action-plan-arrowhead';

/** Days to pixels on the chart. */
export interface Scale {
  from: Day;
  dayWidth: number;
  width: number;
}

export function xOf(scale: Scale, day: Day): number {
  return (day - scale.from) * scale.dayWidth;
}

/** The axis: a label at each tick, the checkpoints as diamonds (each opens its entry). */
export function renderAxis(parent: HTMLElement, model: TimelineModel, scale: Scale, zoom: Zoom, weekStart: number, open: (line: number) => void): AxisTick[] {
  const axis = parent.createDiv({ cls: 'action-plan-timeline-axis', attr: { 'aria-hidden': 'false' } });
  const ticks = axisTicks(model.from, model.to, zoom, weekStart, model.today);
  for (const t of ticks) {
    const label = axis.createSpan({ cls: 'action-plan-timeline-tick', text: t.label });
    label.setCssProps({ '--action-plan-x': `${xOf(scale, t.day)}px` });
  }
  for (const m of model.milestones) {
    const date = formatDay(m.date) ?? '';
    const name = [`Checkpoint ${shortDate(m.date, model.today)}`, m.label, CHECKPOINT_LABELS[m.state]].filter((s) => s !== null).join(' · ');
    const diamond = axis.createEl('button', { cls: 'action-plan-milestone', attr: { 'data-date': date, 'data-state': m.state, 'aria-label': name, title: `${name} (${date})` } });
    diamond.setCssProps({ '--action-plan-x': `${xOf(scale, m.date) + scale.dayWidth / 2}px` });
    diamond.addEventListener('click', () => open(m.line));
  }
  return ticks;
}

function line(svg: SVGElement, cls: string, x: number, height: number): void {
  svg.createSvg('line', { cls, attr: { x1: x, y1: 0, x2: x, y2: height } });
}

/**
 * The layer behind the bars: grid, today and target, and the group the arrows are drawn in
 * (in front of the grid), returned.
 */
export function renderLayer(parent: HTMLElement, model: TimelineModel, scale: Scale, ticks: readonly AxisTick[], rows: number): SVGGElement {
  const height = rows * ROW_HEIGHT;
  const svg = parent.createSvg('svg', { cls: 'action-plan-timeline-layer', attr: { width: scale.width, height, 'aria-hidden': 'true' } });
  const defs = svg.createSvg('defs');
  const marker = defs.createSvg('marker', { attr: { id: ARROWHEAD, viewBox: '0 0 6 6', refX: 6, refY: 3, markerWidth: 6, markerHeight: 6, orient: 'auto' } });
  marker.createSvg('path', { cls: 'action-plan-arrowhead', attr: { d: 'M 0 0 L 6 3 L 0 6 z' } });
  for (const t of ticks) line(svg, 'action-plan-timeline-gridline', xOf(scale, t.day), height);
  if (isDay(model.target)) line(svg, 'action-plan-timeline-target', xOf(scale, model.target + 1), height);
  line(svg, 'action-plan-timeline-today', xOf(scale, model.today) + scale.dayWidth / 2, height);
  return svg.createSvg('g', { cls: 'action-plan-timeline-arrows' });
}
