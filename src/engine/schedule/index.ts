/**
 * Dependencies and the schedule of a goal (SPEC 1.7): ids matched across the goal's tree, the
 * blocked steps, the dependency problems, and each open leaf's early start, early finish, late
 * finish and slack over working days, with the goal's projected finish.
 *
 * It reads a built tree (plan-tree.ts) and may import the engine's dates, calendar, fields
 * (durations from estimates) and types; nothing of the command line, the plugin or the views.
 */
import { formatDay, isDay, NO_DAY, type Day } from '../days/dates';
import { STEP, type PlanTree } from '../plan/plan-tree';
import type { Problem } from '../types';
import { buildGraph, components, topologicalOrder, type Graph } from './graph';
import { matchDependencies, type Dependency } from './ids';
import { isFinished, readLeaves, type TreeLeaves } from './leaves';
import { NONE, runPasses } from './passes';
import { WorkingDayLine } from './day-line';

/** What the dependencies of a goal's tree say, whatever its status. */
export interface Dependencies {
  tree: PlanTree;
  leaves: TreeLeaves;
  deps: Dependency[];
  graph: Graph | null;
  /** 1 for a step that is blocked, by node. */
  blocked: Uint8Array;
  problems: Problem[];
}

/** The schedule of an active goal: days by node, `NO_DAY` except at open leaves. */
export interface Schedule {
  earlyStart: Int32Array;
  earlyFinish: Int32Array;
  lateFinish: Int32Array;
  /** Late start − early start, in working days; meaningful where `earlyStart` is a day. */
  slack: Int32Array;
  /** The goal's projected finish, `NO_DAY` when nothing is open. */
  finish: Day;
}

/** Dependencies found on a cycle are no longer kept; each step of a cycle gets one problem. */
function breakCycles(tree: PlanTree, graph: Graph, deps: Dependency[], problems: Problem[]): void {
  const comp = components(graph);
  const size = tree.size;
  const on = new Set<number>();
  for (const d of deps) {
    if (comp[size + d.on] !== comp[2 * size + d.from]) continue;
    d.kept = false;
    on.add(d.from).add(d.on);
  }
  for (const i of on) {
    problems.push({ path: tree.path(i), line: tree.line(i), severity: 'warning', code: 'dependency-cycle', message: 'This step is on a cycle of dependencies; the dependencies of the cycle are ignored.' });
  }
}

/** `dependency-order`: a step due before a step it depends on is due. */
function orderProblems(tree: PlanTree, deps: readonly Dependency[], problems: Problem[]): void {
  for (const d of deps) {
    if (!d.kept) continue;
    const due = tree.stepAt(d.from).due;
    const before = tree.stepAt(d.on).due;
    if (!isDay(due) || !isDay(before) || due >= before) continue;
    problems.push({
      path: tree.path(d.from),
      line: tree.line(d.from),
      severity: 'warning',
      code: 'dependency-order',
      message: `Due ${formatDay(due) ?? ''}, before “${tree.text(d.on)}” that it depends on is due (${formatDay(before) ?? ''}).`,
    });
  }
}

/** Blocked steps: not finished, while a step they or a step above them depend on is not. */
function blockedSteps(tree: PlanTree, leaves: TreeLeaves, deps: readonly Dependency[]): Uint8Array {
  const blocked = new Uint8Array(tree.size);
  if (deps.length === 0) return blocked;
  const stack: { until: number; blocked: boolean }[] = [{ until: Infinity, blocked: false }];
  let k = 0;
  for (let i = 0; i < tree.size; i++) {
    let above = stack[stack.length - 1] as { until: number; blocked: boolean };
    while (i >= above.until) {
      stack.pop();
      above = stack[stack.length - 1] as { until: number; blocked: boolean };
    }
    if (tree.kind(i) !== STEP) continue;
    let waits = above.blocked;
    // Dependencies are listed in pre-order of the step that waits.
    for (; k < deps.length && (deps[k] as Dependency).from === i; k++) {
      const d = deps[k] as Dependency;
      if (d.kept && !isFinished(tree, leaves, d.on)) waits = true;
    }
    if (waits && !isFinished(tree, leaves, i)) blocked[i] = 1;
    const end = tree.end(i);
    if (end > i + 1 && waits) stack.push({ until: end, blocked: true });
  }
  return blocked;
}

export function readDependencies(tree: PlanTree): Dependencies {
  const leaves = readLeaves(tree);
  const { dependencies: deps, problems } = matchDependencies(tree);
  const graph = deps.length > 0 ? buildGraph(tree, deps) : null;
  if (graph !== null) breakCycles(tree, graph, deps, problems);
  orderProblems(tree, deps, problems);
  return { tree, leaves, deps, graph, blocked: blockedSteps(tree, leaves, deps), problems };
}

/** The schedule of an active goal on `today`, over the given working days. */
export function scheduleGoal(d: Dependencies, today: Day, target: Day, workingDays: readonly number[]): Schedule {
  const { tree, leaves, graph, deps } = d;
  const line = new WorkingDayLine(workingDays, today);
  const order = graph === null ? null : topologicalOrder(graph, deps);
  const passes = runPasses({ tree, leaves, line, today, target, graph, order, deps });
  const size = tree.size;
  const out: Schedule = {
    earlyStart: new Int32Array(size).fill(NO_DAY),
    earlyFinish: new Int32Array(size).fill(NO_DAY),
    lateFinish: new Int32Array(size).fill(NO_DAY),
    slack: new Int32Array(size),
    finish: passes.finish === NONE ? NO_DAY : line.day(passes.finish),
  };
  if (passes.finish === NONE) return out;
  for (let i = 0; i < size; i++) {
    if (leaves.open[i] !== 1) continue;
    out.earlyStart[i] = line.day(passes.earlyStart[i] as number);
    out.earlyFinish[i] = line.day(passes.earlyFinish[i] as number);
    out.lateFinish[i] = line.day(passes.lateFinish[i] as number);
    out.slack[i] = (passes.lateStart[i] as number) - (passes.earlyStart[i] as number);
  }
  return out;
}

/** The schedule of a goal that is not active: nothing scheduled (SPEC 1.7). */
export function noSchedule(size: number): Schedule {
  return { earlyStart: new Int32Array(size).fill(NO_DAY), earlyFinish: new Int32Array(size).fill(NO_DAY), lateFinish: new Int32Array(size).fill(NO_DAY), slack: new Int32Array(size), finish: NO_DAY };
}
