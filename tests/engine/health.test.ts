/**
 * Expected progress from the plan's own dates and the health of SPEC 1.4, case by case
 * (health-cases.ts), through the engine and the presentation model the view, the report and
 * the summary share.
 */
import { indexTexts } from '../../src/cli/load';
import { formatDay } from '../../src/engine/days/dates';
import { goalHealthLabel, nodeDueChip, presentGoal } from '../../src/engine/present/present';
import { planSummary } from '../../src/engine/present/summary';
import { DEFAULT_ENGINE_OPTIONS, type GoalReport } from '../../src/engine/types';
import { CASE_TODAY, HEALTH_CASES, type HealthCase } from './health-cases';
import { day, find } from './helpers';

const TODAY = day(CASE_TODAY);

function reportOf(c: HealthCase): GoalReport {
  const texts = new Map(Object.entries(c.notes));
  const { index } = indexTexts([...texts.keys()].sort(), texts, DEFAULT_ENGINE_OPTIONS);
  const goalPath = Object.keys(c.notes)[0] ?? '';
  const r = index.reports(TODAY).find((g) => g.path === goalPath);
  if (r === undefined) throw new Error(`no goal ${goalPath}`);
  return r;
}

describe.each(HEALTH_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const r = reportOf(c);
  it('has the expected progress and health a reader of the plan expects', () => {
    expect({ expectedPercent: r.expectedPercent, health: r.health }).toEqual({ expectedPercent: c.expectedPercent, health: c.health });
  });
  it('shows the health with its overdue count on the chip, in the report and in the summary', () => {
    expect(goalHealthLabel(r)).toBe(c.label);
    expect(presentGoal(r, TODAY).chip).toEqual({ kind: c.health, label: c.label });
    expect(planSummary(r, TODAY, 'phases')).toContain(`health: ${c.label.toLowerCase()}`);
  });
  it('lists the next action, the overdue steps, the capacity, the forecast and the problems', () => {
    if (c.nextAction !== undefined) expect(r.nextAction?.text ?? null).toBe(c.nextAction);
    if (c.overdue !== undefined) expect(r.overdue.map((s) => s.text)).toEqual(c.overdue);
    if (c.capacity !== undefined) expect(r.capacity).toEqual(c.capacity);
    if (c.forecast !== undefined) expect(formatDay(r.forecast)).toBe(c.forecast);
    if (c.problems !== undefined) expect(r.problems.map((p) => `${p.line} ${p.code}`)).toEqual(c.problems);
    if (c.onTrack !== undefined) expect(r.checkpoints.map((cp) => cp.onTrack)).toEqual(c.onTrack);
  });
  it('gives the view, the summary and the JSON the same expected figure', () => {
    const v = presentGoal(r, TODAY);
    expect(v.expectedPercent).toBe(c.expectedPercent);
    expect(r.expected.percentAt(TODAY)).toBe(c.expectedPercent);
    if (c.expectedPercent !== null && r.status === 'active') expect(v.progressLabel).toContain(`${c.expectedPercent}% expected by today`);
  });
  it('draws the same E on the burn-up as on every day it is asked', () => {
    const series = r.expected.series(TODAY - 60, TODAY + 60);
    expect(series.length > 0).toBe(c.expectedPercent !== null);
    for (const p of series) expect(p.value).toBeCloseTo(r.expected.at(p.date) ?? NaN, 9);
  });
});

describe('a goal that is not active', () => {
  const paused = HEALTH_CASES.find((c) => c.health === 'paused') as HealthCase;
  const r = reportOf(paused);
  it('shows its due dates as plain dates, never overdue or soon', () => {
    const late = find(r.tree, 'Late');
    expect(nodeDueChip(late, TODAY)?.kind).toBe('overdue');
    expect(nodeDueChip(late, TODAY, false)).toEqual({ kind: 'later', date: '2026-11-20', days: -5, label: '20 Nov' });
  });
  it('has no missed checkpoint, while the same goal active has one', () => {
    const active = reportOf({ ...paused, notes: { 'Status paused.md': (paused.notes['Status paused.md'] ?? '').replace('status: paused', 'status: active') } });
    expect(active.problems.map((p) => p.code)).toContain('checkpoint-missed');
    expect(r.problems.map((p) => p.code)).not.toContain('checkpoint-missed');
  });
});

describe('the burn-up and the checkpoint marks follow E', () => {
  const c = HEALTH_CASES.find((k) => k.name.startsWith('a checkpoint without expect')) as HealthCase;
  const v = presentGoal(reportOf(c), TODAY);
  it('marks a checkpoint without expect at E on its date', () => {
    expect(v.checkpoints[0]?.expected).toBe(50);
  });
  it('draws E as steps at the planned days', () => {
    const at = (date: string): number | undefined => v.burnup?.expected.find((p) => p.date === date)?.y;
    expect(at('2026-11-10')).toBe(0);
    expect(at('2026-11-11')).toBe(0.25);
    expect(at('2026-11-13')).toBe(0.5);
    expect(at('2026-12-21')).toBe(0.75);
    expect(v.burnup?.expected[v.burnup.expected.length - 1]?.y).toBe(1);
  });
});
