/**
 * The implementation tree of a goal (SPEC 1.2), built once per evaluation: headings become
 * phases, tasks become steps, and a step that links another note expands that note's tree
 * below it. A note is expanded at its first occurrence; later ones become reference nodes;
 * links back onto the current path are cycles. Progress and everything a report lists are
 * then read off this one tree (plan.ts), so a report never disagrees with the tree it shows.
 *
 * Every walk here uses an explicit stack: a vault can nest steps, or chain linked notes,
 * deeper than the call stack allows.
 */
import { NO_DAY, type Day } from './dates';
import { Follower, sectionRange, type Expansion, type NoteSource } from './follow';
import { anchorLine, type LineAnchor } from './anchor';
import { percentOf, roundTotal } from './numbers';
import type { NoteData, PlanNode, Progress, StepData, StepStatus } from './types';

const ZERO: Progress = Object.freeze({ done: 0, total: 0, percent: 0 });
const ONE_OPEN: Progress = Object.freeze({ done: 0, total: 1, percent: 0 });
const ONE_DONE: Progress = Object.freeze({ done: 1, total: 1, percent: 100 });
const NO_CHILDREN: PlanNode[] = Object.freeze([]) as unknown as PlanNode[];

/** Appends a child; a node's first child gives it an array of its own. */
function adopt(parent: PlanNode, child: PlanNode): void {
  if (parent.children === NO_CHILDREN) parent.children = [child];
  else parent.children.push(child);
}

/**
 * A node of the tree. A step node reads its status, dates and the rest from the step it stands
 * for instead of copying them: a tree is built at every evaluation, and half the fields per node
 * is half the garbage.
 */
class TreeNode implements PlanNode {
  id = '';
  leaf = false;
  /** A phase with a step somewhere below (one that only shows references holds none). */
  holds = false;
  progress: Progress = ZERO;
  /** Shared and frozen while the node has none (most are leaves): see `adopt`. */
  children: PlanNode[] = NO_CHILDREN;

  constructor(
    readonly kind: PlanNode['kind'],
    readonly text: string,
    readonly path: string,
    readonly line: number,
    public link: string | null,
    private readonly step: StepData | null,
  ) {}

  get raw(): string | null {
    return this.step === null ? null : this.step.raw;
  }
  get status(): StepStatus | null {
    return this.step === null ? null : this.step.status;
  }
  get due(): Day {
    return this.step === null ? NO_DAY : this.step.due;
  }
  get scheduled(): Day {
    return this.step === null ? NO_DAY : this.step.scheduled;
  }
  get start(): Day {
    return this.step === null ? NO_DAY : this.step.start;
  }
  get done(): Day {
    return this.step === null ? NO_DAY : this.step.done;
  }
  get estimate(): number {
    return this.step === null ? 0 : this.step.estimate;
  }
  get help(): boolean {
    return this.step === null ? false : this.step.help;
  }
  get weight(): number {
    return this.step === null ? 1 : this.step.weight;
  }
  get links(): string[] | null {
    return this.step === null ? null : this.step.links;
  }
}

/** A node that is not a step: the goal, a phase (heading) or a reference. */
function plainNode(kind: 'goal' | 'phase' | 'ref', path: string, line: number, text: string, link: string | null = null): PlanNode {
  return new TreeNode(kind, text, path, line, link, null);
}

function stepNode(note: NoteData, s: StepData): PlanNode {
  return new TreeNode('step', s.text, note.path, s.line, null, s);
}

/** Drops phases that hold no step, directly or below (children before parents). */
function prune(roots: PlanNode[], phases: (PlanNode | undefined)[]): PlanNode[] {
  for (let i = phases.length - 1; i >= 0; i--) {
    const p = phases[i];
    if (p !== undefined) p.children = withoutEmptyPhases(p.children);
  }
  return withoutEmptyPhases(roots);
}

