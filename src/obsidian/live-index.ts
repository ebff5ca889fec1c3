/**
 * The live index inside Obsidian: the engine's index over the vault's goal notes and the notes
 * they link to, built after the layout is ready in slices that yield to the interface
 * (`index-build.ts`), then kept current from the vault's events (`vault-events.ts`,
 * `index-changes.ts`) and from what an open editor holds; listeners (`index-listeners.ts`) are
 * told which goals changed. This file holds the lifecycle (start, rebuild, stop, options, a new
 * day) and what the plugin asks of the index.
 */
import type { Day } from '../engine/days/dates';
import { PlanIndex } from '../engine/report/plan-index';
import type { EngineOptions, GoalReport, NoteData, StepData } from '../engine/types';
import { Clock } from './clock';
import { fillIndex, Slices, type BuildSource, type BuildStats } from './index-build';
import { IndexChanges } from './index-changes';
import { ChangeListeners, type ChangeListener } from './index-listeners';
import { NoteSource, stepOnLine } from './note-source';
import { mayOpenUnclosedBlock } from './unclosed-hint';
import { followVault, type IndexHost } from './vault-events';
import { VaultLinks } from './vault-links';

export type { ChangeListener } from './index-listeners';
export type { IndexHost } from './vault-events';

/** Work done between two yields to the interface, in ms. */
const SLICE_BUDGET = 12;

export class LiveIndex {
  private index: PlanIndex;
  private readonly listeners = new ChangeListeners();
  private readonly notes = new NoteSource(this.host, () => this.options);
  /** Note path -> the editor text the index last read it from (until the file's own text comes). */
  private readonly editorTexts = new Map<string, string>();
  private building: Promise<void> | null = null;
  private ready = false;
  private disposed = false;
  private readonly links = new VaultLinks(this.host);
  private readonly changes = new IndexChanges({
    host: this.host,
    notes: this.notes,
    links: this.links,
    index: () => this.index,
    options: () => this.options,
    disposed: () => this.disposed,
    deferred: (apply) => this.deferred(apply),
    recompute: (goals) => this.recompute(goals),
  });
  /** Events that arrived while a build was running; applied to the new index after it. */
  private readonly pending: (() => void)[] = [];
  private rebuilding = false;
  private stopClock: () => void = () => undefined;
  private stopFollowing: () => void = () => undefined;
  lastBuild: BuildStats = { notes: 0, total: 0, longestSlice: 0, slices: 0 };

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
    isGoalCandidate: (file) => this.notes.isGoalCandidate(file),
    mayOpenUnclosed: (file) => mayOpenUnclosedBlock(this.host.metadataCache.getFileCache(file)),
    readFile: (file) => this.notes.readFile(file),
    read: (file, text) => this.notes.read(file, text),
    linkedFiles: (note) => this.links.linkedFiles(note),
    stopped: () => this.disposed,
  };

  private createIndex(): PlanIndex {
    return new PlanIndex({ resolve: (link, from) => this.links.resolve(link, from) }, this.options, null);
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    return this.listeners.add(listener);
  }

  /** How many notes the index has read since it started (for tests and the benchmark). */
  get reads(): number {
    return this.notes.reads;
  }

  isReady(): boolean {
    return this.ready;
  }

  /** Keeps an event for after the build under way, if one is; true when it did. */
  private deferred(apply: () => void): boolean {
    if (!this.rebuilding) return false;
    this.pending.push(apply);
    return true;
  }

  /** Resolves when the build under way (if any) has finished. */
  whenBuilt(): Promise<void> {
    return this.building ?? Promise.resolve();
  }

  /** Starts listening and builds the index. Call once the layout is ready. */
  start(): Promise<void> {
    this.stopFollowing = followVault(this.host, {
      changed: (file, data, cache) => {
        this.editorTexts.delete(file.path);
        this.changes.changed(file, data, cache);
      },
      resolved: () => this.changes.resolved(),
      created: (file) => this.changes.filesMoved(file.path),
      renamed: (file, oldPath) => {
        this.changes.filesMoved(oldPath, file.path);
        void this.changes.renamed(file, oldPath);
      },
      deleted: (file) => {
        this.changes.filesMoved(file.path);
        this.changes.deleted(file.path);
      },
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
    this.changes.refresh(new Set(this.index.setNote(this.notes.read(file, text))));
  }

  /** Stops listening; the index is dropped. */
  stop(): void {
    this.disposed = true;
    this.stopClock();
    this.stopFollowing();
    this.listeners.clear();
  }

  /** New options (goal recognition, help tag, tolerance): rebuilds when notes read differently. */
  setOptions(options: EngineOptions, reread: boolean): Promise<void> {
    this.options = options;
    this.index.options = options;
    if (reread) return this.rebuild();
    this.index.invalidateAll();
    this.listeners.emit(new Set(this.index.goalPaths()));
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
    this.listeners.emit(new Set(index.goalPaths()), true);
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

  private today(): Day {
    return this.clock.today();
  }

  /** A new day: every goal's health, overdue steps and due dates are computed again. */
  private onNewDay(): void {
    if (!this.ready || this.rebuilding) return; // the build under way computes with the new day
    this.index.invalidateAll();
    this.recompute(new Set(this.index.goalPaths()));
  }

  private recompute(goals: ReadonlySet<string>): void {
    const today = this.today();
    for (const g of goals) this.index.report(g, today);
    this.listeners.emit(goals);
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
    return steps === undefined ? null : stepOnLine(steps, line);
  }

  /** Paths of the notes the index holds. */
  heldPaths(): string[] {
    return this.index.paths();
  }
}
