/**
 * The engine's index of a vault: one entry per note (a map by path), the goal reports built
 * from them, and the reverse map from each note to the goals that read it, so that a change
 * recomputes only the goals that reach the changed note. The plugin's live index and the
 * command line both stand on it; neither reads notes any other way.
 */
import type { Day } from '../days/dates';
import { reportGoal } from './goal';
import { noteName, type NoteSource } from '../plan/follow';
import type { EngineOptions, GoalReport, NoteData } from '../types';

export interface Resolver {
  resolve(link: string, fromPath: string): string | null;
}

/** What a goal's last report found behind its links. */
interface GoalLinks {
  /** Every link resolved, the note it was on and where it led, side by side (no object per link). */
  links: string[];
  froms: string[];
  tos: (string | null)[];
  /** Notes its links led to that the index did not hold (and could not load). */
  absent: Set<string>;
}

export class PlanIndex implements NoteSource {
  private readonly notes = new Map<string, NoteData>();
  private readonly cache = new Map<string, GoalReport>();
  private cacheDay: Day | null = null;
  /** Note path -> goals whose trees read it. */
  private readonly readers = new Map<string, Set<string>>();
  /** Goals whose last report had links to notes that did not exist, with those notes' names. */
  private readonly unresolved = new Map<string, ReadonlySet<string>>();
  /** Goal -> what its links led to at its last report. */
  private readonly links = new Map<string, GoalLinks>();
  /** The goal's links while its report is computed. */
  private recording: GoalLinks | null = null;

  /**
   * @param resolver link resolution (Obsidian's metadata cache, or the CLI's resolver)
   * @param load reads a note the index does not hold yet, when a tree first reaches it
   */
  constructor(
    private readonly resolver: Resolver,
    public options: EngineOptions,
    private readonly load: ((path: string) => NoteData | undefined) | null = null,
  ) {}

  resolve(link: string, fromPath: string): string | null {
    const to = this.resolver.resolve(link, fromPath);
    const r = this.recording;
    if (r !== null) {
      r.links.push(link);
      r.froms.push(fromPath);
      r.tos.push(to);
    }
    return to;
  }

  get(path: string): NoteData | undefined {
    const held = this.notes.get(path);
    if (held !== undefined) return held;
    const loaded = this.load === null ? undefined : this.load(path);
    if (loaded !== undefined) this.notes.set(path, loaded);
    else this.recording?.absent.add(path);
    return loaded;
  }

  /** Notes the goal's links led to at its last report that the index does not hold. */
  absentNotes(goal: string): ReadonlySet<string> {
    return this.links.get(goal)?.absent ?? new Set();
  }

  /**
   * Goals with a link that now leads elsewhere than at their last report (a note was created,
   * renamed or deleted). `names` (lower case, no folder or extension) narrows the links looked
   * at to those whose name the change could concern.
   */
  goalsWithMovedLinks(names: ReadonlySet<string>): Set<string> {
    const out = new Set<string>();
    for (const [goal, { links, froms, tos }] of this.links) {
      for (let i = 0; i < links.length; i++) {
        const link = links[i] as string;
        if (!names.has(noteName(link))) continue;
        if (this.resolver.resolve(link, froms[i] as string) !== tos[i]) {
          out.add(goal);
          break;
        }
      }
    }
    return out;
  }

  has(path: string): boolean {
    return this.notes.has(path);
  }

  size(): number {
    return this.notes.size;
  }

  /** Goal notes, sorted by path. */
  goalPaths(): string[] {
    const out: string[] = [];
    for (const [path, note] of this.notes) if (note.goal !== null) out.push(path);
    return out.sort();
  }

  /** Paths of the goals whose trees read this note (the note itself when it is a goal). */
  goalsReading(path: string): Set<string> {
    const out = new Set<string>(this.readers.get(path) ?? []);
    if (this.notes.get(path)?.goal) out.add(path);
    return out;
  }

