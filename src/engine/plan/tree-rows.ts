/**
 * The rows of a tree being written (plan-tree.ts): growing storage from a pool, SPEC 1.3's
 * progress of a node once its subtree is written, and the rows a linkless note wrote, kept to
 * be copied into later trees.
 */
import { giveInts, takeInts, type LocalTree } from './local-tree';
import { roundTotal } from '../read/numbers';
import { FRACTION, HOLDS, INTS, LEAF, PHASE, PlanTree, REF, STEP } from './plan-tree';
import type { NoteData, StepData } from '../types';

/**
 * Copies `count` rows from `src` at row `from` to `dst` at row `to`, in note `note`, their
 * subtree ends moved by `to - from`. A loop rather than `set`: blocks are a few dozen rows.
 */
function moveRows(src: Int32Array, from: number, dst: Int32Array, to: number, count: number, note: number): void {
  const shift = to - from;
  for (let r = 0; r < count; r++) {
    const s = (from + r) * INTS;
    const d = (to + r) * INTS;
    dst[d] = src[s] as number;
    dst[d + 1] = note;
    dst[d + 2] = src[s + 2] as number;
    dst[d + 3] = (src[s + 3] as number) + shift;
    dst[d + 4] = src[s + 4] as number;
    dst[d + 5] = src[s + 5] as number;
  }
}

/** Keeps the rows a linkless local tree wrote (`from` to the end), to copy them next time. */
export function keepRows(local: LocalTree, rows: Rows, from: number): void {
  const to = rows.n;
  // Fractional progress is kept beside the rows: such a note is walked each time.
  for (let i = from; i < to; i++) if (((rows.ints[i * INTS] as number) & FRACTION) !== 0) return;
  const out = new Int32Array((to - from) * INTS);
  moveRows(rows.ints, from, out, 0, to - from, 0);
  local.rows = out;
}

/** Done and total that an Int32Array holds exactly. */
function whole(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= 0x7fffffff;
}

/** Growing storage of the tree being written. */
export class Rows {
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
    moveRows(kept, 0, this.ints, this.n, count, note);
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
    // Fractional weights: rounded as totals are (`roundTotal`), kept beside the rows.
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

