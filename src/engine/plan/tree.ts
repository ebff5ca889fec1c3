/**
 * The implementation tree of a goal (SPEC 1.2), built once per evaluation: headings become
 * phases, tasks become steps, and a step that links another note expands that note's tree
 * below it. A note is expanded at its first occurrence; later ones become reference nodes;
 * links back onto the current path are cycles. Progress is set as each node is left, and
 * everything a report lists is read off this one tree (plan.ts).
 *
 * The tree is written in pre-order into a `PlanTree` (plan-tree.ts). Every walk here uses an
 * explicit stack: a vault can nest steps, or chain linked notes, deeper than the call stack allows.
 */
import { Follower, type Expansion, type NoteSource } from './follow';
import { localTree, REF_HEADING, type LocalTree } from './local-tree';
import { GOAL, INTS, PHASE, REF, STEP, type PlanTree } from './plan-tree';
import { keepRows, Rows } from './tree-rows';
import type { NoteData, StepData } from '../types';

/** A node whose own children and then links are being expanded; or (`node` -1) one expansion. */
interface Frame {
  node: number;
  local: LocalTree;
  /** The local tree's note among the tree's notes. */
  noteIndex: number;
  /** The next local child to write (-1: none left). */
  child: number;
  /** The next link to follow (nodes of steps with links). */
  link: number;
  links: string[] | null;
  /** For an expansion: what was expanded, and the first node of it. */
  expansion: Expansion | null;
  from: number;
}

export interface BuiltTree {
  tree: PlanTree;
  follower: Follower;
}

/**
 * Builds a goal's tree with links followed and progress computed (SPEC 1.2, 1.3). The
 * follower keeps what the walk met: the notes read, missing names, link problems.
 */
export function buildTree(goal: NoteData, title: string, src: NoteSource): BuiltTree {
  const follower = new Follower(goal, src);
  const rows = new Rows();
  const notes: NoteData[] = [goal];
  const noteIndex = new Map<string, number>([[goal.path, 0]]);
  const indexOf = (note: NoteData): number => {
    let k = noteIndex.get(note.path);
    if (k === undefined) {
      k = notes.length;
      notes.push(note);
      noteIndex.set(note.path, k);
    }
    return k;
  };
  let linked: Map<number, string> | null = null;
  const placed = new Map<Expansion, { from: number; to: number }>();
  const refs: { node: number; expansion: Expansion }[] = [];

  rows.add(GOAL, 0, -1);
  const top = localTree(goal, -1, null);
  const stack: Frame[] = [{ node: 0, local: top, noteIndex: 0, child: top.first(top.root), link: 0, links: null, expansion: null, from: 0 }];

  /** Writes a local node below the frame on top; a node with something below gets a frame. */
  const write = (local: LocalTree, noteIndex: number, id: number): void => {
    if (id >= local.steps) {
      const h = id - local.steps + local.firstHeading;
      if (local.state(id) === REF_HEADING) {
        refs.push({ node: rows.add(REF, noteIndex, h), expansion: local.refs?.get(h) as Expansion });
        return;
      }
      stack.push({ node: rows.add(PHASE, noteIndex, h), local, noteIndex, child: local.first(id), link: 0, links: null, expansion: null, from: 0 });
      return;
    }
    const node = rows.add(STEP, noteIndex, local.firstStep + id);
    const step = local.note.steps[local.firstStep + id] as StepData;
    const child = local.first(id);
    // Most steps are leaves without links: final at once.
    if (child === -1 && step.links === null) rows.finish(node, step);
    else stack.push({ node, local, noteIndex, child, link: 0, links: step.links, expansion: null, from: 0 });
  };

  while (stack.length > 0) {
    const f = stack[stack.length - 1] as Frame;
    if (f.child !== -1) {
      const id = f.child;
      f.child = f.local.next(id);
      write(f.local, f.noteIndex, id);
      continue;
    }
    if (f.node === -1) {
      stack.pop();
      if (f.local.linkless && !f.local.pooled && f.local.rows === null) keepRows(f.local, rows, f.from);
      f.local.release();
      placed.set(f.expansion as Expansion, { from: f.from, to: rows.n });
      follower.leave();
      continue;
    }
    const links = f.links;
    if (links === null || f.link >= links.length) {
      stack.pop();
      // Everything below is written: the node's progress now (post-order).
      const head = rows.ints[f.node * INTS] as number;
      rows.finish(f.node, (head & 3) === STEP ? (f.local.note.steps[rows.ints[f.node * INTS + 2] as number] as StepData) : null);
      continue;
    }
    const link = links[f.link++] as string;
    const node = f.node;
    const step = f.local.note.steps[rows.ints[node * INTS + 2] as number] as StepData;
    const fl = follower.follow(f.local.note.path, step.line, link, (path) => {
      linked ??= new Map();
      if (!linked.has(node)) linked.set(node, path);
    });
    if (fl.kind === 'none') continue;
    if (fl.kind === 'ref') {
      refs.push({ node: rows.add(REF, indexOf(fl.target), fl.heading), expansion: fl.expansion });
      continue;
    }
    // Sections of this note expanded earlier stay where they are; here they are references.
    let inner: Map<number, Expansion> | null = null;
    for (const e of fl.inner) (inner ??= new Map()).set(e.heading, e);
    const local = localTree(fl.target, fl.heading, inner);
    if (local.rows !== null) {
      // Written before, by this goal or another: copied, with nothing in it to follow.
      const from = rows.n;
      rows.copy(local.rows, indexOf(fl.target));
      placed.set(fl.expansion, { from, to: rows.n });
      continue;
    }
    follower.enter(fl.target.path);
    stack.push({ node: -1, local, noteIndex: indexOf(fl.target), child: local.first(local.root), link: 0, links: null, expansion: fl.expansion, from: rows.n });
  }

  // A reference counts what its expansion counts (shown, never added to the nodes above it).
  for (const { node, expansion } of refs) {
    const e = placed.get(expansion);
    if (e === undefined) continue;
    let done = 0;
    let total = 0;
    for (let c = e.from; c < e.to; c = rows.end(c)) {
      done += rows.done(c);
      total += rows.total(c);
    }
    rows.setProgress(node, done, total);
  }
  top.release();
  return { tree: rows.tree(title, notes, linked), follower };
}
