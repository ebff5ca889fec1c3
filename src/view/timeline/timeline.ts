/**
 * A goal's timeline (SPEC 4.3), drawn from the engine's timeline model: a toolbar with the
 * zoom, a line of details for the bar under the pointer or the focus, and the chart: the row
 * names fixed on the left (each step with its checkbox), the bars in lanes that scroll
 * sideways, the axis, the checkpoints, today, the target and the dependency arrows. It keeps
 * its own open branches and zoom across redraws, and the focus and scroll position with them.
 */
import type { App } from 'obsidian';
import { formatDay, type Day } from '../../engine/days/dates';
import type { WriteFormat } from '../../engine/edit';
import { ensureIds } from '../../engine/plan/plan';
import { defaultZoom, rowKey, timelineModel, type TimelineModel, type TimelineRow, type Zoom } from '../../engine/present/timeline';
import { barLabel, DAY_WIDTH, scheduleLine } from '../../engine/present/timeline-axis';
import type { GoalReport } from '../../engine/types';
import type { ViewActions } from '../context';
import { displayText } from '../text';
import { renderAxis, renderLayer, ROW_HEIGHT, xOf, type ArrowEnds, type Scale } from './chart';
import { followDrags } from './drag';
import { writeMove, type BarMove } from './move';

export interface TimelineSettings {
  dateFormat: WriteFormat;
  weekStart: number;
  workingDays: readonly number[];
  helpTag: string;
}

export interface TimelineHost {
  app: App;
  actions: Pick<ViewActions, 'open' | 'toggle'>;
  settings: () => TimelineSettings;
}

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

const HINT = 'Drag a bar to move its dates, its right end to move its due date; Shift+Right or Shift+Left on a focused bar: a day later or earlier.';

/** The rows shown: those under a closed branch are left out. */
function visibleRows(model: TimelineModel, expanded: ReadonlyMap<string, boolean>): number[] {
  const out: number[] = [];
  for (let i = 0; i < model.rows.length; ) {
    const row = model.rows[i] as TimelineRow;
    out.push(i);
    i = row.end > i + 1 && expanded.get(row.node.id) === false ? row.end : i + 1;
  }
  return out;
}

export class Timeline {
  private zoom: Zoom | null = null;
  /** Open branches by node id; a branch not named is open. */
  readonly expanded: Map<string, boolean>;
  private model: TimelineModel | null = null;
  private report: GoalReport | null = null;
  private today: Day = 0;
  private selected: string | null = null;
  private cancelDrag: (() => void) | null = null;

  constructor(
    private readonly el: HTMLElement,
    private readonly host: TimelineHost,
    expanded: ReadonlyMap<string, boolean> = new Map(),
  ) {
    this.expanded = new Map(expanded);
  }

  /** Draws the goal's timeline (again), keeping the focus and the scroll position. */
  render(report: GoalReport, today: Day): void {
    const focused = document.activeElement instanceof HTMLElement && this.el.contains(document.activeElement) ? document.activeElement.getAttribute('data-key') : null;
    const scroller = this.el.querySelector('.action-plan-timeline-scroll');
    const scroll = scroller === null ? null : { left: scroller.scrollLeft, top: scroller.scrollTop };
    this.cancelDrag?.();
    this.report = report;
    this.today = today;
    ensureIds(report.tree);
    this.model = timelineModel(report, today, this.host.settings().workingDays);
    this.draw(this.model);
    const again = this.el.querySelector('.action-plan-timeline-scroll');
    if (again !== null && scroll !== null) {
      again.scrollLeft = scroll.left;
      again.scrollTop = scroll.top;
    } else if (again !== null) {
      // The first drawing opens on today; a tab not yet laid out gets it on the next frame.
      const left = Math.max(0, xOf(this.scale(this.model), today) - 80);
      again.scrollLeft = left;
      window.requestAnimationFrame(() => {
        if (again.scrollLeft === 0) again.scrollLeft = left;
      });
    }
    if (focused !== null) this.barOf(focused)?.focus();
  }

  private redraw(): void {
    if (this.report !== null) this.render(this.report, this.today);
  }

  private scale(model: TimelineModel): Scale {
    const dayWidth = DAY_WIDTH[this.zoom ?? defaultZoom(model)];
    return { from: model.from, dayWidth, width: (model.to - model.from + 1) * dayWidth };
  }

