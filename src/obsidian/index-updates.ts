/**
 * How one change reaches the live index: a note changed (the metadata cache's `changed`, or text
 * typed in an open editor), renamed or deleted, or links that now lead to other notes. Each change
 * reads at most the note concerned (and the notes its new links want), recomputes only the goals
 * that reach it and tells the listeners. A change that comes while a build runs waits, and is
 * applied to the new index after it.
 */
import { TFile, type CachedMetadata, type Vault } from 'obsidian';
import type { Day } from '../engine/days/dates';
import { isGoalNote, type FrontmatterInput } from '../engine/read/frontmatter';
import { unclosedFrontmatter } from '../engine/read/note-problems';
import { noteName } from '../engine/plan/follow';
import type { PlanIndex } from '../engine/report/plan-index';
import type { EngineOptions, NoteData } from '../engine/types';
import { frontmatterFromCache } from './cache-frontmatter';
import type { VaultLinks } from './vault-links';

/** What the updates need of the live index they keep current. */
export interface UpdateHost {
  vault: Vault;
  links: VaultLinks;
  /** The index in use. */
  index(): PlanIndex;
  options(): EngineOptions;
  /** True while a build runs: changes wait for it. */
  building(): boolean;
  /** True once the first build has finished. */
  ready(): boolean;
  /** True once the index has stopped. */
  stopped(): boolean;
  read(file: TFile, text: string, fm?: FrontmatterInput): NoteData;
  readFile(file: TFile): Promise<string | null>;
  isGoalCandidate(file: TFile): boolean;
  today(): Day;
  emit(goals: ReadonlySet<string>): void;
}

export class IndexUpdates {
  /** Note path -> the editor text the index last read it from (until the file's own text comes). */
  private readonly editorTexts = new Map<string, string>();
  /** Names of the files created, renamed or deleted since the last `resolved`: links to such names may lead elsewhere now. */
  private readonly moved = new Set<string>();
  /** Changes that arrived while a build was running; applied to the new index after it. */
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly host: UpdateHost) {}

  /** Applies the changes that waited for a build. */
  applyWaiting(): void {
    for (const apply of this.waiting.splice(0)) apply();
  }

  /** Files were created, renamed or deleted: links may lead elsewhere now. */
  filesMoved(...paths: string[]): void {
    this.host.links.forget();
    for (const p of paths) this.moved.add(noteName(p));
  }

  /** The note as an open editor holds it now, read when it differs from what the index read last. */
  followEditor(path: string, text: string): void {
    const index = this.host.index();
    if (!this.host.ready() || this.host.building() || this.host.stopped() || !index.has(path)) return;
    if (this.editorTexts.get(path) === text) return;
    const file = this.host.vault.getFileByPath(path);
    if (file === null) return;
    this.editorTexts.set(path, text);
    this.refresh(new Set(index.setNote(this.host.read(file, text))));
  }

  changed(file: TFile, data: string, cache: CachedMetadata): void {
    this.editorTexts.delete(file.path);
    if (this.waitForBuild(() => this.changed(file, data, cache))) return;
    const index = this.host.index();
    const known = index.has(file.path);
    const fm = frontmatterFromCache(cache, data);
    // A block that never closes is no frontmatter to Obsidian, but may be meant to make a goal.
    const goal = fm === 'unreadable' || isGoalNote(file.path, fm, null, this.host.options()) || (fm === null && unclosedFrontmatter(data) !== null);
    const wanted = !known && this.isWantedByUnresolved(file.path);
    if (!known && !goal && !wanted) return;
    const note = this.host.read(file, data, fm);
    if (!known && note.goal === null && !wanted) return;
    const affected = new Set(index.setNote(note));
    if (known && note.goal === null && index.goalsReading(file.path).size === 0) {
      // No goal reads it any more.
      for (const g of index.deleteNote(file.path)) affected.add(g);
    }
    this.refresh(affected);
  }

  /** Files were created, renamed or deleted: goals whose links now lead elsewhere are computed again. */
  resolved(): void {
    if (this.moved.size === 0 || this.waitForBuild(() => this.resolved())) return;
    const index = this.host.index();
    const goals = index.goalsWithMovedLinks(this.moved);
    this.moved.clear();
    index.invalidate(goals);
    this.refresh(goals);
  }

  async renamed(file: unknown, oldPath: string): Promise<void> {
    if (!(file instanceof TFile) || this.waitForBuild(() => void this.renamed(file, oldPath))) return;
    const index = this.host.index();
    const affected = new Set<string>();
    if (index.has(oldPath)) for (const g of index.deleteNote(oldPath)) affected.add(g);
    if (file.extension === 'md' && (affected.size > 0 || this.host.isGoalCandidate(file) || this.isWantedByUnresolved(file.path))) {
      const text = await this.host.readFile(file);
      if (this.host.stopped() || text === null) return;
      for (const g of this.host.index().setNote(this.host.read(file, text))) affected.add(g);
    }
    this.refresh(affected);
  }

  deleted(path: string): void {
    if (this.waitForBuild(() => this.deleted(path))) return;
    if (!this.host.index().has(path)) return;
    this.refresh(this.host.index().deleteNote(path));
  }

  /** Computes these goals again and tells the listeners. */
  recompute(goals: ReadonlySet<string>): void {
    const today = this.host.today();
    const index = this.host.index();
    for (const g of goals) index.report(g, today);
    this.host.emit(goals);
  }

  /** True, and the change kept for later, while a build runs. */
  private waitForBuild(apply: () => void): boolean {
    if (!this.host.building()) return false;
    this.waiting.push(apply);
    return true;
  }

  /** Does a goal have a link, now unresolved, that a note at this path would satisfy? */
  private isWantedByUnresolved(path: string): boolean {
    return this.host.index().goalsMissing(path).length > 0;
  }

  /** Recomputes the goals touched by a change, tells the listeners, then reads what their links now want. */
  private refresh(goals: Set<string>): void {
    if (goals.size === 0) return;
    this.recompute(goals);
    void this.loadAbsent(new Set(goals));
  }

  /**
   * Reads the notes the goals' links now lead to that the index does not hold yet (a new link,
   * a link that moved to another note), then computes the goals again, until nothing is missing.
   */
  private async loadAbsent(goals: Set<string>): Promise<void> {
    const tried = new Set<string>();
    for (;;) {
      const wanted = this.absentFiles(goals, tried);
      if (wanted.length === 0) return;
      for (const file of wanted) {
        const text = await this.host.readFile(file);
        if (this.host.stopped()) return;
        if (text !== null) for (const g of this.host.index().setNote(this.host.read(file, text))) goals.add(g);
      }
      this.host.index().invalidate(goals);
      this.recompute(goals);
    }
  }

  /** The files the goals' links lead to that the index does not hold and that were not tried yet. */
  private absentFiles(goals: ReadonlySet<string>, tried: Set<string>): TFile[] {
    const index = this.host.index();
    const wanted: TFile[] = [];
    for (const g of goals) {
      for (const path of index.absentNotes(g)) {
        if (tried.has(path) || index.has(path)) continue;
        tried.add(path);
        const file = this.host.vault.getFileByPath(path);
        if (file !== null) wanted.push(file);
      }
    }
    return wanted;
  }
}
