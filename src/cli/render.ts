/** The human report of the command line: trees with progress bars, colour on a terminal. */
import { formatDay, type Day } from '../engine/days/dates';
import { DONE_WITH_STEP_ABOVE, feelingWords, goalHealthLabel, linkMarker, nodeDueChip, onTrackLabel, presentGoal, type DueChip, type DueKind, type StepChip } from '../engine/present/present';
import type { CheckpointState, GoalReport, PlanNode, Problem } from '../engine/types';
import { safe } from './terminal';

export interface Style {
  color: boolean;
  /** The tag that marks a step as needing help (default `#help`), shown in colour where it stands. */
  helpTag?: string;
}

const CODES = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', blue: '\x1b[34m', magenta: '\x1b[35m', cyan: '\x1b[36m' } as const;
type Code = keyof typeof CODES;

function paint(style: Style, code: Code, text: string): string {
  return style.color ? CODES[code] + text + CODES.reset : text;
}

const HEALTH_COLOR: Record<GoalReport['health'], Code> = {
  done: 'green',
  ahead: 'green',
  'on-track': 'green',
  'at-risk': 'yellow',
  behind: 'yellow',
  overdue: 'red',
  paused: 'blue',
  staying: 'blue',
  dropped: 'dim',
  unknown: 'dim',
};

/** A bar of `width` cells; `|` marks the expected percent when there is one. */
export function bar(percent: number, expected: number | null, width: number, style: Style): string {
  const filled = Math.round((percent / 100) * width);
  const mark = expected === null ? -1 : Math.min(width - 1, Math.round((expected / 100) * width));
  let out = '';
  for (let i = 0; i < width; i++) {
    if (i === mark) out += paint(style, 'magenta', '|');
    else out += i < filled ? paint(style, 'green', '█') : paint(style, 'dim', '░');
  }
  return out;
}

const STATUS_BOX: Record<string, string> = { todo: '[ ]', doing: '[/]', done: '[x]', cancelled: '[-]', deferred: '[>]' };

const CHECKPOINT_COLOR: Record<CheckpointState, Code> = { missed: 'red', due: 'yellow', reviewed: 'green', upcoming: 'dim' };

const DUE_COLOR: Record<DueKind, Code> = { overdue: 'red', today: 'yellow', soon: 'yellow', later: 'dim' };

function dueText(chip: DueChip | null, style: Style): string {
  if (chip === null) return '';
  const note = chip.kind === 'later' ? '' : ` (${chip.label.toLowerCase()})`;
  return ' ' + paint(style, DUE_COLOR[chip.kind], `📅 ${chip.date}${note}`);
}

/** The step's text with its help tag (`#help`, `#help/editor`) in colour; unchanged without colour. */
function helpInText(text: string, style: Style): string {
  if (!style.color) return text;
  const tag = (style.helpTag ?? '#help').toLowerCase();
  return text
    .split(' ')
    .map((w) => (w.toLowerCase() === tag || w.toLowerCase().startsWith(tag + '/') ? paint(style, 'yellow', w) : w))
    .join(' ');
}

/**
 * One node of the tree. `underDone`: a done step stands above it, so it reads as done with that
 * step (dim, its due date plain, never overdue), whatever its own box says.
 */
function nodeLine(node: PlanNode, today: Day, style: Style, active: boolean, underDone: boolean): string {
  const p = node.progress;
  const shown = safe(node.text);
  const counts = p.total > 0 ? paint(style, 'dim', ` ${p.done}/${p.total}`) : '';
  switch (node.kind) {
    case 'phase':
      return paint(style, 'bold', shown) + counts;
    case 'ref':
      return paint(style, 'cyan', `↪ ${shown}`) + paint(style, 'dim', ` (shown above, ${p.done}/${p.total})`);
    default: {
      const box = STATUS_BOX[node.status ?? 'todo'] ?? '[ ]';
      const closed = underDone || node.status === 'done' || node.status === 'cancelled';
      const text = closed ? paint(style, 'dim', shown) : node.help ? helpInText(shown, style) : shown;
      const link = linkMarker(node) === 'expands' ? paint(style, 'cyan', ' ↳') : '';
      const blocked = node.blocked ? ' ' + paint(style, 'magenta', '[blocked]') : '';
      const critical = node.critical ? ' ' + paint(style, 'red', '[critical]') : '';
      const chip = nodeDueChip(node, today, active && !underDone);
      const open = node.status !== 'done' && node.status !== 'cancelled';
      const doneAbove = underDone && open ? paint(style, 'dim', ` (${DONE_WITH_STEP_ABOVE})`) : '';
      // The help tag is in the text (it is what marks the step): it is shown there, once.
      return `${box} ${text}${dueText(chip, style)}${doneAbove}${blocked}${critical}${link}${node.children.length > 0 ? counts : ''}`;
    }
  }
}

/** Levels of the tree the human report draws; a deeper plan is cut there with a problem. */
export const MAX_DISPLAY_DEPTH = 100;

/** Draws the tree below `root`, with a stack; returns how many nodes were too deep to draw. */
function tree(root: PlanNode, prefix: string, today: Day, style: Style, active: boolean, out: string[]): number {
  let hidden = 0;
  const stack: { node: PlanNode; prefix: string; depth: number; last: boolean; underDone: boolean }[] = [];
  const pushChildren = (node: PlanNode, p: string, depth: number, underDone: boolean): void => {
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i] as PlanNode, prefix: p, depth, last: i === node.children.length - 1, underDone });
    }
  };
  pushChildren(root, prefix, 1, false);
  while (stack.length > 0) {
    const { node, prefix: p, depth, last, underDone } = stack.pop() as (typeof stack)[number];
    out.push(p + paint(style, 'dim', last ? '└─ ' : '├─ ') + nodeLine(node, today, style, active, underDone));
    const inner = p + (last ? '   ' : paint(style, 'dim', '│  '));
    if (depth < MAX_DISPLAY_DEPTH) {
      pushChildren(node, inner, depth + 1, underDone || (node.kind === 'step' && node.status === 'done'));
    } else if (node.children.length > 0) {
      const below = countBelow(node);
      hidden += below;
      out.push(inner + paint(style, 'dim', `└─ … ${below} more below, not shown`));
    }
  }
  return hidden;
}

