/**
 * The burn-up chart: done work over time (filled), the expected line, today, and the forecast
 * dashed to the projected finish, with its dates and percents on the axes and a one-line legend.
 * The model gives every point in 0..1; this only scales them.
 */
import { parseDay, type Day } from '../engine/days/dates';
import { shortDate, type BurnupSeries, type ChartPoint } from '../engine/present/present';

const W = 300;
const H = 80;
const PAD = 4;

function xy(p: ChartPoint): string {
  const x = PAD + p.x * (W - 2 * PAD);
  const y = H - PAD - p.y * (H - 2 * PAD);
  return `${x.toFixed(1)},${y.toFixed(1)}`;
}

/** Steps up at each done date, as a count does. */
function stairs(points: ChartPoint[]): ChartPoint[] {
  const out: ChartPoint[] = [];
  let prev: ChartPoint | undefined;
  for (const p of points) {
    if (prev !== undefined) out.push({ date: p.date, x: p.x, y: prev.y });
    out.push(p);
    prev = p;
  }
  return out;
}

/** The chart with its axes and legend. */
export function renderBurnup(parent: HTMLElement, chart: BurnupSeries, title: string, today: Day): HTMLElement {
  const figure = parent.createEl('figure', { cls: 'action-plan-chart' });
  const body = figure.createDiv({ cls: 'action-plan-chart-body' });
  const y = body.createDiv({ cls: 'action-plan-chart-y', attr: { 'aria-hidden': 'true' } });
  y.createSpan({ text: '100 %' });
  y.createSpan({ text: '0 %' });
  drawChart(body, chart, title);
  const x = figure.createDiv({ cls: 'action-plan-chart-x', attr: { 'aria-hidden': 'true' } });
  x.createSpan({ text: shortDate(parseDay(chart.from), today) });
  x.createSpan({ text: shortDate(parseDay(chart.to), today) });
  const legend = figure.createEl('figcaption', { cls: 'action-plan-chart-legend' });
  const key = (kind: string, text: string): void => {
    const item = legend.createSpan({ cls: 'action-plan-legend-item', attr: { 'data-series': kind } });
    item.createSpan({ cls: 'action-plan-legend-swatch', attr: { 'aria-hidden': 'true' } });
    item.createSpan({ text });
  };
  key('done', 'Done');
  if (chart.expected.length > 1) key('expected', 'Expected');
  if (chart.forecast !== null && chart.forecast.length > 1) key('forecast', 'Forecast');
  if (chart.today !== null) key('today', 'Today');
  return figure;
}

function drawChart(parent: HTMLElement, chart: BurnupSeries, title: string): SVGSVGElement {
  const svg = parent.createSvg('svg', {
    cls: 'action-plan-burnup',
    attr: { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img', 'aria-label': title },
  });
  svg.createSvg('line', { cls: 'action-plan-burnup-axis', attr: { x1: PAD, y1: H - PAD, x2: W - PAD, y2: H - PAD } });
  const done = stairs(chart.done);
  const first = done[0];
  const last = done[done.length - 1];
  if (first !== undefined && last !== undefined) {
    const base = (p: ChartPoint): ChartPoint => ({ date: p.date, x: p.x, y: 0 });
    svg.createSvg('polygon', { cls: 'action-plan-burnup-area', attr: { points: [base(first), ...done, base(last)].map(xy).join(' ') } });
    svg.createSvg('polyline', { cls: 'action-plan-burnup-done', attr: { points: done.map(xy).join(' ') } });
  }
  if (chart.expected.length > 1) svg.createSvg('polyline', { cls: 'action-plan-burnup-expected', attr: { points: chart.expected.map(xy).join(' ') } });
  if (chart.forecast !== null && chart.forecast.length > 1) svg.createSvg('polyline', { cls: 'action-plan-burnup-forecast', attr: { points: chart.forecast.map(xy).join(' ') } });
  if (chart.today !== null) {
    const x = (PAD + chart.today * (W - 2 * PAD)).toFixed(1);
    svg.createSvg('line', { cls: 'action-plan-burnup-today', attr: { x1: x, y1: PAD, x2: x, y2: H - PAD } });
  }
  return svg;
}
