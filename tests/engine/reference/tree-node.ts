/**
 * Reference for tests (tree-reference.test.ts): the tree as plain node objects, kept as the
 * engine built it before trees became rows. Not used by the plugin or the command line.
 *
 * The nodes of a goal's tree and the progress of one node (SPEC 1.3). A step node reads its
 * fields through to the step it stands for; leaves share their child list and, at weight 1,
 * their progress values: a tree is built at every evaluation, so what a node costs matters.
 */
import { NO_DAY, type Day } from '../../../src/engine/days/dates';
import { percentOf, roundTotal } from '../../../src/engine/read/numbers';
import type { NoteData, PlanNode, Progress, StepData, StepStatus } from '../../../src/engine/types';

const ZERO: Progress = Object.freeze({ done: 0, total: 0, percent: 0 });
const ONE_OPEN: Progress = Object.freeze({ done: 0, total: 1, percent: 0 });
const ONE_DONE: Progress = Object.freeze({ done: 1, total: 1, percent: 100 });
const NO_CHILDREN: PlanNode[] = Object.freeze([]) as unknown as PlanNode[];

/** Appends a child; a node's first child gives it an array of its own. */
export function adopt(parent: PlanNode, child: PlanNode): void {
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else parent.children.push(child);
}

/**
 * A node of the tree. A step node reads its status, dates and the rest from the step it stands
 * for instead of copying them: a tree is built at every evaluation, and half the fields per node
 * is half the garbage.
 */
export class TreeNode implements PlanNode {
  id = '';
  leaf = false;
  /** A phase with a step somewhere below (one that only shows references holds none). */
  holds = false;
  progress: Progress = ZERO;
  /** Shared and frozen while the node has none (most are leaves): see `adopt`. */
  children: PlanNode[] = NO_CHILDREN;

  constructor(
    readonly kind: PlanNode['kind'],
    readonly text: string,
    readonly path: string,
    readonly line: number,
    public link: string | null,
    private readonly step: StepData | null,
  ) {}

  get raw(): string | null {
    return this.step === null ? null : this.step.raw;
  }
  get status(): StepStatus | null {
    return this.step === null ? null : this.step.status;
  }
  get due(): Day {
    return this.step === null ? NO_DAY : this.step.due;
  }
  get scheduled(): Day {
    return this.step === null ? NO_DAY : this.step.scheduled;
  }
  get start(): Day {
    return this.step === null ? NO_DAY : this.step.start;
  }
  get done(): Day {
    return this.step === null ? NO_DAY : this.step.done;
  }
  get estimate(): number {
    return this.step === null ? 0 : this.step.estimate;
  }
  get help(): boolean {
    return this.step === null ? false : this.step.help;
  }
  get weight(): number {
    return this.step === null ? 1 : this.step.weight;
  }
  get links(): string[] | null {
    return this.step === null ? null : this.step.links;
  }
  // The schedule is not part of this reference: it reads the engine's own tree.
  get stepId(): string | null {
    return this.step === null ? null : this.step.id;
  }
  get dependsOn(): readonly string[] {
    return this.step?.dependsOn ?? [];
  }
  readonly blocked = false;
  readonly earlyStart = NO_DAY;
  readonly earlyFinish = NO_DAY;
  readonly lateFinish = NO_DAY;
  readonly slack = null;
  readonly critical = false;
}

/** A node that is not a step: the goal, a phase (heading) or a reference. */
export function plainNode(kind: 'goal' | 'phase' | 'ref', path: string, line: number, text: string, link: string | null = null): PlanNode {
  return new TreeNode(kind, text, path, line, link, null);
}

export function stepNode(note: NoteData, s: StepData): PlanNode {
  return new TreeNode('step', s.text, note.path, s.line, null, s);
}

/** Totals rounded (no float noise from fractional weights); percent 100 only when all is done. */
export function makeProgress(done: number, total: number): Progress {
  // Whole numbers (no fractional weights) need no rounding.
  if (Number.isInteger(done) && Number.isInteger(total)) return { done, total, percent: percentOf(done, total) };
  return { done: roundTotal(done), total: roundTotal(total), percent: percentOf(done, total) };
}

/**
 * SPEC 1.3 for one node whose children are final: leaves count their weight, a done step
 * counts all its leaves done, a cancelled one counts nothing; references count nothing. A
 * phase that only shows a reference holds no step, so it does not stop the step above it
 * being a leaf.
 */
export function setProgress(node: TreeNode): void {
  let done = 0;
  let total = 0;
  let countable = false;
  for (const c of node.children) {
    if (c.kind === 'ref') continue;
    done += c.progress.done;
    total += c.progress.total;
    if (!countable && (c.kind === 'step' || (c as TreeNode).holds)) countable = true;
  }
  if (node.kind === 'step') {
    node.leaf = !countable;
    const status = node.status;
    if (node.leaf) {
      const weight = node.weight;
      // Most nodes are leaves of weight 1: they share two progress values instead of one each.
      if (weight === 1) {
        node.progress = status === 'cancelled' ? ZERO : status === 'done' ? ONE_DONE : ONE_OPEN;
        return;
      }
      total = weight;
      done = status === 'done' ? weight : 0;
    }
    if (status === 'done') done = total;
    if (status === 'cancelled') {
      done = 0;
      total = 0;
    }
  } else if (node.kind === 'phase' && countable) node.holds = true;
  node.progress = total === 0 && done === 0 ? ZERO : makeProgress(done, total);
}