  private draw(model: TimelineModel): void {
    const el = this.el;
    el.empty();
    const zoom = this.zoom ?? defaultZoom(model);
    const scale = this.scale(model);
    const root = el.createDiv({ cls: 'action-plan-timeline', attr: { 'data-path': model.path, 'data-from': day(model.from), 'data-to': day(model.to), 'data-zoom': zoom, 'data-active': String(model.active) } });
    root.setCssProps({ '--action-plan-row-height': `${ROW_HEIGHT}px`, '--action-plan-chart-width': `${scale.width}px`, '--action-plan-day-width': `${scale.dayWidth}px` });
    this.renderToolbar(root, model, zoom);
    const details = root.createDiv({ cls: 'action-plan-timeline-details', attr: { 'aria-live': 'polite' } });
    details.createSpan({ cls: 'action-plan-muted', text: HINT });
    if (model.noDates) root.createDiv({ cls: 'action-plan-timeline-empty', text: 'No dates yet' });
    const scroller = root.createDiv({ cls: 'action-plan-timeline-scroll' });
    const grid = scroller.createDiv({ cls: 'action-plan-timeline-grid' });
    const names = grid.createDiv({ cls: 'action-plan-timeline-names', attr: { role: 'tree', 'aria-label': `Steps of ${model.title}` } });
    names.createDiv({ cls: 'action-plan-timeline-corner' });
    const chart = grid.createDiv({ cls: 'action-plan-timeline-chart' });
    const ticks = renderAxis(chart, model, scale, zoom, this.host.settings().weekStart, (line) => this.host.actions.open(model.path, line));
    const lanes = chart.createDiv({ cls: 'action-plan-timeline-lanes', attr: { role: 'group', 'aria-label': `Bars of ${model.title}` } });
    const shown = visibleRows(model, this.expanded);
    renderLayer(lanes, model, scale, ticks, shown.length, this.arrowEnds(model, shown, scale));
    shown.forEach((i, y) => {
      const row = model.rows[i] as TimelineRow;
      this.renderName(names, row);
      this.renderLane(lanes, row, scale, y, details);
    });
    this.cancelDrag = followDrags(lanes, scale.dayWidth, {
      move: (bar, move) => this.move(bar, move),
      open: (bar) => this.withRow(bar, (row) => this.host.actions.open(row.node.path, row.node.line)),
      select: (bar) => this.withRow(bar, (row) => this.select(details, row)),
    });
    if (this.selected !== null) {
      const row = model.rows.find((r) => r.node.kind === 'step' && rowKey(r.node) === this.selected);
      if (row !== undefined) this.showDetails(details, row, true);
    }
  }

