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
import { Follower, sectionRange, type Expansion, type NoteSource } from './follow';
import { roundTotal } from './numbers';
import { FRACTION, GOAL, HOLDS, INTS, LEAF, PHASE, PlanTree, REF, STEP } from './plan-tree';
import type { NoteData, StepData } from './types';

export { PlanTree } from './plan-tree';
export { anchorOf, makeProgress } from './tree-node';

/**
 * Scratch arrays reused from build to build: a typed array of more than 64 bytes is memory
 * outside the heap, slow to get and to free, and a build wants one per expansion. An array is
 * taken out of the pool while in use, so a build that starts during another gets its own.
 */
const spare: Int32Array[] = [];

function takeInts(size: number): Int32Array {
  let best = -1;
  for (let k = spare.length - 1; k >= 0 && k >= spare.length - 8; k--) {
    if ((spare[k] as Int32Array).length >= size) {
      best = k;
      break;
    }
  }
  if (best === -1) return new Int32Array(Math.max(size, 256));
  const a = spare[best] as Int32Array;
  spare[best] = spare[spare.length - 1] as Int32Array;
  spare.pop();
  return a;
}

function giveInts(a: Int32Array): void {
  if (spare.length < 64) spare.push(a);
}

/** Local ids: a note's steps are 0..S-1, its headings S..S+H-1, and S+H the section's root. */
const PLACED_STEP = 1;
const REF_HEADING = 1;
const PHASE_HEADING = 2;
const EMPTY_PHASE = 3;

/**
 * The local tree of a note (no links followed), or of one heading's section of it: child lists
 * over local ids. Sections already expanded elsewhere in the goal (`refs`, by heading index)
 * are reference nodes; phases that hold no step, directly or below, are marked empty.
 */
class LocalTree {
  readonly steps: number;
  readonly root: number;
  /** No step shown in it has a link: its rows depend on the note alone. */
  linkless = true;
  /** Times its rows were written: they are kept from the second (most notes are read by one goal). */
  written = 0;
  /**
   * The rows it writes, once written (linkless and kept trees only): `INTS` numbers a node, the
   * note 0 and subtree ends counted from the first row. Copied into later trees instead of
   * walked again: a note many goals read (a checklist) is walked once per change, not per goal.
   */
  rows: Int32Array | null = null;
  /** first child (size + 1, the root last), next sibling (size), last child (size + 1), state (size) */
  private readonly a: Int32Array;

  constructor(
    readonly note: NoteData,
    heading: number,
    readonly refs: ReadonlyMap<number, Expansion> | null,
    /** A scratch array from the pool (given back by `release`), else one of its own. */
    private readonly pooled: boolean,
  ) {
    const steps = note.steps;
    const headings = note.headings;
    const size = steps.length + headings.length;
    this.steps = steps.length;
    this.root = size;
    const a = pooled ? takeInts(4 * size + 2) : new Int32Array(4 * size + 2);
    a.fill(-1, 0, 3 * size + 2);
    if (pooled) a.fill(0, 3 * size + 2, 4 * size + 2);
    this.a = a;
    const S = steps.length;
    const state = 3 * size + 2;
    const { from, to, firstLine, lastLine } = sectionRange(note, heading);
    /** Open phases (heading indices), outermost first. */
    const open: number[] = [];
    /** Headings at or past this index are inside a section shown as a reference. */
    let skipUntil = -1;
    let hi = from;
    for (let i = 0; i <= S; i++) {
      const s = steps[i];
      const line = s === undefined ? Infinity : s.line;
      // Headings that come before this step, in order.
      while (hi < to && (headings[hi]?.line ?? Infinity) < line) {
        if (hi < skipUntil) {
          hi++;
          continue;
        }
        const level = (headings[hi] as { level: number }).level;
        while (open.length > 0 && (headings[open[open.length - 1] as number]?.level ?? 0) >= level) open.pop();
        const parent = open.length > 0 ? S + (open[open.length - 1] as number) : size;
        this.append(parent, S + hi);
        if (refs?.has(hi) === true) {
          a[state + S + hi] = REF_HEADING;
          skipUntil = sectionRange(note, hi).to;
        } else {
          a[state + S + hi] = PHASE_HEADING;
          open.push(hi);
        }
        hi++;
      }
      if (s === undefined) break;
      if (s.line <= firstLine || s.line >= lastLine) continue;
      if (s.section >= from && s.section >= 0 && a[state + S + s.section] !== PHASE_HEADING) continue; // in a referenced section
      a[state + i] = PLACED_STEP;
      if (s.links !== null) this.linkless = false;
      if (s.parent >= 0 && a[state + s.parent] === PLACED_STEP) this.append(s.parent, i);
      else if (s.section >= from && s.section >= 0) this.append(S + s.section, i);
      else this.append(size, i);
    }
    // Children before parents: a sub-phase has the larger heading index.
    for (let h = to - 1; h >= from; h--) {
      if (a[state + S + h] !== PHASE_HEADING) continue;
      let holds = false;
      for (let c = this.first(S + h); c !== -1 && !holds; c = this.next(c)) holds = c < S || a[state + c] !== EMPTY_PHASE;
      if (!holds) a[state + S + h] = EMPTY_PHASE;
    }
  }

