/**
 * The graph the schedule runs over. A leaf waits on every leaf of the steps that it, or a step
 * above it, depends on; rather than an edge for each such pair, each step depended on has a
 * "finish" node (every leaf below it leads there) and each step that depends has a "start" node
 * (it leads to every leaf below it), joined by one edge per dependency. Nodes: the tree's node
 * `i` for a leaf, `size + i` for the finish of step `i`, `2 · size + i` for its start.
 */
import { LEAF, type PlanTree } from '../plan/plan-tree';
import type { Dependency } from './ids';

export interface Graph {
  /** Nodes: three per tree node. */
  n: number;
  /** Edges of node `v` are `to[first[v] .. first[v + 1])`. */
  first: Int32Array;
  to: Int32Array;
  /** The dependency (index in the list) an edge stands for, or -1 for an edge of the tree. */
  dep: Int32Array;
}

/** Adds an edge from each leaf of the subtree at `i` to `node` (`out`: from leaf to node) or back. */
function subtreeEdges(tree: PlanTree, i: number, node: number, out: boolean, from: number[], to: number[]): void {
  const end = tree.end(i);
  for (let c = i; c < end; c++) {
    if (!tree.has(c, LEAF)) continue;
    from.push(out ? c : node);
    to.push(out ? node : c);
  }
}

export function buildGraph(tree: PlanTree, deps: readonly Dependency[]): Graph {
  const size = tree.size;
  const n = 3 * size;
  const from: number[] = [];
  const to: number[] = [];
  const dep: number[] = [];
  const finishes = new Set<number>();
  const starts = new Set<number>();
  for (let k = 0; k < deps.length; k++) {
    const d = deps[k] as Dependency;
    from.push(size + d.on);
    to.push(2 * size + d.from);
    dep.push(k);
    finishes.add(d.on);
    starts.add(d.from);
  }
  for (const s of finishes) subtreeEdges(tree, s, size + s, true, from, to);
  for (const t of starts) subtreeEdges(tree, t, 2 * size + t, false, from, to);
  while (dep.length < from.length) dep.push(-1);
  const first = new Int32Array(n + 1);
  for (const v of from) first[v + 1] = (first[v + 1] as number) + 1;
  for (let v = 0; v < n; v++) first[v + 1] = (first[v + 1] as number) + (first[v] as number);
  const fill = first.slice(0, n);
  const edgeTo = new Int32Array(from.length);
  const edgeDep = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) {
    const at = fill[from[e] as number] as number;
    fill[from[e] as number] = at + 1;
    edgeTo[at] = to[e] as number;
    edgeDep[at] = dep[e] as number;
  }
  return { n, first, to: edgeTo, dep: edgeDep };
}

/** The strongly connected component of each node (Tarjan's algorithm, with a stack of its own). */
export function components(g: Graph): Int32Array {
  const index = new Int32Array(g.n).fill(-1);
  const low = new Int32Array(g.n);
  const comp = new Int32Array(g.n).fill(-1);
  const next = new Int32Array(g.n);
  const onStack = new Uint8Array(g.n);
  const stack: number[] = [];
  const calls: number[] = [];
  let counter = 0;
  let count = 0;
  const enter = (v: number): void => {
    index[v] = low[v] = counter++;
    next[v] = g.first[v] as number;
    stack.push(v);
    onStack[v] = 1;
    calls.push(v);
  };
  for (let root = 0; root < g.n; root++) {
    if (index[root] !== -1 || g.first[root] === g.first[root + 1]) continue;
    enter(root);
    while (calls.length > 0) {
      const v = calls[calls.length - 1] as number;
      if ((next[v] as number) < (g.first[v + 1] as number)) {
        const w = g.to[next[v] as number] as number;
        next[v] = (next[v] as number) + 1;
        if (index[w] === -1) enter(w);
        else if (onStack[w] === 1) low[v] = Math.min(low[v] as number, index[w] as number);
        continue;
      }
      calls.pop();
      const u = calls[calls.length - 1];
      if (u !== undefined) low[u] = Math.min(low[u] as number, low[v] as number);
      if (low[v] !== index[v]) continue;
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = 0;
        comp[w] = count;
      } while (w !== v);
      count++;
    }
  }
  return comp;
}

/** The nodes in an order where every edge that is kept goes forward (Kahn's algorithm). */
export function topologicalOrder(g: Graph, deps: readonly Dependency[]): Int32Array {
  const kept = (e: number): boolean => {
    const d = g.dep[e] as number;
    return d === -1 || (deps[d] as Dependency).kept;
  };
  const indegree = new Int32Array(g.n);
  for (let e = 0; e < g.to.length; e++) if (kept(e)) indegree[g.to[e] as number] = (indegree[g.to[e] as number] as number) + 1;
  const order = new Int32Array(g.n);
  let tail = 0;
  for (let v = 0; v < g.n; v++) if (indegree[v] === 0) order[tail++] = v;
  for (let head = 0; head < tail; head++) {
    const v = order[head] as number;
    for (let e = g.first[v] as number; e < (g.first[v + 1] as number); e++) {
      if (!kept(e)) continue;
      const w = g.to[e] as number;
      indegree[w] = (indegree[w] as number) - 1;
      if (indegree[w] === 0) order[tail++] = w;
    }
  }
  return order;
}
