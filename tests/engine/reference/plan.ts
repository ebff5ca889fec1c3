/**
 * Reference for tests (tree-reference.test.ts): the tree as plain node objects, kept as the
 * engine built it before trees became rows. Not used by the plugin or the command line.
 *
 * What a goal's report lists, read off its one tree (tree.ts) in a single pre-order walk:
 * next action (SPEC 1.5), overdue and help-needed steps, the done leaves that draw the burn-up
 * and set the pace, the open work of the capacity (1.4), the problems of the steps themselves
 * (1.6).
 */
import { formatDay, isDay, NO_DAY, type Day } from '../../../src/engine/days/dates';
import { workingDaysOf } from '../../../src/engine/read/fields';
import type { PlanNode, Problem, StepRef } from '../../../src/engine/types';


export interface PlanLists {
  /** The open leaf with the earliest planned day, else the first open leaf in document order. */
  nextAction: StepRef | null;
  /** Open steps due before today, by due date then document order. */
  overdue: StepRef[];
  help: StepRef[];
  /** Weight of done leaves by done date. */
  burn: Map<Day, number>;
  /** Weight of leaves done within the pace window. */
  paceDone: number;
  /** Open leaves' estimates in working days (1 when a leaf has none). */
  openWork: number;
  /** Open leaves counted in `openWork`. */
  openLeaves: number;
  /** Working days of the open leaves that carry an estimate. */
  estimatedWork: number;
  /** Countable leaves' planned days (own due, else the nearest dated step's above) and weights. */
  planned: { days: Day[]; weights: number[]; undated: number };
  /** Steps due after the step above, done steps with open steps below. */
  stepProblems: Problem[];
}

interface Context {
  /** Is there a step above (not only phases)? */
  stepAbove: boolean;
  /** Due date of the nearest step above that has one. */
  dueAbove: Day;
  /** The outermost done step above, if any. */
  doneAbove: PlanNode | null;
  cancelled: boolean;
}

function refOf(node: PlanNode): StepRef {
  return { path: node.path, line: node.line, text: node.text, due: node.due };
}

/** Reads the lists of a report off a built tree (progress already computed). */
export function listPlan(root: PlanNode, target: Day, today: Day, paceWindow: number): PlanLists {
  const out: PlanLists = { nextAction: null, overdue: [], help: [], burn: new Map(), paceDone: 0, openWork: 0, openLeaves: 0, estimatedWork: 0, planned: { days: [], weights: [], undated: 0 }, stepProblems: [] };
  let nextDue: PlanNode | null = null;
  let nextDay: Day = NO_DAY;
  let firstOpen: PlanNode | null = null;
  const overdue: { node: PlanNode; order: number }[] = [];
  const reported = new Set<PlanNode>();
  let order = 0;

  // Two stacks side by side rather than an object per node visited.
  const nodes: PlanNode[] = [root];
  const contexts: Context[] = [{ stepAbove: false, dueAbove: NO_DAY, doneAbove: null, cancelled: false }];
  while (nodes.length > 0) {
    const node = nodes.pop() as PlanNode;
    const ctx = contexts.pop() as Context;
    if (node.kind === 'ref') continue;
    let inner = ctx;
    if (node.kind === 'step') {
      order++;
      const status = node.status;
      const counted = !ctx.cancelled && status !== 'cancelled';
      const openStatus = status === 'todo' || status === 'doing';
      const open = counted && ctx.doneAbove === null && openStatus;
      if (counted) {
        if (isDay(node.due)) {
          const limit = ctx.stepAbove ? ctx.dueAbove : target;
          if (isDay(limit) && node.due > limit) {
            const what = ctx.stepAbove ? `the step above it (due ${formatDay(limit) ?? ''})` : `the goal's target (${formatDay(limit) ?? ''})`;
            out.stepProblems.push({ path: node.path, line: node.line, severity: 'warning', code: 'due-after-parent', message: `Due ${formatDay(node.due) ?? ''}, after ${what}.` });
          }
        }
        const above = ctx.doneAbove;
        if (above !== null && openStatus && !reported.has(above)) {
          reported.add(above);
          out.stepProblems.push({ path: above.path, line: above.line, severity: 'warning', code: 'done-with-open-steps', message: 'This step is done but still has open steps below it.' });
        }
        if (open) {
          if (isDay(node.due) && node.due < today) overdue.push({ node, order });
          if (node.help) out.help.push(refOf(node));
        }
        if (node.leaf) {
          const planned = isDay(node.due) ? node.due : ctx.dueAbove;
          if (isDay(planned)) {
            out.planned.days.push(planned);
            out.planned.weights.push(node.weight);
          } else out.planned.undated += node.weight;
          if (open) {
            if (isDay(planned) && (nextDue === null || planned < nextDay)) {
              nextDue = node;
              nextDay = planned;
            }
            firstOpen ??= node;
            out.openWork += workingDaysOf(node.estimate);
            if (node.estimate > 0) out.estimatedWork += workingDaysOf(node.estimate);
            out.openLeaves++;
          }
          if (status === 'done' || ctx.doneAbove !== null) {
            const when = isDay(node.done) ? node.done : ctx.doneAbove !== null ? ctx.doneAbove.done : NO_DAY;
            if (isDay(when)) {
              out.burn.set(when, (out.burn.get(when) ?? 0) + node.weight);
              if (when <= today && today - when <= paceWindow) out.paceDone += node.weight;
            }
          }
        }
      }
      if (node.children.length > 0) {
        const becomesDone = ctx.doneAbove === null && status === 'done';
        inner = {
          stepAbove: true,
          dueAbove: isDay(node.due) ? node.due : ctx.stepAbove ? ctx.dueAbove : NO_DAY,
          doneAbove: becomesDone ? node : ctx.doneAbove,
          cancelled: ctx.cancelled || status === 'cancelled',
        };
      }
    }
    // Pushed in reverse so that they are visited in document order.
    for (let i = node.children.length - 1; i >= 0; i--) {
      nodes.push(node.children[i] as PlanNode);
      contexts.push(inner);
    }
  }
  overdue.sort((a, b) => a.node.due - b.node.due || a.order - b.order);
  out.overdue = overdue.map((o) => refOf(o.node));
  const next = nextDue ?? firstOpen;
  out.nextAction = next === null ? null : refOf(next);
  return out;
}
