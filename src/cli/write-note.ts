/**
 * Notes on disk for the edit commands: which files may be edited (Markdown notes of the vault,
 * not hidden, not links to files outside it, writable), read as text (refusing bytes that are
 * not UTF-8, which a round trip through text would change), and how a failure is reported.
 * The write itself is `safe-write.ts`.
 */
import { accessSync, constants, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Io } from './main';
import { safe } from './terminal';
import { CliError, errorCode } from './walk';

/** Why an edit command refuses (exit 1). */
export class Refusal extends Error {}

/**
 * Reports the failure of a command that writes notes; its exit code: 1 for a refusal or a
 * failure to write (the message after `failed`), 2 for bad usage (then `usage` follows).
 * Messages are cleaned for the terminal: a note's name or text cannot move the cursor.
 */
export function writeFailure(e: unknown, io: Io, usage: string, failed: string): number {
  if (e instanceof Refusal) {
    io.err(`action-plan: ${safe(e.message)}\n`);
    return 1;
  }
  if (e instanceof CliError) {
    io.err(`action-plan: ${safe(e.message)}\n${usage}\n`);
    return 2;
  }
  io.err(`action-plan: ${failed}${safe(e instanceof Error ? e.message : String(e))}\n`);
  return 1;
}

/** Is `file` the root or below it (both real paths)? */
function isInside(file: string, root: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !rel.split(sep).includes('..');
}

/** Refuses what the reader never reads as a note: hidden files and folders, files other than `.md`. */
function checkNotePath(path: string, rel: string): void {
  if (rel.split(sep).some((part) => part.startsWith('.'))) throw new Refusal(`${path} is in a hidden folder or is a hidden file; it is not edited`);
  if (!rel.toLowerCase().endsWith('.md')) throw new Refusal(`${path} is not a Markdown note (.md); it is not edited`);
}

function realOf(file: string, path: string): string {
  try {
    return realpathSync.native(file);
  } catch (e) {
    const code = errorCode(e);
    throw new Refusal(code === 'ENOENT' ? `no such note: ${path}` : `${path} cannot be read (${code})`);
  }
}

/**
 * The file to write for a vault path: the note itself, or the note a link names when it is in
 * the vault (the link stays a link). Refused: a path or link that leads outside the vault, a
 * hidden file or folder, a file that is not a Markdown note, a note that is read-only.
 */
export function noteFile(root: string, path: string): string {
  const file = resolve(root, path);
  const rel = relative(root, file);
  if (!isInside(file, root)) throw new Refusal(`${path} is outside the vault`);
  checkNotePath(path, rel);
  const rootReal = realOf(root, root);
  const real = realOf(file, path);
  if (!isInside(real, rootReal)) throw new Refusal(`${path} is a link to a file outside the vault; it is not written`);
  checkNotePath(path, relative(rootReal, real));
  if (!lstatSync(real).isFile()) throw new Refusal(`no such note: ${path}`);
  checkWritable(real, path);
  return real;
}

/** Refuses a note that is read-only: for its owner's mode bits, or for the user running. */
function checkWritable(file: string, path: string): void {
  const mode = statSync(file).mode;
  let writable = (mode & 0o222) !== 0;
  try {
    accessSync(file, constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable) throw new Refusal(`${path} is read-only; it is left as it is`);
}

/** Decodes a note's bytes; refuses bytes that are not UTF-8. */
export function noteText(bytes: Buffer, path: string): string {
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) throw new Refusal(`${path} is not UTF-8 text; it is left as it is`);
  return text;
}

/** A note's text; refuses a note whose bytes are not UTF-8. */
export function readNoteText(file: string, path: string): string {
  return noteText(readFileSync(file), path);
}
