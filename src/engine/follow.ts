/**
 * Following a step's link within one goal (SPEC 1.2), shared by the evaluation of a goal and by
 * the tree built for display, so both decide the same way: a link resolves or is reported, a
 * link back onto the current path is a cycle, a note (or section) is expanded at its first
 * occurrence and referenced after that.
 */
import type { NoteData, Problem } from './types';

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

function headingIndex(note: NoteData, sub: string): number {
  if (sub === '' || sub.startsWith('^')) return -1;
  const parts = sub.split('#').filter((p) => p !== '');
  const wanted = (parts[parts.length - 1] ?? '').trim().toLowerCase();
  return note.headings.findIndex((h) => h.text.trim().toLowerCase() === wanted);
}

export class Follower {
  readonly problems: Problem[];
  /** Paths of every note the tree reads, the goal note first. */
  readonly notes: string[];
  /** Names (lower case, no folder or extension) of the notes links led to but that do not exist. */
  readonly missing = new Set<string>();
  private readonly seen: Set<string>;
  private readonly expanded = new Map<string, Expansion[]>();
  private readonly onPath: string[];
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
    if (this.onPath.includes(path)) {
      this.report(fromPath, fromLine, 'link-cycle', `The link to "${link}" leads back to a note this step is already part of; it is not followed.`);
      return NONE;
    }
    const target = this.src.get(path);
    if (target === undefined) return NONE;
    const h = headingIndex(target, sub);
    const done = this.expanded.get(path) ?? [];
    const covering = done.find((e) => e.heading === -1 || (h >= 0 && e.heading <= h && h < sectionRange(target, e.heading).to));
    if (covering !== undefined) return { kind: 'ref', target, heading: h, expansion: covering };
    if (!this.seen.has(path)) {
      this.seen.add(path);
      this.notes.push(path);
      for (const p of target.problems) this.problems.push(p);
    }
    const range = sectionRange(target, h);
    const inner = done.filter((e) => e.heading >= range.from && e.heading < range.to);
    const expansion: Expansion = { path, heading: h };
    this.expanded.set(path, [...done, expansion]);
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
  }

  leave(): void {
    this.onPath.pop();
  }
}
