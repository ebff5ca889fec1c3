/**
 * The live index's first build (and rebuilds), apart from its updates: every goal note and the
 * notes its steps link to, transitively, read in slices that yield to the interface.
 */
import type { TFile } from 'obsidian';
import { unclosedFrontmatter } from '../engine/read/note-problems';
import type { PlanIndex } from '../engine/report/plan-index';
import type { NoteData } from '../engine/types';

export interface BuildStats {
  /** Notes read during the build. */
  notes: number;
  /** Wall-clock time of the whole build, in ms. */
  total: number;
  /** The longest stretch of work between two yields to the interface, in ms. */
  longestSlice: number;
  slices: number;
}

/** Work cut into slices: `pause` yields to the interface once a slice has run `budget` ms. */
export class Slices {
  readonly stats: BuildStats = { notes: 0, total: 0, longestSlice: 0, slices: 1 };
  private readonly started = performance.now();
  private sliceStart = this.started;

  constructor(
    private readonly budget: number,
    private readonly yieldToUi: () => Promise<void>,
  ) {}

  async pause(): Promise<void> {
    const spent = performance.now() - this.sliceStart;
    if (spent < this.budget) return;
    this.stats.longestSlice = Math.max(this.stats.longestSlice, spent);
    await this.yieldToUi();
    this.stats.slices++;
    this.sliceStart = performance.now();
  }

  /** The stats of the whole work, its last slice included. */
  finish(): BuildStats {
    const now = performance.now();
    this.stats.longestSlice = Math.max(this.stats.longestSlice, now - this.sliceStart);
    this.stats.total = now - this.started;
    return this.stats;
  }
}

/** What a build reads the vault through. */
export interface BuildSource {
  files(): TFile[];
  /** A goal by its cached frontmatter (or one whose frontmatter cannot be read). */
  isGoalCandidate(file: TFile): boolean;
  /** A note whose cache says it may open a frontmatter block that never closes. */
  mayOpenUnclosed(file: TFile): boolean;
  readFile(file: TFile): Promise<string | null>;
  read(file: TFile, text: string): NoteData;
  linkedFiles(note: NoteData): TFile[];
  stopped(): boolean;
}

/** The notes to read first: goals, and notes that may be goals behind a block that never closes (`unsure`). */
async function firstNotes(src: BuildSource, slices: Slices): Promise<{ queue: TFile[]; unsure: Set<string> }> {
  const queue: TFile[] = [];
  /** Notes read only to see whether their frontmatter opens and never closes (no `changed` comes for them). */
  const unsure = new Set<string>();
  let seen = 0;
  for (const file of src.files()) {
    const goal = src.isGoalCandidate(file);
    if (goal || src.mayOpenUnclosed(file)) {
      queue.push(file);
      if (!goal) unsure.add(file.path);
    }
    if (++seen % 256 === 0) await slices.pause();
  }
  return { queue, unsure };
}

/** Reads every goal note and what it links to, transitively, into `index`; false when stopped meanwhile. */
export async function fillIndex(index: PlanIndex, src: BuildSource, slices: Slices): Promise<boolean> {
  const { queue, unsure } = await firstNotes(src, slices);
  const queued = new Set(queue.map((f) => f.path));
  const linked = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    if (src.stopped()) return false;
    const file = queue[i];
    if (file === undefined) continue;
    const text = await src.readFile(file);
    if (text === null) continue;
    if (unsure.delete(file.path) && !linked.has(file.path) && unclosedFrontmatter(text) === null) {
      // Not a goal after all; a link found later queues it again.
      queued.delete(file.path);
      await slices.pause();
      continue;
    }
    const note = src.read(file, text);
    if (note.goal !== null || linked.has(file.path)) index.setNote(note);
    slices.stats.notes++;
    for (const target of src.linkedFiles(note)) {
      linked.add(target.path);
      if (!queued.has(target.path)) {
        queued.add(target.path);
        queue.push(target);
      }
    }
    await slices.pause();
  }
  return true;
}
