/**
 * The live index inside Obsidian: the engine's index over the vault's goal notes and the notes
 * they link to, built after the layout is ready in slices that yield to the interface, then
 * kept current from the metadata cache's `changed` event (using the content it hands over)
 * and the vault's `rename` and `delete`. A change re-reads one note and recomputes only the
 * goals that reach it; listeners are told which goals changed.
 */
import { TFile, type CachedMetadata, type EventRef, type MetadataCache, type Vault } from 'obsidian';
import type { Day } from '../engine/days/dates';
import { isGoalNote, type FrontmatterInput } from '../engine/read/frontmatter';
import { unclosedFrontmatter } from '../engine/read/note-problems';
import { readNote } from '../engine/read/note';
import { noteName } from '../engine/plan/follow';
import { PlanIndex } from '../engine/report/plan-index';
import type { EngineOptions, GoalReport, NoteData, StepData } from '../engine/types';
import { frontmatterFromCache } from './cache-frontmatter';
import { Clock } from './clock';
import { fillIndex, Slices, type BuildSource, type BuildStats } from './index-build';
import { mayOpenUnclosedBlock } from './unclosed-hint';
import { VaultLinks } from './vault-links';

export interface IndexHost {
  vault: Vault;
  metadataCache: MetadataCache;
}

export type ChangeListener = (goals: ReadonlySet<string>) => void;

/**
 * Work done between two yields to the interface, in ms. A slice ends after the note or goal that
 * crosses the budget, so the longest slice is the budget plus one unit of work: 8 ms kept the
 * medium vault's longest slice at 9.5–13 ms once warm and 15.8–20 ms at a cold start, against
 * 14.5–17.2 and 19.1–31.4 ms with 12 ms, for a cold index no slower (BENCHMARKS.md, "The indexing
 * slice").
 */
const SLICE_BUDGET = 8;

export class LiveIndex {
  private index: PlanIndex;
  private readonly listeners = new Set<ChangeListener>();
  private readonly refs: { source: Vault | MetadataCache; ref: EventRef }[] = [];
  /** Note path -> the editor text the index last read it from (until the file's own text comes). */
  private readonly editorTexts = new Map<string, string>();
  private building: Promise<void> | null = null;
  private ready = false;
  private disposed = false;
  /** Names of the files created, renamed or deleted since the last `resolved`: links to such names may lead elsewhere now. */
  private readonly moved = new Set<string>();
  private readonly links = new VaultLinks(this.host);
  /** Events that arrived while a build was running; applied to the new index after it. */
  private readonly pending: (() => void)[] = [];
  private rebuilding = false;
  private stopClock: () => void = () => undefined;
  lastBuild: BuildStats = { notes: 0, total: 0, longestSlice: 0, slices: 0 };
  /** How many notes the index has read since it started (for tests and the benchmark). */
  reads = 0;

  constructor(
    private readonly host: IndexHost,
    private options: EngineOptions,
    private readonly yieldToUi: () => Promise<void> = () => new Promise((resolve) => window.setTimeout(resolve, 0)),
    /** Work done between two yields to the interface, in ms. */
    private readonly sliceBudget = SLICE_BUDGET,
    /** Where "today" comes from; the plugin's own clock, watched while it is loaded. */
    readonly clock: Clock = new Clock(),
  ) {
    this.index = this.createIndex();
  }

  /** What a build reads the vault through. */
  private readonly buildSource: BuildSource = {
    files: () => this.host.vault.getMarkdownFiles(),
    isGoalCandidate: (file) => this.isGoalCandidate(file),
    mayOpenUnclosed: (file) => mayOpenUnclosedBlock(this.host.metadataCache.getFileCache(file)),
    readFile: (file) => this.readFile(file),
    read: (file, text) => this.read(file, text),
    linkedFiles: (note) => this.links.linkedFiles(note),
    stopped: () => this.disposed,
  };

