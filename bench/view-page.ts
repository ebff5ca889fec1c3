/**
 * The view's benchmark page, run in Chromium by `bench/view-bench.mjs`: the real plugin over the
 * test host with a vault embedded in the page. It measures opening the view (the first slice of
 * cards drawn, laid out and painted), searches until the first matching step is laid out, and
 * ticks boxes of the first card's Plan until the card shows them.
 */
import ActionPlanPlugin from '../src/main';
import { VIEW_TYPE_PLAN, type PlanView } from '../src/view/plan-view';
import { SEARCH_COOL_DOWN } from '../src/view/header';
import { createTestApp, InMemoryVault, startPlugin } from '../tests/host';
import { freezeToday } from '../tests/preview/today';

interface BenchData {
  today: string;
  notes: Record<string, string>;
  ticks: number;
  /** Searches typed, each measured to its first result. */
  queries: string[];
}

export interface ViewBenchResult {
  goals: number;
  buildMs: number;
  /** From opening the view to the first slice laid out, the first time (code not yet warm). */
  openMs: number;
  /** From opening the view to the frame after it (painted), the first time. */
  paintMs: number;
  /** The same, median of later openings (closed and opened again). */
  warmOpenMs: number;
  warmPaintMs: number;
  rowsAtPaint: number;
  cardsAtPaint: number;
  /** Until every card is drawn. */
  allCardsMs: number;
  rows: number;
  tickP50: number;
  tickP95: number;
  tickMax: number;
  /** From the index telling the view a goal changed to its card drawn again and laid out. */
  drawP50: number;
  drawP95: number;
  ticks: number;
  /** From the search typed (its input event) to the first matching step laid out, by query. */
  search: { query: string; ms: number; matches: number }[];
  searchP50: number;
  searchMax: number;
}

declare global {
  interface Window {
    viewBench?: Promise<ViewBenchResult>;
  }
}

const nextPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

/** Ticks a box and resolves when its card is drawn again with the new count, laid out. */
function tick(list: HTMLElement, path: string, line: string, told: { at: number }): Promise<[number, number]> {
  const started = performance.now();
  const card = (): HTMLElement | null => list.querySelector<HTMLElement>(`.action-plan-card[data-path="${CSS.escape(path)}"]`);
  const before = card();
  const box = before?.querySelector<HTMLInputElement>(`.action-plan-step[data-line="${line}"] input`);
  if (!box) return Promise.resolve([NaN, NaN]);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const now = card();
      if (now === null || now === before) return;
      observer.disconnect();
      now.getBoundingClientRect();
      const end = performance.now();
      resolve([end - started, end - told.at]);
    });
    observer.observe(list, { childList: true });
      // The box is clicked as a person does; the measure ends when the new card is laid out.
    box.click();
  });
}

/** Types `query` into the view's search at once (as a paste) and resolves when its first matching step is laid out. */
function search(root: HTMLElement, query: string): Promise<{ ms: number; matches: number }> {
  const input = root.querySelector<HTMLInputElement>('.action-plan-search');
  if (input === null) return Promise.resolve({ ms: NaN, matches: 0 });
  return new Promise((resolve) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      const hit = root.querySelector<HTMLElement>('.action-plan-step[data-match="true"]');
      if (hit === null) return;
      observer.disconnect();
      hit.getBoundingClientRect();
      resolve({ ms: performance.now() - started, matches: root.querySelectorAll('[data-match="true"]').length });
    });
    observer.observe(root, { childList: true, subtree: true });
    input.value = query;
    input.dispatchEvent(new Event('input'));
  });
}

/** Clears the search and waits until every card is drawn again without it. */
async function clearSearch(view: PlanView): Promise<void> {
  const input = view.containerEl.querySelector<HTMLInputElement>('.action-plan-search');
  if (input === null) return;
  input.value = '';
  input.dispatchEvent(new Event('input'));
  for (let i = 0; i < 100 && view.containerEl.querySelector('[data-match="true"]') !== null; i++) await nextPaint();
  await view.whenDrawn();
}

async function searches(view: PlanView, queries: string[]): Promise<ViewBenchResult['search']> {
  const out: ViewBenchResult['search'] = [];
  for (const query of queries) {
    // A person types a new query after a pause: the clearing before it does not hold it back.
    await new Promise((resolve) => window.setTimeout(resolve, SEARCH_COOL_DOWN));
    await nextPaint();
    const r = await search(view.containerEl, query);
    out.push({ query, ...r });
    await clearSearch(view);
  }
  return out;
}

