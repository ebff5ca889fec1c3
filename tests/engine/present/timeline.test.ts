/**
 * The timeline's model (SPEC 4.3), worked out by hand. Today is Monday 2027-01-04; working days
 * are Monday to Friday. Bars end on due dates and start on the start date, else the scheduled
 * date, else the working days of the estimate back from the due date; open steps without a due
 * date of their own are the schedule's early start to early finish, marked estimated.
 */
import { formatDay } from '../../../src/engine/days/dates';
import { defaultZoom, timelineModel, type TimelineModel } from '../../../src/engine/present/timeline';
import { axisTicks, barLabel } from '../../../src/engine/present/timeline-axis';
import { day } from '../helpers';
import { goalOf } from '../schedule/goal';

const TODAY = day('2027-01-04');
const WEEK = [1, 2, 3, 4, 5];

type Bar = [start: string, end: string, estimated: boolean] | null;

function bars(m: TimelineModel): Record<string, Bar> {
  return Object.fromEntries(m.rows.map((r) => [r.node.text, r.bar === null ? null : [formatDay(r.bar.start) ?? '', formatDay(r.bar.end) ?? '', r.bar.estimated]]));
}

function flags(m: TimelineModel, text: string): string[] {
  const r = m.rows.find((x) => x.node.text === text);
  if (r === undefined) throw new Error(`no row ${text}`);
  return (['critical', 'blocked', 'overdue'] as const).filter((k) => r[k]);
}

describe('the bars', () => {
  it('a chain: hatched where the schedule guesses, dated where the note says', () => {
    const m = timelineModel(goalOf('- [ ] A 🆔 a ⏱ 2d\n- [ ] B ⛔ a 🆔 b 📅 2027-01-15\n- [ ] C ⛔ b ⏱ 3d\n', 'start: 2027-01-01\ntarget: 2027-01-29'), TODAY, WEEK);
    expect(bars(m)).toEqual({
      A: ['2027-01-04', '2027-01-05', true],
      B: ['2027-01-15', '2027-01-15', false],
      C: ['2027-01-07', '2027-01-11', true],
    });
    expect(m.arrows.map((a) => [m.rows[a.from]?.node.text, m.rows[a.to]?.node.text])).toEqual([
      ['A', 'B'],
      ['B', 'C'],
    ]);
    expect(flags(m, 'B')).toEqual(['blocked']);
    expect(flags(m, 'A')).toEqual([]);
  });

  it('a due date on a Sunday: the estimate counts back from the Friday before it', () => {
    const m = timelineModel(goalOf('- [ ] D ⏱ 2d 📅 2027-01-10\n- [ ] S 🛫 2027-01-05 📅 2027-01-12\n- [ ] T ⏳ 2027-01-06 📅 2027-01-07\n- [ ] U 🛫 2027-01-09 📅 2027-01-08\n'), TODAY, WEEK);
    expect(bars(m)).toEqual({
      D: ['2027-01-07', '2027-01-10', false],
      S: ['2027-01-05', '2027-01-12', false],
      T: ['2027-01-06', '2027-01-07', false],
      U: ['2027-01-08', '2027-01-08', false],
    });
  });

  it('a step spans its sub-steps and its own due date; a phase spans its steps', () => {
    const body = '## Build\n- [ ] P 📅 2027-01-20\n  - [ ] c1 📅 2027-01-06\n  - [ ] c2 🛫 2027-01-25 📅 2027-01-26\n- [ ] Q\n  - [ ] q1\n## Empty\n- [x] Old\n';
    const m = timelineModel(goalOf(body), TODAY, WEEK);
    expect(bars(m)).toEqual({
      Build: ['2027-01-04', '2027-01-26', false],
      P: ['2027-01-06', '2027-01-26', false],
      c1: ['2027-01-06', '2027-01-06', false],
      c2: ['2027-01-25', '2027-01-26', false],
      Q: ['2027-01-04', '2027-01-04', true],
      q1: ['2027-01-04', '2027-01-04', true],
      Empty: null,
      Old: null,
    });
    expect(m.rows.map((r) => [r.node.text, r.depth, r.end])).toEqual([
      ['Build', 0, 6],
      ['P', 1, 4],
      ['c1', 2, 3],
      ['c2', 2, 4],
      ['Q', 1, 6],
      ['q1', 2, 6],
      ['Empty', 0, 8],
      ['Old', 1, 8],
    ]);
  });

  it('overdue and critical on an active goal; neither on a paused one, and no guesses', () => {
    const body = '- [ ] Late 📅 2027-01-01\n- [ ] Later ⏱ 1w\n- [x] Done 📅 2026-12-30\n';
    const active = timelineModel(goalOf(body, 'start: 2026-12-01\ntarget: 2027-01-08'), TODAY, WEEK);
    expect(flags(active, 'Late')).toEqual(['critical', 'overdue']);
    expect(flags(active, 'Later')).toEqual(['critical']);
    expect(flags(active, 'Done')).toEqual([]);
    expect(bars(active).Later).toEqual(['2027-01-04', '2027-01-08', true]);
    const paused = timelineModel(goalOf(body, 'status: paused\nstart: 2026-12-01\ntarget: 2027-01-08'), TODAY, WEEK);
    expect(flags(paused, 'Late')).toEqual([]);
    expect(flags(paused, 'Later')).toEqual([]);
    expect(bars(paused).Later).toBeNull();
    expect(paused.active).toBe(false);
  });
});

