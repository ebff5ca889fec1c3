/**
 * A goal's implementation tree as data: nodes in pre-order, each a row of numbers (kind, note,
 * step or heading, end of its subtree, progress). An evaluation builds one (tree.ts) and reads
 * totals and lists off it (plan.ts); node objects (`PlanNode`) are made from it only when
 * something shows the tree, once per tree. A goal of 5,000 steps is one typed array, not
 * 5,000 objects with their child lists and progress values: the trees of a 10 MB vault took
 * 110 ms to evaluate as objects and 40 % of that in garbage collection.
 */
import { NO_DAY, type Day } from '../days/dates';
import { percentOf } from '../read/numbers';
import type { Dependencies, Schedule } from '../schedule';
import type { NoteData, NodeKind, PlanNode, Progress, StepData, StepStatus } from '../types';

/** What the schedule says of a tree's nodes (schedule/), once the goal is read. */
export interface Timing {
  readonly dependencies: Dependencies;
  readonly schedule: Schedule;
}

export const GOAL = 0;
export const PHASE = 1;
export const STEP = 2;
export const REF = 3;
export const KINDS: readonly NodeKind[] = ['goal', 'phase', 'step', 'ref'];

/** Flags beside the kind: a step with no step below; a phase with a step somewhere below. */
export const LEAF = 4;
export const HOLDS = 8;

/** Done and total are not whole numbers that fit: they are in `fractions`. */
export const FRACTION = 16;

/**
 * Numbers per node in `ints`: kind and flags, note, step or heading index, end of the subtree,
 * done, total. One typed array per tree: each is memory outside the heap, slow to get.
 */
export const INTS = 6;

const ZERO: Progress = Object.freeze({ done: 0, total: 0, percent: 0 });
const ONE_OPEN: Progress = Object.freeze({ done: 0, total: 1, percent: 0 });
const ONE_DONE: Progress = Object.freeze({ done: 1, total: 1, percent: 100 });
const NO_CHILDREN: PlanNode[] = Object.freeze([]) as unknown as PlanNode[];
const NO_IDS: readonly string[] = Object.freeze([]);

export class PlanTree {
  private shown: PlanNode | null = null;
  /** Set by the goal's report (goal.ts); null for a tree read on its own. */
  timing: Timing | null = null;

  constructor(
    /** The goal's title (the root's text). */
    readonly title: string,
    /** The notes the nodes stand in, as read for this evaluation (the goal note first). */
    readonly notes: readonly NoteData[],
    readonly size: number,
    /** `INTS` numbers per node (see above). */
    readonly ints: Int32Array,
    /** Done and total of the nodes flagged FRACTION, rounded to the decimals totals keep (`roundTotal`). */
    private readonly fractions: ReadonlyMap<number, readonly [number, number]> | null,
    /** The note a step's first resolving link leads to, by node. */
    private readonly linked: ReadonlyMap<number, string> | null,
  ) {}

  kind(i: number): number {
    return (this.ints[i * INTS] as number) & 3;
  }

  has(i: number, flag: number): boolean {
    return ((this.ints[i * INTS] as number) & flag) !== 0;
  }

  noteOf(i: number): NoteData {
    return this.notes[this.ints[i * INTS + 1] as number] as NoteData;
  }

  /** The step (kind STEP) or heading index (PHASE, REF; -1 for a whole note) of a node. */
  item(i: number): number {
    return this.ints[i * INTS + 2] as number;
  }

  /** Where the node's subtree ends: its children are `i + 1`, then `end(i + 1)` and so on. */
  end(i: number): number {
    return this.ints[i * INTS + 3] as number;
  }

  /** The step of a node known to be a step. */
  stepAt(i: number): StepData {
    const ints = this.ints;
    return (this.notes[ints[i * INTS + 1] as number] as NoteData).steps[ints[i * INTS + 2] as number] as StepData;
  }

  step(i: number): StepData | null {
    return this.kind(i) === STEP ? this.stepAt(i) : null;
  }

  path(i: number): string {
    return this.noteOf(i).path;
  }

  line(i: number): number {
    const k = this.kind(i);
    if (k === GOAL) return 0;
    if (k === STEP) return this.stepAt(i).line;
    return this.noteOf(i).headings[this.item(i)]?.line ?? 0;
  }

  text(i: number): string {
    const k = this.kind(i);
    if (k === GOAL) return this.title;
    if (k === STEP) return this.stepAt(i).text;
    const note = this.noteOf(i);
    const heading = note.headings[this.item(i)];
    if (k === PHASE) return heading?.text ?? '';
    const title = note.goal?.title ?? note.basename;
    return heading !== undefined ? `${title} › ${heading.text}` : title;
  }

