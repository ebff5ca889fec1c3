/**
 * How the live index reads a note: the file's text through the vault (null when it cannot be
 * read), the frontmatter from the metadata cache, whether a file may be a goal before reading it,
 * and how many notes it has read.
 */
import type { TFile } from 'obsidian';
import { isGoalNote, type FrontmatterInput } from '../engine/read/frontmatter';
import { readNote } from '../engine/read/note';
import type { EngineOptions, NoteData, StepData } from '../engine/types';
import { frontmatterFromCache } from './cache-frontmatter';
import type { IndexHost } from './vault-events';

export class NoteSource {
  /** How many notes have been read since the index started (for tests and the benchmark). */
  reads = 0;

  constructor(
    private readonly host: IndexHost,
    private readonly options: () => EngineOptions,
  ) {}

  /** A note's text, or null when it cannot be read (deleted meanwhile): the rest goes on. */
  async readFile(file: TFile): Promise<string | null> {
    try {
      return await this.host.vault.cachedRead(file);
    } catch (e) {
      console.error(`Action Plan: could not read ${file.path}`, e);
      return null;
    }
  }

  isGoalCandidate(file: TFile): boolean {
    const cache = this.host.metadataCache.getFileCache(file);
    const fm = frontmatterFromCache(cache);
    // A broken block may still say `type: goal`: read it to find out.
    if (fm === 'unreadable') return true;
    return isGoalNote(file.path, fm, null, this.options());
  }

  read(file: TFile, text: string, fm: FrontmatterInput = frontmatterFromCache(this.host.metadataCache.getFileCache(file), text)): NoteData {
    this.reads++;
    return readNote(file.path, text, fm, this.options());
  }
}

/** The step on a line among steps in line order, or null when that line is no task. */
export function stepOnLine(steps: readonly StepData[], line: number): StepData | null {
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
