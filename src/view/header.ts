/**
 * The view's header: filter, sort, search and the open-steps-only toggle. Changing one updates
 * `prefs` and calls `changed`.
 */
import { RefreshTimer } from './refresh';
import type { GoalFilter, GoalSort, ViewPrefs } from './select';

const FILTERS: [GoalFilter, string][] = [
  ['active', 'Active goals'],
  ['all', 'All goals'],
  ['note', "This note's goal"],
];
const SORTS: [GoalSort, string][] = [
  ['target', 'By target date'],
  ['health', 'By health'],
  ['progress', 'By progress'],
  ['name', 'By name'],
];

function select<T extends string>(parent: HTMLElement, cls: string, label: string, options: [T, string][], value: T, set: (v: T) => void): HTMLSelectElement {
  const el = parent.createEl('select', { cls: `dropdown ${cls}`, attr: { 'aria-label': label } });
  for (const [v, text] of options) el.createEl('option', { value: v, text });
  el.value = value;
  el.addEventListener('change', () => set(el.value as T));
  return el;
}

/** The least time between two searches while the query is being typed, in ms. */
export const SEARCH_COOL_DOWN = 150;

export function renderHeader(parent: HTMLElement, prefs: ViewPrefs, changed: () => void, searchCoolDown = SEARCH_COOL_DOWN): HTMLElement {
  const header = parent.createDiv({ cls: 'action-plan-header' });
  const controls = header.createDiv({ cls: 'action-plan-controls' });
  select(controls, 'action-plan-filter', 'Show', FILTERS, prefs.filter, (v) => {
    prefs.filter = v;
    changed();
  });
  select(controls, 'action-plan-sort', 'Sort', SORTS, prefs.sort, (v) => {
    prefs.sort = v;
    changed();
  });
  const search = header.createEl('input', {
    cls: 'action-plan-search',
    type: 'search',
    placeholder: 'Search goals and steps',
    value: prefs.search,
    attr: { 'aria-label': 'Search goals and steps' },
  });
  const toggle = header.createEl('label', { cls: 'action-plan-open-only' });
  const box = toggle.createEl('input', { type: 'checkbox', cls: 'action-plan-open-only-box' });
  box.checked = prefs.openOnly;
  toggle.createSpan({ text: 'Open steps only' });
  box.addEventListener('change', () => {
    prefs.openOnly = box.checked;
    changed();
  });
  // At once when typing starts or a query is pasted, then at most once per cool-down while it goes on.
  const timer = new RefreshTimer(() => {
    if (prefs.search === search.value) return;
    prefs.search = search.value;
    changed();
  }, searchCoolDown);
  search.addEventListener('input', () => timer.request());
  return header;
}
