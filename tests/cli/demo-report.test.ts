/**
 * `action-plan report --json` on the demo vault matches the approved file. When the report
 * changes on purpose, review `demo-report.received.json` and copy it over the approved file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/main';

const ROOT = join(__dirname, '..', '..');
const APPROVED = join(ROOT, 'tests', 'approved', 'demo-report.approved.json');
const RECEIVED = join(ROOT, 'tests', 'approved', 'demo-report.received.json');

function report(): string {
  let out = '';
  const code = run(['report', join(ROOT, 'demo-vault'), '--today', '2026-11-25', '--json'], {
    out: (t) => (out += t),
    err: (t) => (out += t),
    color: false,
  });
  expect(code).toBe(0);
  return out;
}

describe('report --json on the demo vault', () => {
  it('matches the approved report', () => {
    const received = report();
    if (!existsSync(APPROVED) || readFileSync(APPROVED, 'utf8') !== received) writeFileSync(RECEIVED, received);
    expect(existsSync(APPROVED)).toBe(true);
    expect(JSON.parse(received)).toEqual(JSON.parse(readFileSync(APPROVED, 'utf8')));
  });
});

describe('check --json on the demo vault', () => {
  it('finds exactly the problems of the report, each once, by path and line', () => {
    let out = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (out += t), color: false };
    expect(run(['check', join(ROOT, 'demo-vault'), '--today', '2026-11-25', '--json'], io)).toBe(1);
    const checked = (JSON.parse(out) as { problems: { path: string; line: number; code: string; message: string }[] }).problems;
    const reported = (JSON.parse(report()) as { goals: { problems: { path: string; line: number; code: string; message: string }[] }[] }).goals.flatMap((g) => g.problems);
    const key = (p: { path: string; line: number; code: string; message: string }): string => `${p.path}:${p.line} ${p.code} ${p.message}`;
    expect([...checked.map(key)].sort()).toEqual([...new Set(reported.map(key))].sort());
    expect(new Set(checked.map(key)).size).toBe(checked.length);
    const order = checked.map((p) => [p.path, p.line] as const);
    const sorted = [...order].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]));
    expect(order).toEqual(sorted);
    expect(checked.length).toBeGreaterThan(0);
  });
});
