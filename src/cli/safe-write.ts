/**
 * Writing an edit to a note so that nothing is lost (SPEC 6): the new text goes to a temporary
 * file in the note's folder, created exclusively under an unpredictable name and never through
 * a link, with the note's mode (and, run as root, its owner and group); then it is renamed over
 * the note. Just before the rename the note must still be the version the edit was made on
 * (inode, size, modification and change times); if another program wrote it meanwhile, the edit
 * is made again on the new text (with the line check, so it refuses when its line went) and
 * written again. After the rename, bytes another program appended to the old file in the last
 * instant are carried over, and a version it wrote in that instant is put back. Two runs of this program on one note take turns (a lock file).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type BigIntStats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EditDone, EditResult } from '../engine/edit';
import { withLock } from './note-lock';
import { noteText, Refusal } from './write-note';

/** How many times an edit is made again on a note that keeps changing before it refuses. */
const ATTEMPTS = 20;

/** One version of a note: its text and what identifies it on disk. */
interface Version {
  text: string;
  stat: BigIntStats;
}

/** Reads the whole file open on `fd` from its start. */
function readAll(fd: number): Buffer {
  const chunks: Buffer[] = [];
  for (let pos = 0; ; ) {
    const chunk = Buffer.alloc(64 * 1024);
    const n = readSync(fd, chunk, 0, chunk.length, pos);
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    pos += n;
  }
  return Buffer.concat(chunks);
}

/** The same file, not written since `a` was taken? */
function sameVersion(a: BigIntStats, b: BigIntStats): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/** The same content since `a` (a rename over the file changes its change time, not its content)? */
function sameContent(a: BigIntStats, b: BigIntStats): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs;
}

/** Writes `text` to a new temporary file beside `file`, like it in mode (and owner, as root). */
function writeTemp(file: string, text: string, like: BigIntStats): string {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(12).toString('hex')}.tmp`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    if (process.getuid?.() === 0) fchownSync(fd, Number(like.uid), Number(like.gid));
    fchmodSync(fd, Number(like.mode) & 0o7777);
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(temp);
    throw e;
  }
  return temp;
}

/** What another program did to the old file after the version was read and before it was replaced. */
type Late = { appended: string } | { rewrote: string };

/** What another program did to the old file (still open on `fd`) after the version was read. */
function lateChange(fd: number, version: Version, path: string): Late {
  if (sameContent(fstatSync(fd, { bigint: true }), version.stat)) return { appended: '' };
  const late = noteText(readAll(fd), path);
  return late.startsWith(version.text) ? { appended: late.slice(version.text.length) } : { rewrote: late };
}

/**
 * Renames `temp` over `file` if the note is still `version`: then what another program did to
 * the old file meanwhile (usually nothing); null when the note changed first and nothing was
 * renamed.
 */
function replaceIf(file: string, temp: string, version: Version, fd: number, path: string): Late | null {
  if (!sameVersion(statSync(file, { bigint: true }), version.stat)) {
    unlinkSync(temp);
    return null;
  }
  renameSync(temp, file);
  settle(fd);
  return lateChange(fd, version, path);
}

/** How long the old file must stay the same size after the rename before it is read a last time. */
const SETTLE_MS = 25;

/**
 * Waits until the old file (still open on `fd`) has stopped growing: a program that opened the
 * note just before the rename (to append a line, say) writes into the old file a moment after
 * it, and those bytes are carried over only once they are there. Without the wait, 2 of 2,000
 * lines appended beside 20 toggles were lost on a busy machine; with it none (the test "a second
 * writer appending lines during toggles loses nothing"). Costs SETTLE_MS per write.
 */
function settle(fd: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let size = fstatSync(fd).size;
  for (let round = 0; round < 40; round++) {
    Atomics.wait(pause, 0, 0, SETTLE_MS);
    const now = fstatSync(fd).size;
    if (now === size) return;
    size = now;
  }
}

/** Opens and reads the note now. */
function openVersion(file: string, path: string): { fd: number; version: Version } {
  const fd = openSync(file, constants.O_RDONLY);
  try {
    const stat = fstatSync(fd, { bigint: true });
    return { fd, version: { text: noteText(readAll(fd), path), stat } };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** The edit that puts bytes appended late after the text that was written (and before what came since). */
function carry(written: string, late: string): (text: string) => EditResult {
  return (text) =>
    text.startsWith(written)
      ? { ok: true, text: written + late + text.slice(written.length), changed: [], message: '' }
      : { ok: false, text, reason: 'the note was rewritten' };
}

/**
 * Keeps the bytes another program appended to the old file at the moment it was replaced: after
 * the text that was written; if the note keeps changing too fast for that (a program appending
 * a line every millisecond on a loaded machine), at its end. Nothing is lost, at worst its place.
 */
function carryOver(file: string, path: string, written: string, late: string): void {
  try {
    writeLoop(file, path, carry(written, late));
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    appendAtEnd(file, late);
  }
}

/** Appends `text` to the note in one write, as a program adding a line does. */
function appendAtEnd(file: string, text: string): void {
  const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW);
  try {
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Another program rewrote the note at the moment the edit replaced it: its version is put back
 * (the edit refuses and changes nothing, SPEC 2.7).
 */
function giveWay(file: string, path: string, written: string, theirs: string): never {
  try {
    writeLoop(file, path, (text) => (text.startsWith(written) ? { ok: true, text: theirs + text.slice(written.length), changed: [], message: '' } : { ok: false, text, reason: 'the note was rewritten' }));
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
  }
  throw new Refusal(`${path}: another program wrote the note at the same moment; its version is kept and nothing was changed; run the command again`);
}

/** The edit made and written, made again on the newer text while the note keeps changing. */
function writeLoop(file: string, path: string, edit: (text: string) => EditResult): EditDone {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { fd, version } = openVersion(file, path);
    let late: Late | null;
    let result: EditResult;
    try {
      result = edit(version.text);
      if (!result.ok) throw new Refusal(`${path}: ${result.reason}`);
      if (result.text === version.text) return result;
      late = replaceIf(file, writeTemp(file, result.text, version.stat), version, fd, path);
    } finally {
      closeSync(fd);
    }
    if (late === null) continue;
    if ('rewrote' in late) giveWay(file, path, result.text, late.rewrote);
    if (late.appended !== '') carryOver(file, path, result.text, late.appended);
    return result;
  }
  throw new Refusal(`${path}: the note kept changing while it was written; nothing was written`);
}

/**
 * Makes `edit` on the note as it is now and writes it, made again on the newer text each time
 * another program wrote the note first. Throws a refusal when the edit refuses.
 */
export function writeEdited(file: string, path: string, edit: (text: string) => EditResult): EditDone {
  return withLock(file, () => writeLoop(file, path, edit));
}
