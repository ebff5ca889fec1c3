/**
 * Cases of SPEC 1.4-1.6 (expected progress from the plan's dates, health, non-active goals),
 * each a small vault read on 2026-11-25 (a Wednesday), with what a person reading the plan by
 * hand expects. The engine (health.test.ts) and `report --json` as a process
 * (tests/cli/health-report.test.ts) are held to the same table.
 */
export const CASE_TODAY = '2026-11-25';

export interface HealthCase {
  name: string;
  /** Notes of the case: the first is the goal note. Names are unique across cases. */
  notes: Record<string, string>;
  expectedPercent: number | null;
  health: string;
  /** The health as shown: chip, report, summary. */
  label: string;
  nextAction?: string | null;
  overdue?: string[];
  capacity?: { work: number; estimated: number; days: number; slack: number } | null;
  forecast?: string | null;
  /** Problem codes with their lines, as `line code`. */
  problems?: string[];
  /** `onTrack` of each checkpoint. */
  onTrack?: (boolean | null)[];
}

function goal(fm: string[], steps: string[]): string {
  return ['---', 'type: goal', ...fm, '---', ...steps, ''].join('\n');
}

const DATES = ['start: 2026-11-01', 'target: 2026-12-31'];

export const HEALTH_CASES: HealthCase[] = [
  {
    name: 'a step due today is not yet expected',
    notes: { 'Today.md': goal(DATES, ['- [ ] Due today 📅 2026-11-25', '- [x] Yesterday 📅 2026-11-24 ✅ 2026-11-24']) },
    expectedPercent: 50,
    health: 'on-track',
    label: 'On track',
    nextAction: 'Due today',
    overdue: [],
  },
  {
    name: 'a step due yesterday is expected, and overdue',
    notes: { 'Yesterday.md': goal(DATES, ['- [ ] Due yesterday 📅 2026-11-24', '- [x] Before 📅 2026-11-23 ✅ 2026-11-23']) },
    expectedPercent: 100,
    health: 'behind',
    label: 'Behind · 1 overdue',
    overdue: ['Due yesterday'],
  },
  {
    name: 'a leaf inherits the date of the step above through a link',
    notes: {
      'Inherit.md': goal(DATES, ['- [ ] Chapter [[Inherit chapter]] 📅 2026-11-20', '- [ ] Later 📅 2026-12-20']),
      'Inherit chapter.md': ['- [x] Part a ✅ 2026-11-10', '- [ ] Part b', ''].join('\n'),
    },
    // Part a and part b are planned for 11-20: 2 of 3.
    expectedPercent: 66.7,
    health: 'behind',
    label: 'Behind · 1 overdue',
    nextAction: 'Part b',
    // The step is listed, not the leaf that only inherits its date.
    overdue: ['Chapter [[Inherit chapter]]'],
  },
  {
    name: 'the next action follows the planned day, not document order',
    notes: {
      'Friday.md': goal(DATES, ['- [ ] March step 📅 2026-12-30', '- [ ] Friday step [[Friday parts]] 📅 2026-11-27']),
      'Friday parts.md': ['- [ ] Part one', '- [ ] Part two', ''].join('\n'),
    },
    expectedPercent: 0,
    health: 'on-track',
    label: 'On track',
    nextAction: 'Part one',
  },
  {
    name: "a done step's children count as done and keep the step's date",
    notes: { 'Done step.md': goal(DATES, ['- [x] Big 📅 2026-11-10 ✅ 2026-11-09', '    - [ ] x', '    - [ ] y', '- [ ] Next 📅 2026-12-10']) },
    expectedPercent: 66.7,
    health: 'on-track',
    label: 'On track',
    nextAction: 'Next',
    problems: ['5 done-with-open-steps'],
  },
  {
    name: 'weights count',
    notes: { 'Weights.md': goal(DATES, ['- [x] Heavy [weight:: 3] 📅 2026-11-20 ✅ 2026-11-20', '- [ ] Light 📅 2026-11-30']) },
    expectedPercent: 75,
    health: 'on-track',
    label: 'On track',
  },
  {
    name: 'cancelled leaves are out',
    notes: { 'Cancelled.md': goal(DATES, ['- [-] Dropped 📅 2026-11-01', '    - [ ] sub', '- [x] Kept 📅 2026-11-10 ✅ 2026-11-10', '- [ ] Open 📅 2026-12-01']) },
    expectedPercent: 50,
    health: 'on-track',
    label: 'On track',
    nextAction: 'Open',
  },
  {
    name: 'without a start the dates alone give the baseline',
    notes: { 'No start.md': goal(['target: 2026-12-31'], ['- [x] A 📅 2026-11-10 ✅ 2026-11-10', '- [ ] Undated', '- [ ] C 📅 2026-12-15']) },
    expectedPercent: 33.3,
    health: 'on-track',
    label: 'On track',
    nextAction: 'C',
    problems: ['0 missing-start'],
  },
  {
    name: 'no start and no dated step: no dates yet',
    notes: { 'No dates.md': goal([], ['- [ ] One', '- [ ] Two']) },
    expectedPercent: null,
    health: 'unknown',
    label: 'No dates yet',
    nextAction: 'One',
    problems: [],
  },
  {
    name: 'checkpoints without a start are a missing-start at line 0',
    notes: { 'Only checkpoints.md': goal(['checkpoints:', '  - date: 2026-12-01', '    expect: 50'], ['- [ ] One']) },
    expectedPercent: null,
    health: 'unknown',
    label: 'No dates yet',
    problems: ['0 missing-start'],
  },
  {
    name: 'a target passed comes first',
    notes: { 'Passed.md': goal(['start: 2026-10-01', 'target: 2026-11-20'], ['- [x] A 📅 2026-12-10 ✅ 2026-11-01', '- [ ] B 📅 2026-12-11']) },
    expectedPercent: 0,
    health: 'overdue',
    label: 'Past target',
  },
  {
    name: 'a target passed without any baseline is still past target',
    notes: { 'Passed bare.md': goal(['target: 2026-11-20'], ['- [ ] Undated']) },
    expectedPercent: null,
    health: 'overdue',
    label: 'Past target',
    problems: ['0 missing-start'],
  },
  {
    name: 'estimates that do not fit are at risk',
    notes: { 'Tight.md': goal(['start: 2026-11-01', 'target: 2026-11-27'], ['- [x] Done one 📅 2026-11-10 ✅ 2026-11-10', '- [ ] Big ⏱ 1w 📅 2026-11-27']) },
    expectedPercent: 50,
    health: 'at-risk',
    label: 'At risk',
    // Wednesday to Friday: 3 working days for 5 estimated.
    capacity: { work: 5, estimated: 5, days: 3, slack: -2 },
  },
  {
    name: 'only estimated work is weighed for the risk',
    notes: {
      'Loose.md': goal(['start: 2026-11-01', 'target: 2026-11-27'], ['- [x] Done one 📅 2026-11-10 ✅ 2026-11-10', '- [ ] Small ⏱ 2d 📅 2026-11-27', '- [ ] x 📅 2026-11-27', '- [ ] y 📅 2026-11-27']),
    },
    expectedPercent: 25,
    health: 'on-track',
    label: 'On track',
    capacity: { work: 4, estimated: 2, days: 3, slack: -1 },
  },
  {
    name: 'undated steps follow the straight line from start to target',
    notes: { 'Line.md': goal(['start: 2026-11-01', 'target: 2026-12-01'], ['- [x] One ✅ 2026-11-05', '- [ ] Two']) },
    expectedPercent: 80,
    health: 'behind',
    label: 'Behind',
  },
  {
    name: 'undated steps follow the checkpoint line',
    notes: { 'Checkpoint line.md': goal(['start: 2026-11-01', 'target: 2026-12-01', 'checkpoints:', '  - date: 2026-11-21', '    expect: 20'], ['- [x] One ✅ 2026-11-05', '- [ ] Two']) },
    expectedPercent: 52,
    health: 'on-track',
    label: 'On track',
    onTrack: [null],
  },
  {
    name: 'with nothing to count, the checkpoint line alone',
    notes: { 'Nothing.md': goal(['start: 2026-11-01', 'target: 2026-12-01'], ['- [-] Gone 📅 2026-11-10', '    - [ ] Gone too']) },
    expectedPercent: 80,
    health: 'behind',
    label: 'Behind',
    nextAction: null,
    overdue: [],
  },
  {
    name: 'done ahead of the dates is ahead, with the overdue count beside it',
    notes: { 'Ahead.md': goal(DATES, ['- [x] A 📅 2026-12-10 ✅ 2026-11-20', '- [x] A2 📅 2026-12-10 ✅ 2026-11-21', '- [ ] B 📅 2026-11-20']) },
    expectedPercent: 33.3,
    health: 'ahead',
    label: 'Ahead · 1 overdue',
    overdue: ['B'],
  },
  {
    name: 'on pace with a step overdue is at risk',
    notes: { 'Risk.md': goal(DATES, ['- [x] A 📅 2026-11-20 ✅ 2026-11-20', '- [ ] B 📅 2026-11-24', '- [x] C 📅 2026-12-10 ✅ 2026-11-22', '- [ ] D 📅 2026-12-20']) },
    expectedPercent: 50,
    health: 'at-risk',
    label: 'At risk · 1 overdue',
    nextAction: 'B',
  },
  {
    name: 'a checkpoint without expect is judged against E on its date',
    notes: {
      'Judged.md': goal(
        [...DATES, 'checkpoints:', '  - date: 2026-11-15', '    progress: 20', '    reviewed: 2026-11-15'],
        ['- [x] A 📅 2026-11-10 ✅ 2026-11-10', '- [x] B 📅 2026-11-12 ✅ 2026-11-12', '- [ ] C 📅 2026-12-20', '- [ ] D 📅 2026-12-21'],
      ),
    },
    expectedPercent: 50,
    health: 'on-track',
    label: 'On track',
    // E on 11-15 is 50 %: 20 % is more than 10 points short (the straight line gave 23.3 %).
    onTrack: [false],
  },
  ...(['paused', 'staying', 'done', 'dropped'] as const).map(
    (status): HealthCase => ({
      name: `a ${status} goal asks nothing`,
      notes: {
        [`Status ${status}.md`]: goal(
          [...DATES, `status: ${status}`, 'checkpoints:', '  - date: 2026-11-05', '    expect: 20'],
          ['- [x] A 📅 2026-11-10 ✅ 2026-11-10', '- [ ] Late 📅 2026-11-20 ⏱ 3w', '- [ ] Later 📅 2026-12-20'],
        ),
      },
      expectedPercent: 66.7,
      health: status,
      label: { paused: 'Paused', staying: 'Staying put', done: 'Done', dropped: 'Dropped' }[status],
      nextAction: null,
      overdue: [],
      capacity: null,
      forecast: null,
      problems: [],
    }),
  ),
];
