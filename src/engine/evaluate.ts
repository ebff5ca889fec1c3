/**
 * Evaluating a goal without building its tree: one depth-first walk over the notes' steps, in
 * the tree's order (a step's own sub-steps, then the notes its links expand), that sums
 * progress (SPEC 1.3) and collects what SPEC 1.4-1.6 need. Only the steps that end up in a
 * list get an object; the tree itself is built only when something shows it (tree.ts), and
 * both walks follow links through the same `Follower`.
 */
import { isDay, NO_DAY, type Day } from './dates';
import { formatDay } from './dates';
import { Follower, sectionRange, type Expansion, type NoteSource } from './follow';
import type { NoteData, Problem, StepData, StepRef } from './types';

export interface Ordered {
  ref: StepRef;
  /** Position in the tree's document order. */
  order: number;
}

export interface Evaluation {
  done: number;
  total: number;
  /** Paths of every note the goal reads, the goal first. */
  notes: string[];
  /** Names of notes the goal's links lead to that do not exist. */
  missing: ReadonlySet<string>;
  /** Link problems and the problems of the notes read (in the order met). */
  linkProblems: Problem[];
  /** Problems of the steps themselves (due after the step above, done with open steps). */
  stepProblems: Problem[];
  /** The open leaf with the earliest due date (the first in document order among equals). */
  nextDue: Ordered | null;
  /** The first open leaf in document order. */
  firstOpen: Ordered | null;
  overdue: Ordered[];
  help: StepRef[];
  /** Weight of done leaves by done date. */
  burn: Map<Day, number>;
  /** Weight of leaves done within the pace window. */
  paceDone: number;
}

interface Context {
  /** Is there a step above (not only phases)? */
  stepAbove: boolean;
  /** Due date of the nearest step above that has one. */
  dueAbove: Day;
  /** The outermost done step above, if any (its note and step). */
  doneNote: NoteData | null;
  doneStep: StepData | null;
  cancelled: boolean;
}

const NO_LINK = (): void => undefined;
const WHOLE = { firstLine: -1, lastLine: Infinity };
const NO_SKIP: readonly (readonly [number, number])[] = [];