  /** Stores a note's new data; returns the goals whose reports change. */
  setNote(note: NoteData): Set<string> {
    const known = this.notes.has(note.path);
    const before = this.notes.get(note.path);
    this.notes.set(note.path, note);
    const affected = this.goalsReading(note.path);
    if (before?.goal && !note.goal) {
      // No longer a goal: it reads nothing any more.
      affected.add(note.path);
      this.cache.delete(note.path);
      this.dropReader(note.path);
      this.lastNotes.delete(note.path);
    }
    if (!known) for (const g of this.goalsMissing(note.path)) affected.add(g);
    this.invalidate(affected);
    return affected;
  }

  /** Forgets a note (deleted, or no longer read); returns the goals whose reports change. */
  deleteNote(path: string): Set<string> {
    const affected = this.goalsReading(path);
    this.notes.delete(path);
    this.invalidate(affected);
    this.cache.delete(path);
    this.dropReader(path);
    this.lastNotes.delete(path);
    return affected;
  }

  /** Every goal's report changes (settings, a new day). */
  invalidateAll(): void {
    this.cache.clear();
  }

  /** Drops cached reports so they are computed again. */
  invalidate(goals: Iterable<string> | string): void {
    if (typeof goals === 'string') this.cache.delete(goals);
    else for (const g of goals) this.cache.delete(g);
  }

  /** Goals whose last report had a link that led to no note. */
  unresolvedGoals(): string[] {
    return [...this.unresolved.keys()];
  }

  /** Goals with a link, now leading nowhere, that a note at this path would satisfy. */
  goalsMissing(path: string): string[] {
    const name = noteName(path);
    const out: string[] = [];
    for (const [goal, names] of this.unresolved) if (names.has(name)) out.push(goal);
    return out;
  }

  /** Paths of the notes held. */
  paths(): string[] {
    return [...this.notes.keys()];
  }

  private dropReader(goal: string): void {
    for (const [note, goals] of this.readers) {
      if (goals.delete(goal) && goals.size === 0) this.readers.delete(note);
    }
    this.unresolved.delete(goal);
    this.links.delete(goal);
  }

  /** The report of one goal, computed when something it reads changed. */
  report(goalPath: string, today: Day): GoalReport | null {
    if (this.cacheDay !== today) {
      this.cache.clear();
      this.cacheDay = today;
    }
    const cached = this.cache.get(goalPath);
    if (cached !== undefined) return cached;
    const note = this.notes.get(goalPath);
    if (note === undefined || note.goal === null) return null;
    const links: GoalLinks = { links: [], froms: [], tos: [], absent: new Set() };
    this.recording = links;
    let report: GoalReport;
    try {
      report = reportGoal(note, this, today, this.options);
    } finally {
      this.recording = null;
    }
    this.links.set(goalPath, links);
    this.cache.set(goalPath, report);
    this.read(goalPath, report.notes);
    if (report.missing.size > 0) this.unresolved.set(goalPath, report.missing);
    else this.unresolved.delete(goalPath);
    return report;
  }

  private readonly lastNotes = new Map<string, string[]>();

  /** Records the notes a goal's tree now reads; most evaluations read the same notes as the last. */
  private read(goalPath: string, notes: string[]): void {
    const previous = this.lastNotes.get(goalPath);
    this.lastNotes.set(goalPath, notes);
    if (previous !== undefined && sameList(previous, notes)) return;
    if (previous !== undefined) {
      for (const p of previous) {
        const set = this.readers.get(p);
        if (set && set.delete(goalPath) && set.size === 0) this.readers.delete(p);
      }
    }
    for (const p of notes) {
      let set = this.readers.get(p);
      if (!set) this.readers.set(p, (set = new Set()));
      set.add(goalPath);
    }
  }

  /** Reports of every goal, sorted by path. */
  reports(today: Day): GoalReport[] {
    const out: GoalReport[] = [];
    for (const path of this.goalPaths()) {
      const r = this.report(path, today);
      if (r !== null) out.push(r);
    }
    return out;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
