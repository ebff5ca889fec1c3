/**
 * Notes on disk for the edit commands: read as text (refusing bytes that are not UTF-8, which a
 * round trip through text would change), written atomically keeping the file's mode.
 */
import { chmodSync, existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Io } from './main';
import { CliError } from './walk';

/** Why an edit command refuses (exit 1). */
export class Refusal extends Error {}

/**
 * Reports the failure of a command that writes notes; its exit code: 1 for a refusal or a
 * failure to write (the message after `failed`), 2 for bad usage (then `usage` follows).
 */
export function writeFailure(e: unknown, io: Io, usage: string, failed: string): number {
  if (e instanceof Refusal) {
    io.err(`action-plan: ${e.message}\n`);
    return 1;
  }
  if (e instanceof CliError) {
    io.err(`action-plan: ${e.message}\n${usage}\n`);
    return 2;
  }
  io.err(`action-plan: ${failed}${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
}

/** The file of a vault path, which must stay inside the vault and be a Markdown note. */
export function noteFile(root: string, path: string): string {
  const file = resolve(root, path);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) throw new Refusal(`${path} is outside the vault`);
  if (!existsSync(file) || !statSync(file).isFile()) throw new Refusal(`no such note: ${path}`);
  return file;
}

/** A note's text; refuses a note whose bytes are not UTF-8. */
export function readNoteText(file: string, path: string): string {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) throw new Refusal(`${path} is not UTF-8 text; it is left as it is`);
  return text;
}

/** Writes through a temporary file in the same folder, then a rename; the mode is kept. */
export function writeAtomic(file: string, text: string): void {
  const mode = statSync(file).mode & 0o7777;
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { mode });
    chmodSync(temp, mode);
    renameSync(temp, file);
  } catch (e) {
    if (existsSync(temp)) unlinkSync(temp);
    throw e;
  }
}
