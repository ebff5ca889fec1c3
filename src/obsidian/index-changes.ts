/**
 * The live index following the vault: a note changed (from the content the metadata cache hands
 * over), renamed, deleted, files moved so links may lead elsewhere, and the notes a goal's links
 * now want read in. A change re-reads one note and recomputes only the goals that reach it.
 */
import { TFile, type CachedMetadata } from 'obsidian';
import { isGoalNote } from '../engine/read/frontmatter';
import { unclosedFrontmatter } from '../engine/read/note-problems';
import { noteName } from '../engine/plan/follow';
import type { PlanIndex } from '../engine/report/plan-index';
import type { EngineOptions } from '../engine/types';
import { frontmatterFromCache } from './cache-frontmatter';
import type { NoteSource } from './note-source';
import type { IndexHost } from './vault-events';
import type { VaultLinks } from './vault-links';

/** What the changes act on: the live index's current index and its helpers. */
export interface ChangeContext {
  readonly host: IndexHost;
  readonly notes: NoteSource;
  readonly links: VaultLinks;
  index(): PlanIndex;
  options(): EngineOptions;
  disposed(): boolean;
  /** Keeps the event for after the build under way, if one is; true when it did. */
  deferred(apply: () => void): boolean;
  /** Reports the goals again and tells the listeners. */
  recompute(goals: ReadonlySet<string>): void;
}

export class IndexChanges {
  /** Names of the files created, renamed or deleted since the last `resolved`: links to such names may lead elsewhere now. */
  private readonly moved = new Set<string>();

  constructor(private readonly at: ChangeContext) {}

  /** Files were created, renamed or deleted: links may lead elsewhere now. */
  filesMoved(...paths: string[]): void {
    this.at.links.forget();
    for (const p of paths) this.moved.add(noteName(p));
  }

  changed(file: TFile, data: string, cache: CachedMetadata): void {
    if (this.at.deferred(() => this.changed(file, data, cache))) return;
    const index = this.at.index();
    const options = this.at.options();
    const known = index.has(file.path);
    const fm = frontmatterFromCache(cache, data);
    // A block that never closes is no frontmatter to Obsidian, but may be meant to make a goal.
    const goal = fm === 'unreadable' || isGoalNote(file.path, fm, null, options) || (fm === null && unclosedFrontmatter(data) !== null);
    const wanted = !known && this.isWantedByUnresolved(file.path);
    if (!known && !goal && !wanted) return;
    const note = this.at.notes.read(file, data, fm);
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
    if (this.moved.size === 0) return;
    if (this.at.deferred(() => this.resolved())) return;
    const index = this.at.index();
    const goals = index.goalsWithMovedLinks(this.moved);
    this.moved.clear();
    index.invalidate(goals);
    this.refresh(goals);
  }

  async renamed(file: unknown, oldPath: string): Promise<void> {
    if (!(file instanceof TFile)) return;
    if (this.at.deferred(() => void this.renamed(file, oldPath))) return;
    const index = this.at.index();
    const affected = new Set<string>();
    if (index.has(oldPath)) for (const g of index.deleteNote(oldPath)) affected.add(g);
    if (file.extension === 'md' && (affected.size > 0 || this.at.notes.isGoalCandidate(file) || this.isWantedByUnresolved(file.path))) {
      const text = await this.at.notes.readFile(file);
      if (this.at.disposed() || text === null) return;
      for (const g of this.at.index().setNote(this.at.notes.read(file, text))) affected.add(g);
    }
    this.refresh(affected);
  }

  deleted(path: string): void {
    if (this.at.deferred(() => this.deleted(path))) return;
    const index = this.at.index();
    if (!index.has(path)) return;
    this.refresh(index.deleteNote(path));
  }

  /** Recomputes the goals touched by a change, tells the listeners, then reads what their links now want. */
  refresh(goals: Set<string>): void {
    if (goals.size === 0) return;
    this.at.recompute(goals);
    void this.loadAbsent(new Set(goals));
  }

  /** Does a goal have a link, now unresolved, that a note at this path would satisfy? */
  private isWantedByUnresolved(path: string): boolean {
    return this.at.index().goalsMissing(path).length > 0;
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
        for (const path of this.at.index().absentNotes(g)) {
          if (tried.has(path) || this.at.index().has(path)) continue;
          tried.add(path);
          const file = this.at.host.vault.getFileByPath(path);
          if (file !== null) wanted.push(file);
        }
      }
      if (wanted.length === 0) return;
      for (const file of wanted) {
        const text = await this.at.notes.readFile(file);
        if (this.at.disposed()) return;
        if (text !== null) for (const g of this.at.index().setNote(this.at.notes.read(file, text))) goals.add(g);
      }
      this.at.index().invalidate(goals);
      this.at.recompute(goals);
    }
  }
}
