/**
 * The cases of expected progress and health (tests/engine/health-cases.ts) through the real
 * program: `report --json` and the human report as a child process over a vault on disk.
 */
import { spawnSync } from 'node:child_process';
import { BIN, removeVaults, ROOT, vault } from '../robust/cli-helpers';
import { CASE_TODAY, HEALTH_CASES } from '../engine/health-cases';

interface StepJson {
  text: string;
}
interface GoalJson {
  path: string;
  expectedPercent: number | null;
  health: string;
  nextAction: StepJson | null;
  overdue: StepJson[];
  capacity: unknown;
  forecast: string | null;
  checkpoints: { onTrack: boolean | null }[];
  problems: { line: number; code: string }[];
}

afterAll(removeVaults);

function program(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, timeout: 60_000 });
}

describe('report as a process, on every case', () => {
  jest.setTimeout(60_000);
  const notes: Record<string, string> = {};
  for (const c of HEALTH_CASES) Object.assign(notes, c.notes);
  const dir = vault(notes);
  const json = program(['report', dir, '--today', CASE_TODAY, '--json']);
  const goals = new Map(((JSON.parse(json.stdout) as { goals: GoalJson[] }).goals ?? []).map((g) => [g.path, g]));
  const human = program(['report', dir, '--today', CASE_TODAY]);

  it('runs', () => {
    expect([json.status, json.stderr, human.status, human.stderr]).toEqual([0, '', 0, '']);
  });

  describe.each(HEALTH_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const path = Object.keys(c.notes)[0] ?? '';
    const g = goals.get(path) as GoalJson;
    it('gives the expected percent and the health of the engine', () => {
      expect({ expectedPercent: g.expectedPercent, health: g.health }).toEqual({ expectedPercent: c.expectedPercent, health: c.health });
      if (c.nextAction !== undefined) expect(g.nextAction?.text ?? null).toBe(c.nextAction);
      if (c.overdue !== undefined) expect(g.overdue.map((s) => s.text)).toEqual(c.overdue);
      if (c.capacity !== undefined) expect(g.capacity).toEqual(c.capacity);
      if (c.forecast !== undefined) expect(g.forecast).toBe(c.forecast);
      if (c.problems !== undefined) expect(g.problems.map((p) => `${p.line} ${p.code}`)).toEqual(c.problems);
      if (c.onTrack !== undefined) expect(g.checkpoints.map((cp) => cp.onTrack)).toEqual(c.onTrack);
    });
    it("prints the health with its overdue count on the goal's first line", () => {
      const first = human.stdout.split('\n').find((l) => l.endsWith(`  ${path}`));
      expect(first).toContain(`  ${c.label}  `);
    });
    if (['paused', 'staying', 'done', 'dropped'].includes(c.health)) {
      it('prints nothing overdue, no next action, forecast or capacity for a goal that is not active', () => {
        const lines = human.stdout.split('\n');
        const from = lines.findIndex((l) => l.endsWith(`  ${path}`));
        const to = lines.indexOf('', from);
        const block = lines.slice(from, to === -1 ? undefined : to).join('\n');
        expect(block).toContain('📅 2026-11-20');
        expect(block).not.toMatch(/overdue|next action|forecast|capacity/);
      });
    }
  });
});
