/**
 * The schedule of SPEC 1.7, case by case, each worked out by hand. Today is Monday 2027-01-04
 * (2027-01-01 is a Friday); working days are Monday to Friday.
 */
import { formatDay } from '../../../src/engine/days/dates';
import type { GoalReport, PlanNode } from '../../../src/engine/types';
import { find } from '../helpers';
import { goalOf } from './goal';

type Row = [earlyStart: string | null, earlyFinish: string | null, lateFinish: string | null, slack: number | null, blocked: boolean];

function row(n: PlanNode): Row {
  return [formatDay(n.earlyStart), formatDay(n.earlyFinish), formatDay(n.lateFinish), n.slack, n.blocked];
}

function rows(r: GoalReport, texts: string[]): Record<string, Row> {
  return Object.fromEntries(texts.map((t) => [t, row(find(r.tree, t))]));
}

function codes(r: GoalReport): string[] {
  return r.problems.map((p) => `${p.code}@${p.line}`);
}

interface Case {
  name: string;
  body: string;
  frontmatter?: string;
  more?: Record<string, string>;
  finish: string | null;
  rows: Record<string, Row>;
  problems?: string[];
  next?: string | null;
}

const CASES: Case[] = [
  {
    name: 'a chain without a target: everything is critical, up to the projected finish',
    body: '- [ ] A 🆔 a ⏱ 2d\n- [ ] B ⛔ a 🆔 b\n- [ ] C ⛔ b ⏱ 3d\n',
    finish: '2027-01-11',
    rows: {
      A: ['2027-01-04', '2027-01-05', '2027-01-05', 0, false],
      B: ['2027-01-06', '2027-01-06', '2027-01-06', 0, true],
      C: ['2027-01-07', '2027-01-11', '2027-01-11', 0, true],
    },
    next: 'A',
  },
  {
    name: 'a chain with a target four working days later than it needs',
    body: '- [ ] A 🆔 a ⏱ 2d\n- [ ] B ⛔ a 🆔 b\n- [ ] C ⛔ b ⏱ 3d\n',
    frontmatter: 'start: 2027-01-01\ntarget: 2027-01-15',
    finish: '2027-01-11',
    rows: {
      A: ['2027-01-04', '2027-01-05', '2027-01-11', 4, false],
      B: ['2027-01-06', '2027-01-06', '2027-01-12', 4, true],
      C: ['2027-01-07', '2027-01-11', '2027-01-15', 4, true],
    },
  },
  {
    name: 'a diamond: the longer branch is critical, the shorter has slack',
    body: '- [ ] A 🆔 a\n- [ ] B ⛔ a 🆔 b ⏱ 3d\n- [ ] C [dependsOn:: a] [id:: c]\n- [ ] D ⛔ b,c\n',
    finish: '2027-01-08',
    rows: {
      A: ['2027-01-04', '2027-01-04', '2027-01-04', 0, false],
      B: ['2027-01-05', '2027-01-07', '2027-01-07', 0, true],
      C: ['2027-01-05', '2027-01-05', '2027-01-07', 2, true],
      D: ['2027-01-08', '2027-01-08', '2027-01-08', 0, true],
    },
  },
  {
    name: 'a cycle: a problem at each of its steps, its dependencies ignored, one on it kept',
    body: '- [ ] A 🆔 a ⛔ c\n- [ ] B 🆔 b ⛔ a\n- [ ] C 🆔 c ⛔ b\n- [ ] D ⛔ a\n',
    finish: '2027-01-05',
    rows: {
      A: ['2027-01-04', '2027-01-04', '2027-01-04', 0, false],
      B: ['2027-01-04', '2027-01-04', '2027-01-05', 1, false],
      C: ['2027-01-04', '2027-01-04', '2027-01-05', 1, false],
      D: ['2027-01-05', '2027-01-05', '2027-01-05', 0, true],
    },
    problems: ['dependency-cycle@4', 'dependency-cycle@5', 'dependency-cycle@6'],
  },
  {
    name: 'a step that depends on itself is a cycle of one',
    body: '- [ ] A 🆔 a ⛔ a\n',
    finish: '2027-01-04',
    rows: { A: ['2027-01-04', '2027-01-04', '2027-01-04', 0, false] },
    problems: ['dependency-cycle@4'],
  },
  {
    name: 'an unknown and a duplicate id: the first owner keeps it, the unknown blocks nothing',
    body: '- [ ] A 🆔 a ⏱ 2d\n- [ ] B 🆔 a ⛔ zz\n- [ ] C ⛔ a\n',
    finish: '2027-01-06',
    rows: {
      A: ['2027-01-04', '2027-01-05', '2027-01-05', 0, false],
      B: ['2027-01-04', '2027-01-04', '2027-01-06', 2, false],
      C: ['2027-01-06', '2027-01-06', '2027-01-06', 0, true],
    },
    problems: ['duplicate-id@5', 'unknown-dependency@5'],
  },
  {
    name: 'a dependency on a step with sub-steps waits on its open leaves only',
    body: '- [ ] P 🆔 p\n  - [x] P1 ⏱ 3d\n  - [ ] P2 ⏱ 2d\n  - [ ] P3\n- [ ] Q ⛔ p\n',
    finish: '2027-01-06',
    rows: {
      P: [null, null, null, null, false],
      P1: [null, null, null, null, false],
      P2: ['2027-01-04', '2027-01-05', '2027-01-05', 0, false],
      P3: ['2027-01-04', '2027-01-04', '2027-01-05', 1, false],
      Q: ['2027-01-06', '2027-01-06', '2027-01-06', 0, true],
    },
  },
  {
    name: "a parent's dependency holds for its children, and a blocked leaf is never the next action",
    body: '- [ ] A 🆔 a ⏱ 3d 📅 2027-01-29\n- [ ] P ⛔ a\n  - [ ] P1 📅 2027-01-12\n  - [ ] P2 ⏱ 2d\n',
    frontmatter: 'start: 2027-01-01\ntarget: 2027-01-29',
    finish: '2027-01-08',
    rows: {
      A: ['2027-01-04', '2027-01-06', '2027-01-11', 3, false],
      P: [null, null, null, null, true],
      P1: ['2027-01-07', '2027-01-07', '2027-01-12', 3, true],
      P2: ['2027-01-07', '2027-01-08', '2027-01-29', 15, true],
    },
    next: 'A',
  },
  {
    name: 'start and scheduled dates in the future, on a weekend or not',
    body: '- [ ] A 🆔 a 🛫 2027-01-09\n- [ ] B ⏳ 2027-01-06\n- [ ] C ⛔ a [scheduled:: 2027-01-05]\n',
    finish: '2027-01-12',
    rows: {
      A: ['2027-01-11', '2027-01-11', '2027-01-11', 0, false],
      B: ['2027-01-06', '2027-01-06', '2027-01-12', 4, false],
      C: ['2027-01-12', '2027-01-12', '2027-01-12', 0, true],
    },
  },
  {
    name: 'estimates across weekends, in hours, days and weeks',
    body: '- [ ] A 🛫 2027-01-07 ⏱ 3d\n- [ ] B ⏱ 1w\n- [ ] C ⏱ 4h\n- [ ] D ⏱ 9h\n',
    finish: '2027-01-11',
    rows: {
      A: ['2027-01-07', '2027-01-11', '2027-01-11', 0, false],
      B: ['2027-01-04', '2027-01-08', '2027-01-11', 1, false],
      C: ['2027-01-04', '2027-01-04', '2027-01-11', 5, false],
      D: ['2027-01-04', '2027-01-05', '2027-01-11', 4, false],
    },
  },
  {
    name: 'a step that cannot make its date has negative slack; a target on a Sunday is the Friday',
    body: '- [ ] A 🆔 a ⏱ 5d 📅 2027-01-06\n- [ ] B ⛔ a\n',
    frontmatter: 'start: 2027-01-01\ntarget: 2027-01-10',
    finish: '2027-01-11',
    rows: {
      A: ['2027-01-04', '2027-01-08', '2027-01-06', -2, false],
      B: ['2027-01-11', '2027-01-11', '2027-01-08', -1, true],
    },
  },
  {
    name: 'a due date before the due date of what the step waits on',
    body: '- [ ] A 🆔 a 📅 2027-01-20\n- [ ] B ⛔ a 📅 2027-01-11\n',
    finish: '2027-01-05',
    rows: {
      A: ['2027-01-04', '2027-01-04', '2027-01-08', 4, false],
      B: ['2027-01-05', '2027-01-05', '2027-01-11', 4, true],
    },
    problems: ['dependency-order@5'],
    next: 'A',
  },
  {
    name: 'ids matched across the notes the goal links, deferred leaves scheduled like todo ones',
    body: '- [ ] Prepare [[Sub]]\n- [>] Launch ⛔ s2\n',
    more: { 'Sub.md': '- [ ] S1 🆔 s1 ⏱ 2d\n- [ ] S2 🆔 s2 ⛔ s1\n' },
    finish: '2027-01-07',
    rows: {
      S1: ['2027-01-04', '2027-01-05', '2027-01-05', 0, false],
      S2: ['2027-01-06', '2027-01-06', '2027-01-06', 0, true],
      Launch: ['2027-01-07', '2027-01-07', '2027-01-07', 0, true],
    },
  },
  {
    name: 'a finished step blocks nothing and takes no time',
    body: '- [x] A 🆔 a ⏱ 5d\n- [-] B 🆔 b\n- [ ] C ⛔ a,b\n',
    finish: '2027-01-04',
    rows: {
      A: [null, null, null, null, false],
      B: [null, null, null, null, false],
      C: ['2027-01-04', '2027-01-04', '2027-01-04', 0, false],
    },
    next: 'C',
  },
];

describe('the schedule of a goal, worked out by hand', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = goalOf(c.body, c.frontmatter, c.more);
    expect(formatDay(r.finish)).toBe(c.finish);
    expect(rows(r, Object.keys(c.rows))).toEqual(c.rows);
    for (const t of Object.keys(c.rows)) {
      const n = find(r.tree, t);
      expect(n.critical).toBe(n.slack !== null && n.slack <= 0);
    }
    expect(codes(r)).toEqual(c.problems ?? []);
    if (c.next !== undefined) expect(r.nextAction?.text ?? null).toBe(c.next);
  });
});

describe('a goal that is not active', () => {
  it('has no schedule and no finish, and still shows what is blocked', () => {
    const r = goalOf('- [ ] A 🆔 a\n- [ ] B ⛔ a\n', 'start: 2027-01-01\nstatus: paused');
    expect(r.finish).toBe(-1_000_000);
    expect(row(find(r.tree, 'A'))).toEqual([null, null, null, null, false]);
    expect(row(find(r.tree, 'B'))).toEqual([null, null, null, null, true]);
  });
});