export function evaluateGoal(goal: NoteData, target: Day, src: NoteSource, today: Day, paceWindow: number): Evaluation {
  const follower = new Follower(goal, src);
  const ev: Evaluation = {
    done: 0,
    total: 0,
    notes: follower.notes,
    missing: follower.missing,
    linkProblems: follower.problems,
    stepProblems: [],
    nextDue: null,
    firstOpen: null,
    overdue: [],
    help: [],
    burn: new Map(),
    paceDone: 0,
  };
  const reported = new Set<StepData>();
  let order = 0;

  const refOf = (note: NoteData, s: StepData): StepRef => ({ path: note.path, line: s.line, text: s.text, due: s.due });

  /** Sums a note's section; `steps` counts the steps met (for leaf-ness of the linking step). */
  const section = (note: NoteData, heading: number, skip: Expansion[], ctx: Context): { done: number; total: number; steps: number } => {
    const { firstLine, lastLine } = heading === -1 ? WHOLE : sectionRange(note, heading);
    const skipped = skip.length === 0 ? NO_SKIP : skip.map((e) => [e.heading, sectionRange(note, e.heading).to] as const);
    let done = 0;
    let total = 0;
    let steps = 0;
    const all = note.steps;
    let i = 0;
    while (i < all.length) {
      const s = all[i] as StepData;
      if (s.line <= firstLine) {
        i++;
        continue;
      }
      if (s.line >= lastLine) break;
      if (skipped.length > 0 && skipped.some(([from, to]) => s.section >= from && s.section < to)) {
        i = s.end;
        continue;
      }
      if (s.parent === -1) {
        const r = step(note, i, ctx);
        done += r.done;
        total += r.total;
        steps++;
      }
      i = s.end;
    }
    return { done, total, steps };
  };

  const step = (note: NoteData, i: number, ctx: Context): { done: number; total: number } => {
    const s = note.steps[i] as StepData;
    const at = ++order;
    const status = s.status;
    const counted = !ctx.cancelled && status !== 'cancelled';
    const openStatus = status === 'todo' || status === 'doing';
    const open = counted && ctx.doneStep === null && openStatus;
    if (counted) {
      if (isDay(s.due)) {
        const limit = ctx.stepAbove ? ctx.dueAbove : target;
        if (isDay(limit) && s.due > limit) {
          const what = ctx.stepAbove ? `the step above it (due ${formatDay(limit) ?? ''})` : `the goal's target (${formatDay(limit) ?? ''})`;
          ev.stepProblems.push({ path: note.path, line: s.line, severity: 'warning', code: 'due-after-parent', message: `Due ${formatDay(s.due) ?? ''}, after ${what}.` });
        }
      }
      const above = ctx.doneStep;
      if (above !== null && ctx.doneNote !== null && openStatus && !reported.has(above)) {
        reported.add(above);
        ev.stepProblems.push({ path: ctx.doneNote.path, line: above.line, severity: 'warning', code: 'done-with-open-steps', message: 'This step is done but still has open steps below it.' });
      }
      if (open) {
        if (isDay(s.due) && s.due < today) ev.overdue.push({ ref: refOf(note, s), order: at });
        if (s.help) ev.help.push(refOf(note, s));
      }
    }

    let done = 0;
    let total = 0;
    let countable = false;
    const all = note.steps;
    const becomesDone = ctx.doneStep === null && status === 'done';
    const inner: Context =
      s.end === i + 1 && s.links === null
        ? ctx // a leaf with no link: nothing below reads the context
        : {
            stepAbove: true,
            dueAbove: isDay(s.due) ? s.due : ctx.stepAbove ? ctx.dueAbove : NO_DAY,
            doneNote: becomesDone ? note : ctx.doneNote,
            doneStep: becomesDone ? s : ctx.doneStep,
            cancelled: ctx.cancelled || status === 'cancelled',
          };
    for (let j = i + 1; j < s.end; j = (all[j] as StepData).end) {
      const r = step(note, j, inner);
      done += r.done;
      total += r.total;
      countable = true;
    }
    if (s.links !== null) {
      for (const link of s.links) {
        const f = follower.follow(note.path, s.line, link, NO_LINK);
        if (f.kind !== 'expand') continue;
        follower.enter(f.target.path);
        const r = section(f.target, f.heading, f.inner, inner);
        follower.leave();
        done += r.done;
        total += r.total;
        if (r.steps > 0) countable = true;
      }
    }

    if (counted && !countable) {
      if (open) {
        // Only the two candidates for the next action are kept, not every open leaf.
        const best = ev.nextDue;
        if (isDay(s.due) && (best === null || s.due < best.ref.due || (s.due === best.ref.due && at < best.order))) {
          ev.nextDue = { ref: refOf(note, s), order: at };
        }
        if (ev.firstOpen === null || at < ev.firstOpen.order) ev.firstOpen = { ref: refOf(note, s), order: at };
      }
      if (status === 'done' || ctx.doneStep !== null) {
        const when = isDay(s.done) ? s.done : ctx.doneStep !== null ? ctx.doneStep.done : NO_DAY;
        if (isDay(when)) {
          ev.burn.set(when, (ev.burn.get(when) ?? 0) + s.weight);
          if (when <= today && today - when <= paceWindow) ev.paceDone += s.weight;
        }
      }
    }
    if (status === 'cancelled') return { done: 0, total: 0 };
    if (!countable) {
      total = s.weight;
      done = status === 'done' ? s.weight : 0;
    }
    if (status === 'done') done = total;
    return { done, total };
  };

  const root: Context = { stepAbove: false, dueAbove: NO_DAY, doneNote: null, doneStep: null, cancelled: false };
  const r = section(goal, -1, [], root);
  ev.done = r.done;
  ev.total = r.total;
  return ev;
}
