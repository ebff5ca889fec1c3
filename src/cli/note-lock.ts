/**
 * Two runs of this program that edit one note take turns: each holds a lock file beside the
 * note (created exclusively, never through a link) from reading the note to renaming the new
 * text over it. A lock left by a run that was killed is taken over once it is old.
 */
import { closeSync, constants, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Refusal } from './write-note';
import { errorCode } from './walk';

/** How long a run waits for the lock before it refuses. */
const WAIT_MS = 20_000;
/** A lock older than this was left by a run that ended without removing it. */
const STALE_MS = 30_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the lock file; false when another run holds it. */
function tryLock(lock: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  } catch (e) {
    if (errorCode(e) !== 'EEXIST') throw e;
    return false;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } catch (e) {
    // A full disk: the lock cannot say whose it is, and is not left behind.
    closeSync(fd);
    unlinkSync(lock);
    throw e;
  }
  closeSync(fd);
  return true;
}

/** Removes a lock that is older than a run could hold it. */
function clearStale(lock: string): void {
  try {
    if (Date.now() - statSync(lock).mtimeMs > STALE_MS) unlinkSync(lock);
  } catch {
    // Removed by its holder meanwhile.
  }
}

/** Runs `fn` holding the note's lock. */
export function withLock<T>(file: string, fn: () => T): T {
  const lock = join(dirname(file), `.${basename(file)}.action-plan-lock`);
  const until = Date.now() + WAIT_MS;
  while (!tryLock(lock)) {
    if (Date.now() > until) throw new Refusal(`${basename(file)} is being written by another run of action-plan; try again`);
    clearStale(lock);
    sleep(2 + Math.floor(Math.random() * 8));
  }
  try {
    return fn();
  } finally {
    unlinkSync(lock);
  }
}
