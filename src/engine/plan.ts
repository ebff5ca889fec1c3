/**
 * What a goal's report lists, read off its one tree (tree.ts) in a single pre-order walk:
 * next action (SPEC 1.5), overdue and help-needed steps, the done leaves that draw the burn-up
 * and set the pace, the open work of the capacity (1.4), the problems of the steps themselves
 * (1.6). Node ids are given on demand (`ensureIds`).
 */
import { formatDay, isDay, NO_DAY, type Day } from './dates';
import { workingDaysOf } from './fields';
import type { PlanNode, Problem, StepRef } from './types';


export interface PlanLists {
  /** The open leaf with the earliest due date, else the first open leaf in document order. */
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

function refOf(node: PlanNode): StepRef {
  return { path: node.path, line: node.line, text: node.text, due: node.due };
}

/** Reads the lists of a report off a built tree (progress already computed). */
export function listPlan(root: PlanNode, target: Day, today: Day, paceWindow: number): PlanLists {
  const out: PlanLists = { nextAction: null, overdue: [], help: [], burn: new Map(), paceDone: 0, openWork: 0, openLeaves: 0, stepProblems: [] };
  let nextDue: PlanNode | null = null;
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
          if (open) {
            if (isDay(node.due) && (nextDue === null || node.due < nextDue.due)) nextDue = node;
            firstOpen ??= node;
            out.openWork += workingDaysOf(node.estimate);
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