function withoutEmptyPhases(nodes: PlanNode[]): PlanNode[] {
  let out: PlanNode[] | null = null;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as PlanNode;
    if (n.kind === 'phase' && n.children.length === 0) {
      out ??= nodes.slice(0, i);
      continue;
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
function localTree(note: NoteData, heading: number, refs: ReadonlyMap<number, PlanNode> | null): PlanNode[] {
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
      if (parent) adopt(parent.node, node);
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
    if (parentStep !== undefined) adopt(parentStep, node);
    else {
      const phase = s.section >= from ? phases[s.section] : undefined;
      if (phase !== undefined) adopt(phase, node);
      else roots.push(node);
    }
  }
  return prune(roots, phases);
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

/** A node whose own children and then links are being expanded; its progress is set when it is left. */
interface NodeFrame {
  group: false;
  node: PlanNode;
  /** Children the node had before its links were expanded. */
  own: number;
  i: number;
  link: number;
}

/** The nodes of one expansion, walked inside the expanded note. */
interface GroupFrame {
  group: true;
  nodes: PlanNode[];
  i: number;
}

function frameOf(node: PlanNode): NodeFrame {
  return { group: false, node, own: node.children.length, i: 0, link: 0 };
}

export interface BuiltTree {
  root: PlanNode;
  follower: Follower;
}

/**
 * Builds a goal's tree with links followed and progress computed (SPEC 1.2, 1.3). The
 * follower keeps what the walk met: the notes read, missing names, link problems.
 */
export function buildTree(goal: NoteData, title: string, src: NoteSource): BuiltTree {
  const follower = new Follower(goal, src);
  const placed = new Map<Expansion, Placed>();
  const refs: { node: PlanNode; expansion: Expansion }[] = [];

  const root = plainNode('goal', goal.path, 0, title);
  root.children = localTree(goal, -1, null);

  // Depth first, document order: a node's own children, then the notes its links expand.
  const stack: (NodeFrame | GroupFrame)[] = [frameOf(root)];
  /** A node below: a leaf without links is final at once (most are), others get a frame. */
  const visit = (n: PlanNode): void => {
    if (n.kind === 'ref') return;
    if (n.children.length === 0 && n.links === null) setProgress(n as TreeNode);
    else stack.push(frameOf(n));
  };
  while (stack.length > 0) {
    const f = stack[stack.length - 1] as NodeFrame | GroupFrame;
    if (f.group) {
      if (f.i < f.nodes.length) {
        visit(f.nodes[f.i++] as PlanNode);
        continue;
      }
      stack.pop();
      follower.leave();
      continue;
    }
    const node = f.node;
    if (f.i < f.own) {
      visit(node.children[f.i++] as PlanNode);
      continue;
    }
    const links = node.links;
    if (links === null || f.link >= links.length) {
      stack.pop();
      // Everything below is final: the node's progress now (post-order).
      setProgress(node as TreeNode);
      continue;
    }
    const link = links[f.link++] as string;
    const fl = follower.follow(node.path, node.line, link, (path) => (node.link ??= path));
    if (fl.kind === 'none') continue;
    if (fl.kind === 'ref') {
      const ref = refNode(fl.target, fl.heading);
      adopt(node, ref);
      refs.push({ node: ref, expansion: fl.expansion });
      continue;
    }
    // Sections of this note expanded earlier stay where they are; here they are references.
    let inner: Map<number, PlanNode> | null = null;
    for (const e of fl.inner) {
      const ref = refNode(fl.target, e.heading);
      (inner ??= new Map()).set(e.heading, ref);
      refs.push({ node: ref, expansion: e });
    }
    const subNodes = localTree(fl.target, fl.heading, inner);
    const from = node.children.length;
    placed.set(fl.expansion, { owner: node, from, to: from + subNodes.length });
    for (const n of subNodes) adopt(node, n);
    follower.enter(fl.target.path);
    stack.push({ group: true, nodes: subNodes, i: 0 });
  }

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
  return { root, follower };
}

/** Totals rounded (no float noise from fractional weights); percent 100 only when all is done. */
export function makeProgress(done: number, total: number): Progress {
  // Whole numbers (no fractional weights) need no rounding.
  if (Number.isInteger(done) && Number.isInteger(total)) return { done, total, percent: percentOf(done, total) };
  return { done: roundTotal(done), total: roundTotal(total), percent: percentOf(done, total) };
}

/** Is this node a step with nothing countable below it? */
export function isLeaf(node: PlanNode): boolean {
  return node.leaf;
}

/**
 * SPEC 1.3 for one node whose children are final: leaves count their weight, a done step
 * counts all its leaves done, a cancelled one counts nothing; references count nothing. A
 * phase that only shows a reference holds no step, so it does not stop the step above it
 * being a leaf.
 */
function setProgress(node: TreeNode): void {
  let done = 0;
  let total = 0;
  let countable = false;
  for (const c of node.children) {
    if (c.kind === 'ref') continue;
    done += c.progress.done;
    total += c.progress.total;
    if (!countable && (c.kind === 'step' || (c as TreeNode).holds)) countable = true;
  }
  if (node.kind === 'step') {
    node.leaf = !countable;
    const status = node.status;
    if (node.leaf) {
      const weight = node.weight;
      // Most nodes are leaves of weight 1: they share two progress values instead of one each.
      if (weight === 1) {
        node.progress = status === 'cancelled' ? ZERO : status === 'done' ? ONE_DONE : ONE_OPEN;
        return;
      }
      total = weight;
      done = status === 'done' ? weight : 0;
    }
    if (status === 'done') done = total;
    if (status === 'cancelled') {
      done = 0;
      total = 0;
    }
  } else if (node.kind === 'phase' && countable) node.holds = true;
  node.progress = total === 0 && done === 0 ? ZERO : makeProgress(done, total);
}

const anchors = new WeakMap<PlanNode, LineAnchor | null>();

/**
 * What an edit needs to change a step's line safely: the raw line, the status column, each
 * field's name, format and range, the indent, marker and block id. Read from the raw line the
 * tree holds, once per node, when an edit or the view first asks.
 */
export function anchorOf(node: PlanNode): LineAnchor | null {
  if (node.raw === null) return null;
  let a = anchors.get(node);
  if (a === undefined) {
    a = anchorLine(node.raw);
    anchors.set(node, a);
  }
  return a;
}