  private createIndex(): PlanIndex {
    return new PlanIndex({ resolve: (link, from) => this.links.resolve(link, from) }, this.options, null);
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners which goals changed; `evenNone` at the end of a build, which a view waits for even in a vault without goals. */
  private emit(goals: ReadonlySet<string>, evenNone = false): void {
    if (goals.size === 0 && !evenNone) return;
    for (const l of this.listeners) {
      try {
        l(goals);
      } catch (e) {
        console.error('Action Plan: a listener failed', e);
      }
    }
  }

  isReady(): boolean {
    return this.ready;
  }

  /** Resolves when the build under way (if any) has finished. */
  whenBuilt(): Promise<void> {
    return this.building ?? Promise.resolve();
  }

  /** Files were created, renamed or deleted: links may lead elsewhere now. */
  private filesMoved(...paths: string[]): void {
    this.links.forget();
    for (const p of paths) this.moved.add(noteName(p));
  }

  /** Starts listening and builds the index. Call once the layout is ready. */
  start(): Promise<void> {
    const { vault, metadataCache } = this.host;
    this.refs.push({ source: metadataCache, ref: metadataCache.on('changed', (file, data, cache) => this.onChanged(file, data, cache)) });
    this.refs.push({ source: metadataCache, ref: metadataCache.on('resolved', () => this.onResolved()) });
    this.refs.push({ source: vault, ref: vault.on('create', (file) => this.filesMoved(file.path)) });
    this.refs.push({
      source: vault,
      ref: vault.on('rename', (file, oldPath) => {
        this.filesMoved(oldPath, file.path);
        void this.onRename(file, oldPath);
      }),
    });
    this.refs.push({
      source: vault,
      ref: vault.on('delete', (file) => {
        this.filesMoved(file.path);
        this.onDelete(file.path);
      }),
    });
    this.stopClock = this.clock.onNewDay(() => this.onNewDay());
    return this.rebuild();
  }

  /**
   * The note as an open editor holds it now: read from that text when it differs from what the
   * index read last, so that the commands and the view act on what the person sees.
   */
  followEditor(path: string, text: string): void {
    if (!this.ready || this.rebuilding || this.disposed || !this.index.has(path)) return;
    if (this.editorTexts.get(path) === text) return;
    const file = this.host.vault.getFileByPath(path);
    if (file === null) return;
    this.editorTexts.set(path, text);
    this.refresh(new Set(this.index.setNote(this.read(file, text))));
  }

  /** Stops listening; the index is dropped. */
  stop(): void {
    this.disposed = true;
    this.stopClock();
    for (const { source, ref } of this.refs.splice(0)) source.offref(ref);
    this.listeners.clear();
  }

  /** New options (goal recognition, help tag, tolerance): rebuilds when notes read differently. */
  setOptions(options: EngineOptions, reread: boolean): Promise<void> {
    this.options = options;
    this.index.options = options;
    if (reread) return this.rebuild();
    this.index.invalidateAll();
    this.emit(new Set(this.index.goalPaths()));
    return Promise.resolve();
  }

  /** Reads every goal note and what it links to, yielding to the interface between slices. */
  private async build(): Promise<void> {
    this.rebuilding = true;
    const slices = new Slices(this.sliceBudget, this.yieldToUi);
    const index = this.createIndex();
    if (!(await fillIndex(index, this.buildSource, slices))) return;
    const today = this.today();
    for (const goal of index.goalPaths()) {
      index.report(goal, today);
      await slices.pause();
    }
    this.lastBuild = slices.finish();
    if (index.options !== this.options) {
      // Options changed while the build ran (a tolerance, working days): the new ones hold.
      index.options = this.options;
      index.invalidateAll();
    }
    this.index = index;
    this.ready = true;
    this.rebuilding = false;
    for (const apply of this.pending.splice(0)) apply();
    this.emit(new Set(index.goalPaths()), true);
  }

  /** Builds the index again from the vault; events meanwhile are applied after. */
  rebuild(): Promise<void> {
    const run = (): Promise<void> => this.build();
    const previous = this.building ?? Promise.resolve();
    this.building = previous.then(run, run).catch((e: unknown) => {
      console.error('Action Plan: indexing failed', e);
      // The index in use stays; what happened meanwhile is applied to it.
      this.rebuilding = false;
      for (const apply of this.pending.splice(0)) apply();
    });
    return this.building;
  }

  /** A note's text, or null when it cannot be read (deleted meanwhile): the rest goes on. */
  private async readFile(file: TFile): Promise<string | null> {
    try {
      return await this.host.vault.cachedRead(file);
    } catch (e) {
      console.error(`Action Plan: could not read ${file.path}`, e);
      return null;
    }
  }

  private today(): Day {
    return this.clock.today();
  }

  /** A new day: every goal's health, overdue steps and due dates are computed again. */
  private onNewDay(): void {
    if (!this.ready || this.rebuilding) return; // the build under way computes with the new day
    this.index.invalidateAll();
    this.recompute(new Set(this.index.goalPaths()));
  }

  private isGoalCandidate(file: TFile): boolean {
    const cache = this.host.metadataCache.getFileCache(file);
    const fm = frontmatterFromCache(cache);
    // A broken block may still say `type: goal`: read it to find out.
    if (fm === 'unreadable') return true;
    return isGoalNote(file.path, fm, null, this.options);
  }

  private read(file: TFile, text: string, fm: FrontmatterInput = frontmatterFromCache(this.host.metadataCache.getFileCache(file), text)): NoteData {
    this.reads++;
    return readNote(file.path, text, fm, this.options);
  }

  private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
    this.editorTexts.delete(file.path);
    if (this.rebuilding) {
      this.pending.push(() => this.onChanged(file, data, cache));
      return;
    }
    const known = this.index.has(file.path);
    const fm = frontmatterFromCache(cache, data);
    // A block that never closes is no frontmatter to Obsidian, but may be meant to make a goal.
    const goal = fm === 'unreadable' || isGoalNote(file.path, fm, null, this.options) || (fm === null && unclosedFrontmatter(data) !== null);
    const wanted = !known && this.isWantedByUnresolved(file.path);
    if (!known && !goal && !wanted) return;
    const note = this.read(file, data, fm);
    if (!known && note.goal === null && !wanted) return;
    const affected = new Set(this.index.setNote(note));
    if (known && note.goal === null && this.index.goalsReading(file.path).size === 0) {
      // No goal reads it any more.
      for (const g of this.index.deleteNote(file.path)) affected.add(g);
    }
    this.refresh(affected);
  }

