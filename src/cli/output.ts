/**
 * Standard output that may close early: `report | head -1`, quitting `less`, a full disk. A
 * closed pipe ends the command at once and quietly with the exit status of a process stopped
 * by SIGPIPE (141, as `git log | head` gives); any other write failure (ENOSPC, EIO) is one
 * line on standard error and exit 2. Never a stack trace.
 */
import type { Writable } from 'node:stream';
import { errorCode } from './walk';

/** The exit status a shell reports for a process ended by SIGPIPE (128 + 13). */
export const CLOSED_PIPE_EXIT = 141;
/** Exit status when the output cannot be written. */
const WRITE_FAILED_EXIT = 2;

export interface GuardedOutput {
  write(text: string): void;
  error(text: string): void;
  /** Resolves with `code` once the output is flushed (or the process ends on a failure). */
  finished(code: number): Promise<number>;
}

export function guardOutput(
  stdout: Writable = process.stdout,
  stderr: Writable = process.stderr,
  exit: (code: number) => void = (code) => process.exit(code),
): GuardedOutput {
  let failed = false;
  const fail = (e: unknown): void => {
    if (failed) return;
    failed = true;
    const code = errorCode(e);
    if (code === 'EPIPE') return exit(CLOSED_PIPE_EXIT);
    try {
      stderr.write(`action-plan: cannot write the output (${code})\n`);
    } catch {
      // Standard error is gone too: nothing more can be said.
    }
    exit(WRITE_FAILED_EXIT);
  };
  stdout.on('error', fail);
  stderr.on('error', () => undefined);
  return {
    write(text) {
      if (failed) return;
      try {
        stdout.write(text);
      } catch (e) {
        fail(e);
      }
    },
    error(text) {
      try {
        stderr.write(text);
      } catch {
        // A closed standard error never stops the command.
      }
    },
    finished(code) {
      return new Promise((resolve) => {
        if (failed) return;
        // An empty write's callback runs after every earlier write is done (or failed).
        stdout.write('', () => {
          if (!failed) resolve(code);
        });
      });
    },
  };
}
