/**
 * Reference for tests (tree-reference.test.ts): the tree as plain node objects, kept as the
 * engine built it before trees became rows. Not used by the plugin or the command line.
 *
 * The implementation tree of a goal (SPEC 1.2), built once per evaluation: headings become
 * phases, tasks become steps, and a step that links another note expands that note's tree
 * below it. A note is expanded at its first occurrence; later ones become reference nodes;
 * links back onto the current path are cycles. Progress and everything a report lists are
 * then read off this one tree (plan.ts), so a report never disagrees with the tree it shows.
 *
 * Every walk here uses an explicit stack: a vault can nest steps, or chain linked notes,
 * deeper than the call stack allows.
 */
import { Follower, sectionRange, type Expansion, type NoteSource } from '../../../src/engine/plan/follow';
import { adopt, makeProgress, plainNode, setProgress, stepNode, type TreeNode } from './tree-node';
import type { NoteData, PlanNode } from '../../../src/engine/types';

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