  private append(parent: number, child: number): void {
    const a = this.a;
    const size = this.root;
    const last = a[2 * size + 1 + parent] as number;
    if (last === -1) a[parent] = child;
    else a[size + 1 + last] = child;
    a[2 * size + 1 + parent] = child;
  }

  /** The first child to show of a local node (-1: none). */
  first(id: number): number {
    return this.shown(this.a[id] as number);
  }

  next(id: number): number {
    return this.shown(this.a[this.root + 1 + id] as number);
  }

  /** `id`, or the next sibling that is not an empty phase. */
  private shown(id: number): number {
    let c = id;
    while (c !== -1 && this.state(c) === EMPTY_PHASE) c = this.a[this.root + 1 + c] as number;
    return c;
  }

  /** Gives the scratch array back; the local tree is not used after this. */
  release(): void {
    if (this.pooled) giveInts(this.a);
  }

  /** PLACED_STEP for a step; REF_HEADING, PHASE_HEADING or EMPTY_PHASE for a heading. */
  state(id: number): number {
    return this.a[3 * this.root + 2 + id] as number;
  }
}

/**
 * Local trees without references depend on the note alone, and a note's data never changes
 * (a changed note is a new NoteData): they are kept with the note, by heading (-1 the whole
 * note), for every goal and every later evaluation that expands it. A note changed while a
 * goal is shown is then walked again only for that note.
 */
const kept = new WeakMap<NoteData, Map<number, LocalTree>>();

function localTree(note: NoteData, heading: number, refs: ReadonlyMap<number, Expansion> | null): LocalTree {
  if (refs !== null) return new LocalTree(note, heading, refs, true);
  let byHeading = kept.get(note);
  if (byHeading === undefined) kept.set(note, (byHeading = new Map<number, LocalTree>()));
  let local = byHeading.get(heading);
  if (local === undefined) byHeading.set(heading, (local = new LocalTree(note, heading, null, false)));
  return local;
}

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

/** Keeps the rows a linkless local tree wrote (`from` to the end), to copy them next time. */
function keepRows(local: LocalTree, rows: Rows, from: number): void {
  const to = rows.n;
  const out = new Int32Array((to - from) * INTS);
  for (let i = from; i < to; i++) {
    const o = i * INTS;
    // Fractional progress is kept beside the rows: such a note is walked each time.
    if (((rows.ints[o] as number) & FRACTION) !== 0) return;
    const k = (i - from) * INTS;
    out[k] = rows.ints[o] as number;
    out[k + 1] = 0;
    out[k + 2] = rows.ints[o + 2] as number;
    out[k + 3] = (rows.ints[o + 3] as number) - from;
    out[k + 4] = rows.ints[o + 4] as number;
    out[k + 5] = rows.ints[o + 5] as number;
  }
  local.rows = out;
}

/** Done and total that an Int32Array holds exactly. */
function whole(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= 0x7fffffff;
}

/** Growing storage of the tree being written. */
class Rows {
  n = 0;
  ints = takeInts(256);
  fractions: Map<number, readonly [number, number]> | null = null;

  /** Room for `count` more rows. */
  private grow(count: number): void {
    if ((this.n + count) * INTS <= this.ints.length) return;
    let size = this.ints.length * 2;
    while (size < (this.n + count) * INTS) size *= 2;
    const ints = new Int32Array(size);
    ints.set(this.ints);
    giveInts(this.ints);
    this.ints = ints;
  }