  private renderToolbar(root: HTMLElement, model: TimelineModel, zoom: Zoom): void {
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
      b.addEventListener('click', () => {
        this.zoom = z.zoom;
        this.redraw();
      });
    }
  }

  private arrowEnds(model: TimelineModel, shown: readonly number[], scale: Scale): ArrowEnds[] {
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
      const y1 = place(a.from);
      const y2 = place(a.to);
      if (from.bar === null || to.bar === null || y1 === undefined || y2 === undefined || y1 === y2) continue;
      out.push({ from: rowKey(from.node), to: rowKey(to.node), x1: xOf(scale, from.bar.end + 1), y1: (y1 + 0.5) * ROW_HEIGHT, x2: xOf(scale, to.bar.start), y2: (y2 + 0.5) * ROW_HEIGHT });
    }
    return out;
  }

  private renderName(names: HTMLElement, row: TimelineRow): void {
    const node = row.node;
    const branch = row.end > (this.model?.rows.indexOf(row) ?? 0) + 1;
    const open = this.expanded.get(node.id) !== false;
    const label = displayText(node.text, node.help ? this.host.settings().helpTag : null);
    const item = names.createDiv({ cls: 'action-plan-timeline-name', attr: { role: 'treeitem', 'aria-level': row.depth + 1, 'aria-label': label } });
    item.setCssProps({ '--action-plan-level': String(row.depth) });
    if (branch) item.setAttribute('aria-expanded', String(open));
    const line = item.createDiv({ cls: node.kind === 'step' ? 'action-plan-row action-plan-step' : `action-plan-row action-plan-${node.kind}`, attr: { 'data-path': node.path, 'data-line': node.line } });
    const twisty = line.createEl('button', { cls: 'action-plan-twisty', text: branch ? (open ? '▾' : '▸') : '', attr: { 'aria-label': branch ? `${open ? 'Fold' : 'Unfold'} ${label}` : '', tabindex: branch ? 0 : -1 } });
    if (branch) {
      twisty.addEventListener('click', () => {
        this.expanded.set(node.id, !open);
        this.redraw();
      });
    }
    if (node.kind === 'step') {
      line.setAttribute('data-status', node.status ?? 'todo');
      const box = line.createEl('input', { cls: 'action-plan-checkbox', type: 'checkbox', attr: { 'aria-label': `Done: ${label}` } });
      box.checked = node.status === 'done';
      box.addEventListener('click', (e) => {
        e.preventDefault();
        void this.host.actions.toggle(node);
      });
    }
    const text = line.createSpan({ cls: 'action-plan-node-text', text: label, attr: { title: node.text, dir: 'auto' } });
    text.addEventListener('click', () => this.host.actions.open(node.path, node.line));
  }

  private renderLane(lanes: HTMLElement, row: TimelineRow, scale: Scale, y: number, details: HTMLElement): void {
    const lane = lanes.createDiv({ cls: 'action-plan-timeline-lane' });
    lane.setCssProps({ '--action-plan-y': `${y * ROW_HEIGHT}px` });
    const bar = row.bar;
    if (bar === null) return;
    const node = row.node;
    const x = xOf(scale, bar.start);
    const w = xOf(scale, bar.end + 1) - x;
    if (node.kind !== 'step') {
      const phase = lane.createDiv({ cls: 'action-plan-phase-bar', attr: { 'data-start': day(bar.start), 'data-end': day(bar.end), title: barLabel(row) } });
      phase.setCssProps({ '--action-plan-bar-x': `${x}px`, '--action-plan-bar-w': `${w}px` });
      return;
    }
    const key = rowKey(node);
    const el = lane.createDiv({
      cls: 'action-plan-bar',
      attr: {
        tabindex: 0,
        role: 'button',
        'data-key': key,
        'data-path': node.path,
        'data-line': node.line,
        'data-start': day(bar.start),
        'data-end': day(bar.end),
        'data-status': node.status ?? 'todo',
        'data-critical': String(row.critical),
        'data-blocked': String(row.blocked),
        'data-overdue': String(row.overdue),
        'data-estimated': String(bar.estimated),
        'data-movable': 'true',
        'aria-label': barLabel(row),
        'aria-roledescription': 'bar',
        title: [barLabel(row), scheduleLine(row)].filter((s) => s !== null).join('\n'),
      },
    });
    el.setCssProps({ '--action-plan-bar-x': `${x}px`, '--action-plan-bar-w': `${w}px` });
    el.createDiv({ cls: 'action-plan-bar-end', attr: { 'aria-hidden': 'true' } });
    el.addEventListener('focus', () => this.showDetails(details, row, key === this.selected));
    el.addEventListener('mouseenter', () => this.showDetails(details, row, key === this.selected));
  }

  /** The bar of a step, by its `path:line`. */
  private barOf(key: string): HTMLElement | undefined {
    return Array.from(this.el.querySelectorAll<HTMLElement>('.action-plan-bar')).find((b) => b.getAttribute('data-key') === key);
  }

  private withRow(bar: HTMLElement, then: (row: TimelineRow) => void): void {
    const key = bar.getAttribute('data-key');
    const row = this.model?.rows.find((r) => r.node.kind === 'step' && rowKey(r.node) === key);
    if (row !== undefined) then(row);
  }

  private select(details: HTMLElement, row: TimelineRow): void {
    this.selected = rowKey(row.node);
    this.showDetails(details, row, true);
  }

  /** The details of a bar; a selected one offers a day earlier and a day later. */
  private showDetails(details: HTMLElement, row: TimelineRow, withButtons: boolean): void {
    details.empty();
    details.createSpan({ cls: 'action-plan-timeline-details-text', text: barLabel(row), attr: { dir: 'auto' } });
    const schedule = scheduleLine(row);
    if (schedule !== null) details.createSpan({ cls: 'action-plan-muted', text: ` · ${schedule}` });
    if (!withButtons) return;
    const key = rowKey(row.node);
    for (const [text, days] of [['−1 day', -1], ['+1 day', 1]] as const) {
      const b = details.createEl('button', { cls: 'action-plan-timeline-day', text, attr: { 'aria-label': `${text}: ${row.node.text}` } });
      b.addEventListener('click', () => {
        const bar = this.barOf(key);
        if (bar !== undefined) this.move(bar, { kind: 'key', days });
      });
    }
  }

  private move(bar: HTMLElement, move: BarMove): void {
    this.withRow(bar, (row) => {
      bar.setAttribute('data-pending', 'true');
      void writeMove(this.host.app, row, move, this.host.settings().dateFormat).then((r) => {
        // A refused move snaps back; a written one is drawn when the index reads the note.
        if (!r.ok) this.redraw();
      });
    });
  }
}

function day(d: Day): string {
  return formatDay(d) ?? '';
}
