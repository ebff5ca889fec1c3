/**
 * A goal's timeline (SPEC 4.3), drawn from the engine's timeline model: the toolbar, a line of
 * details for the bar under the pointer, the focus or the last tap, and the chart: the row names
 * fixed on the left (rows.ts), the bars in lanes that scroll sideways (bars.ts), the axis and
 * the layer behind the bars (chart.ts), the arrows (arrows.ts). It keeps its own open branches
 * and zoom, and the focus and scroll position, across redraws.
 *
 * Drawn again, it changes only the rows whose name or bar changed (keyed by node id), unless the
 * axis or the rows shown changed. A bar moved is drawn at once where the move puts it, marked
 * pending, until the note confirms it, or the move is refused and it snaps back (moves.ts).
 */
import { Platform, type App } from 'obsidian';
import type { Day } from '../../engine/days/dates';
import type { WriteFormat } from '../../engine/edit';
import { ensureIds } from '../../engine/plan/plan';
import { defaultZoom, timelineModel, type TimelineModel, type TimelineRow, type Zoom } from '../../engine/present/timeline';
import { DAY_WIDTH } from '../../engine/present/timeline-axis';
import type { BarMove } from '../../engine/present/timeline-move';
import type { GoalReport, PlanNode } from '../../engine/types';
import type { ViewActions } from '../context';
import { tickBox } from '../tick';
import { arrowEnds, arrowsKey, drawArrows } from './arrows';
import { barSignature, renderLane, setBar, type BarView } from './bars';
import { renderAxis, renderLayer, ROW_HEIGHT, xOf, type Scale } from './chart';
import { showDetails, showHint } from './details';
import { followDrags } from './drag';
import { isBranch, nameSignature, nameWords, renderName, rowName, visibleRows, type NameRow } from './rows';
import { hint, renderToolbar } from './toolbar';
import { dateOf, focusKey, layoutKey, type Drawn, type DrawnRow } from './drawn';
import { Moves } from './moves';

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
  /** A move was written to the note at `path`: the host reads it back (from its editor) at once. */
  written?: (path: string) => void;
}

export class Timeline {
  private zoom: Zoom | null = null;
  /** Open branches by node id; a branch not named is open. */
  readonly expanded: Map<string, boolean>;
  private model: TimelineModel | null = null;
  private report: GoalReport | null = null;
  private today: Day = 0;
  /** The node id of the bar last clicked or tapped. */
  private selected: string | null = null;
  private cancelDrag: (() => void) | null = null;
  private drawn: Drawn | null = null;
  /** Bars moved and not yet confirmed by the note. */
  private readonly moves: Moves;

  constructor(
    private readonly el: HTMLElement,
    private readonly host: TimelineHost,
    expanded: ReadonlyMap<string, boolean> = new Map(),
  ) {
    this.expanded = new Map(expanded);
    this.moves = new Moves(host, () => this.redraw());
  }

  /** A move is being written or waits for the note to confirm it. */
  get moving(): boolean {
    return this.moves.any;
  }

  /** Draws the goal's timeline (again), keeping the focus and the scroll position. */
  render(report: GoalReport, today: Day): void {
    this.cancelDrag?.();
    this.report = report;
    this.today = today;
    ensureIds(report.tree);
    this.model = timelineModel(report, today, this.host.settings().workingDays);
    this.moves.settle(this.model);
    this.draw(this.model);
  }

  private redraw(): void {
    if (this.model !== null) this.draw(this.model);
  }

  private draw(model: TimelineModel): void {
    const zoom = this.zoom ?? defaultZoom(model);
    const shown = visibleRows(model, this.expanded);
    const layout = layoutKey(model, zoom, shown);
    if (this.drawn !== null && this.drawn.layout === layout && this.el.contains(this.drawn.root)) this.update(this.drawn, model, shown);
    else this.drawAll(model, zoom, shown, layout);
  }

  private scale(model: TimelineModel): Scale {
    const dayWidth = DAY_WIDTH[this.zoom ?? defaultZoom(model)];
    return { from: model.from, dayWidth, width: (model.to - model.from + 1) * dayWidth };
  }

  private nameRow(model: TimelineModel, i: number): NameRow {
    const row = model.rows[i] as TimelineRow;
    return { row, name: rowName(row.node, this.host.settings().helpTag), branch: isBranch(model, i), open: this.expanded.get(row.node.id) !== false };
  }

  /** The row as drawn: with a pending move's bar, else the model's. */
  private shownRow(row: TimelineRow): TimelineRow {
    const bar = this.moves.barOf(row);
    return bar === undefined ? row : { ...row, bar };
  }

