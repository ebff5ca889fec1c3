/**
 * Ids and dependencies matched within one goal's tree (SPEC 1.7): the first step carrying an id
 * owns it (a later one is a `duplicate-id`), a dependency on an id no step owns is an
 * `unknown-dependency` and is left out.
 */
import { STEP, type PlanTree } from '../plan/plan-tree';
import type { Problem } from '../types';

export interface Dependency {
  /** The node of the step that waits, and of the step it waits on. */
  from: number;
  on: number;
  /** False once it is found on a cycle (graph.ts): it is then ignored. */
  kept: boolean;
}

export interface Matched {
  dependencies: Dependency[];
  problems: Problem[];
}

function quoted(text: string): string {
  return `“${text.length > 60 ? text.slice(0, 59) + '…' : text}”`;
}

/** Owners of ids, by id: the first step (pre-order) carrying each. */
function owners(tree: PlanTree, problems: Problem[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < tree.size; i++) {
    if (tree.kind(i) !== STEP) continue;
    const id = tree.stepAt(i).id;
    if (id === null) continue;
    const owner = out.get(id);
    if (owner === undefined) {
      out.set(id, i);
      continue;
    }
    problems.push({
      path: tree.path(i),
      line: tree.line(i),
      severity: 'warning',
      code: 'duplicate-id',
      message: `The id "${id}" is already the id of ${quoted(tree.text(owner))} (${tree.path(owner)}:${tree.line(owner) + 1}); it is ignored here.`,
    });
  }
  return out;
}

/** Whether the step's own dependencies (`from` on in the list) already include `on`: a step lists few. */
function listed(deps: readonly Dependency[], from: number, on: number): boolean {
  for (let k = from; k < deps.length; k++) if ((deps[k] as Dependency).on === on) return true;
  return false;
}

/** The dependencies of a goal's tree, each step's in the order written, each pair once. */
export function matchDependencies(tree: PlanTree): Matched {
  const problems: Problem[] = [];
  const dependencies: Dependency[] = [];
  let ids: Map<string, number> | null = null;
  for (let i = 0; i < tree.size; i++) {
    if (tree.kind(i) !== STEP) continue;
    const wanted = tree.stepAt(i).dependsOn;
    if (wanted === null) continue;
    ids ??= owners(tree, problems);
    const own = dependencies.length;
    for (const id of wanted) {
      const on = ids.get(id);
      if (on === undefined) {
        problems.push({ path: tree.path(i), line: tree.line(i), severity: 'warning', code: 'unknown-dependency', message: `No step of this goal has the id "${id}"; this dependency is ignored.` });
      } else if (!listed(dependencies, own, on)) {
        dependencies.push({ from: i, on, kept: true });
      }
    }
  }
  // Duplicates are problems even where nothing depends on anything.
  if (ids === null) owners(tree, problems);
  return { dependencies, problems };
}