  /**
   * Reads the notes the goals' links now lead to that the index does not hold yet (a new link,
   * a link that moved to another note), then computes the goals again, until nothing is missing.
   */
  private async loadAbsent(goals: Set<string>): Promise<void> {
    const tried = new Set<string>();
    for (;;) {
      const wanted: TFile[] = [];
      for (const g of goals) {
        for (const path of this.index.absentNotes(g)) {
          if (tried.has(path) || this.index.has(path)) continue;
          tried.add(path);
          const file = this.host.vault.getFileByPath(path);
          if (file !== null) wanted.push(file);
        }
      }
      if (wanted.length === 0) return;
      for (const file of wanted) {
        const text = await this.readFile(file);
        if (this.disposed) return;
        if (text !== null) for (const g of this.index.setNote(this.read(file, text))) goals.add(g);
      }
      this.index.invalidate(goals);
      this.recompute(goals);
    }
  }

  /** Files were created, renamed or deleted: goals whose links now lead elsewhere are computed again. */
  private onResolved(): void {
    if (this.moved.size === 0) return;
    if (this.rebuilding) {
      this.pending.push(() => this.onResolved());
      return;
    }
    const goals = this.index.goalsWithMovedLinks(this.moved);
    this.moved.clear();
    this.index.invalidate(goals);
    this.refresh(goals);
  }

  /** Does a goal have a link, now unresolved, that a note at this path would satisfy? */
  private isWantedByUnresolved(path: string): boolean {
    return this.index.goalsMissing(path).length > 0;
  }

  private async onRename(file: unknown, oldPath: string): Promise<void> {
    if (!(file instanceof TFile)) return;
    if (this.rebuilding) {
      this.pending.push(() => void this.onRename(file, oldPath));
      return;
    }
    const affected = new Set<string>();
    if (this.index.has(oldPath)) for (const g of this.index.deleteNote(oldPath)) affected.add(g);
    if (file.extension === 'md' && (affected.size > 0 || this.isGoalCandidate(file) || this.isWantedByUnresolved(file.path))) {
      const text = await this.readFile(file);
      if (this.disposed || text === null) return;
      for (const g of this.index.setNote(this.read(file, text))) affected.add(g);
    }
    this.refresh(affected);
  }

  private onDelete(path: string): void {
    if (this.rebuilding) {
      this.pending.push(() => this.onDelete(path));
      return;
    }
    if (!this.index.has(path)) return;
    this.refresh(this.index.deleteNote(path));
  }

  /** Recomputes the goals touched by a change, tells the listeners, then reads what their links now want. */
  private refresh(goals: Set<string>): void {
    if (goals.size === 0) return;
    this.recompute(goals);
    void this.loadAbsent(new Set(goals));
  }

  private recompute(goals: ReadonlySet<string>): void {
    const today = this.today();
    for (const g of goals) this.index.report(g, today);
    this.emit(goals);
  }

  /** The engine options in force. */
  get engineOptions(): EngineOptions {
    return this.options;
  }

  /** The paths of the goal notes, sorted. */
  goalPaths(): string[] {
    return this.index.goalPaths();
  }

  /** Every goal's report, sorted by path. */
  reports(today: Day = this.today()): GoalReport[] {
    return this.index.reports(today);
  }

  report(path: string, today: Day = this.today()): GoalReport | null {
    return this.index.report(path, today);
  }

  /** The note data the index holds for a path (for edits and tests). */
  note(path: string): NoteData | undefined {
    return this.index.has(path) ? this.index.get(path) : undefined;
  }

  /** Goals whose plans read the note at this path (the note itself when it is a goal). */
  goalsReadingNote(path: string): ReadonlySet<string> {
    return this.index.goalsReading(path);
  }

  /** The step on a line of a held note, or null when that line is no task. */
  stepAt(path: string, line: number): StepData | null {
    const steps = this.note(path)?.steps;
    if (steps === undefined) return null;
    // Steps are in line order.
    let lo = 0;
    let hi = steps.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const step = steps[mid] as StepData;
      if (step.line === line) return step;
      if (step.line < line) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  /** Paths of the notes the index holds. */
  heldPaths(): string[] {
    return this.index.paths();
  }
}
