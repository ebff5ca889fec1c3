/**
 * The implementation tree of a goal (SPEC 1.2): headings become phases, tasks become steps,
 * and a step that links another note expands that note's tree below it. A note is expanded
 * at its first occurrence; later ones become reference nodes; links back onto the current
 * path are cycles.
 */
import { NO_DAY } from './dates';
import type { NoteData, PlanNode, Problem, Progress, StepData } from './types';

/** Where the tree gets notes from: link resolution and the notes' data. */
export interface NoteSource {
  /** The path a link from `fromPath` resolves to, or null when no file matches. */
  resolve(linkpath: string, fromPath: string): string | null;
  /** A note's data, when it is a Markdown note the index holds. */
  get(path: string): NoteData | undefined;
}

const ZERO: Progress = { done: 0, total: 0, percent: 0 };

export function emptyProgress(): Progress {
  return { done: 0, total: 0, percent: 0 };
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

function phaseNode(note: NoteData, line: number, text: string): PlanNode {
  return {
    kind: 'phase',
    text,
    path: note.path,
    line,
    status: null,
    due: NO_DAY,
    scheduled: NO_DAY,
    start: NO_DAY,
    done: NO_DAY,
    help: false,
    link: null,
    weight: 1,
    links: null,
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

/** The heading indices `[from, to)` inside a section (`heading` -1 = the whole note). */
function sectionRange(note: NoteData, heading: number): { from: number; to: number; firstLine: number; lastLine: number } {
  const headings = note.headings;
  const h = heading >= 0 ? headings[heading] : undefined;
  if (h === undefined) return { from: 0, to: headings.length, firstLine: -1, lastLine: Infinity };
  let to = heading + 1;
  while (to < headings.length && (headings[to]?.level ?? 0) > h.level) to++;
  return { from: heading + 1, to, firstLine: h.line, lastLine: to < headings.length ? (headings[to]?.line ?? Infinity) : Infinity };
}

/**
 * The local tree of a note (no links followed), or of one heading's section of it, in
 * document order. Sections already
 * expanded elsewhere in the goal (`refs`, by heading index) become reference nodes.
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
      const node = ref ?? phaseNode(note, h.line, h.text);
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

/** An expansion of a linked note: where its nodes stand among the linking step's children. */
interface Expansion {
  owner: PlanNode;
  from: number;
  to: number;
  /** The heading whose section was expanded, -1 for the whole note. */
  heading: number;
}

function refNode(target: NoteData, h: number): PlanNode {
  const title = target.goal?.title ?? target.basename;
  const heading = h >= 0 ? target.headings[h] : undefined;
  return {
    kind: 'ref',
    text: heading !== undefined ? `${title} › ${heading.text}` : title,
    path: target.path,
    line: heading !== undefined ? heading.line : 0,
    status: null,
    due: NO_DAY,
    scheduled: NO_DAY,
    start: NO_DAY,
    done: NO_DAY,
    help: false,
    link: target.path,
    weight: 1,
    links: null,
    progress: ZERO,
    children: [],
  };
}

export interface BuiltTree {
  root: PlanNode;
  /** Paths of every note the tree reads, the goal note first. */
  notes: string[];
  problems: Problem[];
}

function splitLink(link: string): { file: string; sub: string } {
  const hash = link.indexOf('#');
  if (hash === -1) return { file: link.trim(), sub: '' };
  return { file: link.slice(0, hash).trim(), sub: link.slice(hash + 1).trim() };
}

function extensionOf(file: string): string {
  const slash = file.lastIndexOf('/');
  const dot = file.lastIndexOf('.');
  return dot > slash + 0 && dot > 0 ? file.slice(dot + 1).toLowerCase() : '';
}

function headingIndex(note: NoteData, sub: string): number {
  if (sub === '' || sub.startsWith('^')) return -1;
  const parts = sub.split('#').filter((p) => p !== '');
  const wanted = (parts[parts.length - 1] ?? '').trim().toLowerCase();
  return note.headings.findIndex((h) => h.text.trim().toLowerCase() === wanted);
}

/** Builds a goal's tree with links followed and progress computed. */
export function buildTree(goal: NoteData, title: string, src: NoteSource): BuiltTree {
  const problems: Problem[] = [...goal.problems];
  const notes: string[] = [goal.path];
  const seenNotes = new Set<string>([goal.path]);
  /** Expansions made so far, by note path. */
  const expanded = new Map<string, Expansion[]>();
  const refs: { node: PlanNode; expansion: Expansion }[] = [];
  const onPath: string[] = [goal.path];

  const root: PlanNode = {
    kind: 'goal',
    text: title,
    path: goal.path,
    line: 0,
    status: null,
    due: NO_DAY,
    scheduled: NO_DAY,
    start: NO_DAY,
    done: NO_DAY,
    help: false,
    link: null,
    weight: 1,
    links: null,
    progress: ZERO,
    children: localTree(goal, -1, null),
  };

  const expandAll = (nodes: PlanNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'ref') continue;
      expandAll(node.children);
      if (node.links !== null) for (const t of node.links) follow(node, t);
    }
  };

  const follow = (node: PlanNode, link: string): void => {
    const { file, sub } = splitLink(link);
    if (file === '') return; // a link within the same note
    const ext = extensionOf(file);
    if (ext !== '' && ext !== 'md') return; // an attachment, not a plan
    const path = src.resolve(file, node.path);
    if (path === null) {
      problems.push({ path: node.path, line: node.line, severity: 'warning', code: 'unresolved-link', message: `The link "${link}" leads to no note.` });
      return;
    }
    if (!path.toLowerCase().endsWith('.md')) return;
    node.link ??= path;
    if (onPath.includes(path)) {
      problems.push({ path: node.path, line: node.line, severity: 'warning', code: 'link-cycle', message: `The link to "${link}" leads back to a note this step is already part of; it is not followed.` });
      return;
    }
    const target = src.get(path);
    if (target === undefined) return;
    const h = headingIndex(target, sub);
    const range = sectionRange(target, h);
    const done = expanded.get(path) ?? [];
    // Already expanded as a whole, or a section containing this one: a reference.
    const covering = done.find((e) => e.heading === -1 || (h >= 0 && e.heading <= h && h < sectionRange(target, e.heading).to));
    if (covering !== undefined) {
      const ref = refNode(target, h);
      node.children.push(ref);
      refs.push({ node: ref, expansion: covering });
      return;
    }
    if (!seenNotes.has(path)) {
      seenNotes.add(path);
      notes.push(path);
      for (const p of target.problems) problems.push(p);
    }
    // Sections of this note expanded earlier stay where they are; here they are references.
    let inner: Map<number, PlanNode> | null = null;
    for (const e of done) {
      if (e.heading >= range.from && e.heading < range.to) {
        const ref = refNode(target, e.heading);
        (inner ??= new Map()).set(e.heading, ref);
        refs.push({ node: ref, expansion: e });
      }
    }
    const subNodes = localTree(target, h, inner);
    const from = node.children.length;
    const expansion: Expansion = { owner: node, from, to: from + subNodes.length, heading: h };
    expanded.set(path, [...done, expansion]);
    onPath.push(path);
    expandAll(subNodes);
    onPath.pop();
    for (const n of subNodes) node.children.push(n);
  };

  expandAll(root.children);
  computeProgress(root);
  for (const { node, expansion: e } of refs) {
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
  return { root, notes, problems };
}

export function makeProgress(done: number, total: number): Progress {
  return { done, total, percent: total > 0 ? Math.round((100 * done) / total) : 0 };
}

/** Is this node a step with nothing countable below it? */
export function isLeaf(node: PlanNode): boolean {
  if (node.kind !== 'step') return false;
  for (const c of node.children) if (c.kind === 'step' || c.kind === 'phase') return false;
  return true;
}

/** SPEC 1.3, post-order. Returns the node's progress (refs count nothing). */
function computeProgress(node: PlanNode): Progress {
  if (node.kind === 'ref') return ZERO;
  let done = 0;
  let total = 0;
  let countable = false;
  for (const c of node.children) {
    const p = computeProgress(c);
    if (c.kind === 'step' || c.kind === 'phase') countable = true;
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
