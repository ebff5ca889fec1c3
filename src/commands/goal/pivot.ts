/**
 * `pivot-goal`: the plan as it is now kept in a collapsed "Plan history" callout under
 * `## Decisions` with the reason, then the branches the person picks are cancelled (`[-]`, the
 * cancelled date, the reason below), in whichever note of the plan they stand.
 */
import { Setting } from 'obsidian';
import { cancelSteps, type CancelTarget } from '../../engine/edit/cancel';
import type { EditResult } from '../../engine/edit';
import { currentText, editNote } from '../../obsidian/note-writer';
import { appendToSection } from '../../engine/edit/frontmatter';
import { DECISIONS_HEADING, pivotEntry } from '../../engine/edit/goal-log';
import type { GoalReport, PlanNode } from '../../engine/types';
import { planTop } from '../../engine/present/summary';
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

/** Cancels the chosen step lines in one note, and in the goal's note appends the decision too. */
function pivotEdit(targets: CancelTarget[] | undefined, cancel: (text: string, targets: CancelTarget[]) => EditResult, log: string[] | null): (text: string) => EditResult {
  return (text) => {
    const r: EditResult = targets === undefined ? { ok: true, text, changed: [], message: '' } : cancel(text, targets);
    if (!r.ok || log === null) return r;
    const a = appendToSection(r.text, DECISIONS_HEADING, log);
    return a.ok ? { ok: true, text: a.text, changed: [], message: 'pivot recorded' } : { ok: false, text, reason: a.reason };
  };
}

/** The open step lines the chosen branches cancel, note by note, each once. */
function targetsByNote(chosen: PlanNode[]): Map<string, CancelTarget[]> {
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
  return byNote;
}

async function pivotGoal(host: GoalCommandHost, goal: GoalReport, reason: string, chosen: PlanNode[]): Promise<true | string> {
  if (reason.trim() === '') return 'Give a one-line reason: it is what the decision log keeps.';
  if (goalFile(host, goal) === null) return true;
  const cancel = (text: string, targets: CancelTarget[]): EditResult => cancelSteps(text, targets, todayOf(host), reason, host.settings.dateFormat);
  const byNote = targetsByNote(chosen);
  // Every note is checked before any is written: a note that changed stops the whole pivot.
  for (const [path, targets] of byNote) {
    const text = await currentText(host.app, path);
    if (text === null) return `${path} no longer exists; nothing was changed.`;
    const check = cancel(text, targets);
    if (!check.ok) return `nothing was changed: ${check.reason}.`;
  }
  const log = pivotEntry(todayOf(host), reason, chosen.map((n) => n.text), goal);
  const count = [...byNote.values()].reduce((n, t) => n + t.length, 0);
  const said = `${goal.title}: pivot recorded${count > 0 ? `, ${count} steps cancelled` : ''}.`;
  const first = await editNote(host.app, goal.path, pivotEdit(byNote.get(goal.path), cancel, log), { quiet: true, notice: () => said });
  if (!first.ok) return `nothing was changed: ${first.reason}.`;
  const late: string[] = [];
  for (const [path, targets] of byNote) {
    if (path === goal.path) continue;
    const r = await editNote(host.app, path, pivotEdit(targets, cancel, null), { quiet: true });
    if (!r.ok) late.push(`${path}: ${r.reason}`);
  }
  if (late.length > 0) return `the pivot is logged, but ${late.join('; ')}.`;
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
