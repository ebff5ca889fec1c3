/** Rendering the view's parts in jsdom from the engine's reports of a folder of notes. */
import { join } from 'node:path';
import { loadVault } from '../../src/cli/load';
import type { GoalReport, PlanNode } from '../../src/engine/types';
import { newTreeState, type RenderContext } from '../../src/view/context';
import { day } from '../engine/helpers';

export const ROOT = join(__dirname, '..', '..');
export const TODAY = '2026-11-25';

export function demoReports(today = TODAY): GoalReport[] {
  return loadVault(join(ROOT, 'demo-vault')).index.reports(day(today));
}

export function demoGoal(title: string, today = TODAY): GoalReport {
  const r = demoReports(today).find((g) => g.title === title);
  if (!r) throw new Error(`no goal "${title}"`);
  return r;
}

export interface Recorded {
  ctx: RenderContext;
  opened: [string, number][];
  toggled: PlanNode[];
  newGoals: number;
  /** What a tick resolves to: false as when the note-writer refuses. */
  accept: boolean;
}

/** A render context whose actions are recorded. */
export function recording(today = TODAY, overrides: Partial<RenderContext> = {}): Recorded {
  const rec: Recorded = {
    ctx: null as unknown as RenderContext,
    opened: [],
    toggled: [],
    newGoals: 0,
    accept: true,
  };
  rec.ctx = {
    actions: {
      open: (path, line) => rec.opened.push([path, line]),
      toggle: (node) => {
        rec.toggled.push(node);
        return Promise.resolve(rec.accept);
      },
      newGoal: () => rec.newGoals++,
    },
    today: day(today),
    tree: newTreeState(),
    showDone: true,
    openOnly: false,
    helpTag: '#help',
    search: '',
    disclosed: new Map(),
    ...overrides,
  };
  return rec;
}

/** A fresh container in the document. */
export function container(): HTMLElement {
  document.body.empty();
  return document.body.createDiv();
}

/** Every node of a tree, depth-first. */
export function allNodes(node: PlanNode): PlanNode[] {
  return [node, ...node.children.flatMap(allNodes)];
}

/** Opens every branch of a rendered tree (as clicking each closed twisty does), until none is closed. */
export function expandAll(root: HTMLElement): void {
  for (let i = 0; i < 1000; i++) {
    const closed = root.querySelector<HTMLElement>('[role="treeitem"][aria-expanded="false"] > .action-plan-row > .action-plan-twisty');
    if (closed === null) return;
    closed.click();
  }
}

export function key(el: Element, k: string): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
}
