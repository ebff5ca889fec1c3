/**
 * The forward and backward passes of SPEC 1.7 over working-day ordinals (day-line.ts): early
 * start and finish from today, start and scheduled dates and what a leaf waits on; late finish
 * from planned days, the target and what waits on the leaf; slack between them.
 */
import { isDay, type Day } from '../days/dates';
import { workingDaysOf } from '../read/fields';
import { LEAF, type PlanTree } from '../plan/plan-tree';
import type { Graph } from './graph';
import type { Dependency } from './ids';
import type { TreeLeaves } from './leaves';
import type { WorkingDayLine } from './day-line';

export const NONE = -0x3fffffff;
const FREE = 0x3fffffff;

export interface Passes {
  /** Ordinals by tree node, for open leaves. */
  earlyStart: Int32Array;
  earlyFinish: Int32Array;
  lateFinish: Int32Array;
  lateStart: Int32Array;
  /** The latest early finish, or `NONE` when no leaf is open. */
  finish: number;
}

export interface PassInput {
  tree: PlanTree;
  leaves: TreeLeaves;
  line: WorkingDayLine;
  today: Day;
  target: Day;
  /** The graph with its order, or null when nothing depends on anything. */
  graph: Graph | null;
  order: Int32Array | null;
  deps: readonly Dependency[];
}

/** The edges of `v` that are kept, as `visit(to)`. */
function eachEdge(input: PassInput, v: number, visit: (w: number) => void): void {
  const g = input.graph;
  if (g === null) return;
  for (let e = g.first[v] as number; e < (g.first[v + 1] as number); e++) {
    const d = g.dep[e] as number;
    if (d === -1 || (input.deps[d] as Dependency).kept) visit(g.to[e] as number);
  }
}

/** Graph nodes in an order every kept edge follows; just the leaves when there is no graph. */
function nodes(input: PassInput): ArrayLike<number> {
  if (input.order !== null) return input.order;
  const out: number[] = [];
  for (let i = 0; i < input.tree.size; i++) if (input.tree.has(i, LEAF)) out.push(i);
  return out;
}

function durationOf(input: PassInput, i: number): number {
  return workingDaysOf(input.tree.stepAt(i).estimate);
}

function forward(input: PassInput, order: ArrayLike<number>, out: Passes): void {
  const { tree, leaves, line } = input;
  const size = tree.size;
  /** The latest finish among what leads into a node. */
  const into = new Int32Array(3 * size).fill(NONE);
  const today = line.ceil(input.today);
  for (let k = 0; k < order.length; k++) {
    const v = order[k] as number;
    let finish = into[v] as number;
    if (v < size) {
      if (leaves.open[v] !== 1) continue;
      const step = tree.stepAt(v);
      let es = Math.max(today, finish === NONE ? NONE : finish + 1);
      if (isDay(step.start)) es = Math.max(es, line.ceil(step.start));
      if (isDay(step.scheduled)) es = Math.max(es, line.ceil(step.scheduled));
      finish = es + durationOf(input, v) - 1;
      out.earlyStart[v] = es;
      out.earlyFinish[v] = finish;
      out.finish = Math.max(out.finish, finish);
    }
    if (finish !== NONE) eachEdge(input, v, (w) => (into[w] = Math.max(into[w] as number, finish)));
  }
}

function backward(input: PassInput, order: ArrayLike<number>, out: Passes): void {
  const { tree, leaves, line } = input;
  const size = tree.size;
  /** The latest a node's predecessors may finish: the working day before what follows starts. */
  const up = new Int32Array(3 * size).fill(FREE);
  const target = isDay(input.target) ? line.floor(input.target) : FREE;
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k] as number;
    let bound = FREE;
    eachEdge(input, v, (w) => (bound = Math.min(bound, up[w] as number)));
    if (v >= size) {
      up[v] = bound;
      continue;
    }
    if (leaves.open[v] !== 1) continue;
    const planned = leaves.planned[v] as Day;
    let lf = Math.min(bound, target, isDay(planned) ? line.floor(planned) : FREE);
    if (lf === FREE) lf = out.finish;
    const ls = lf - durationOf(input, v) + 1;
    out.lateFinish[v] = lf;
    out.lateStart[v] = ls;
    up[v] = ls - 1;
  }
}

export function runPasses(input: PassInput): Passes {
  const size = input.tree.size;
  const out: Passes = {
    earlyStart: new Int32Array(size),
    earlyFinish: new Int32Array(size),
    lateFinish: new Int32Array(size),
    lateStart: new Int32Array(size),
    finish: NONE,
  };
  const order = nodes(input);
  forward(input, order, out);
  if (out.finish === NONE) return out;
  backward(input, order, out);
  return out;
}