describe('the axis', () => {
  it('spans start, target, today, the checkpoints and every bar, a week beyond each end', () => {
    const fm = 'start: 2027-01-01\ntarget: 2027-02-15\ncheckpoints:\n  - date: 2027-03-01\n    expect: 50';
    const m = timelineModel(goalOf('- [ ] A 🛫 2026-12-20 📅 2027-01-10\n', fm), TODAY, WEEK);
    expect([formatDay(m.from), formatDay(m.to), m.noDates]).toEqual(['2026-12-13', '2027-03-08', false]);
    expect(m.milestones.map((c) => [formatDay(c.date), c.state])).toEqual([['2027-03-01', 'upcoming']]);
    expect(defaultZoom(m)).toBe('months');
  });

  it('with nothing dated: today and four weeks on, "No dates yet"', () => {
    const m = timelineModel(goalOf('- [ ] A\n', 'status: paused'), TODAY, WEEK);
    expect([formatDay(m.from), formatDay(m.to), m.noDates]).toEqual(['2027-01-04', '2027-02-01', true]);
    expect(defaultZoom(m)).toBe('weeks');
  });

  it('ticks: each week from its first day, each month, each quarter', () => {
    const ticks = (zoom: 'weeks' | 'months' | 'quarters', weekStart = 1): string[] => axisTicks(day('2026-12-30'), day('2027-04-02'), zoom, weekStart, TODAY).map((t) => `${formatDay(t.day) ?? ''} ${t.label}`);
    expect(ticks('weeks').slice(0, 3)).toEqual(['2027-01-04 4 Jan', '2027-01-11 11 Jan', '2027-01-18 18 Jan']);
    expect(ticks('weeks', 0)[0]).toBe('2027-01-03 3 Jan');
    expect(ticks('months')).toEqual(['2027-01-01 Jan 2027', '2027-02-01 Feb', '2027-03-01 Mar', '2027-04-01 Apr']);
    expect(ticks('quarters')).toEqual(['2027-01-01 Q1 2027', '2027-04-01 Q2 2027']);
  });

  it("a bar's name says what it shows", () => {
    const m = timelineModel(goalOf('- [ ] A 🆔 a ⏱ 2d\n- [ ] B ⛔ a 📅 2027-01-01\n', 'start: 2027-01-01'), TODAY, WEEK);
    expect(m.rows.map((r) => barLabel(r, r.node.text))).toEqual(['A, 2027-01-04 to 2027-01-05, estimated by the schedule, critical', 'B, 2027-01-01, overdue, critical, blocked']);
  });
});