  /** Draws everything anew, keeping the scroll position and the focus. */
  private drawAll(model: TimelineModel, zoom: Zoom, shown: readonly number[], layout: string): void {
    // Read what the drawing keeps before writing anything.
    const focus = focusKey(this.el);
    const old = this.el.querySelector('.action-plan-timeline-scroll');
    const scroll = old === null ? null : { left: old.scrollLeft, top: old.scrollTop };
    const scale = this.scale(model);
    this.el.empty();
    const root = this.el.createDiv({ cls: 'action-plan-timeline', attr: { 'data-path': model.path, 'data-from': dateOf(model.from), 'data-to': dateOf(model.to), 'data-zoom': zoom, 'data-active': String(model.active) } });
    root.setCssProps({ '--action-plan-row-height': `${ROW_HEIGHT}px`, '--action-plan-chart-width': `${scale.width}px`, '--action-plan-day-width': `${scale.dayWidth}px` });
    renderToolbar(root, model, zoom, (z) => {
      this.zoom = z;
      this.redraw();
    });
    const details = root.createDiv({ cls: 'action-plan-timeline-details', attr: { 'aria-live': 'polite' } });
    showHint(details, hint(Platform.isMobile));
    if (model.noDates) root.createDiv({ cls: 'action-plan-timeline-empty', text: 'No dates yet' });
    const scroller = root.createDiv({ cls: 'action-plan-timeline-scroll' });
    const grid = scroller.createDiv({ cls: 'action-plan-timeline-grid' });
    const names = grid.createDiv({ cls: 'action-plan-timeline-names', attr: { role: 'tree', 'aria-label': `Steps of ${model.title}` } });
    names.createDiv({ cls: 'action-plan-timeline-corner' });
    const chart = grid.createDiv({ cls: 'action-plan-timeline-chart' });
    const ticks = renderAxis(chart, model, scale, zoom, this.host.settings().weekStart, (line) => this.host.actions.open(model.path, line));
    const lanes = chart.createDiv({ cls: 'action-plan-timeline-lanes', attr: { role: 'group', 'aria-label': `Bars of ${model.title}` } });
    const arrows = renderLayer(lanes, model, scale, ticks, shown.length);
    const drawn: Drawn = { layout, root, scroller, names, lanes, details, arrows, arrowsKey: '', scale, rows: [] };
    for (const i of shown) drawn.rows.push(this.drawRow(names, lanes, model, i, scale));
    this.drawArrowsOf(drawn, model, shown);
    this.listen(drawn);
    this.drawn = drawn;
    this.showSelected(drawn);
    if (scroll !== null) {
      scroller.scrollLeft = scroll.left;
      scroller.scrollTop = scroll.top;
    } else this.openOnToday(scroller, scale, model.today);
    if (focus !== null) root.querySelector<HTMLElement>(focus)?.focus({ preventScroll: true });
  }

  /** The first drawing opens on today; a tab not yet laid out gets it on the next frame. */
  private openOnToday(scroller: HTMLElement, scale: Scale, today: Day): void {
    const left = Math.max(0, xOf(scale, today) - 80);
    scroller.scrollLeft = left;
    window.requestAnimationFrame(() => {
      if (scroller.scrollLeft === 0) scroller.scrollLeft = left;
    });
  }

  /** A row's name and bar as they are to be drawn (the bar where a pending move puts it). */
  private views(model: TimelineModel, i: number): { name: NameRow; bar: BarView } {
    const name = this.nameRow(model, i);
    return { name, bar: { row: name.row, name: nameWords(name.name), pending: this.moves.barOf(name.row) ?? null } };
  }

  /** Draws a row's name, its box ticking the step as the model has it when clicked. */
  private drawName(names: Node, r: NameRow): HTMLElement {
    const el = renderName(names, r);
    const box = el.querySelector<HTMLInputElement>('input.action-plan-checkbox');
    const toggle = (node: PlanNode): Promise<boolean> => this.host.actions.toggle(this.model?.rows.find((x) => x.node.id === node.id)?.node ?? node);
    if (box !== null) tickBox(box, el, r.row.node, { actions: { toggle } }, () => undefined);
    return el;
  }

  /** Draws the `y`-th row shown (model row `i`): its name and its lane. */
  private drawRow(names: Node, lanes: Node, model: TimelineModel, i: number, scale: Scale): DrawnRow {
    const v = this.views(model, i);
    return { id: v.name.row.node.id, name: this.drawName(names, v.name), lane: renderLane(lanes, v.bar, scale), nameSig: nameSignature(v.name), barSig: barSignature(v.bar) };
  }

