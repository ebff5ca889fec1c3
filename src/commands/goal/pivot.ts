/**
 * `pivot-goal`: the plan as it is now kept in a collapsed "Plan history" callout under
 * `## Decisions` with the reason, then the branches the person picks are cancelled (`[-]`, the
 * cancelled date, the reason below), in whichever note of the plan they stand.
 */
import { Notice, Setting, TFile } from 'obsidian';
import { cancelSteps, type CancelTarget } from '../../engine/cancel';
import { appendToSection } from '../../engine/frontmatter-edit';
import { DECISIONS_HEADING, pivotEntry } from '../../engine/goal-log';
import type { GoalReport, PlanNode } from '../../engine/types';
import { planTop } from '../../engine/summary';
import { goalFile, withGoal, type GoalCommandHost } from './context';
import { todayOf } from '../step-context';
import { FormModal, textRow } from './form';

const OPEN = new Set(['todo', 'doing', 'deferred']);

export interface Branch {
  node: PlanNode;
  depth: number;
}

/** Phases with open work and open steps, in tree order, each once (references left out). */
export function branches(goal: GoalReport): Branch[] {
  const out: Branch[] = [];
  // A stack, not recursion: a plan may nest deeper than the call stack goes.
  const stack: Branch[] = [];
  const push = (children: PlanNode[], depth: number): void => {
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as PlanNode, depth });
  };
  push(planTop(goal.tree), 0);
  for (let b = stack.pop(); b !== undefined; b = stack.pop()) {
    const c = b.node;
    if (c.kind === 'ref') continue;
    const open = c.kind === 'phase' ? c.progress.done < c.progress.total : OPEN.has(c.status ?? '');
    if (!open) continue;
    out.push(b);
    push(c.children, b.depth + 1);
  }
  return out;
}

/** The step lines a branch cancels: the step itself, or a phase's open steps at its top. */
function targetsOf(node: PlanNode): PlanNode[] {
  if (node.kind === 'step') return [node];
  const out: PlanNode[] = [];
  const stack = [...node.children].reverse();
  for (let c = stack.pop(); c !== undefined; c = stack.pop()) {
    if (c.kind === 'step' && OPEN.has(c.status ?? '')) out.push(c);
    else if (c.kind === 'phase') for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i] as PlanNode);
  }
  return out;
}

/** Read through a call, so that the check after the callbacks ran is not narrowed away. */
function failure(state: { failed: string | null }): string | null {
  return state.failed;
}

async function pivotGoal(host: GoalCommandHost, goal: GoalReport, reason: string, chosen: PlanNode[]): Promise<true | string> {
  if (reason.trim() === '') return 'Give a one-line reason: it is what the decision log keeps.';
  const file = goalFile(host, goal);
  if (file === null) return true;
  const format = host.settings.dateFormat;
  const byNote = new Map<string, CancelTarget[]>();
  const seen = new Set<string>();
  for (const node of chosen.flatMap(targetsOf)) {
    const key = `${node.path}\n${node.line}`;
    if (seen.has(key) || node.raw === null) continue;
    seen.add(key);
    const list = byNote.get(node.path) ?? [];
    list.push({ line: node.line, raw: node.raw });
    byNote.set(node.path, list);
  }
  // Every note is checked before any is written: a note that changed stops the whole pivot.
  const files = new Map<string, TFile>();
  for (const [path, targets] of byNote) {
    const f = host.app.vault.getFileByPath(path);
    if (!(f instanceof TFile)) return `${path} no longer exists; nothing was changed.`;
    const check = cancelSteps(await host.app.vault.cachedRead(f), targets, todayOf(host), reason, format);
    if (!check.ok) return `nothing was changed: ${check.reason}.`;
    files.set(path, f);
  }
  const log = pivotEntry(todayOf(host), reason, chosen.map((n) => n.text), goal);
  // Set inside the callbacks of vault.process, so kept in an object the compiler does not narrow.
  const state: { failed: string | null } = { failed: null };
  await host.app.vault.process(file, (text) => {
    const targets = byNote.get(goal.path);
    let out = text;
    if (targets !== undefined) {
      const r = cancelSteps(out, targets, todayOf(host), reason, format);
      if (!r.ok) {
        state.failed = r.reason;
        return text;
      }
      out = r.text;
    }
    const r = appendToSection(out, DECISIONS_HEADING, log);
    if (!r.ok) {
      state.failed = r.reason;
      return text;
    }
    return r.text;
  });
  if (state.failed !== null) return `nothing was changed: ${state.failed}.`;
  for (const [path, f] of files) {
    if (path === goal.path) continue;
    const targets = byNote.get(path) ?? [];
    await host.app.vault.process(f, (text) => {
      const r = cancelSteps(text, targets, todayOf(host), reason, format);
      if (r.ok) return r.text;
      state.failed = `${path}: ${r.reason}`;
      return text;
    });
  }
  const late = failure(state);
  if (late !== null) return `the pivot is logged, but ${late}.`;
  new Notice(`${goal.title}: pivot recorded${seen.size > 0 ? `, ${seen.size} steps cancelled` : ''}.`);
  return true;
}

export function pivotCommand(host: GoalCommandHost): void {
  withGoal(host, (goal) => {
    let reason = '';
    const chosen = new Set<PlanNode>();
    new FormModal(
      host.app,
      `Pivot ${goal.title}`,
      (el) => {
        el.createEl('p', { text: 'The plan as it is now is kept in a collapsed plan history callout, under decisions. Pick the branches the new plan leaves behind: they are marked cancelled, with the reason.' });
        textRow(el, 'Reason', 'One line: why the plan changes.', '', (v) => (reason = v));
        for (const b of branches(goal)) {
          const where = b.node.path === goal.path ? '' : ` (in ${b.node.path})`;
          new Setting(el)
            .setName(`${'— '.repeat(b.depth)}${b.node.kind === 'phase' ? 'Phase: ' : ''}${b.node.text}${where}`)
            .setClass('action-plan-pivot-branch')
            .addToggle((t) => t.setValue(false).onChange((on) => (on ? chosen.add(b.node) : chosen.delete(b.node))));
        }
      },
      'Pivot',
      () => pivotGoal(host, goal, reason, [...chosen]),
    ).open();
  });
}
