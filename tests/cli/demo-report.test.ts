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
