/**
 * The command line as a user runs it: `action-plan check` and `action-plan report --json` as
 * separate processes, against a separate process that lists, reads and splits the same files
 * (bench/read-split.mjs), the floor any tool pays. Runs alternate (floor, check, report, floor,
 * ...), so that a machine whose speed drifts slows all three alike; each ratio is taken within a
 * round, and the median and the range over the rounds are shown.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'action-plan.js');
const FLOOR = join(ROOT, 'bench', 'read-split.mjs');

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface ProcessResult {
  size: string;
  rounds: number;
  floor: Spread;
  check: Spread;
  report: Spread;
  checkRatio: Spread;
  reportRatio: Spread;
}

function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? 0, min: s[0] ?? 0, max: s[s.length - 1] ?? 0 };
}

/** Wall time of one process in ms; its output goes nowhere, as to a file nobody reads. */
function timed(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ACTION_PLAN_REBUILD: '' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed: ${r.stderr.toString()}`);
  return ms;
}

export function benchProcesses(root: string, size: string, rounds = 11): ProcessResult {
  const floorArgs = [FLOOR, root];
  const checkArgs = [BIN, 'check', root, '--today', '2026-11-25'];
  const reportArgs = [BIN, 'report', root, '--today', '2026-11-25', '--json'];
  // One round not counted: it fills the file cache and writes the code cache.
  timed(floorArgs);
  timed(checkArgs);
  timed(reportArgs);
  const floor: number[] = [];
  const check: number[] = [];
  const report: number[] = [];
  for (let i = 0; i < rounds; i++) {
    floor.push(timed(floorArgs));
    check.push(timed(checkArgs));
    report.push(timed(reportArgs));
  }
  return {
    size,
    rounds,
    floor: spread(floor),
    check: spread(check),
    report: spread(report),
    checkRatio: spread(check.map((c, i) => c / (floor[i] ?? 1))),
    reportRatio: spread(report.map((r, i) => r / (floor[i] ?? 1))),
  };
}

const f0 = (x: number): string => x.toFixed(0);
const f2 = (x: number): string => x.toFixed(2);

export function processSummary(r: ProcessResult): string {
  const times = (s: Spread): string => `${f0(s.median)} ms (${f0(s.min)}–${f0(s.max)})`;
  const ratio = (s: Spread): string => `${f2(s.median)} × (${f2(s.min)}–${f2(s.max)})`;
  return (
    `  processes, ${r.rounds} alternating rounds: read+split ${times(r.floor)} | check ${times(r.check)} = ${ratio(r.checkRatio)}` +
    ` | report --json ${times(r.report)} = ${ratio(r.reportRatio)}`
  );
}
