/** Which goals the view shows, in which order: the header's filter, sort and search. */
import { isDay } from '../engine/days/dates';
import type { PlanTree } from '../engine/plan/plan-tree';
import type { GoalReport, Health } from '../engine/types';

export type GoalFilter = 'active' | 'all' | 'note';
export type GoalSort = 'target' | 'health' | 'progress' | 'name';

/** A card's two disclosures, and the words of its progress bar's marks. */
export type Disclosure = 'plan' | 'details' | 'marks';

/** The header's choices and the cards' open disclosures by goal path; kept while Obsidian runs. */
export interface ViewPrefs {
  filter: GoalFilter;
  sort: GoalSort;
  search: string;
  /** The header's toggle: trees show open steps only. */
  openOnly: boolean;
  /** The disclosures open, by goal path, shared by the sidebar and the code blocks. */
  disclosed: Map<string, Set<Disclosure>>;
}

export function defaultPrefs(): ViewPrefs {
  return { filter: 'active', sort: 'target', search: '', openOnly: false, disclosed: new Map() };
}

/** Worst first: what needs attention leads. */
const HEALTH_ORDER: Health[] = ['overdue', 'behind', 'at-risk', 'unknown', 'on-track', 'ahead', 'paused', 'staying', 'done', 'dropped'];

/** Does a node of the tree show the query? Read off its rows: no recursion, however deep a plan nests. */
function anyText(plan: PlanTree, query: string): boolean {
  for (let i = 0; i < plan.size; i++) if (plan.text(i).toLowerCase().includes(query)) return true;
  return false;
}

function byName(a: GoalReport, b: GoalReport): number {
  return a.title.localeCompare(b.title) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

const COMPARE: Record<GoalSort, (a: GoalReport, b: GoalReport) => number> = {
  // Goals without a target come last.
  target: (a, b) => (isDay(a.target) ? a.target : Infinity) - (isDay(b.target) ? b.target : Infinity) || byName(a, b),
  health: (a, b) => HEALTH_ORDER.indexOf(a.health) - HEALTH_ORDER.indexOf(b.health) || byName(a, b),
  progress: (a, b) => a.progress.percent - b.progress.percent || byName(a, b),
  name: byName,
};

/** The goals to show. `notePath` is the note open in the editor (for the "this note's goal" filter). */
export function selectGoals(reports: readonly GoalReport[], prefs: ViewPrefs, notePath: string | null): GoalReport[] {
  const query = prefs.search.trim().toLowerCase();
  const shown = reports.filter((r) => {
    if (prefs.filter === 'active' && r.status !== 'active') return false;
    if (prefs.filter === 'note' && (notePath === null || !r.notes.includes(notePath))) return false;
    return query === '' || r.title.toLowerCase().includes(query) || anyText(r.plan, query);
  });
  return shown.sort(COMPARE[prefs.sort]);
}
