/**
 * --json output: indented in process and on a terminal, compact when piped, and the compact
 * report written a goal at a time is the same text as the whole object written at once.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseToday, loadVault } from '../../src/cli/load';
import { compactJson, writeReportJson } from '../../src/cli/json';
import { jsonText } from '../../src/engine/present/json-text';
import { run } from '../../src/cli/main';
import { reportJson } from '../../src/engine/report/json-report';

const ROOT = join(__dirname, '..', '..');
const DEMO = join(ROOT, 'demo-vault');
const TODAY = '2026-11-25';

describe('report --json, written a goal at a time', () => {
  const today = parseToday(TODAY);
  const reports = loadVault(DEMO).index.reports(today);

  it.each([1, 1000, 1 << 20])('is the whole object as JSON.stringify writes it (writes of %i characters)', (chunk) => {
    const writes: string[] = [];
    writeReportJson(today, reports, { out: (t) => writes.push(t), indent: false }, chunk);
    expect(reports.length).toBeGreaterThan(1);
    expect(writes.join('')).toBe(JSON.stringify(reportJson(today, reports)) + '\n');
    // A write once the pending text reaches the chunk, and the rest at the end.
    if (chunk === 1) expect(writes.length).toBe(reports.length + 1);
    else if (chunk === 1 << 20) expect(writes).toHaveLength(1);
    else expect(writes.length).toBeGreaterThan(2);
  });

  it('is an empty list when there is no goal', () => {
    let out = '';
    writeReportJson(today, [], { out: (t) => (out += t), indent: false });
    expect(JSON.parse(out)).toEqual({ today: TODAY, goals: [] });
  });
});

describe('indenting', () => {
  it('indents in process unless told not to', () => {
    let out = '';
    expect(run(['check', DEMO, '--today', TODAY, '--json'], { out: (t) => (out += t), err: () => undefined, color: false })).toBe(1);
    expect(out).toContain('\n  "problems": [\n');
  });

  it('writes one line when piped', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'action-plan.js'), 'report', DEMO, '--today', TODAY, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, ACTION_PLAN_REBUILD: '' },
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.indexOf('\n')).toBe(r.stdout.length - 1);
    let indented = '';
    run(['report', DEMO, '--today', TODAY, '--json'], { out: (t) => (indented += t), err: () => undefined, color: false });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(indented));
  });
});

describe('compact JSON', () => {
  it('is JSON.stringify where it can be, and the loop where a value nests too deep for it', () => {
    const plain = { a: [1, 'two', null, { b: true }], c: 'é "quoted"' };
    expect(compactJson(plain)).toBe(JSON.stringify(plain));
    let deep: unknown[] = [];
    const root = deep;
    for (let i = 0; i < 200_000; i++) {
      const next: unknown[] = [];
      deep.push(next);
      deep = next;
    }
    expect(() => JSON.stringify(root)).toThrow(RangeError);
    const text = compactJson(root);
    expect(text).toBe(jsonText(root, 0));
    expect(text.length).toBe(400_002);
  });
});
