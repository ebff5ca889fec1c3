/**
 * The implementation tree of a goal (SPEC 1.2): headings become phases, tasks become steps,
 * and a step that links another note expands that note's tree below it. A note is expanded
 * at its first occurrence; later ones become reference nodes; links back onto the current
 * path are cycles.
 */
import { NO_DAY } from './dates';
import { Follower, sectionRange, type Expansion, type NoteSource } from './follow';
import type { NoteData, PlanNode, Problem, Progress, StepData } from './types';

const ZERO: Progress = { done: 0, total: 0, percent: 0 };

/** A node that is not a step: the goal, a phase (heading) or a reference. */
function plainNode(kind: 'goal' | 'phase' | 'ref', path: string, line: number, text: string, link: string | null = null): PlanNode {
  return {
    kind,
    text,
    path,
    line,
    status: null,
    due: NO_DAY,
    scheduled: NO_DAY,
    start: NO_DAY,
    done: NO_DAY,
    help: false,
    link,
    weight: 1,
    links: null,
    progress: ZERO,
    children: [],
  };
}

function stepNode(note: NoteData, s: StepData): PlanNode {
  return {
    kind: 'step',
    text: s.text,
    path: note.path,
    line: s.line,
    status: s.status,
    due: s.due,
    scheduled: s.scheduled,
    start: s.start,
    done: s.done,
    help: s.help,
    link: null,
    weight: s.weight,
    links: s.links,
    progress: ZERO,
    children: [],
  };
}

/** Drops phases that hold no step, directly or below. */
function prune(nodes: PlanNode[]): PlanNode[] {
  let out: PlanNode[] | null = null;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as PlanNode;
    if (n.kind === 'phase') {
      n.children = prune(n.children);
      if (n.children.length === 0) {
        out ??= nodes.slice(0, i);
        continue;
      }
    }
    out?.push(n);
  }
  return out ?? nodes;
}

/**
 * The local tree of a note (no links followed), or of one heading's section of it, in
 * document order. Sections already expanded elsewhere in the goal (`refs`, by heading
 * index) become reference nodes.
 */
function localTree(
  note: NoteData,
  heading: number,
  refs: ReadonlyMap<number, PlanNode> | null,
): PlanNode[] {
  const roots: PlanNode[] = [];
  const headings = note.headings;
  const { from, to, firstLine, lastLine } = sectionRange(note, heading);
  const phases: (PlanNode | undefined)[] = new Array<PlanNode | undefined>(headings.length).fill(undefined);
  const stack: { level: number; node: PlanNode }[] = [];
  const steps: (PlanNode | undefined)[] = new Array<PlanNode | undefined>(note.steps.length).fill(undefined);
  /** Headings at or past this index are inside a section shown as a reference. */
  let skipUntil = -1;
  let hi = from;
  for (let i = 0; i <= note.steps.length; i++) {
    const s = note.steps[i];
    const line = s === undefined ? Infinity : s.line;
    // Headings that come before this step, in order.
    while (hi < to && (headings[hi]?.line ?? Infinity) < line) {
      const h = headings[hi] as { line: number; level: number; text: string };
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= h.level) stack.pop();
      const parent = stack[stack.length - 1];
      const ref = hi >= skipUntil ? refs?.get(hi) : undefined;
      if (hi < skipUntil) {
        hi++;
        continue;
      }
      const node = ref ?? plainNode('phase', note.path, h.line, h.text);
      if (parent) parent.node.children.push(node);
      else roots.push(node);
      if (ref !== undefined) skipUntil = sectionRange(note, hi).to;
      else {
        stack.push({ level: h.level, node });
        phases[hi] = node;
      }
      hi++;
    }
    if (s === undefined) break;
    if (s.line <= firstLine || s.line >= lastLine) continue;
    if (s.section >= 0 && phases[s.section] === undefined && s.section >= from) continue; // in a referenced section
    const node = stepNode(note, s);
    steps[i] = node;
    const parentStep = s.parent >= 0 ? steps[s.parent] : undefined;
    if (parentStep !== undefined) parentStep.children.push(node);
    else {
      const phase = s.section >= from ? phases[s.section] : undefined;
      if (phase !== undefined) phase.children.push(node);
      else roots.push(node);
    }
  }
  return prune(roots);
}