  /**
   * Draws again only what changed: a row's name, a step's bar (set anew in place, so that the
   * focus stays on it), a lane whose bar came or went; and the arrows if they moved.
   */
  private update(drawn: Drawn, model: TimelineModel, shown: readonly number[]): void {
    const focus = focusKey(this.el);
    const active = document.activeElement;
    let lost = false;
    shown.forEach((i, y) => {
      const old = drawn.rows[y] as DrawnRow;
      const v = this.views(model, i);
      const nameSig = nameSignature(v.name);
      if (nameSig !== old.nameSig) {
        const name = this.drawName(createFragment(), v.name);
        lost ||= old.name.contains(active);
        old.name.replaceWith(name);
        Object.assign(old, { name, nameSig });
      }
      const barSig = barSignature(v.bar);
      if (barSig === old.barSig) return;
      const bar = old.lane.querySelector<HTMLElement>(':scope > .action-plan-bar');
      if (bar !== null && (v.bar.pending ?? v.bar.row.bar) !== null && v.bar.row.node.kind === 'step') setBar(bar, v.bar, drawn.scale);
      else {
        const lane = renderLane(createFragment(), v.bar, drawn.scale);
        lost ||= old.lane.contains(active);
        old.lane.replaceWith(lane);
        old.lane = lane;
      }
      old.barSig = barSig;
    });
    this.drawArrowsOf(drawn, model, shown);
    this.showSelected(drawn);
    if (lost && focus !== null) drawn.root.querySelector<HTMLElement>(focus)?.focus({ preventScroll: true });
  }

  private drawArrowsOf(drawn: Drawn, model: TimelineModel, shown: readonly number[]): void {
    const ends = arrowEnds(model, shown, drawn.scale, (row) => this.shownRow(row).bar);
    const key = arrowsKey(ends);
    if (key === drawn.arrowsKey) return;
    drawArrows(drawn.arrows, ends);
    drawn.arrowsKey = key;
  }

  /** The names' clicks, the bars' details on hover and focus, and the bars' drags and keys. */
  private listen(drawn: Drawn): void {
    drawn.names.addEventListener('click', (e) => {
      const part = e.target instanceof Element ? e.target.closest<HTMLElement>('.action-plan-twisty, .action-plan-node-text') : null;
      const row = this.rowOf(part);
      if (part === null || row === null) return;
      if (part.hasClass('action-plan-twisty')) {
        this.expanded.set(row.node.id, this.expanded.get(row.node.id) === false);
        this.redraw();
      } else this.host.actions.open(row.node.path, row.node.line);
    });
    const hover = (e: Event): void => {
      const row = this.rowOf(e.target instanceof Element ? e.target.closest('.action-plan-bar') : null);
      if (row !== null) this.details(drawn, row);
    };
    drawn.lanes.addEventListener('mouseover', hover);
    drawn.lanes.addEventListener('focusin', hover);
    this.cancelDrag = followDrags(drawn.lanes, drawn.scale.dayWidth, {
      move: (bar, move) => this.move(bar, move),
      open: (bar) => this.withRow(bar, (row) => this.host.actions.open(row.node.path, row.node.line)),
      select: (bar) =>
        this.withRow(bar, (row) => {
          this.selected = row.node.id;
          this.details(drawn, row);
        }),
    });
  }

  /** The model's row an element of the timeline stands for (by its own or its row's `data-id`). */
  private rowOf(el: Element | null): TimelineRow | null {
    const id = el?.closest('[data-id]')?.getAttribute('data-id') ?? null;
    return id === null ? null : (this.model?.rows.find((r) => r.node.id === id) ?? null);
  }

  private withRow(bar: HTMLElement, then: (row: TimelineRow) => void): void {
    const row = this.rowOf(bar);
    if (row !== null && row.node.kind === 'step') then(row);
  }

  private details(drawn: Drawn, row: TimelineRow): void {
    const id = row.node.id;
    const move = id === this.selected ? (days: number) => this.moves.move(row, { kind: 'key', days }, this.today) : null;
    showDetails(drawn.details, this.shownRow(row), rowName(row.node, this.host.settings().helpTag), move);
  }

  private showSelected(drawn: Drawn): void {
    const row = this.selected === null ? undefined : this.model?.rows.find((r) => r.node.id === this.selected);
    if (row !== undefined) this.details(drawn, row);
  }

  private move(bar: HTMLElement, move: BarMove): void {
    this.withRow(bar, (row) => this.moves.move(row, move, this.today));
  }
}

