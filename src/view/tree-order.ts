/**
 * Which rows of a plan stand where: the branches open by default (down to the first open leaf),
 * a long branch's open children apart from its done ones, and the rows a search opens to.
 * Plans can nest thousands deep: these walks keep their own stack.
 */
import type { PlanNode } from '../engine/types';

/** A node that reads as finished: done or cancelled, under a done step, or a phase all done. */
export function isClosed(node: PlanNode, underDone: boolean): boolean {
  if (underDone || node.status === 'done' || node.status === 'cancelled') return true;
  return node.kind !== 'step' && node.progress.total > 0 && node.progress.done >= node.progress.total;
}

interface Walk {
  node: PlanNode;
  up: Walk | null;
  underDone: boolean;
}

function ancestors(w: Walk, into: Set<string>): void {
  for (let a = w.up; a !== null; a = a.up) into.add(a.node.id);
}

/** Depth-first, in document order; `visit` returning true stops the walk. */
function walk(top: readonly PlanNode[], visit: (w: Walk) => boolean): void {
  const stack: Walk[] = [];
  for (let i = top.length - 1; i >= 0; i--) stack.push({ node: top[i] as PlanNode, up: null, underDone: false });
  while (stack.length > 0) {
    const w = stack.pop() as Walk;
    if (visit(w)) return;
    const underDone = w.underDone || (w.node.kind === 'step' && w.node.status === 'done');
    const kids = w.node.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as PlanNode, up: w, underDone });
  }
}

/** The branches down to each top branch's first open leaf: a plan opens that far by default. */
export function firstOpenPath(top: readonly PlanNode[]): Set<string> {
  const open = new Set<string>();
  for (const branch of top) {
    walk([branch], (w) => {
      const n = w.node;
      if (n.kind !== 'step' || n.children.length > 0 || w.underDone || (n.status !== 'todo' && n.status !== 'doing')) return false;
      ancestors(w, open);
      return true;
    });
  }
  return open;
}

/** The rows whose text holds the query, and the branches that hold them. */
export interface Hits {
  match: Set<string>;
  open: Set<string>;
}

export function searchHits(top: readonly PlanNode[], query: string): Hits {
  const hits: Hits = { match: new Set(), open: new Set() };
  walk(top, (w) => {
    if (w.node.kind !== 'ref' && w.node.text.toLowerCase().includes(query)) {
      hits.match.add(w.node.id);
      ancestors(w, hits.open);
    }
    return false;
  });
  return hits;
}

/**
 * A long branch's children: the open ones in document order, and the done and cancelled ones
 * for the fold. A row ticked since the view was last ordered stays in the part it was in
 * (`stay`: true when it was folded).
 */
export function foldOf(nodes: readonly PlanNode[], underDone: boolean, stay: ReadonlyMap<string, boolean>): { open: PlanNode[]; done: PlanNode[] } {
  const open: PlanNode[] = [];
  const done: PlanNode[] = [];
  for (const n of nodes) {
    const folded = stay.get(n.id) ?? isClosed(n, underDone);
    (folded ? done : open).push(n);
  }
  return { open, done };
}
