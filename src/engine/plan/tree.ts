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
  return new TreeBuilder(goal, src).build(title);
}

/**
 * One build: a pre-order walk with an explicit stack of frames. Each turn writes the next local
 * child of the frame on top, or leaves a finished expansion, or finishes a node, or follows the
 * node's next link.
 */
class TreeBuilder {
  private readonly follower: Follower;
  private readonly rows = new Rows();
  private readonly notes: NoteData[];
  private readonly noteIndex: Map<string, number>;
  /** The first note each step's links led to, by node. */
  private linked: Map<number, string> | null = null;
  /** Where each expansion was written. */
  private readonly placed = new Map<Expansion, { from: number; to: number }>();
  private readonly refs: { node: number; expansion: Expansion }[] = [];
  private readonly stack: Frame[] = [];
  private readonly top: LocalTree;

  constructor(goal: NoteData, src: NoteSource) {
    this.follower = new Follower(goal, src);
    this.notes = [goal];
    this.noteIndex = new Map([[goal.path, 0]]);
    this.rows.add(GOAL, 0, -1);
    this.top = localTree(goal, -1, null);
    this.stack.push({ node: 0, local: this.top, noteIndex: 0, child: this.top.first(this.top.root), link: 0, links: null, expansion: null, from: 0 });
  }

  build(title: string): BuiltTree {
    const stack = this.stack;
    while (stack.length > 0) {
      const f = stack[stack.length - 1] as Frame;
      if (f.child !== -1) {
        const id = f.child;
        f.child = f.local.next(id);
        this.write(f.local, f.noteIndex, id);
      } else if (f.node === -1) this.leaveExpansion(f);
      else if (f.links === null || f.link >= f.links.length) this.finishNode(f);
      else this.follow(f, f.links[f.link++] as string);
    }
    this.countReferences();
    this.top.release();
    return { tree: this.rows.tree(title, this.notes, this.linked), follower: this.follower };
  }

  private indexOf(note: NoteData): number {
    let k = this.noteIndex.get(note.path);
    if (k === undefined) {
      k = this.notes.length;
      this.notes.push(note);
      this.noteIndex.set(note.path, k);
    }
    return k;
  }

  /** Writes a local node below the frame on top; a node with something below gets a frame. */
  private write(local: LocalTree, noteIndex: number, id: number): void {
    const rows = this.rows;
    if (id >= local.steps) {
      const h = id - local.steps + local.firstHeading;
      if (local.state(id) === REF_HEADING) {
        this.refs.push({ node: rows.add(REF, noteIndex, h), expansion: local.refs?.get(h) as Expansion });
        return;
      }
      this.stack.push({ node: rows.add(PHASE, noteIndex, h), local, noteIndex, child: local.first(id), link: 0, links: null, expansion: null, from: 0 });
      return;
    }
    const node = rows.add(STEP, noteIndex, local.firstStep + id);
    const step = local.note.steps[local.firstStep + id] as StepData;
    const child = local.first(id);
    // Most steps are leaves without links: final at once.
    if (child === -1 && step.links === null) rows.finish(node, step);
    else this.stack.push({ node, local, noteIndex, child, link: 0, links: step.links, expansion: null, from: 0 });
  }

  /** An expanded note (or section) is written: its rows kept for later trees when nothing in it links on. */
  private leaveExpansion(f: Frame): void {
    this.stack.pop();
    if (f.local.linkless && !f.local.pooled && f.local.rows === null) keepRows(f.local, this.rows, f.from);
    f.local.release();
    this.placed.set(f.expansion as Expansion, { from: f.from, to: this.rows.n });
    this.follower.leave();
  }

  /** Everything below the node is written: its progress now (post-order). */
  private finishNode(f: Frame): void {
    const rows = this.rows;
    this.stack.pop();
    const head = rows.ints[f.node * INTS] as number;
    rows.finish(f.node, (head & 3) === STEP ? (f.local.note.steps[rows.ints[f.node * INTS + 2] as number] as StepData) : null);
  }

  /** Follows one link of the step at the frame's node: nothing, a reference, a copy of rows written before, or an expansion. */
  private follow(f: Frame, link: string): void {
    const rows = this.rows;
    const node = f.node;
    const step = f.local.note.steps[rows.ints[node * INTS + 2] as number] as StepData;
    const fl = this.follower.follow(f.local.note.path, step.line, link, (path) => {
      this.linked ??= new Map();
      if (!this.linked.has(node)) this.linked.set(node, path);
    });
    if (fl.kind === 'none') return;
    if (fl.kind === 'ref') {
      this.refs.push({ node: rows.add(REF, this.indexOf(fl.target), fl.heading), expansion: fl.expansion });
      return;
    }
    // Sections of this note expanded earlier stay where they are; here they are references.
    let inner: Map<number, Expansion> | null = null;
    for (const e of fl.inner) (inner ??= new Map()).set(e.heading, e);
    const local = localTree(fl.target, fl.heading, inner);
    if (local.rows !== null) {
      // Written before, by this goal or another: copied, with nothing in it to follow.
      const from = rows.n;
      rows.copy(local.rows, this.indexOf(fl.target));
      this.placed.set(fl.expansion, { from, to: rows.n });
      return;
    }
    this.follower.enter(fl.target.path);
    this.stack.push({ node: -1, local, noteIndex: this.indexOf(fl.target), child: local.first(local.root), link: 0, links: null, expansion: fl.expansion, from: rows.n });
  }

  /** A reference counts what its expansion counts (shown, never added to the nodes above it). */
  private countReferences(): void {
    const rows = this.rows;
    for (const { node, expansion } of this.refs) {
      const e = this.placed.get(expansion);
      if (e === undefined) continue;
      let done = 0;
      let total = 0;
      for (let c = e.from; c < e.to; c = rows.end(c)) {
        done += rows.done(c);
        total += rows.total(c);
      }
      rows.setProgress(node, done, total);
    }
  }
}
