/**
 * The schedule of a 5,000-step goal (SPEC 1.7): 50 phases of 100 steps, each step waiting on the
 * one before it in its phase and every tenth on a step of the phase before, with estimates and
 * some due dates; the dependencies and both passes timed together, then the timeline's model of
 * the goal (its 5,000 bars and their arrows). The median of 15 runs after 3 to warm up.
 */
import { indexTexts } from '../src/cli/load';
import { dayFromCivil, type Day } from '../src/engine/days/dates';
import { timelineModel } from '../src/engine/present/timeline';
import { readDependencies, scheduleGoal } from '../src/engine/schedule';
import { DEFAULT_ENGINE_OPTIONS, type GoalReport } from '../src/engine/types';

const TODAY: Day = dayFromCivil(2026, 11, 25);
const PHASES = 50;
const PER_PHASE = 100;
const RUNS = 15;

function goalText(): string {
  const lines = ['---', 'type: goal', 'start: 2026-11-01', 'target: 2028-12-31', '---', '# A big goal'];
  for (let p = 0; p < PHASES; p++) {
    lines.push(`## Phase ${p}`);
    for (let s = 0; s < PER_PHASE; s++) {
      const id = `p${p}s${s}`;
      const waits = [s > 0 ? `p${p}s${s - 1}` : null, p > 0 && s % 10 === 0 ? `p${p - 1}s${s + 5}` : null].filter((w) => w !== null);
      const due = s % 7 === 0 ? ` 📅 2027-${String((p % 12) + 1).padStart(2, '0')}-${String((s % 28) + 1).padStart(2, '0')}` : '';
      lines.push(`- [${s % 9 === 0 ? 'x' : ' '}] Step ${s} of phase ${p} ⏱ ${(s % 3) + 1}d${due} 🆔 ${id}${waits.length > 0 ? ` ⛔ ${waits.join(',')}` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

function median(fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)] ?? 0;
}

export function benchSchedule(): string {
  const texts = new Map([['Big.md', goalText()]]);
  const { index } = indexTexts(['Big.md'], texts, DEFAULT_ENGINE_OPTIONS);
  const report = index.reports(TODAY).find((r) => r.path === 'Big.md') as GoalReport;
  const workingDays = DEFAULT_ENGINE_OPTIONS.workingDays;
  const schedule = median(() => scheduleGoal(readDependencies(report.plan), TODAY, report.target, workingDays));
  void report.tree;
  const model = median(() => timelineModel(report, TODAY, workingDays));
  const m = timelineModel(report, TODAY, workingDays);
  return `schedule of a ${PHASES * PER_PHASE}-step goal (${report.dependencies.deps.length} dependencies): ${schedule.toFixed(2)} ms | its timeline model (${m.rows.length} rows, ${m.arrows.length} arrows): ${model.toFixed(2)} ms`;
}
