/** Loading fixture vaults (folders of notes) into the engine for tests. */
import { join } from 'node:path';
import { dayFromCivil, type Day } from '../../src/engine/days/dates';
import { loadVault } from '../../src/cli/load';
import type { GoalReport, PlanNode } from '../../src/engine/types';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/engine/types';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export function day(s: string): Day {
  const [y, m, d] = s.split('-').map(Number);
  return dayFromCivil(y ?? 0, m ?? 0, d ?? 0);
}

export function reportsOf(vault: string, today = '2026-11-25', options = DEFAULT_ENGINE_OPTIONS): GoalReport[] {
  return loadVault(join(FIXTURES, vault), options).index.reports(day(today));
}

export function goalOf(vault: string, path: string, today = '2026-11-25'): GoalReport {
  const r = reportsOf(vault, today).find((g) => g.path === path);
  if (!r) throw new Error(`no goal ${path}`);
  return r;
}

/** Finds a node by its text, depth-first. */
export function find(node: PlanNode, text: string): PlanNode {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.shift() as PlanNode;
    if (n.text === text) return n;
    stack.unshift(...n.children);
  }
  throw new Error(`no node "${text}"`);
}

/** The tree as indented lines `kind text done/total`, for readable expectations. */
export function sketch(node: PlanNode, depth = 0): string[] {
  const line = `${'  '.repeat(depth)}${node.kind} ${node.text} ${node.progress.done}/${node.progress.total}`;
  return [line, ...node.children.flatMap((c) => sketch(c, depth + 1))];
}
