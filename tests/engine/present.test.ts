/** The presentation model: what the view, the code block, the report and the summary show. */
import { join } from 'node:path';
import { loadVault } from '../../src/cli/load';
import { capacityLabel, daysLeftLabel, dueChip, forecastLabel, linkMarker, nodeDueChip, presentGoal, shortDate } from '../../src/engine/present/present';
import type { PlanNode } from '../../src/engine/types';
import { day, find } from './helpers';

const TODAY = day('2026-11-25');

describe('due chips', () => {
  it.each([
    ['2026-11-20', 'overdue', -5, '5 days overdue'],
    ['2026-11-24', 'overdue', -1, '1 day overdue'],
    ['2026-11-25', 'today', 0, 'Due today'],
    ['2026-11-26', 'soon', 1, 'Due tomorrow'],
    ['2026-12-02', 'soon', 7, 'In 7 days'],
    ['2026-12-03', 'later', 8, '3 Dec'],
    ['2027-01-15', 'later', 51, '15 Jan 2027'],
  ])('%s is %s', (date, kind, days, label) => {
    expect(dueChip(day(date), TODAY)).toEqual({ kind, days, label, date });
  });

  it('is null without a date, and for a step that is not open', () => {
    expect(dueChip(-1_000_000, TODAY)).toBeNull();
    const node = { status: 'done', due: day('2026-11-20') } as PlanNode;
    expect(nodeDueChip(node, TODAY)).toBeNull();
    expect(nodeDueChip({ ...node, status: 'doing' }, TODAY)?.kind).toBe('overdue');
  });
});

describe('labels', () => {
  it('days left', () => {
    expect(daysLeftLabel(day('2026-12-25'), TODAY)).toBe('30 days left');
    expect(daysLeftLabel(day('2026-11-26'), TODAY)).toBe('1 day left');
    expect(daysLeftLabel(TODAY, TODAY)).toBe('today');
    expect(daysLeftLabel(day('2026-11-20'), TODAY)).toBe('5 days late');
    expect(daysLeftLabel(-1_000_000, TODAY)).toBeNull();
  });

  it('capacity', () => {
    expect(capacityLabel({ work: 3, estimated: 0, days: 15, slack: 12 })).toBe('12 working days to spare');
    expect(capacityLabel({ work: 10, estimated: 0, days: 4, slack: -6 })).toBe('Short by 6 working days');
    expect(capacityLabel({ work: 1, estimated: 0, days: 2, slack: 1 })).toBe('1 working day to spare');
    expect(capacityLabel({ work: 4, estimated: 0, days: 4, slack: 0 })).toBe('Just fits: no working day to spare');
    expect(capacityLabel(null)).toBeNull();
  });

  it('forecast', () => {
    expect(forecastLabel(day('2027-03-15'), day('2027-06-30'), TODAY)).toBe('Done around 15 Mar 2027, before the target');
    expect(forecastLabel(day('2026-12-20'), day('2026-12-10'), TODAY)).toBe('Done around 20 Dec, 10 days after the target');
    expect(forecastLabel(day('2026-12-20'), -1_000_000, TODAY)).toBe('Done around 20 Dec at the recent pace');
    expect(forecastLabel(-1_000_000, day('2026-12-10'), TODAY)).toBeNull();
    expect(shortDate(day('2026-01-05'), TODAY)).toBe('5 Jan');
  });
});

describe('presentGoal on the demo vault', () => {
  const reports = loadVault(join(__dirname, '..', '..', 'demo-vault')).index.reports(TODAY);
  const novel = reports.find((r) => r.path === 'Goals/Publish my first novel.md');
  if (novel === undefined) throw new Error('the demo vault has no novel');
  const v = presentGoal(novel, TODAY);

  it('words the card from the report', () => {
    expect(v.chip).toEqual({ kind: 'at-risk', label: 'At risk · 4 overdue' });
    expect(v.target).toBe('2027-06-30');
    expect(v.daysLeft).toBe(day('2027-06-30') - TODAY);
    expect(v.daysLeftLabel).toBe(`${v.daysLeft ?? 0} days left`);
    expect(v.progressLabel).toBe(`${novel.progress.percent}% of ${novel.progress.total} steps, ${novel.expectedPercent ?? 0}% expected by today`);
    expect(v.capacityLabel).toBe(`${novel.capacity?.slack ?? 0} working days to spare`);
    expect(v.nextAction?.text).toBe(novel.nextAction?.text);
    expect(v.overdue.map((s) => s.due?.kind)).toEqual(novel.overdue.map(() => 'overdue'));
  });

  it('gives checkpoints their state labels, expected values and feelings', () => {
    expect(v.checkpoints.map((c) => c.state)).toEqual(novel.checkpoints.map((c) => c.state));
    for (const c of v.checkpoints) {
      expect(c.stateLabel.length).toBeGreaterThan(0);
      if (c.expect !== null) expect(c.expected).toBe(c.expect);
      if (c.feeling !== null) expect(c.feelingLabel).not.toBeNull();
    }
    expect(v.feelings).toEqual(
      novel.checkpoints.filter((c) => c.state === 'reviewed' && c.feeling !== null).map((c) => ({ date: expect.any(String) as string, feeling: c.feeling, progress: c.progress })),
    );
  });

  it('draws a burn-up: cumulative, within 0..1, the expected line from start to target, today marked', () => {
    const b = v.burnup;
    if (b === null) throw new Error('no burn-up');
    expect(b.from).toBe('2026-09-01');
    expect(b.total).toBe(novel.progress.total);
    for (const series of [b.done, b.expected, b.forecast ?? []]) {
      for (const p of series) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.x).toBeLessThanOrEqual(1);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeLessThanOrEqual(1);
      }
    }
    for (let i = 1; i < b.done.length; i++) expect((b.done[i]?.y ?? 0) >= (b.done[i - 1]?.y ?? 0)).toBe(true);
    expect(b.expected[0]).toEqual({ date: '2026-09-01', x: 0, y: 0 });
    expect(b.expected.find((p) => p.date === '2027-06-30')?.y).toBe(1);
    expect(b.today).toBeCloseTo((TODAY - day('2026-09-01')) / (day(b.to) - day('2026-09-01')), 6);
  });

  it('marks steps that expand a note and reference nodes', () => {
    const career = reports.find((r) => r.path === 'Goals/Change careers to UX design.md');
    if (career === undefined) throw new Error('no career goal');
    expect(linkMarker(find(career.tree, 'Talk to four working UX designers [my notes](Talk%20to%20UX%20designers.md)'))).toBe('expands');
    expect(linkMarker(find(career.tree, 'Research'))).toBeNull();
  });

  it('leaves days left, forecast and capacity out for a goal decided on (staying)', () => {
    const career = reports.find((r) => r.status === 'staying');
    if (career === undefined) throw new Error('no staying goal');
    const c = presentGoal(career, TODAY);
    expect(c.chip.label).toBe('Staying put');
    expect(c.daysLeftLabel).toBeNull();
    expect(c.forecastLabel).toBeNull();
    expect(c.capacityLabel).toBeNull();
    expect(c.progressLabel).toBe(`${career.progress.percent}% of ${career.progress.total} steps`);
  });
});