  /** Appends rows kept by `keepRows`, in note `note`. */
  copy(kept: Int32Array, note: number): void {
    const count = kept.length / INTS;
    this.grow(count);
    const from = this.n;
    const o = from * INTS;
    const ints = this.ints;
    // A loop rather than `set`: blocks are a few dozen rows, and two numbers of each change.
    for (let k = 0; k < kept.length; k += INTS) {
      ints[o + k] = kept[k] as number;
      ints[o + k + 1] = note;
      ints[o + k + 2] = kept[k + 2] as number;
      ints[o + k + 3] = (kept[k + 3] as number) + from;
      ints[o + k + 4] = kept[k + 4] as number;
      ints[o + k + 5] = kept[k + 5] as number;
    }
    this.n += count;
  }

  add(kind: number, note: number, item: number): number {
    this.grow(1);
    const i = this.n++;
    const o = i * INTS;
    this.ints[o] = kind;
    this.ints[o + 1] = note;
    this.ints[o + 2] = item;
    this.ints[o + 3] = i + 1;
    this.ints[o + 4] = 0;
    this.ints[o + 5] = 0;
    return i;
  }

  end(i: number): number {
    return this.ints[i * INTS + 3] as number;
  }

  done(i: number): number {
    return (this.ints[i * INTS] as number) & FRACTION ? (this.fractions?.get(i)?.[0] ?? 0) : (this.ints[i * INTS + 4] as number);
  }

  total(i: number): number {
    return (this.ints[i * INTS] as number) & FRACTION ? (this.fractions?.get(i)?.[1] ?? 0) : (this.ints[i * INTS + 5] as number);
  }

  /** The rows written, as a tree; the scratch array goes back to its pool. */
  tree(title: string, notes: NoteData[], linked: Map<number, string> | null): PlanTree {
    const n = this.n;
    const tree = new PlanTree(title, notes, n, this.ints.slice(0, n * INTS), this.fractions, linked);
    giveInts(this.ints);
    return tree;
  }

  setProgress(i: number, done: number, total: number): void {
    const o = i * INTS;
    if (whole(done) && whole(total)) {
      this.ints[o] = (this.ints[o] as number) & ~FRACTION;
      this.ints[o + 4] = done;
      this.ints[o + 5] = total;
      return;
    }
    // Fractional weights: rounded as makeProgress rounds them, kept beside the rows.
    this.ints[o] = (this.ints[o] as number) | FRACTION;
    (this.fractions ??= new Map()).set(i, [roundTotal(done), roundTotal(total)]);
  }

  /**
   * SPEC 1.3 for a node whose subtree is written: leaves count their weight, a done step counts
   * all its leaves done, a cancelled one counts nothing; references count nothing. A phase that
   * only shows a reference holds no step, so it does not stop the step above it being a leaf.
   */
  finish(i: number, step: StepData | null): void {
    const ints = this.ints;
    const end = this.n;
    ints[i * INTS + 3] = end;
    let done = 0;
    let total = 0;
    let countable = false;
    for (let c = i + 1; c < end; c = ints[c * INTS + 3] as number) {
      const head = ints[c * INTS] as number;
      if ((head & 3) === REF) continue;
      done += this.done(c);
      total += this.total(c);
      if (!countable && ((head & 3) === STEP || (head & HOLDS) !== 0)) countable = true;
    }
    const kind = (ints[i * INTS] as number) & 3;
    if (kind === STEP && step !== null) {
      const status = step.status;
      if (!countable) {
        ints[i * INTS] = kind | LEAF;
        total = step.weight;
        done = status === 'done' ? total : 0;
      }
      if (status === 'done') done = total;
      if (status === 'cancelled') {
        done = 0;
        total = 0;
      }
    } else if (kind === PHASE && countable) ints[i * INTS] = kind | HOLDS;
    this.setProgress(i, done, total);
  }
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
      const h = id - local.steps;
      if (local.state(id) === REF_HEADING) {
        refs.push({ node: rows.add(REF, noteIndex, h), expansion: local.refs?.get(h) as Expansion });
        return;
      }
      stack.push({ node: rows.add(PHASE, noteIndex, h), local, noteIndex, child: local.first(id), link: 0, links: null, expansion: null, from: 0 });
      return;
    }
    const node = rows.add(STEP, noteIndex, id);
    const step = local.note.steps[id] as StepData;
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
      if (f.local.linkless && f.local.refs === null && f.local.rows === null && ++f.local.written > 1) keepRows(f.local, rows, f.from);
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
