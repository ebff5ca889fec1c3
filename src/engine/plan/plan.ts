/**
 * What a goal's report lists, read off its one tree (tree.ts) in a single pre-order walk:
 * next action (SPEC 1.5), overdue and help-needed steps, the done leaves that draw the burn-up
 * and set the pace, each countable leaf's planned day (expected progress, 1.4), the open work of
 * the capacity (1.4), the problems of the steps themselves (1.6). Node ids are given on demand
 * (`ensureIds`).
 */
import { formatDay, isDay, NO_DAY, type Day } from '../days/dates';
import type { PlannedWork } from './expected';
import { workingDaysOf } from '../days/working-days';
import { readLeaves, type TreeLeaves } from './leaves';
import { innermost, LEAF, STEP, type PlanTree } from './plan-tree';
import type { PlanNode, Problem, StepRef } from '../types';

export interface PlanLists {
  /** The open leaf not blocked with the earliest planned day, else the first such leaf in document order. */
  nextAction: StepRef | null;
  /** Open steps due before today, by due date then document order. */
  overdue: StepRef[];
  help: StepRef[];
  /** Done leaves: their done dates and weights, side by side (summed by date when drawn). */
  burnDays: Day[];
  burnWeights: number[];
  /** Weight of leaves done within the pace window. */
  paceDone: number;
  /** Open leaves' estimates in working days (1 when a leaf has none). */
  openWork: number;
  /** Open leaves counted in `openWork`. */
  openLeaves: number;
  /** Working days of the open leaves that carry an estimate. */
  estimatedWork: number;
  /** Countable leaves by planned day (own due date, else the nearest dated step's above). */
  planned: PlannedWork;
  /** Steps due after the step above, done steps with open steps below. */
  stepProblems: Problem[];
}

/** FNV-1a over a string, continuing from `h`. */
function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** What identifies a node among its siblings: its kind and text (a reference, its note). */
function keyHash(parent: number, node: PlanNode): number {
  const h = mix(mix(parent, node.kind), node.kind === 'ref' ? node.path : node.text);
  return mix(h, '\u0000');
}

/**
 * Ids that survive lines inserted above a node: the chain of texts from the goal down, with
 * the occurrence among siblings of the same text. Changing a node's text changes its id.
 */
function assignChildIds(parent: PlanNode, parentHash: number, hashes: number[]): void {
  const children = parent.children;
  hashes.length = 0;
  let seen: Map<number, number> | null = null;
  for (let i = 0; i < children.length; i++) {
    const c = children[i] as PlanNode;
    let h = keyHash(parentHash, c);
    if (children.length > 1) {
      seen ??= new Map();
      const n = seen.get(h) ?? 0;
      seen.set(h, n + 1);
      if (n > 0) h = mix(h, String(n));
    }
    c.id = `${parent.id}/${h.toString(36)}`.slice(-48);
    hashes.push(h);
  }
}

/**
 * Gives every node of a tree its id, once (the view and anything that keeps state per node
 * call it; a report that is only printed never pays for it).
 */
export function ensureIds(root: PlanNode): void {
  if (root.id !== '') return;
  const rootHash = mix(0x811c9dc5, root.path);
  root.id = rootHash.toString(36);
  const hashes: number[] = [];
  const stack: { node: PlanNode; hash: number }[] = [{ node: root, hash: rootHash }];
  while (stack.length > 0) {
    const { node, hash } = stack.pop() as { node: PlanNode; hash: number };
    if (node.children.length === 0) continue;
    assignChildIds(node, hash, hashes);
    for (let i = 0; i < node.children.length; i++) stack.push({ node: node.children[i] as PlanNode, hash: hashes[i] as number });
  }
}

function refOf(tree: PlanTree, i: number): StepRef {
  const step = tree.stepAt(i);
  return { path: tree.path(i), line: step.line, text: step.text, due: step.due };
}

/** What the steps above a node say about it; kept for nodes below a step only. */
interface Context {
  /** The context holds for nodes before this one (the end of the step's subtree). */
  until: number;
  /** Is there a step above (not only phases)? */
  stepAbove: boolean;
  /** Due date of the nearest step above that has one. */
  dueAbove: Day;
  /** The outermost done step above, or -1. */
  doneAbove: number;
  cancelled: boolean;
}

const TOP: Context = { until: Infinity, stepAbove: false, dueAbove: NO_DAY, doneAbove: -1, cancelled: false };

/** What the walk gathers besides the lists themselves. */
interface Walk {
  out: PlanLists;
  planned: { days: Day[]; weights: number[]; undated: number };
  /** The open leaf with the earliest planned day so far, and that day; the first open leaf. */
  next: number;
  nextDay: Day;
  firstOpen: number;
  today: Day;
  paceWindow: number;
  /** Steps that wait on others (schedule/): never the next action. */
  blocked: Uint8Array | null;
  /** Each leaf's planned day. */
  plannedDay: Int32Array;
}

