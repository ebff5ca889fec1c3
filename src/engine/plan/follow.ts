/**
 * Following a step's link within one goal (SPEC 1.2), shared by the evaluation of a goal and by
 * the tree built for display, so both decide the same way: a link resolves or is reported, a
 * link back onto the current path is a cycle, a note (or section) is expanded at its first
 * occurrence and referenced after that.
 */
import type { HeadingData, NoteData, Problem } from '../types';

/** Where the tree gets notes from: link resolution and the notes' data. */
export interface NoteSource {
  /** The path a link from `fromPath` resolves to, or null when no file matches. */
  resolve(linkpath: string, fromPath: string): string | null;
  /** A note's data, when it is a Markdown note the index holds. */
  get(path: string): NoteData | undefined;
}

/** The heading indices `[from, to)` inside a section (`heading` -1 = the whole note) and its lines. */
export function sectionRange(note: NoteData, heading: number): { from: number; to: number; firstLine: number; lastLine: number } {
  const headings = note.headings;
  const h = heading >= 0 ? headings[heading] : undefined;
  if (h === undefined) return { from: 0, to: headings.length, firstLine: -1, lastLine: Infinity };
  let to = heading + 1;
  while (to < headings.length && (headings[to]?.level ?? 0) > h.level) to++;
  return { from: heading + 1, to, firstLine: h.line, lastLine: to < headings.length ? (headings[to]?.line ?? Infinity) : Infinity };
}

/** One expansion of a note (or of one heading's section) in a goal's tree. */
export interface Expansion {
  path: string;
  /** The heading whose section was expanded, -1 for the whole note. */
  heading: number;
}

export type Followed =
  | { kind: 'none' }
  /** Already expanded (as a whole, or a section containing this one). */
  | { kind: 'ref'; target: NoteData; heading: number; expansion: Expansion }
  /** Expand now; `inner` are sections of it expanded earlier, which stay references. */
  | { kind: 'expand'; target: NoteData; heading: number; expansion: Expansion; inner: Expansion[] };

const NONE: Followed = { kind: 'none' };

function splitLink(link: string): { file: string; sub: string } {
  const hash = link.indexOf('#');
  if (hash === -1) return { file: link.trim(), sub: '' };
  return { file: link.slice(0, hash).trim(), sub: link.slice(hash + 1).trim() };
}

function extensionOf(file: string): string {
  const slash = file.lastIndexOf('/');
  const dot = file.lastIndexOf('.');
  return dot > slash && dot > 0 ? file.slice(dot + 1).toLowerCase() : '';
}

/** A note's name as links use it: lower case, without folder or `.md`. */
export function noteName(pathOrLink: string): string {
  const name = pathOrLink.slice(pathOrLink.lastIndexOf('/') + 1).toLowerCase();
  return name.endsWith('.md') ? name.slice(0, -3) : name;
}

/**
 * A note's headings by their text as links name them, the first of each: made once per note.
 * Without it each link into a section searched the headings: a note of 4,000 sections linked
 * section by section took 12.5 × the time of one of 1,000; with it 2.7 × (measured when it was
 * written, 2026-11-30).
 */
const headingsByName = new WeakMap<readonly HeadingData[], Map<string, number>>();

function headingIndex(note: NoteData, sub: string): number {
  if (sub === '' || sub.startsWith('^')) return -1;
  const parts = sub.split('#').filter((p) => p !== '');
  const wanted = (parts[parts.length - 1] ?? '').trim().toLowerCase();
  let byName = headingsByName.get(note.headings);
  if (byName === undefined) {
    byName = new Map();
    note.headings.forEach((h, i) => {
      const name = h.text.trim().toLowerCase();
      if (!byName?.has(name)) byName?.set(name, i);
    });
    headingsByName.set(note.headings, byName);
  }
  return byName.get(wanted) ?? -1;
}

/**
 * The expansions of one note so far. Expanded sections are nested or apart, and headings nest at
 * most six deep, so a heading lies in at most seven of them: marking each section's headings
 * when it is expanded keeps the work for a note linked section by section linear.
 */
