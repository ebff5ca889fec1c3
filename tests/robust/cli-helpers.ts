/** Temporary vaults on disk and the command line run in process or as the real program. */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../src/cli/main';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'action-plan.js');
export const TODAY = '2026-11-25';

export interface Result {
  code: number;
  out: string;
  err: string;
}

export function cli(argv: string[], color = false): Result {
  let out = '';
  let err = '';
  const code = run(argv, { out: (t) => (out += t), err: (t) => (err += t), color });
  return { code, out, err };
}

const temps: string[] = [];

/** A temporary vault with the given notes (paths relative to the vault, `/` separated). */
export function vault(notes: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'action-plan-robust-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(notes)) {
    const file = join(dir, ...path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

export function removeVaults(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The real program, with options for the child (stdio, uid). */
export function program(args: string[], options: Parameters<typeof spawnSync>[2] = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', ...options }) as SpawnSyncReturns<string>;
}

/**
 * Runs the real program with its standard output on a pipe that is closed after the first
 * chunk arrives, as `| head -c N` does. Resolves with the exit code and standard error.
 */
export function closedEarly(args: string[]): Promise<{ code: number | null; signal: string | null; err: string; got: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let got = 0;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      got = d.length;
      child.stdout.destroy();
    });
    child.on('close', (code, signal) => resolve({ code, signal, err, got }));
  });
}
