/**
 * The live index inside Obsidian: the engine's index over the vault's goal notes and the notes
 * they link to, built after the layout is ready in slices that yield to the interface, then
 * kept current from the metadata cache's `changed` event (using the content it hands over)
 * and the vault's `rename` and `delete` (index-updates.ts). Listeners are told which goals changed.
 */
import type { EventRef, MetadataCache, TFile, Vault } from 'obsidian';
import type { Day } from '../engine/days/dates';
import { isGoalNote, type FrontmatterInput } from '../engine/read/frontmatter';
import { readNote } from '../engine/read/note';
import { PlanIndex } from '../engine/report/plan-index';
import type { EngineOptions, GoalReport, NoteData, StepData } from '../engine/types';
import { frontmatterFromCache } from './cache-frontmatter';
import { Clock } from './clock';
import { fillIndex, Slices, type BuildSource, type BuildStats } from './index-build';
import { IndexUpdates } from './index-updates';
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
  private building: Promise<void> | null = null;
  private ready = false;
  private disposed = false;
  private readonly links = new VaultLinks(this.host);
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

  private readonly updates = new IndexUpdates({
    vault: this.host.vault,
    links: this.links,
    index: () => this.index,
    options: () => this.options,
    building: () => this.rebuilding,
    ready: () => this.ready,
    stopped: () => this.disposed,
    read: (file, text, fm) => this.read(file, text, fm),
    readFile: (file) => this.readFile(file),
    isGoalCandidate: (file) => this.isGoalCandidate(file),
    today: () => this.today(),
    emit: (goals) => this.emit(goals),
  });

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

  /** Starts listening and builds the index. Call once the layout is ready. */
  start(): Promise<void> {
    const { vault, metadataCache } = this.host;
    const updates = this.updates;
    this.refs.push({ source: metadataCache, ref: metadataCache.on('changed', (file, data, cache) => updates.changed(file, data, cache)) });
    this.refs.push({ source: metadataCache, ref: metadataCache.on('resolved', () => updates.resolved()) });
    this.refs.push({ source: vault, ref: vault.on('create', (file) => updates.filesMoved(file.path)) });
    this.refs.push({
      source: vault,
      ref: vault.on('rename', (file, oldPath) => {
        updates.filesMoved(oldPath, file.path);
        void updates.renamed(file, oldPath);
      }),
    });
    this.refs.push({
      source: vault,
      ref: vault.on('delete', (file) => {
        updates.filesMoved(file.path);
        updates.deleted(file.path);
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
    this.updates.followEditor(path, text);
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
    this.updates.applyWaiting();
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
      this.updates.applyWaiting();
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
    this.updates.recompute(new Set(this.index.goalPaths()));
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