/** A countable leaf: its planned day and weight, the next action, open work, the burn-up. */
function countLeaf(w: Walk, tree: PlanTree, i: number, ctx: Context, open: boolean): void {
  const step = tree.stepAt(i);
  const out = w.out;
  const day = w.plannedDay[i] as Day;
  if (isDay(day)) {
    w.planned.days.push(day);
    w.planned.weights.push(step.weight);
  } else w.planned.undated += step.weight;
  if (open) {
    const free = w.blocked === null || w.blocked[i] !== 1;
    if (free && isDay(day) && (w.next === -1 || day < w.nextDay)) {
      w.next = i;
      w.nextDay = day;
    }
    if (free && w.firstOpen === -1) w.firstOpen = i;
    const days = workingDaysOf(step.estimate);
    out.openWork += days;
    if (step.estimate > 0) out.estimatedWork += days;
    out.openLeaves++;
  }
  if (step.status === 'done' || ctx.doneAbove !== -1) {
    const when = isDay(step.done) ? step.done : ctx.doneAbove !== -1 ? tree.stepAt(ctx.doneAbove).done : NO_DAY;
    if (isDay(when)) {
      out.burnDays.push(when);
      out.burnWeights.push(step.weight);
      if (when <= w.today && w.today - when <= w.paceWindow) out.paceDone += step.weight;
    }
  }
}

/** The leaves' planned days, and the steps that wait on others (schedule/), as a goal's report has them. */
export interface LeafTiming {
  leaves: TreeLeaves;
  blocked: Uint8Array | null;
}

/** Reads the lists of a report off a built tree (progress already computed), in pre-order. */
export function listPlan(tree: PlanTree, target: Day, today: Day, paceWindow: number, timing: LeafTiming = { leaves: readLeaves(tree), blocked: null }): PlanLists {
  const planned = { days: [] as Day[], weights: [] as number[], undated: 0 };
  const out: PlanLists = { nextAction: null, overdue: [], help: [], burnDays: [], burnWeights: [], paceDone: 0, openWork: 0, openLeaves: 0, estimatedWork: 0, planned, stepProblems: [] };
  const walk: Walk = { out, planned, next: -1, nextDay: NO_DAY, firstOpen: -1, today, paceWindow, blocked: timing.blocked, plannedDay: timing.leaves.planned };
  const overdue: number[] = [];
  let reported: Set<number> | null = null;
  const contexts: Context[] = [TOP];
  for (let i = 0; i < tree.size; i++) {
    const ctx = innermost(contexts, i);
    if (tree.kind(i) !== STEP) continue;
    const step = tree.stepAt(i);
    const status = step.status;
    const due = step.due;
    const counted = !ctx.cancelled && status !== 'cancelled';
    const openStatus = status === 'todo' || status === 'doing';
    const open = counted && ctx.doneAbove === -1 && openStatus;
    if (counted) {
      if (isDay(due)) {
        const limit = ctx.stepAbove ? ctx.dueAbove : target;
        if (isDay(limit) && due > limit) {
          const what = ctx.stepAbove ? `the step above it (due ${formatDay(limit) ?? ''})` : `the goal's target (${formatDay(limit) ?? ''})`;
          out.stepProblems.push({ path: tree.path(i), line: step.line, severity: 'warning', code: 'due-after-parent', message: `Due ${formatDay(due) ?? ''}, after ${what}.` });
        }
      }
      const above = ctx.doneAbove;
      if (above !== -1 && openStatus && !(reported ??= new Set()).has(above)) {
        reported.add(above);
        out.stepProblems.push({ path: tree.path(above), line: tree.line(above), severity: 'warning', code: 'done-with-open-steps', message: 'This step is done but still has open steps below it.' });
      }
      if (open) {
        if (isDay(due) && due < today) overdue.push(i);
        if (step.help) out.help.push(refOf(tree, i));
      }
      if (tree.has(i, LEAF)) countLeaf(walk, tree, i, ctx, open);
    }
    const end = tree.end(i);
    if (end > i + 1) {
      const becomesDone = ctx.doneAbove === -1 && status === 'done';
      contexts.push({
        until: end,
        stepAbove: true,
        dueAbove: isDay(due) ? due : ctx.stepAbove ? ctx.dueAbove : NO_DAY,
        doneAbove: becomesDone ? i : ctx.doneAbove,
        cancelled: ctx.cancelled || status === 'cancelled',
      });
    }
  }
  // Pre-order is document order: by due date, then as the plan reads.
  overdue.sort((a, b) => tree.stepAt(a).due - tree.stepAt(b).due || a - b);
  out.overdue = overdue.map((i) => refOf(tree, i));
  const next = walk.next !== -1 ? walk.next : walk.firstOpen;
  out.nextAction = next === -1 ? null : refOf(tree, next);
  return out;
}
