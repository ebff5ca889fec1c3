/**
 * Progress that Bases can read (SPEC 7, opt-in): each goal's `plan-progress`, `plan-health` and
 * `plan-next` kept in its frontmatter through the plugin's one write path, only when a value
 * changes, at most once every 5 s per note (the last value always written), and never into a
 * note open in an editor until it has been left alone for 10 s.
 */
import { Notice, type App, type Component } from 'obsidian';
import { NO_PROGRESS_KEYS, progressValues, writeProgressKeys, type ProgressValues } from '../engine/edit/frontmatter/progress-keys';
import type { EditResult } from '../engine/edit';
import type { LiveIndex } from './live-index';
import { editNote, openEditor } from './note-writer';

/** The least time between two writes of the keys into one note, in ms. */
export const WRITE_GAP_MS = 5_000;
/** How long a note open in an editor must be left alone before the keys are written into it, in ms. */
export const QUIET_MS = 10_000;

export interface ProgressKeysHost {
  app: App;
  index: LiveIndex;
  /** The settings as they are now. */
  settings: { progressKeys: boolean };
}

/** Writes the keys' values into a note, as a line edit; resolves to whether the note changed. */
async function writeKeys(app: App, path: string, values: ProgressValues): Promise<boolean> {
  const edit = (text: string): EditResult => {
    const r = writeProgressKeys(text, values);
    return r.ok ? { ok: true, text: r.text, changed: r.changed, message: 'progress keys written' } : { ok: false, text, reason: r.reason };
  };
  // Written in the background: no notice, no Undo (the next change would write the keys again).
  const result = await editNote(app, path, edit, { quiet: true, undo: false });
  return result.ok && result.changed.length > 0;
}

/** The `remove-progress-keys` command's work: the keys taken out of every goal, said in a notice; how many notes changed. */
export async function removeProgressKeys(app: App, index: LiveIndex): Promise<number> {
  let changed = 0;
  for (const path of index.goalPaths()) if (await writeKeys(app, path, NO_PROGRESS_KEYS)) changed++;
  new Notice(`Action Plan: progress keys removed from ${changed === 1 ? '1 note' : `${changed} notes`}.`);
  return changed;
}

export class ProgressKeyWriter {
  private readonly lastWrite = new Map<string, number>();
  private readonly lastTyped = new Map<string, number>();
  private readonly timers = new Map<string, number>();

  constructor(private readonly host: ProgressKeysHost) {}

  /** Follows the index and the editors for as long as `owner` is loaded. */
  watch(owner: Component): void {
    owner.register(this.host.index.onChange((goals) => goals.forEach((g) => this.request(g))));
    owner.registerEvent(
      this.host.app.workspace.on('editor-change', (_editor, info) => {
        if (info.file !== null) this.lastTyped.set(info.file.path, Date.now());
      }),
    );
    owner.register(() => this.cancel());
  }

  /** Every goal's keys brought up to date (the setting was turned on). */
  requestAll(): void {
    for (const path of this.host.index.goalPaths()) this.request(path);
  }

  /** Drops the writes planned (the setting was turned off, or the plugin unloads). */
  cancel(): void {
    for (const timer of this.timers.values()) window.clearTimeout(timer);
    this.timers.clear();
  }

  /** The goal changed: its keys are written now, or when the note may be written again. */
  request(path: string): void {
    if (!this.host.settings.progressKeys || this.timers.has(path)) return;
    const wait = this.waitFor(path);
    if (wait <= 0) {
      void this.write(path);
      return;
    }
    // The values are read when the timer fires: the last ones are written.
    this.timers.set(
      path,
      window.setTimeout(() => {
        this.timers.delete(path);
        this.request(path);
      }, wait),
    );
  }

  private waitFor(path: string): number {
    const now = Date.now();
    const gap = (this.lastWrite.get(path) ?? -Infinity) + WRITE_GAP_MS - now;
    const typed = openEditor(this.host.app, path) === null ? -Infinity : (this.lastTyped.get(path) ?? -Infinity) + QUIET_MS - now;
    return Math.max(gap, typed);
  }

  private async write(path: string): Promise<void> {
    const report = this.host.index.report(path);
    if (report === null) return;
    const values = progressValues(report.progress.percent, report.health, report.nextAction?.text ?? null);
    if (await writeKeys(this.host.app, path, values)) this.lastWrite.set(path, Date.now());
  }
}
