/**
 * An edit command's change to notes: shown as a diff (`--dry-run`) or written (safe-write.ts),
 * with one message per note on standard error, cleaned for the terminal.
 */
import type { EditResult } from '../engine/edit';
import { CliError } from './load';
import type { Io } from './main';
import { writeEdited } from './safe-write';
import { safe } from './terminal';
import { unifiedDiff } from './unified-diff';
import { Refusal } from './write-note';

/** Text that must stay on one line of the note: a line break in it is bad usage. */
export function oneLine(what: string, text: string): string {
  if (/[\r\n]/.test(text)) throw new CliError(`${what} cannot hold a line break`);
  return text;
}

/**
 * One note's change, ready to show or write: the edit as a function of the note's text, so
 * that it is made again (with its line check) on a note another program changed meanwhile.
 */
export interface NoteChange {
  path: string;
  file: string;
  before: string;
  edit: (text: string) => EditResult;
}

/** The diff as `patch` needs it; on a terminal, with its control characters made visible. */
export function diffFor(path: string, before: string, after: string, io: Io): string {
  const diff = unifiedDiff(path, before, after);
  return io.terminal === true ? diff.split('\n').map(safe).join('\n') : diff;
}

/** One line about a note on standard error, cleaned for the terminal. */
export function tell(io: Io, path: string, message: string, dryRun: boolean): void {
  io.err(safe(`${path}: ${message}${dryRun ? ' (dry run: nothing written)' : ''}`) + '\n');
}

/** Prints the diffs, or writes every note; nothing at all when an edit refuses on the text read. */
export function commit(changes: NoteChange[], dryRun: boolean, io: Io): void {
  const results = changes.map((c) => c.edit(c.before));
  results.forEach((r, i) => {
    if (!r.ok) throw new Refusal(`${changes[i]?.path ?? ''}: ${r.reason}`);
  });
  changes.forEach((c, i) => {
    const first = results[i];
    if (dryRun) {
      io.out(diffFor(c.path, c.before, first?.text ?? c.before, io));
      tell(io, c.path, first?.ok === true ? first.message : '', true);
    } else {
      tell(io, c.path, writeEdited(c.file, c.path, c.edit).message, false);
    }
  });
}
