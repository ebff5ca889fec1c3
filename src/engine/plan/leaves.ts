/**
 * What a goal's leaves say, read off its tree in one pre-order walk: each leaf's planned day (its
 * own due date, else its nearest dated step ancestor's: SPEC 1.4), the one place it is worked
 * out, for the expected progress and the schedule alike; which leaves are open (not finished,
 * SPEC 1.7) and how many open leaves each subtree holds, for the schedule.
 */
import { isDay, NO_DAY, type Day } from '../days/dates';
import { innermost, LEAF, STEP, type PlanTree } from './plan-tree';

export interface TreeLeaves {
  /** 1 for an open leaf, by node. */
  open: Uint8Array;
  /** Open leaves among nodes `0 .. i - 1` at `i`; a subtree `[i, end)` holds `before[end] - before[i]`. */
  before: Int32Array;
  /** A leaf's planned day, by node; `NO_DAY` for other nodes and undated leaves. */
  planned: Int32Array;
}

/** What the steps above a node say about it, while the walk is below them. */
interface Above {
  until: number;
  due: Day;
  finished: boolean;
}

export function readLeaves(tree: PlanTree): TreeLeaves {
  const size = tree.size;
  const open = new Uint8Array(size);
  const before = new Int32Array(size + 1);
  const planned = new Int32Array(size).fill(NO_DAY);
  const stack: Above[] = [{ until: Infinity, due: NO_DAY, finished: false }];
  for (let i = 0; i < size; i++) {
    before[i + 1] = before[i] as number;
    const above = innermost(stack, i);
    if (tree.kind(i) !== STEP) continue;
    const step = tree.stepAt(i);
    const finished = above.finished || step.status === 'done' || step.status === 'cancelled';
    const due = isDay(step.due) ? step.due : above.due;
    if (tree.has(i, LEAF)) {
      planned[i] = due;
      if (!finished) {
        open[i] = 1;
        before[i + 1] = (before[i] as number) + 1;
      }
    }
    const end = tree.end(i);
    if (end > i + 1) stack.push({ until: end, due, finished });
  }
  return { open, before, planned };
}

/** Whether the step at node `i` is finished: no open leaf below it (or it is one). */
export function isFinished(tree: PlanTree, leaves: TreeLeaves, i: number): boolean {
  return (leaves.before[tree.end(i)] as number) - (leaves.before[i] as number) === 0;
}