interface NoteExpansions {
  /** In the order they were made. */
  list: Expansion[];
  whole: Expansion | null;
  /** Where in `list` the expansion of a heading is. */
  at: Map<number, number>;
  /** By heading: the first expansion whose section holds it, the innermost of them. */
  cover: (Expansion | undefined)[];
}

export class Follower {
  readonly problems: Problem[];
  /** Paths of every note the tree reads, the goal note first. */
  readonly notes: string[];
  /** Names (lower case, no folder or extension) of the notes links led to but that do not exist. */
  readonly missing = new Set<string>();
  private readonly seen: Set<string>;
  private readonly expanded = new Map<string, NoteExpansions>();
  private readonly onPath: string[];
  /** How many times each note is on the current path: looked up per link, however deep the path. */
  private readonly onPathCount = new Map<string, number>();
  /** Link problems already reported (the same link twice on a line is reported once). */
  private readonly reported = new Set<string>();

  constructor(
    goal: NoteData,
    private readonly src: NoteSource,
  ) {
    this.problems = [...goal.problems];
    this.notes = [goal.path];
    this.seen = new Set([goal.path]);
    this.onPath = [goal.path];
    this.onPathCount.set(goal.path, 1);
  }

  /**
   * What a link on the step at `fromPath:fromLine` leads to. Problems are recorded here;
   * `linked` receives the path of a note the link resolves to.
   */
  follow(fromPath: string, fromLine: number, link: string, linked: (path: string) => void): Followed {
    const { file, sub } = splitLink(link);
    if (file === '') return NONE; // a link within the same note
    const ext = extensionOf(file);
    if (ext !== '' && ext !== 'md') return NONE; // an attachment, not a plan
    const path = this.src.resolve(file, fromPath);
    if (path === null) {
      this.missing.add(noteName(file));
      this.report(fromPath, fromLine, 'unresolved-link', `The link "${link}" leads to no note.`);
      return NONE;
    }
    if (!path.toLowerCase().endsWith('.md')) return NONE;
    linked(path);
    if (this.onPathCount.has(path)) {
      this.report(fromPath, fromLine, 'link-cycle', `The link to "${link}" leads back to a note this step is already part of; it is not followed.`);
      return NONE;
    }
    const target = this.src.get(path);
    if (target === undefined) return NONE;
    const h = headingIndex(target, sub);
    let done = this.expanded.get(path);
    const covering = done === undefined ? undefined : ((h >= 0 ? done.cover[h] : undefined) ?? done.whole ?? undefined);
    if (covering !== undefined) return { kind: 'ref', target, heading: h, expansion: covering };
    if (!this.seen.has(path)) {
      this.seen.add(path);
      this.notes.push(path);
      for (const p of target.problems) this.problems.push(p);
    }
    if (done === undefined) this.expanded.set(path, (done = { list: [], whole: null, at: new Map(), cover: [] }));
    const expansion: Expansion = { path, heading: h };
    let inner: Expansion[];
    if (h < 0) {
      // Nothing expanded covers the whole note: every expansion so far is inside it.
      inner = done.list.slice();
      done.whole = expansion;
    } else {
      const to = sectionRange(target, h).to;
      const found: number[] = [];
      for (let k = h; k < to; k++) {
        const at = k > h ? done.at.get(k) : undefined;
        if (at !== undefined) found.push(at);
        done.cover[k] ??= expansion;
      }
      inner = found.sort((a, b) => a - b).map((i) => done.list[i] as Expansion);
      done.at.set(h, done.list.length);
    }
    done.list.push(expansion);
    return { kind: 'expand', target, heading: h, expansion, inner };
  }

  private report(path: string, line: number, code: 'unresolved-link' | 'link-cycle', message: string): void {
    const key = `${path}\n${line}\n${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push({ path, line, severity: 'warning', code, message });
  }

  /** Walking into an expanded note. */
  enter(path: string): void {
    this.onPath.push(path);
    this.onPathCount.set(path, (this.onPathCount.get(path) ?? 0) + 1);
  }

  leave(): void {
    const path = this.onPath.pop();
    if (path === undefined) return;
    const n = this.onPathCount.get(path) ?? 0;
    if (n > 1) this.onPathCount.set(path, n - 1);
    else this.onPathCount.delete(path);
  }
}
