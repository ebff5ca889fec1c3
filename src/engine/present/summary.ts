/**
 * A goal as Markdown to share (`copy-plan-summary`, `action-plan summary`), and the plan tree as
 * Markdown for the snapshot a pivot keeps. The tree is written with signs, not task boxes, so
 * that a summary pasted into a note, or a snapshot kept in one, adds no steps to any plan.
 */
import { formatDay, isDay, type Day } from '../days/dates';
import { CHECKPOINT_LABELS, daysLeftLabel, FEELING_LABELS, finishLabel, goalHealthLabel, STATUS_LABELS } from './present';
import type { CheckpointView, GoalReport, PlanNode, StepRef, StepStatus } from '../types';

export type SummaryDetail = 'phases' | 'steps';

const SIGN: Record<StepStatus, string> = { todo: '☐', doing: '◐', done: '☑', cancelled: '☒', deferred: '⇥' };


/**
 * Lines nested deeper than this are written at this depth: every node is kept, and the text of a
 * plan nested thousands of levels grows with its size, not with the square of its depth.
 */
export const SUMMARY_DEPTH = 100;

/** A bar of `width` cells in text. */
function textBar(percent: number, width = 20): string {
  const filled = Math.max(0, Math.min(width, Math.round((percent / 100) * width)));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function counts(node: PlanNode): string {
  const p = node.progress;
  return p.total > 0 ? ` ${p.done}/${p.total}` : '';
}

function nodeText(node: PlanNode): string {
  if (node.kind === 'phase') return `**${node.text}**${counts(node)}`;
  if (node.kind === 'ref') return `↪ ${node.text} (shown above)`;
  const status = node.status ?? 'todo';
  const open = status === 'todo' || status === 'doing';
  const due = open && isDay(node.due) ? ` (due ${formatDay(node.due) ?? ''})` : '';
  const marks = `${node.blocked ? ' · blocked' : ''}${node.critical ? ' · critical' : ''}`;
  const text = status === 'cancelled' ? `~~${node.text}~~` : node.text;
  return `${SIGN[status]} ${text}${due}${marks}${node.children.length > 0 ? counts(node) : ''}`;
}

/**
 * The top of a plan: the goal's children, or, when the note's only top phase is its title
 * heading (`# Goal`), that heading's children, which repeat nothing.
 */
export function planTop(root: PlanNode): PlanNode[] {
  const only = root.children.length === 1 ? root.children[0] : undefined;
  if (only !== undefined && only.kind === 'phase' && only.text.trim().toLowerCase() === root.text.trim().toLowerCase()) return only.children;
  return root.children;
}

/**
 * The tree under `root` as nested list lines (without line endings). `phases`: headings only,
 * or the top-level steps when the plan has no heading.
 */
export function treeLines(root: PlanNode, detail: SummaryDetail): string[] {
  const out: string[] = [];
  const phasesOnly = detail === 'phases';
  const top = planTop(root);
  const hasPhase = top.some((c) => c.kind === 'phase');
  // A stack of nodes with their depths, not recursion: a plan may nest deeper than the call stack goes.
  const nodes: PlanNode[] = [];
  const depths: number[] = [];
  const push = (children: PlanNode[], depth: number): void => {
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i] as PlanNode);
      depths.push(depth);
    }
  };
  push(top, 0);
  for (let child = nodes.pop(); child !== undefined; child = nodes.pop()) {
    const depth = depths.pop() as number;
    if (phasesOnly && hasPhase && child.kind !== 'phase') continue;
    out.push(`${'    '.repeat(Math.min(depth, SUMMARY_DEPTH))}- ${nodeText(child)}`);
    if (!phasesOnly || (hasPhase && child.kind === 'phase')) push(child.children, depth + 1);
  }
  return out;
}

function refText(r: StepRef): string {
  const due = formatDay(r.due);
  return `${r.text}${due ? ` (due ${due})` : ''}`;
}

function checkpointText(c: CheckpointView): string {
  const parts = [`${formatDay(c.date) ?? ''}${c.label ? ` · ${c.label}` : ''}: ${CHECKPOINT_LABELS[c.state].toLowerCase()}`];
  if (c.progress !== null) parts.push(`${c.progress}%${c.expect !== null ? ` against ${c.expect}% expected` : ''}`);
  else if (c.expect !== null) parts.push(`expect ${c.expect}%`);
  if (c.feeling !== null) parts.push(`feeling ${c.feeling}/5 (${(FEELING_LABELS[c.feeling] ?? '').toLowerCase()})`);
  if (c.note) parts.push(`“${c.note}”`);
  return '- ' + parts.join(', ');
}

/** The progress line: bar, percent, done/total and the expected percent today. */
export function progressLine(r: GoalReport): string {
  const expected = r.expectedPercent === null ? '' : ` · ${r.expectedPercent}% expected`;
  return `\`${textBar(r.progress.percent)}\` ${r.progress.percent}% done (${r.progress.done}/${r.progress.total})${expected}`;
}

/** The Markdown summary of one goal on `today`. */
export function planSummary(r: GoalReport, today: Day, detail: SummaryDetail): string {
  const out: string[] = [`# ${r.title}`, ''];
  const facts = [`Status: ${STATUS_LABELS[r.status]}`, `health: ${goalHealthLabel(r).toLowerCase()}`];
  const target = formatDay(r.target);
  if (target !== null) facts.push(`target ${target} (${(daysLeftLabel(r.target, today) ?? '').toLowerCase()})`);
  out.push(facts.join(' · '), '', progressLine(r));
  const finish = r.status === 'active' ? finishLabel(r.finish, r.target, today) : null;
  if (finish !== null) out.push('', `${finish}.`);
  if (r.checkpoints.length > 0) out.push('', '## Checkpoints', ...r.checkpoints.map(checkpointText));
  out.push('', '## Next action', r.nextAction === null ? '- none' : `- ${refText(r.nextAction)}`);
  if (r.help.length > 0) out.push('', '## Help needed', ...r.help.map((h) => `- ${refText(h)}`));
  const tree = treeLines(r.tree, detail);
  if (tree.length > 0) out.push('', '## Plan', ...tree);
  return out.join('\n') + '\n';
}
