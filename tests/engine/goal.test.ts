import { formatDay } from '../../src/engine/days/dates';
import { checkpointLine, lineValue, oneDecimal } from '../../src/engine/plan/expected';
import { readGoalMeta } from '../../src/engine/read/frontmatter';
import type { Problem } from '../../src/engine/types';
import { day, goalOf } from './helpers';

function meta(fm: Record<string, unknown>) {
  const problems: Problem[] = [];
  return readGoalMeta('G.md', 'G', fm, null, problems);
}

describe('the checkpoint line', () => {
  const m = meta({ start: '2026-01-01', target: '2026-12-31', checkpoints: [{ date: '2026-07-01', expect: 70 }] });
  it.each([
    ['2025-12-01', 0],
    ['2026-01-01', 0],
    ['2026-04-01', 34.8],
    ['2026-07-01', 70],
    ['2026-10-01', 85.1],
    ['2026-12-31', 100],
    ['2027-03-01', 100],
  ])('on %s is %s', (d, expected) => {
    expect(oneDecimal(lineValue(checkpointLine(m) ?? [], m.target, day(d)))).toBe(expected);
  });
  it('is null without a start', () => {
    expect(checkpointLine(meta({ target: '2026-12-31' }))).toBeNull();
  });
});

describe('a goal with checkpoints', () => {
  const goal = goalOf('plan', 'Launch podcast.md');
  it('gives each checkpoint a state and, once reviewed, whether it was on track', () => {
    expect(goal.checkpoints.map((c) => [formatDay(c.date), c.state, c.onTrack])).toEqual([
      ['2026-11-15', 'reviewed', true],
      ['2026-11-20', 'due', null],
      ['2026-12-15', 'upcoming', null],
    ]);
  });
  it('compares actual progress with the expected line', () => {
    expect(goal.progress).toEqual({ done: 5, total: 15, percent: 33 });
    // 3 leaves planned before today, 6 undated at the line's 47 %: (3 + 6 × 0.47) / 15.
    expect(goal.expectedPercent).toBe(38.8);
    expect(goal.health).toBe('at-risk');
  });
  it('forecasts the finish from the pace of the last 28 days', () => {
    // 5 leaves done in 28 days, 10 remain: 56 days from today.
    expect(formatDay(goal.forecast)).toBe('2027-01-20');
  });
  it('picks the open leaf due first as the next action', () => {
    expect(goal.nextAction).toMatchObject({ text: 'Book the studio #help', line: 30 });
  });
  it('lists overdue open steps by due date, leaves and parents alike, not cancelled ones', () => {
    expect(goal.overdue.map((s) => [s.text, formatDay(s.due)])).toEqual([
      ['Book the studio #help', '2026-11-18'],
      ['Bring the microphone', '2026-11-19'],
      ['Record the pilot', '2026-11-20'],
    ]);
  });
  it('lists the open steps that need outside help', () => {
    expect(goal.help.map((s) => s.text)).toEqual(['Book the studio #help']);
  });
  it('builds a burn-up of done leaves by date', () => {
    expect(goal.burnup.map((p) => [formatDay(p.date), p.done])).toEqual([
      ['2026-11-03', 1],
      ['2026-11-10', 2],
      ['2026-11-21', 3],
      ['2026-11-22', 4],
      ['2026-11-24', 5],
    ]);
  });
});

describe('health', () => {
  it('is overdue once the target has passed', () => {
    expect(goalOf('plan', 'Launch podcast.md', '2027-01-05').health).toBe('overdue');
  });
  it('marks a missed checkpoint after seven days without review', () => {
    const g = goalOf('plan', 'Launch podcast.md', '2026-11-28');
    expect(g.checkpoints[1]?.state).toBe('missed');
    expect(g.problems.filter((p) => p.code === 'checkpoint-missed').map((p) => p.line)).toEqual([14]);
  });
  it('recognises a goal by its tag and reads Dataview fields', () => {
    const g = goalOf('plan', 'Read more.md');
    expect(g.progress).toEqual({ done: 2, total: 3, percent: 67 });
    expect(g.health).toBe('behind');
    expect(g.overdue.map((s) => formatDay(s.due))).toEqual(['2026-11-01']);
  });
});

describe('goal statuses and frontmatter problems', () => {
  it.each(['paused', 'staying', 'done', 'dropped'])('%s decides health and leaves no next action', (status) => {
    const g = goalOf('statuses', `${status}.md`);
    expect(g.health).toBe(status);
    expect(g.nextAction).toBeNull();
    expect(g.expectedPercent).not.toBeNull();
  });
  it('reports each frontmatter fault at its line and keeps the rest of the plan', () => {
    const g = goalOf('statuses', 'faulty.md');
    expect(g.problems.map((p) => `${p.line} ${p.severity} ${p.code}`)).toEqual([
      '3 error bad-date',
      '5 warning checkpoint-missed',
      '7 error bad-checkpoint',
      '9 error bad-checkpoint',
      '11 error bad-date',
      '13 error bad-date',
      '18 error bad-date',
    ]);
    // The entry with an unreadable review date stays, without the review.
    expect(g.checkpoints.map((c) => [formatDay(c.date), c.state])).toEqual([
      ['2026-11-01', 'missed'],
      ['2026-12-20', 'upcoming'],
    ]);
    expect(g.progress.total).toBe(2);
    expect(g.tree.children.length).toBeGreaterThan(0);
  });
  it('lists a goal whose YAML cannot be read, with a bad-frontmatter problem', () => {
    const g = goalOf('statuses', 'broken yaml.md');
    expect(g.problems.map((p) => `${p.line} ${p.code}`)).toEqual(['0 bad-frontmatter']);
    expect(g.title).toBe('broken yaml');
    expect(g.progress.total).toBe(1);
  });
  it('reports missing-start when a goal has a target but no start', () => {
    const g = goalOf('statuses', 'no start.md');
    expect(g.problems.map((p) => p.code)).toEqual(['missing-start']);
    expect(g.health).toBe('unknown');
    // A passed target comes first (SPEC 1.4), baseline or not.
    expect(goalOf('statuses', 'no start.md', '2027-02-01').health).toBe('overdue');
  });
});