function countBelow(node: PlanNode): number {
  let n = 0;
  const stack = [...node.children];
  while (stack.length > 0) {
    const c = stack.pop() as PlanNode;
    n++;
    for (const g of c.children) stack.push(g);
  }
  return n;
}

function refLine(r: StepChip): string {
  return `${safe(r.text)}${r.due ? ` (due ${r.due.date})` : ''} — ${safe(r.path)}:${r.line + 1}`;
}

function deepPlan(path: string, hidden: number): Problem {
  return {
    path,
    line: 0,
    severity: 'warning',
    code: 'deep-plan',
    message: `The plan nests deeper than ${MAX_DISPLAY_DEPTH} levels; ${hidden} steps and phases below that are counted but not drawn (--json has them all).`,
  };
}

export function problemLine(p: Problem, style: Style): string {
  const sev = p.severity === 'error' ? paint(style, 'red', 'error') : paint(style, 'yellow', 'warning');
  return `${safe(p.path)}:${p.line + 1}  ${sev}  ${p.code}  ${safe(p.message)}`;
}

/** A label of the presentation model inside a line: its first letter in lower case. */
function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function renderGoal(r: GoalReport, today: Day, style: Style): string {
  const v = presentGoal(r, today);
  const out: string[] = [];
  const health = paint(style, HEALTH_COLOR[r.health], goalHealthLabel(r));
  out.push(`${paint(style, 'bold', safe(r.title))}  ${health}  ${paint(style, 'dim', safe(r.path))}`);
  const dates: string[] = [];
  if (formatDay(r.start)) dates.push(`start ${formatDay(r.start) ?? ''}`);
  if (v.target !== null) dates.push(`target ${v.target}${v.daysLeftLabel === null ? '' : ` (${v.daysLeftLabel.toLowerCase()})`}`);
  if (r.status !== 'active') dates.push(`status ${r.status}`);
  if (dates.length > 0) out.push('  ' + dates.join(' · '));
  const expected = r.expectedPercent === null ? '' : `, expected ${r.expectedPercent}%`;
  out.push(`  ${bar(r.progress.percent, r.expectedPercent, 30, style)} ${r.progress.percent}% (${r.progress.done}/${r.progress.total}${expected})`);
  if (v.forecastLabel !== null) out.push(`  forecast: ${lowerFirst(v.forecastLabel)}`);
  if (v.finishLabel !== null) out.push(`  schedule: ${lowerFirst(v.finishLabel)}`);
  if (v.capacityLabel !== null && v.capacity !== null) {
    const c = v.capacity;
    const label = lowerFirst(v.capacityLabel);
    out.push(`  capacity: ${paint(style, c.slack < 0 ? 'red' : 'green', label)} (${c.work} of work, ${c.days} working days left)`);
  }
  if (v.checkpoints.length > 0) {
    out.push('  checkpoints:');
    for (const c of v.checkpoints) {
      const parts = [`${c.date} ${paint(style, CHECKPOINT_COLOR[c.state], lowerFirst(c.stateLabel))}`];
      if (c.label) parts.push(safe(c.label));
      if (c.expect !== null) parts.push(`expect ${c.expect}%`);
      if (c.feeling !== null) parts.push(feelingWords(c.feeling, c.progress));
      else if (c.progress !== null) parts.push(`measured ${c.progress}%`);
      const standing = onTrackLabel(c.onTrack);
      if (standing !== null) parts.push(paint(style, c.onTrack === true ? 'green' : 'yellow', standing));
      out.push('    · ' + parts.join(' · '));
    }
  }
  if (v.nextAction) out.push(`  next action: ${paint(style, 'bold', refLine(v.nextAction))}`);
  if (v.overdue.length > 0) {
    out.push(`  ${paint(style, 'red', `overdue (${v.overdue.length})`)}:`);
    for (const s of v.overdue) out.push('    · ' + refLine(s));
  }
  if (v.help.length > 0) {
    out.push(`  ${paint(style, 'yellow', `help needed (${v.help.length})`)}:`);
    for (const s of v.help) out.push('    · ' + refLine(s));
  }
  const problems = [...r.problems];
  if (r.tree.children.length > 0) {
    out.push('  plan:');
    const hidden = tree(r.tree, '    ', today, style, r.status === 'active', out);
    if (hidden > 0) problems.push(deepPlan(r.path, hidden));
  }
  if (problems.length > 0) {
    out.push(`  problems (${problems.length}):`);
    for (const p of problems) out.push('    · ' + problemLine(p, style));
  }
  return out.join('\n');
}