  link(i: number): string | null {
    if (this.kind(i) === REF) return this.path(i);
    return this.linked?.get(i) ?? null;
  }

  progress(i: number): Progress {
    const f = this.has(i, FRACTION) ? this.fractions?.get(i) : undefined;
    const done = f !== undefined ? f[0] : (this.ints[i * INTS + 4] as number);
    const total = f !== undefined ? f[1] : (this.ints[i * INTS + 5] as number);
    if (total === 0 && done === 0) return ZERO;
    if (total === 1) return done === 1 ? ONE_DONE : done === 0 ? ONE_OPEN : { done, total, percent: percentOf(done, total) };
    return { done, total, percent: percentOf(done, total) };
  }

  /** The tree as node objects, made on first use and kept with the tree. */
  root(): PlanNode {
    this.shown ??= this.nodes();
    return this.shown;
  }

  private nodes(): PlanNode {
    const objs: TreeNode[] = new Array<TreeNode>(this.size);
    for (let i = 0; i < this.size; i++) objs[i] = new TreeNode(this, i);
    for (let i = 0; i < this.size; i++) {
      const end = this.end(i);
      if (end === i + 1) continue;
      let count = 0;
      for (let c = i + 1; c < end; c = this.end(c)) count++;
      // Sized once: a list grown by push keeps room for 17 nodes, most have two or three.
      const children = new Array<PlanNode>(count);
      count = 0;
      for (let c = i + 1; c < end; c = this.end(c)) children[count++] = objs[c] as TreeNode;
      (objs[i] as TreeNode).children = children;
    }
    return objs[0] as TreeNode;
  }
}

/**
 * A node of a tree that is shown: a view of one row of the tree (its kind, text, progress and
 * the step's fields are read from the tree and the step), with its id and child list.
 */
class TreeNode implements PlanNode {
  id = '';
  children: PlanNode[] = NO_CHILDREN;

  constructor(
    private readonly tree: PlanTree,
    private readonly at: number,
  ) {}

  get kind(): NodeKind {
    return KINDS[this.tree.kind(this.at)] as NodeKind;
  }
  get text(): string {
    return this.tree.text(this.at);
  }
  get path(): string {
    return this.tree.path(this.at);
  }
  get line(): number {
    return this.tree.line(this.at);
  }
  get link(): string | null {
    return this.tree.link(this.at);
  }
  get leaf(): boolean {
    return this.tree.has(this.at, LEAF);
  }
  get progress(): Progress {
    return this.tree.progress(this.at);
  }
  private get step(): StepData | null {
    return this.tree.step(this.at);
  }
  get raw(): string | null {
    return this.step?.raw ?? null;
  }
  get status(): StepStatus | null {
    return this.step?.status ?? null;
  }
  get due(): Day {
    return this.step?.due ?? NO_DAY;
  }
  get scheduled(): Day {
    return this.step?.scheduled ?? NO_DAY;
  }
  get start(): Day {
    return this.step?.start ?? NO_DAY;
  }
  get done(): Day {
    return this.step?.done ?? NO_DAY;
  }
  get estimate(): number {
    return this.step?.estimate ?? 0;
  }
  get help(): boolean {
    return this.step?.help ?? false;
  }
  get weight(): number {
    return this.step?.weight ?? 1;
  }
  get links(): string[] | null {
    return this.step?.links ?? null;
  }
  get stepId(): string | null {
    return this.step?.id ?? null;
  }
  get dependsOn(): readonly string[] {
    return this.step?.dependsOn ?? NO_IDS;
  }
  get blocked(): boolean {
    return this.tree.timing?.dependencies.blocked[this.at] === 1;
  }
  private planned(days: 'earlyStart' | 'earlyFinish' | 'lateFinish'): Day {
    return this.tree.timing?.schedule[days][this.at] ?? NO_DAY;
  }
  get earlyStart(): Day {
    return this.planned('earlyStart');
  }
  get earlyFinish(): Day {
    return this.planned('earlyFinish');
  }
  get lateFinish(): Day {
    return this.planned('lateFinish');
  }
  get slack(): number | null {
    const t = this.tree.timing;
    return t === null || t.schedule.earlyStart[this.at] === NO_DAY ? null : (t.schedule.slack[this.at] as number);
  }
  get critical(): boolean {
    const slack = this.slack;
    return slack !== null && slack <= 0;
  }
}

/**
 * The innermost of the nested scopes still open at node `i`, after closing those that end
 * before it; the outermost scope (ending at Infinity) is never closed.
 */
export function innermost<T extends { until: number }>(stack: T[], i: number): T {
  let top = stack[stack.length - 1] as T;
  while (i >= top.until) {
    stack.pop();
    top = stack[stack.length - 1] as T;
  }
  return top;
}
