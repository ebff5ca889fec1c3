/** What the rendering functions are given besides the model: the actions and the state they keep. */
import type { Day } from '../engine/days/dates';
import type { PlanNode, StepRef } from '../engine/types';
import type { Disclosure } from './select';

/** What a click in the view does; the shell (or the code block) supplies them. */
export interface ViewActions {
  /** Opens a note with the cursor on a 0-based line. */
  open(path: string, line: number): void;
  /** Ticks or unticks a step's box in its note; resolves to false when the edit was refused. */
  toggle(node: PlanNode): Promise<boolean>;
  /** Starts a new goal (the empty state's button). */
  newGoal(): void;
  /** Opens the goal's timeline in a tab (the card's button); absent where there is no main area. */
  timeline?: (path: string) => void;
}

/** A next action ticked in the list: it keeps its place there until the view is ordered again. */
export interface StayingNext {
  goal: string;
  step: StepRef;
  index: number;
}

/**
 * Open and closed branches (by hand or by default) and how many children a long branch shows,
 * by node id; and the rows ticked since the filter, search or sort last changed, which stay in
 * the place they had (true: among the done ones) until then: tree rows by node id, next actions
 * by `path:line`.
 */
export interface TreeState {
  expanded: Map<string, boolean>;
  shown: Map<string, number>;
  stay: Map<string, boolean>;
  stayNext: Map<string, StayingNext>;
}

export function newTreeState(): TreeState {
  return { expanded: new Map(), shown: new Map(), stay: new Map(), stayNext: new Map() };
}

export interface RenderContext {
  actions: ViewActions;
  today: Day;
  tree: TreeState;
  /** Show done steps in trees (setting). */
  showDone: boolean;
  /** The header's toggle: open steps only. */
  openOnly: boolean;
  /** The help tag (setting), shown as a badge rather than in the text. */
  helpTag: string;
  /** The search, lower case and trimmed ('' for none): matching steps are opened to and marked. */
  search: string;
  /** The cards' open disclosures by goal path (shared by the view and the code blocks). */
  disclosed: Map<string, Set<Disclosure>>;
  /** Due dates show as plain dates, never overdue or soon (a goal that is not active, SPEC 1.4). */
  plainDates?: boolean;
}

/** Is a card's disclosure open for the goal at `path` (remembered while Obsidian runs)? */
export function isDisclosed(ctx: RenderContext, path: string, which: Disclosure): boolean {
  return ctx.disclosed.get(path)?.has(which) ?? false;
}

export function setDisclosed(ctx: RenderContext, path: string, which: Disclosure, open: boolean): void {
  const set = ctx.disclosed.get(path) ?? new Set<Disclosure>();
  if (open) set.add(which);
  else set.delete(which);
  ctx.disclosed.set(path, set);
}
