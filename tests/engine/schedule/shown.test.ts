/** The schedule in the text report and the summary: blocked and critical marks, "can finish by". */
import fc from 'fast-check';
import { renderGoal } from '../../../src/cli/render';
import { planSummary } from '../../../src/engine/present/summary';
import type { PlanNode } from '../../../src/engine/types';
import { day, find } from '../helpers';
import { goalOf } from './goal';

const TODAY = day('2027-01-04');

describe('the schedule shown', () => {
  const r = goalOf('- [ ] A 🆔 a ⏱ 2d\n- [ ] B ⛔ a\n- [ ] C\n', 'start: 2027-01-01\ntarget: 2027-01-08');
  it('marks blocked and critical steps and says when the goal can finish in the text report', () => {
    const text = renderGoal(r, TODAY, { color: false });
    expect(text).toContain('  schedule: can finish by 6 Jan, on or before the target');
    expect(text).toContain('[ ] B [blocked]');
    expect(text).not.toContain('[ ] A [blocked]');
  });
  it('does the same in the summary', () => {
    const md = planSummary(r, TODAY, 'steps');
    expect(md).toContain('\nCan finish by 6 Jan, on or before the target.\n');
    expect(md).toContain('- ☐ B · blocked');
  });
  it('marks critical steps', () => {
    const late = goalOf('- [ ] A ⏱ 5d 📅 2027-01-05\n', 'start: 2027-01-01');
    expect(renderGoal(late, TODAY, { color: false })).toContain('A 📅 2027-01-05 (due tomorrow) [critical]');
    expect(planSummary(late, TODAY, 'steps')).toContain('- ☐ A (due 2027-01-05) · critical');
  });
});

/** Random plans: a chain of steps, each perhaps waiting on an earlier one, dated or not. */
const plan = fc.array(
  fc.record({ on: fc.option(fc.nat(20), { nil: undefined }), est: fc.integer({ min: 0, max: 6 }), due: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), start: fc.option(fc.integer({ min: -5, max: 20 }), { nil: undefined }) }),
  { minLength: 1, maxLength: 12 },
);

function iso(offset: number): string {
  const d = new Date(Date.UTC(2027, 0, 4 + offset));
  return d.toISOString().slice(0, 10);
}

function body(steps: { on?: number; est: number; due?: number; start?: number }[], extra: [number, number] | null = null): string {
  return steps
    .map((s, i) => {
      const deps = [s.on !== undefined && s.on < i ? `s${s.on}` : null, extra !== null && extra[0] === i ? `s${extra[1]}` : null].filter((x) => x !== null);
      return `- [ ] S${i} 🆔 s${i}${deps.length > 0 ? ` ⛔ ${deps.join(',')}` : ''}${s.est > 0 ? ` ⏱ ${s.est}d` : ''}${s.due !== undefined ? ` 📅 ${iso(s.due)}` : ''}${s.start !== undefined ? ` 🛫 ${iso(s.start)}` : ''}`;
    })
    .join('\n') + '\n';
}

function leaves(n: number, r: ReturnType<typeof goalOf>): PlanNode[] {
  return Array.from({ length: n }, (_, i) => find(r.tree, `S${i}`));
}

describe('the schedule over random plans', () => {
  it('has slack >= 0 exactly when the early start is on or before the late start; nothing starts before what it waits on ends', () => {
    fc.assert(
      fc.property(plan, (steps) => {
        const r = goalOf(body(steps), 'start: 2027-01-01\ntarget: 2027-01-29');
        const nodes = leaves(steps.length, r);
        nodes.forEach((n, i) => {
          // Late and early start lie the same working days before late and early finish.
          expect((n.slack ?? 0) >= 0).toBe(n.lateFinish >= n.earlyFinish);
          const on = steps[i]?.on;
          if (on !== undefined && on < i) expect(n.earlyStart).toBeGreaterThan((nodes[on] as PlanNode).earlyFinish);
        });
      }),
      { numRuns: 150 },
    );
  });
  it('never finishes earlier for a dependency added', () => {
    fc.assert(
      fc.property(plan, fc.nat(), fc.nat(), (steps, a, b) => {
        const from = a % steps.length;
        const to = b % steps.length;
        fc.pre(to < from);
        const before = goalOf(body(steps), 'start: 2027-01-01').finish;
        const after = goalOf(body(steps, [from, to]), 'start: 2027-01-01').finish;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
