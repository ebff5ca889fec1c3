/**
 * The timeline's toolbar (SPEC 4.3): the goal's title, the legend of the marks on the chart and
 * the zoom buttons (weeks, months, quarters).
 */
import type { TimelineModel, Zoom } from '../../engine/present/timeline';

/** The legend: what each mark on the chart means. */
const LEGEND: readonly { kind: string; label: string }[] = [
  { kind: 'critical', label: 'Critical' },
  { kind: 'blocked', label: 'Blocked' },
  { kind: 'overdue', label: 'Overdue' },
  { kind: 'estimated', label: 'No due date: scheduled' },
  { kind: 'today', label: 'Today' },
  { kind: 'target', label: 'Target' },
];

const ZOOMS: readonly { zoom: Zoom; label: string }[] = [
  { zoom: 'weeks', label: 'Weeks' },
  { zoom: 'months', label: 'Months' },
  { zoom: 'quarters', label: 'Quarters' },
];

/** The hint the details line shows until a bar is hovered, focused or tapped. */
export function hint(phone: boolean): string {
  return phone
    ? 'Tap a bar for its dates and the −1 and +1 day buttons; press and hold a bar, then drag, to move it.'
    : 'Drag a bar to move its dates, its right end to move its due date; Shift+Right or Shift+Left on a focused bar: a day later or earlier.';
}

/** Draws the toolbar; `zoomTo` runs when a zoom button is pressed. */
export function renderToolbar(root: HTMLElement, model: TimelineModel, zoom: Zoom, zoomTo: (zoom: Zoom) => void): void {
  const bar = root.createDiv({ cls: 'action-plan-timeline-toolbar' });
  bar.createDiv({ cls: 'action-plan-timeline-title', text: model.title, attr: { dir: 'auto' } });
  const legend = bar.createDiv({ cls: 'action-plan-timeline-legend', attr: { 'aria-hidden': 'true' } });
  for (const l of LEGEND) {
    const item = legend.createSpan({ cls: 'action-plan-timeline-legend-item', attr: { 'data-kind': l.kind } });
    item.createSpan({ cls: 'action-plan-timeline-swatch' });
    item.createSpan({ text: l.label });
  }
  const group = bar.createDiv({ cls: 'action-plan-timeline-zoom', attr: { role: 'group', 'aria-label': 'Zoom' } });
  for (const z of ZOOMS) {
    const b = group.createEl('button', { text: z.label, attr: { 'aria-pressed': String(z.zoom === zoom), 'data-zoom': z.zoom } });
    b.addEventListener('click', () => zoomTo(z.zoom));
  }
}
