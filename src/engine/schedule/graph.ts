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

/**
 * The graph of a tree's dependencies, in two passes over the same edges: the first counts each
 * node's edges, the second writes them in place (compressed rows), so that nothing grows as it
 * goes. Edges: each dependency's, from the finish of the step depended on to the start of the
 * step that depends; each leaf below a step depended on to its finish; its start to each leaf
 * below a step that depends.
 */
export function buildGraph(tree: PlanTree, deps: readonly Dependency[]): Graph {
  const size = tree.size;
  const n = 3 * size;
  /** 1: a step depended on (it has a finish node); 2: a step that depends (a start node); 3: both. */
  const role = new Uint8Array(size);
  for (const d of deps) {
    role[d.on] = (role[d.on] as number) | 1;
    role[d.from] = (role[d.from] as number) | 2;
  }
  const first = new Int32Array(n + 1);
  const edge = (from: number): number => (first[from + 1] = (first[from + 1] as number) + 1);
  eachEdge(tree, deps, role, edge);
  for (let v = 0; v < n; v++) first[v + 1] = (first[v + 1] as number) + (first[v] as number);
  const fill = first.slice(0, n);
  const to = new Int32Array(first[n] as number);
  const dep = new Int32Array(first[n] as number);
  eachEdge(tree, deps, role, (from, target, k) => {
    const at = fill[from] as number;
    fill[from] = at + 1;
    to[at] = target;
    dep[at] = k;
  });
  return { n, first, to, dep };
}

/** Calls `edge(from, to, dependency)` for each edge of the graph (dependency -1 for an edge of the tree). */
function eachEdge(tree: PlanTree, deps: readonly Dependency[], role: Uint8Array, edge: (from: number, to: number, dep: number) => void): void {
  const size = tree.size;
  for (let k = 0; k < deps.length; k++) {
    const d = deps[k] as Dependency;
    edge(size + d.on, 2 * size + d.from, k);
  }
  for (let s = 0; s < size; s++) {
    const r = role[s] as number;
    if (r === 0) continue;
    const end = tree.end(s);
    for (let c = s; c < end; c++) {
      if (!tree.has(c, LEAF)) continue;
      if ((r & 1) !== 0) edge(c, size + s, -1);
      if ((r & 2) !== 0) edge(2 * size + s, c, -1);
    }
  }
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