/** Where an expansion's nodes stand among the linking step's children. */
interface Placed {
  owner: PlanNode;
  from: number;
  to: number;
}

function refNode(target: NoteData, h: number): PlanNode {
  const title = target.goal?.title ?? target.basename;
  const heading = h >= 0 ? target.headings[h] : undefined;
  const text = heading !== undefined ? `${title} › ${heading.text}` : title;
  return plainNode('ref', target.path, heading !== undefined ? heading.line : 0, text, target.path);
}

export interface BuiltTree {
  root: PlanNode;
  /** Paths of every note the tree reads, the goal note first. */
  notes: string[];
  problems: Problem[];
}

/** Builds a goal's tree with links followed and progress computed. */
export function buildTree(goal: NoteData, title: string, src: NoteSource): BuiltTree {
  const follower = new Follower(goal, src);
  const placed = new Map<Expansion, Placed>();
  const refs: { node: PlanNode; expansion: Expansion }[] = [];

  const root = plainNode('goal', goal.path, 0, title);
  root.children = localTree(goal, -1, null);

  const expandAll = (nodes: PlanNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'ref') continue;
      expandAll(node.children);
      if (node.links !== null) for (const t of node.links) follow(node, t);
    }
  };

  const follow = (node: PlanNode, link: string): void => {
    const f = follower.follow(node.path, node.line, link, (path) => (node.link ??= path));
    if (f.kind === 'none') return;
    if (f.kind === 'ref') {
      const ref = refNode(f.target, f.heading);
      node.children.push(ref);
      refs.push({ node: ref, expansion: f.expansion });
      return;
    }
    // Sections of this note expanded earlier stay where they are; here they are references.
    let inner: Map<number, PlanNode> | null = null;
    for (const e of f.inner) {
      const ref = refNode(f.target, e.heading);
      (inner ??= new Map()).set(e.heading, ref);
      refs.push({ node: ref, expansion: e });
    }
    const subNodes = localTree(f.target, f.heading, inner);
    const from = node.children.length;
    placed.set(f.expansion, { owner: node, from, to: from + subNodes.length });
    follower.enter(f.target.path);
    expandAll(subNodes);
    follower.leave();
    for (const n of subNodes) node.children.push(n);
  };

  expandAll(root.children);
  computeProgress(root);
  for (const { node, expansion } of refs) {
    const e = placed.get(expansion);
    if (e === undefined) continue;
    let done = 0;
    let total = 0;
    for (let i = e.from; i < e.to; i++) {
      const c = e.owner.children[i];
      if (c === undefined) continue;
      done += c.progress.done;
      total += c.progress.total;
    }
    node.progress = makeProgress(done, total);
  }
  return { root, notes: follower.notes, problems: follower.problems };
}

export function makeProgress(done: number, total: number): Progress {
  return { done, total, percent: total > 0 ? Math.round((100 * done) / total) : 0 };
}

/** Is this node a step with nothing countable below it? */
export function isLeaf(node: PlanNode): boolean {
  if (node.kind !== 'step') return false;
  for (const c of node.children) if (holdsStep(c)) return false;
  return true;
}

/**
 * Is this node a step, or a phase with a step somewhere below? A phase that only shows a
 * reference to a section expanded elsewhere holds none, so it does not stop a leaf being one.
 */
function holdsStep(node: PlanNode): boolean {
  if (node.kind === 'step') return true;
  if (node.kind !== 'phase') return false;
  for (const c of node.children) if (holdsStep(c)) return true;
  return false;
}

/** SPEC 1.3, post-order. Returns the node's progress (refs count nothing). */
function computeProgress(node: PlanNode): Progress {
  if (node.kind === 'ref') return ZERO;
  let done = 0;
  let total = 0;
  let countable = false;
  for (const c of node.children) {
    const p = computeProgress(c);
    if (!countable && holdsStep(c)) countable = true;
    done += p.done;
    total += p.total;
  }
  if (node.kind === 'step') {
    if (!countable) {
      total = node.weight;
      done = node.status === 'done' ? node.weight : 0;
    }
    if (node.status === 'done') done = total;
    if (node.status === 'cancelled') {
      node.progress = makeProgress(0, 0);
      return node.progress;
    }
  }
  node.progress = makeProgress(done, total);
  return node.progress;
}