async function run(): Promise<ViewBenchResult> {
  const el = document.getElementById('view-bench-data');
  const data = JSON.parse(el?.textContent ?? '{}') as BenchData;
  freezeToday(data.today);
  const sidebar = document.body.createDiv({ cls: 'preview-sidebar' });
  const app = createTestApp(InMemoryVault.fromRecord(data.notes));
  app.workspace.setLayoutReady();
  const plugin = await startPlugin(ActionPlanPlugin, app);
  await plugin.index.whenBuilt();
  await app.settle();
  const goals = plugin.index.reports().length;
  await nextPaint();

  const open = async (): Promise<{ view: PlanView; openMs: number; paintMs: number; opened: number }> => {
    const opened = performance.now();
    await plugin.activateView();
    const view = app.workspace.getLeavesOfType(VIEW_TYPE_PLAN)[0]?.view as PlanView;
    sidebar.appendChild(view.containerEl);
    const rows = view.containerEl.querySelectorAll('.action-plan-step');
    rows[Math.min(49, rows.length - 1)]?.getBoundingClientRect();
    const openMs = performance.now() - opened;
    await nextPaint();
    return { view, openMs, paintMs: performance.now() - opened, opened };
  };
  const warm: { openMs: number; paintMs: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const { view, openMs, paintMs } = await open();
    warm.push({ openMs, paintMs });
    await view.whenDrawn();
    app.workspace.detachLeavesOfType(VIEW_TYPE_PLAN);
    await nextPaint();
  }
  const { view, opened } = await open();
  const { openMs, paintMs } = warm[0] ?? { openMs: NaN, paintMs: NaN };
  const later = warm.slice(1);
  const rowsAtPaint = view.containerEl.querySelectorAll('.action-plan-step').length;
  const cardsAtPaint = view.containerEl.querySelectorAll('.action-plan-card').length;
  await view.whenDrawn();
  const allCardsMs = performance.now() - opened;

  const found = await searches(view, data.queries);
  const list = view.containerEl.querySelector<HTMLElement>('.action-plan-cards');
  // The first card's Plan opened, as a click does, to tick its steps.
  list?.querySelector<HTMLElement>('.action-plan-card .action-plan-disclosure[data-disclosure="plan"]')?.click();
  const times: number[] = [];
  const draws: number[] = [];
  const told = { at: 0 };
  plugin.index.onChange(() => (told.at = performance.now()));
  if (list !== null) {
    const steps = Array.from(list.querySelectorAll<HTMLElement>('.action-plan-card:first-child .action-plan-step'))
      .filter((r) => r.dataset.path === list.querySelector<HTMLElement>('.action-plan-card')?.dataset.path)
      .slice(0, 10);
    const path = steps[0]?.dataset.path ?? '';
    for (let i = 0; i < data.ticks && steps.length > 0; i++) {
      const line = steps[i % steps.length]?.dataset.line ?? '';
      // Ticks come at a person's pace, not faster than the view's cool-down.
      await new Promise((resolve) => setTimeout(resolve, 250));
      const [total, draw] = await tick(list, path, line, told);
      times.push(total);
      draws.push(draw);
    }
  }
  const measured = times.filter((t) => !Number.isNaN(t));
  return {
    goals,
    buildMs: plugin.index.lastBuild.total,
    openMs,
    paintMs,
    warmOpenMs: percentile(later.map((w) => w.openMs), 50),
    warmPaintMs: percentile(later.map((w) => w.paintMs), 50),
    rowsAtPaint,
    cardsAtPaint,
    allCardsMs,
    rows: view.containerEl.querySelectorAll('.action-plan-step').length,
    tickP50: percentile(measured, 50),
    tickP95: percentile(measured, 95),
    tickMax: Math.max(0, ...measured),
    drawP50: percentile(draws.filter((t) => !Number.isNaN(t)), 50),
    drawP95: percentile(draws.filter((t) => !Number.isNaN(t)), 95),
    ticks: measured.length,
    search: found,
    searchP50: percentile(found.map((f) => f.ms), 50),
    searchMax: Math.max(0, ...found.map((f) => f.ms)),
  };
}

window.viewBench = run();
