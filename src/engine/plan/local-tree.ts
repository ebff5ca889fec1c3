/**
 * The local tree of a note, or of one heading's section of it (no links followed): which
 * headings are phases or references and which steps hang where, as child lists over local ids.
 * Kept with the note's data when it has no references (see `localTree`).
 */
import { sectionRange, type Expansion } from './follow';
import type { NoteData } from '../types';

/**
 * Scratch arrays reused from build to build: a typed array of more than 64 bytes is memory
 * outside the heap, slow to get and to free, and a build wants one for its rows and one per
 * local tree it does not keep (see `localTree`). An array is taken out of the pool while in
 * use, so a build that starts during another gets its own. Large arrays (a huge note's) are
 * not kept: the pool would hold them for as long as the plugin runs. Measured with the
 * character arrays of read/text.ts against arrays made at each use (13 alternating pairs on the
 * medium vault, BENCHMARKS.md "Tricks kept and removed"): parsing every note 5 % faster and
 * evaluating every goal 9 % faster in medians, faster in 12 of the 13 pairs.
 */
const spare: Int32Array[] = [];
const LARGEST_SPARE = 1 << 18;

export function takeInts(size: number): Int32Array {
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

export function giveInts(a: Int32Array): void {
  if (spare.length < 64 && a.length <= LARGEST_SPARE) spare.push(a);
}

/** Local ids: the section's steps first, then its headings, then the section's root. */
const PLACED_STEP = 1;
export const REF_HEADING = 1;
const PHASE_HEADING = 2;
const EMPTY_PHASE = 3;

/** The first step at or after `from` whose line is past `line` (steps are in line order). */
function stepAfter(steps: readonly { line: number }[], line: number, from: number): number {
  let lo = from;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((steps[mid] as { line: number }).line > line) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The local tree of a note (no links followed), or of one heading's section of it: child lists
 * over local ids. Sections already expanded elsewhere in the goal (`refs`, by heading index)
 * are reference nodes; phases that hold no step, directly or below, are marked empty. Sized to
 * the section, not the note: a goal that links each of a large note's sections keeps one per
 * section.
 */
export class LocalTree {
  /** Steps in the section: local ids 0..steps-1 are the note's steps from `firstStep`. */
  readonly steps: number;
  readonly firstStep: number;
  /** The note's heading at local id `steps` (headings follow the steps). */
  readonly firstHeading: number;
  readonly root: number;
  /** No step shown in it has a link: its rows depend on the note alone (known for kept trees). */
  linkless = true;
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
    /** A scratch array from the pool (given back by `release`), else one of its own (kept). */
    readonly pooled: boolean,
  ) {
    const steps = note.steps;
    const { from, to, firstLine, lastLine } = sectionRange(note, heading);
    // A whole note (most expansions) takes every step, without a search through them.
    const s0 = heading < 0 ? 0 : stepAfter(steps, firstLine, 0);
    const s1 = heading < 0 ? steps.length : stepAfter(steps, lastLine - 1, s0);
    const S = s1 - s0;
    const size = S + to - from;
    this.steps = S;
    this.firstStep = s0;
    this.firstHeading = from;
    this.root = size;
    const a = pooled ? takeInts(4 * size + 2) : new Int32Array(4 * size + 2);
    a.fill(-1, 0, 3 * size + 2);
    if (pooled) a.fill(0, 3 * size + 2, 4 * size + 2);
    this.a = a;
    this.place(s0, s1, from, to);
    this.markEmptyPhases(from, to);
  }

  /** Places the headings `[from, to)` and the steps `[s0, s1)` below their phases and parent steps, in order. */
  private place(s0: number, s1: number, from: number, to: number): void {
    const { note, refs, a, root: size } = this;
    const steps = note.steps;
    const headings = note.headings;
    const state = 3 * size + 2;
    /** Heading `h` has local id `H + h`. */
    const H = this.steps - from;
    /** Open phases (heading indices), outermost first. */
    const open: number[] = [];
    /** Headings at or past this index are inside a section shown as a reference. */
    let skipUntil = -1;
    let hi = from;
    for (let i = s0; i <= s1; i++) {
      const s = i < s1 ? steps[i] : undefined;
      const line = s === undefined ? Infinity : s.line;
      // Headings that come before this step, in order.
      for (; hi < to && (headings[hi]?.line ?? Infinity) < line; hi++) {
        if (hi < skipUntil) continue;
        const level = (headings[hi] as { level: number }).level;
        while (open.length > 0 && (headings[open[open.length - 1] as number]?.level ?? 0) >= level) open.pop();
        this.append(open.length > 0 ? H + (open[open.length - 1] as number) : size, H + hi);
        if (refs?.has(hi) === true) {
          a[state + H + hi] = REF_HEADING;
          skipUntil = sectionRange(note, hi).to;
        } else {
          a[state + H + hi] = PHASE_HEADING;
          open.push(hi);
        }
      }
      if (s === undefined) break;
      const inPhase = s.section >= from && s.section >= 0;
      if (inPhase && a[state + H + s.section] !== PHASE_HEADING) continue; // in a referenced section
      a[state + i - s0] = PLACED_STEP;
      // Only a kept tree keeps its rows (see tree-rows.ts), so only it needs to know.
      if (!this.pooled && s.links !== null) this.linkless = false;
      if (s.parent >= s0 && a[state + s.parent - s0] === PLACED_STEP) this.append(s.parent - s0, i - s0);
      else if (inPhase) this.append(H + s.section, i - s0);
      else this.append(size, i - s0);
    }
  }

  /** A phase with no step below it, at any depth, is empty. Children before parents: a sub-phase has the larger heading index. */
  private markEmptyPhases(from: number, to: number): void {
    const a = this.a;
    const state = 3 * this.root + 2;
    const S = this.steps;
    const H = S - from;
    for (let h = to - 1; h >= from; h--) {
      if (a[state + H + h] !== PHASE_HEADING) continue;
      let holds = false;
      for (let c = this.first(H + h); c !== -1 && !holds; c = this.next(c)) holds = c < S || a[state + c] !== EMPTY_PHASE;
      if (!holds) a[state + H + h] = EMPTY_PHASE;
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
 * (a changed note is a new NoteData): from its second use, one is kept with the note, by heading
 * (-1 the whole note), for every goal and every later evaluation that expands it. A note changed
 * while a goal is shown is then walked again only for that note.
 */
const kept = new WeakMap<NoteData, Map<number, LocalTree | null>>();

export function localTree(note: NoteData, heading: number, refs: ReadonlyMap<number, Expansion> | null): LocalTree {
  if (refs !== null) return new LocalTree(note, heading, refs, true);
  let byHeading = kept.get(note);
  if (byHeading === undefined) kept.set(note, (byHeading = new Map<number, LocalTree | null>()));
  const local = byHeading.get(heading);
  if (local !== undefined && local !== null) return local;
  // The first time, a scratch tree: most notes are expanded once (one goal, read at the cold
  // start); from the second, one kept with the note.
  if (local === undefined) {
    byHeading.set(heading, null);
    return new LocalTree(note, heading, null, true);
  }
  const keep = new LocalTree(note, heading, null, false);
  byHeading.set(heading, keep);
  return keep;
}
