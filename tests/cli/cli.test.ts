/**
 * The command line (SPEC 6): run in-process through `run(argv, io)`, and once as a child
 * process through bin/action-plan.js for the real exit code and standard error.
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, cli, removeVaults, ROOT, TODAY, vault } from '../robust/cli-helpers';

const PLAN = join(__dirname, '..', 'fixtures', 'plan');

function json(argv: string[]): { code: number; data: Record<string, unknown> } {
  const r = cli(argv);
  expect(r.err).toBe('');
  return { code: r.code, data: JSON.parse(r.out) as Record<string, unknown> };
}

afterAll(removeVaults);

const ERROR_VAULT = (): string =>
  vault({
    'Broken.md': '---\ntype: goal\nstart: 2026-01-01\ntarget: 2026-02-30\n---\n- [ ] step\n',
  });

const WARNING_VAULT = (): string =>
  vault({
    'Goal.md': '---\ntype: goal\nstart: 2026-01-01\ntarget: 2026-12-31\n---\n- [ ] step [[Nowhere]]\n',
  });

/** The non-empty lines of a text. */
const linesOf = (t: string): string[] => t.split('\n').filter((l) => l !== '');
/** The start of an ANSI colour code (ESC `[`). */
const ESC = new RegExp(String.fromCharCode(27) + '\\[');

describe('exit codes', () => {
  it('report exits 0 and prints every goal', () => {
    const r = cli(['report', PLAN, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('Launch a podcast');
    expect(r.out).toContain('Read more');
    expect(r.out).not.toContain('Ordinary note');
  });

  it('report exits 0 even when a goal has an error', () => {
    expect(cli(['report', ERROR_VAULT(), '--today', TODAY]).code).toBe(0);
  });

  it('check exits 0 when there are only warnings', () => {
    const r = cli(['check', PLAN, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = linesOf(r.out);
    expect(lines).toEqual([
      'Launch podcast.md:41  warning  done-with-open-steps  This step is done but still has open steps below it.',
      'Launch podcast.md:44  warning  unresolved-link  The link "Does not exist" leads to no note.',
      'Steps/Artwork.md:9  warning  due-after-parent  Due 2026-12-15, after the step above it (due 2026-12-10).',
      'Steps/Artwork.md:10  warning  link-cycle  The link to "Launch podcast" leads back to a note this step is already part of; it is not followed.',
      '2 goals, 0 errors, 4 warnings',
    ]);
  });

  it('check exits 0 on a temporary vault with a warning', () => {
    const r = cli(['check', WARNING_VAULT(), '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('unresolved-link');
  });

  it('check exits 1 when a problem is an error', () => {
    const r = cli(['check', ERROR_VAULT(), '--today', TODAY]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Broken.md:4  error  bad-date');
    expect(r.out).toContain('1 errors');
  });

  it('check exits 1 for a goal whose YAML cannot be read (still listed, with bad-frontmatter)', () => {
    const dir = vault({ 'Broken yaml.md': '---\ntype: goal\ntitle: [unclosed\n---\n- [ ] still listed\n' });
    const r = cli(['check', dir, '--today', TODAY]);
    expect(r.code).toBe(1);
    expect(linesOf(r.out)).toEqual([expect.stringMatching(/^Broken yaml\.md:1 {2}error {2}bad-frontmatter /) as unknown, '1 goals, 1 errors, 0 warnings']);
    expect(cli(['report', dir, '--today', TODAY]).out).toContain('still listed');
  });

  it('check exits 1 for an error in a note the goal links (not a goal itself)', () => {
    const dir = vault({
      'Goal.md': '---\ntype: goal\nstart: 2026-01-01\n---\n- [ ] see [[Steps]]\n',
      'Steps.md': '- [ ] impossible 📅 2026-04-31\n',
    });
    const r = cli(['check', dir, '--today', TODAY]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Steps.md:1  error  bad-date');
  });

  it('check exits 1 on the statuses fixture, which has errors', () => {
    expect(cli(['check', join(PLAN, '..', 'statuses'), '--today', TODAY]).code).toBe(1);
  });

  it('check --json exits 1 when a problem is an error, and lists it', () => {
    const { code, data } = json(['check', ERROR_VAULT(), '--today', TODAY, '--json']);
    expect(code).toBe(1);
    expect(data['today']).toBe(TODAY);
    expect(data['problems']).toEqual([
      { path: 'Broken.md', line: 3, severity: 'error', code: 'bad-date', message: expect.any(String) as unknown },
    ]);
  });

  it('check --json exits 0 with only warnings', () => {
    const { code, data } = json(['check', PLAN, '--today', TODAY, '--json']);
    expect(code).toBe(0);
    const problems = data['problems'] as { severity: string; code: string; path: string; line: number }[];
    expect(problems.map((p) => [p.path, p.line, p.code])).toEqual([
      ['Launch podcast.md', 40, 'done-with-open-steps'],
      ['Launch podcast.md', 43, 'unresolved-link'],
      ['Steps/Artwork.md', 8, 'due-after-parent'],
      ['Steps/Artwork.md', 9, 'link-cycle'],
    ]);
    expect(problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  const file = join(PLAN, 'Read more.md');
  it.each<[string, () => string[]]>([
    ['an unknown command', () => ['frobnicate', PLAN]],
    ['no command', () => []],
    ['a missing vault argument (report)', () => ['report']],
    ['a missing vault argument (check)', () => ['check', '--today', TODAY]],
    ['two vault arguments', () => ['report', PLAN, PLAN]],
    ['an unknown option', () => ['report', PLAN, '--bogus']],
    ['--goal given to check', () => ['check', PLAN, '--goal', 'x']],
    ['--today without a value', () => ['report', PLAN, '--today']],
    ['--today that is not a real date', () => ['report', PLAN, '--today', '2026-02-30']],
    ['--today in another format', () => ['report', PLAN, '--today', '25/11/2026']],
    ['--today= that is not a date', () => ['check', PLAN, '--today=tomorrow']],
    ['a missing folder', () => ['report', join(PLAN, 'no such folder')]],
    ['a missing folder for check', () => ['check', join(PLAN, 'no such folder'), '--today', TODAY]],
    ['a file given instead of a folder', () => ['report', file]],
    ['a file given instead of a folder for check', () => ['check', file]],
    ['a note that does not exist for outline', () => ['outline', join(PLAN, 'Nope.md'), '--json']],
    ['a folder given to outline', () => ['outline', PLAN, '--json']],
    ['outline without a note', () => ['outline', '--json']],
  ])('exit 2 for %s, with a message on stderr and nothing on stdout', (_what, argv) => {
    const r = cli(argv());
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^action-plan: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a missing folder prints exactly one line on stderr', () => {
    const r = cli(['report', join(PLAN, 'no such folder'), '--today', TODAY]);
    expect(r.err.endsWith('\n')).toBe(true);
    expect(linesOf(r.err)).toHaveLength(1);
  });

  it('a --goal that matches nothing is an error, not an empty report', () => {
    const r = cli(['report', PLAN, '--today', TODAY, '--goal', 'no such goal']);
    expect(r.code).not.toBe(0);
    expect(r.out).toBe('');
    expect(linesOf(r.err)).toHaveLength(1);
  });
});

describe('--goal', () => {
  const paths = (argv: string[]): string[] => {
    const { code, data } = json(['report', PLAN, '--today', TODAY, '--json', ...argv]);
    expect(code).toBe(0);
    return (data['goals'] as { path: string }[]).map((g) => g.path);
  };

  it('selects by title', () => {
    expect(paths(['--goal', 'Launch a podcast'])).toEqual(['Launch podcast.md']);
  });
  it('selects by title, ignoring case, with --goal=', () => {
    expect(paths(['--goal=launch a PODCAST'])).toEqual(['Launch podcast.md']);
  });
  it('selects by file name (the title differs)', () => {
    expect(paths(['--goal', 'Launch podcast'])).toEqual(['Launch podcast.md']);
  });
  it('selects by file name with the extension', () => {
    expect(paths(['--goal', 'Read more.md'])).toEqual(['Read more.md']);
  });
  it('selects by the title of a goal whose title is its file name', () => {
    expect(paths(['--goal', 'Read more'])).toEqual(['Read more.md']);
  });
  it('without --goal gives every goal, sorted by path', () => {
    expect(paths([])).toEqual(['Launch podcast.md', 'Read more.md']);
  });
  it('in the human report too', () => {
    const r = cli(['report', PLAN, '--today', TODAY, '--goal', 'Read more']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Read more');
    expect(r.out).not.toContain('Launch a podcast');
  });
});

describe('--json (SPEC 6)', () => {
  const GOAL_KEYS = ['path', 'title', 'status', 'start', 'target', 'progress', 'expectedPercent', 'health', 'forecast', 'finish', 'capacity', 'checkpoints', 'nextAction', 'overdue', 'help', 'tree', 'problems'];
  const NODE_KEYS = ['kind', 'text', 'path', 'line', 'status', 'due', 'scheduled', 'start', 'done', 'help', 'link', 'progress', 'children', 'id', 'dependsOn', 'blocked', 'earlyStart', 'earlyFinish', 'lateFinish', 'slack', 'critical'];
  const STEP_REF_KEYS = ['path', 'line', 'text', 'due'];
  const CHECKPOINT_KEYS = ['date', 'label', 'expect', 'progress', 'feeling', 'state', 'onTrack'];
  const PROGRESS_KEYS = ['done', 'total', 'percent'];
  const PROBLEM_KEYS = ['path', 'line', 'severity', 'code', 'message'];
  const DATE = /^\d{4}-\d{2}-\d{2}$/;

  const keys = (o: unknown): string[] => Object.keys(o as object).sort();
  const sorted = (k: string[]): string[] => [...k].sort();
  const dateOrNull = (v: unknown): void => {
    if (v !== null) expect(v).toMatch(DATE);
  };

  type Obj = Record<string, unknown>;

  function checkStepRef(r: unknown): void {
    expect(keys(r)).toEqual(sorted(STEP_REF_KEYS));
    const o = r as Obj;
    expect(typeof o['path']).toBe('string');
    expect(Number.isInteger(o['line'])).toBe(true);
    expect(typeof o['text']).toBe('string');
    dateOrNull(o['due']);
  }

  function checkProgress(p: unknown): void {
    expect(keys(p)).toEqual(sorted(PROGRESS_KEYS));
    const o = p as { done: number; total: number; percent: number };
    expect(o.done).toBeLessThanOrEqual(o.total);
    expect(o.percent).toBe(o.total > 0 ? Math.round((100 * o.done) / o.total) : 0);
  }

  /** Checks every node of a tree; returns how many there are. */
  function checkNode(n: unknown, isRoot: boolean): number {
    expect(keys(n)).toEqual(sorted(NODE_KEYS));
    const o = n as Obj;
    expect(['goal', 'phase', 'step', 'ref']).toContain(o['kind']);
    expect(o['kind'] === 'goal').toBe(isRoot);
    if (o['kind'] === 'goal' || o['kind'] === 'phase') expect(o['status']).toBeNull();
    if (o['kind'] === 'step') expect(['todo', 'doing', 'done', 'cancelled', 'deferred']).toContain(o['status']);
    if (o['kind'] === 'goal') expect(o['line']).toBe(0);
    expect(typeof o['text']).toBe('string');
    expect(typeof o['path']).toBe('string');
    expect(o['path']).not.toContain('\\');
    expect(Number.isInteger(o['line'])).toBe(true);
    expect(typeof o['help']).toBe('boolean');
    for (const k of ['due', 'scheduled', 'start', 'done']) dateOrNull(o[k]);
    if (o['link'] !== null) expect(typeof o['link']).toBe('string');
    checkProgress(o['progress']);
    expect(Array.isArray(o['children'])).toBe(true);
    let count = 1;
    for (const c of o['children'] as unknown[]) count += checkNode(c, false);
    return count;
  }

  function checkReport(data: Obj, today: string): number {
    expect(keys(data)).toEqual(['goals', 'today']);
    expect(data['today']).toBe(today);
    let nodes = 0;
    const goals = data['goals'] as Obj[];
    expect(goals.map((g) => g['path'])).toEqual([...goals.map((g) => g['path'])].sort());
    for (const g of goals) {
      expect(keys(g)).toEqual(sorted(GOAL_KEYS));
      expect(['active', 'paused', 'staying', 'done', 'dropped']).toContain(g['status']);
      expect(['done', 'paused', 'staying', 'dropped', 'overdue', 'ahead', 'on-track', 'at-risk', 'behind', 'unknown']).toContain(g['health']);
      dateOrNull(g['start']);
      const capacity = g['capacity'] as Record<string, unknown> | null;
      if (capacity !== null) {
        expect(keys(capacity)).toEqual(['days', 'estimated', 'slack', 'work']);
        expect(capacity['slack']).toBe((capacity['days'] as number) - (capacity['work'] as number));
      }
      dateOrNull(g['target']);
      dateOrNull(g['forecast']);
      checkProgress(g['progress']);
      if (g['expectedPercent'] !== null) expect(typeof g['expectedPercent']).toBe('number');
      for (const c of g['checkpoints'] as Obj[]) {
        expect(keys(c)).toEqual(sorted(CHECKPOINT_KEYS));
        expect(c['date']).toMatch(DATE);
        expect(['reviewed', 'due', 'missed', 'upcoming']).toContain(c['state']);
      }
      if (g['nextAction'] !== null) checkStepRef(g['nextAction']);
      for (const r of g['overdue'] as unknown[]) checkStepRef(r);
      for (const r of g['help'] as unknown[]) checkStepRef(r);
      for (const p of g['problems'] as Obj[]) {
        expect(keys(p)).toEqual(sorted(PROBLEM_KEYS));
        expect(['error', 'warning']).toContain(p['severity']);
      }
      expect(g['progress']).toEqual((g['tree'] as Obj)['progress']);
      nodes += checkNode(g['tree'], true);
    }
    return nodes;
  }

  it('has exactly the keys of SPEC 6 at every level, over every node of the tree', () => {
    const { code, data } = json(['report', PLAN, '--today', TODAY, '--json']);
    expect(code).toBe(0);
    expect(checkReport(data, TODAY)).toBeGreaterThan(20);
  });

  it('has the same shape for goals with problems, no dates and broken frontmatter', () => {
    const dir = vault({
      'Broken.md': '---\ntype: goal\nstart: 2026-01-01\ntarget: 2026-02-30\ncheckpoints:\n  - label: no date\n  - date: 2026-03-01\n    expect: 200\n---\n- [ ] step 📅 2026-13-01\n',
      'Bare.md': '---\ntype: goal\n---\n',
      'Unreadable.md': '---\ntype: goal\ntitle: [unclosed\n---\n# Plan\n- [x] one\n',
      'Sub/Linked.md': '---\ntags: goal\nstart: 2026-01-01\n---\n- [ ] a [[Bare]]\n- [ ] b [[Bare]]\n- [-] c\n- [>] d\n- [/] e #help\n',
    });
    const { code, data } = json(['report', dir, '--today', TODAY, '--json']);
    expect(code).toBe(0);
    checkReport(data, TODAY);
    const goals = data['goals'] as Obj[];
    expect(goals.map((g) => g['path'])).toEqual(['Bare.md', 'Broken.md', 'Sub/Linked.md', 'Unreadable.md']);
    const unreadable = goals[3] as Obj;
    expect((unreadable['problems'] as Obj[]).map((p) => p['code'])).toEqual(['bad-frontmatter']);
  });

  it('reports the fixture plan as read by hand', () => {
    const { data } = json(['report', PLAN, '--today', TODAY, '--json']);
    const goals = data['goals'] as Obj[];
    const launch = goals[0] as Obj;
    expect(launch).toMatchObject({
      path: 'Launch podcast.md',
      title: 'Launch a podcast',
      status: 'active',
      start: '2026-11-01',
      target: '2026-12-31',
      progress: { done: 5, total: 15, percent: 33 },
      // Planned before today: the script (under the pilot, 11-20), the studio, the microphone.
      // Undated (6 of 15): paced by the line, 47 on 11-25. (3 + 6 × 0.47) / 15 = 38.8 %.
      expectedPercent: 38.8,
      // 33.3 % is within 10 points of 38.8 %, and open steps are overdue.
      health: 'at-risk',
      forecast: '2027-01-20',
      nextAction: { path: 'Launch podcast.md', line: 30, text: 'Book the studio #help', due: '2026-11-18' },
    });
    expect(launch['checkpoints']).toEqual([
      { date: '2026-11-15', label: 'Pilot recorded', expect: 30, progress: 25, feeling: 4, state: 'reviewed', onTrack: true },
      { date: '2026-11-20', label: 'Artwork', expect: 40, progress: null, feeling: null, state: 'due', onTrack: null },
      { date: '2026-12-15', label: 'Three episodes', expect: 75, progress: null, feeling: null, state: 'upcoming', onTrack: null },
    ]);
    expect((launch['overdue'] as Obj[]).map((s) => s['line'])).toEqual([30, 32, 28]);
    expect(launch['help']).toEqual([{ path: 'Launch podcast.md', line: 30, text: 'Book the studio #help', due: '2026-11-18' }]);
    const tree = launch['tree'] as Obj;
    expect(tree).toMatchObject({ kind: 'goal', text: 'Launch a podcast', path: 'Launch podcast.md', line: 0, status: null });
    // The H1 is a phase; "Why" holds no task and is left out.
    const h1 = (tree['children'] as Obj[])[0] as Obj;
    expect(h1).toMatchObject({ kind: 'phase', text: 'Launch a podcast', line: 21 });
    expect((h1['children'] as Obj[]).map((c) => c['text'])).toEqual(['Prepare', 'Publish']);
    const prepare = (h1['children'] as Obj[])[0] as Obj;
    const artwork = (prepare['children'] as Obj[])[2] as Obj;
    expect(artwork).toMatchObject({ kind: 'step', text: 'Design artwork [[Artwork]]', link: 'Steps/Artwork.md', due: '2026-12-10', progress: { done: 1, total: 3, percent: 33 } });
    expect(((artwork['children'] as Obj[])[0] as Obj)['path']).toBe('Steps/Artwork.md');
    const publish = (h1['children'] as Obj[])[1] as Obj;
    const again = (publish['children'] as Obj[])[4] as Obj;
    expect(again['children']).toEqual([
      {
        kind: 'ref',
        text: 'Weekly routine',
        path: 'Shared/Weekly routine.md',
        line: 0,
        status: null,
        due: null,
        scheduled: null,
        start: null,
        done: null,
        help: false,
        link: 'Shared/Weekly routine.md',
        progress: { done: 1, total: 2, percent: 50 },
        children: [],
        id: null,
        dependsOn: [],
        blocked: false,
        earlyStart: null,
        earlyFinish: null,
        lateFinish: null,
        slack: null,
        critical: false,
      },
    ]);
    const edit = (publish['children'] as Obj[])[2] as Obj;
    expect(edit).toMatchObject({ text: 'Edit episodes', status: 'doing', progress: { done: 0, total: 3, percent: 0 } });
    // Book three (due 11-01) is expected; the two undated books at the line's 90.1 %: (1 + 2 × 0.901) / 3.
    expect(goals[1]).toMatchObject({ path: 'Read more.md', title: 'Read more', progress: { done: 2, total: 3, percent: 67 }, expectedPercent: 93.4, forecast: '2026-12-23' });
  });

  it('uses --today, and today when it is not given', () => {
    expect(json(['report', PLAN, '--json', '--today=2026-01-02']).data['today']).toBe('2026-01-02');
    expect(json(['report', PLAN, '--json']).data['today']).toMatch(DATE);
  });
});

describe('hidden folders', () => {
  it('are skipped: a goal in .trash or .obsidian is not reported, and links into them do not resolve', () => {
    const goal = (title: string): string => `---\ntype: goal\ntitle: ${title}\n---\n- [ ] step\n`;
    const dir = vault({
      'Goal.md': '---\ntype: goal\n---\n- [ ] use the old plan [[Old goal]]\n',
      '.trash/Old goal.md': goal('Old goal'),
      '.obsidian/plugins/Config goal.md': goal('Config goal'),
      'Sub/.hidden/Hidden goal.md': goal('Hidden goal'),
      '.dotfile.md': goal('Dot file'),
      'Sub/Visible.md': goal('Visible'),
    });
    const { data } = json(['report', dir, '--today', TODAY, '--json']);
    const goals = data['goals'] as { path: string; title: string; problems: { code: string }[] }[];
    expect(goals.map((g) => g.path)).toEqual(['Goal.md', 'Sub/Visible.md']);
    expect(goals[0]?.problems.map((p) => p.code)).toEqual(['unresolved-link']);
    const human = cli(['report', dir, '--today', TODAY]);
    expect(human.out).not.toMatch(/^Old goal/m);
    expect(human.out).not.toContain('.trash');
    expect(human.out).not.toContain('Config goal');
    expect(human.out).not.toContain('Hidden goal');
    const check = cli(['check', dir, '--today', TODAY]);
    expect(check.out).not.toContain('.trash');
    expect(linesOf(check.out).pop()).toBe('2 goals, 0 errors, 1 warnings');
  });

  it('an empty vault reports no goals', () => {
    const dir = vault({ 'Note.md': 'just text\n', '.trash/G.md': '---\ntype: goal\n---\n' });
    const r = cli(['report', dir, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('No goals yet. A goal is a note with a target date and the steps that lead to it. Start one with New goal in Obsidian, or give a note `type: goal` in its frontmatter.\n');
    expect(json(['report', dir, '--today', TODAY, '--json']).data).toEqual({ today: TODAY, goals: [] });
  });
});

describe('outline', () => {
  it('prints the frontmatter, headings and list items of a note with frontmatter', () => {
    const { code, data } = json(['outline', join(PLAN, 'Steps', 'Artwork.md'), '--json']);
    expect(code).toBe(0);
    const item = (line: number, parent: number, task: string | null, dates: Partial<Record<'due' | 'done', string>> = {}) => ({
      line,
      parent,
      task,
      due: null,
      scheduled: null,
      start: null,
      created: null,
      done: null,
      cancelled: null,
      ...dates,
    });
    expect(data).toEqual({
      frontmatter: { type: 'action', goal: '[[Launch podcast]]', due: '2026-12-10' },
      headings: [{ line: 5, level: 1, heading: 'Artwork' }],
      listItems: [item(7, -7, 'x', { done: '2026-11-21' }), item(8, -7, ' ', { due: '2026-12-15' }), item(9, -7, ' ')],
    });
  });

  it('follows ListItemCache.parent on the goal fixture (plain bullets, nesting, separate lists)', () => {
    const { data } = json(['outline', join(PLAN, 'Launch podcast.md'), '--json']);
    expect(keysOf(data)).toEqual(['frontmatter', 'headings', 'listItems']);
    const fm = data['frontmatter'] as Record<string, unknown>;
    expect(fm['start']).toBe('2026-11-01');
    expect((fm['checkpoints'] as unknown[]).length).toBe(3);
    expect(data['headings']).toEqual([
      { line: 21, level: 1, heading: 'Launch a podcast' },
      { line: 23, level: 2, heading: 'Why' },
      { line: 26, level: 2, heading: 'Prepare' },
      { line: 35, level: 2, heading: 'Publish' },
    ]);
    const items = data['listItems'] as { line: number; parent: number; task: string | null; due: string | null }[];
    expect(items.map((i) => [i.line, i.parent, i.task])).toEqual([
      [27, -27, 'x'],
      [28, -27, ' '],
      [29, 28, 'x'],
      [30, 28, ' '],
      [31, 28, null],
      [32, 31, ' '],
      [33, -27, ' '],
      [36, -36, ' '],
      [37, -36, '-'],
      [38, 37, ' '],
      [39, -36, '/'],
      [40, -36, 'x'],
      [41, 40, ' '],
      [42, -36, ' '],
      [43, -36, ' '],
    ]);
  });

  it('gives null frontmatter for a note without one, and for unreadable YAML', () => {
    const dir = vault({ 'Plain.md': '- [ ] a\n', 'Bad.md': '---\ntitle: [oops\n---\n- [ ] a\n' });
    expect(json(['outline', join(dir, 'Plain.md'), '--json']).data['frontmatter']).toBeNull();
    const bad = json(['outline', join(dir, 'Bad.md'), '--json']).data;
    expect(bad['frontmatter']).toBeNull();
    expect(bad['listItems']).toEqual([{ line: 3, parent: -3, task: ' ', due: null, scheduled: null, start: null, created: null, done: null, cancelled: null }]);
  });

  it('reads a CRLF note exactly like its LF twin', () => {
    const text = '---\ntype: goal\nstart: 2026-01-01\n---\n# Plan\n- [ ] a 📅 2026-02-01\n\t- [x] b ✅ 2026-01-05\n';
    const dir = vault({ 'LF.md': text, 'CRLF.md': text.replace(/\n/g, '\r\n') });
    expect(json(['outline', join(dir, 'CRLF.md')]).data).toEqual(json(['outline', join(dir, 'LF.md')]).data);
  });
});

function keysOf(o: object): string[] {
  return Object.keys(o).sort();
}

describe('colour', () => {
  it('is absent when io.color is false', () => {
    for (const argv of [
      ['report', PLAN, '--today', TODAY],
      ['check', PLAN, '--today', TODAY],
      ['check', ERROR_VAULT(), '--today', TODAY],
    ]) {
      const r = cli(argv, false);
      expect(r.out).not.toMatch(ESC);
      expect(r.err).not.toMatch(ESC);
    }
  });

  it('is present on a terminal that supports it', () => {
    expect(cli(['report', PLAN, '--today', TODAY], true).out).toMatch(ESC);
    expect(cli(['check', PLAN, '--today', TODAY], true).out).toMatch(ESC);
  });

  it('is absent in --json even when io.color is true', () => {
    const report = cli(['report', PLAN, '--today', TODAY, '--json'], true);
    expect(report.out).not.toMatch(ESC);
    expect(() => JSON.parse(report.out) as unknown).not.toThrow();
    const check = cli(['check', PLAN, '--today', TODAY, '--json'], true);
    expect(check.out).not.toMatch(ESC);
    expect(() => JSON.parse(check.out) as unknown).not.toThrow();
  });
});

describe('as a child process (bin/action-plan.js)', () => {
  jest.setTimeout(60_000);
  const node = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env }, timeout: 60_000 });

  it('exits 0 for a report and prints it', () => {
    const r = node(['report', PLAN, '--today', TODAY], { NO_COLOR: '1' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Launch a podcast');
    expect(r.stdout).not.toMatch(ESC);
  });

  it('prints --json that parses', () => {
    const r = node(['report', PLAN, '--today', TODAY, '--json'], { FORCE_COLOR: '1' });
    expect(r.status).toBe(0);
    const data = JSON.parse(r.stdout) as { today: string; goals: unknown[] };
    expect(data.today).toBe(TODAY);
    expect(data.goals).toHaveLength(2);
  });

  it('exits 1 when check finds an error', () => {
    const r = node(['check', ERROR_VAULT(), '--today', TODAY]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('bad-date');
  });

  it('a missing folder: exit 2, exactly one line on stderr, no stack trace', () => {
    const missing = join(tmpdir(), 'action-plan-no-such-vault-' + String(process.pid));
    const r = node(['report', missing, '--today', TODAY]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = linesOf(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^action-plan: /);
    expect(lines[0]).toContain(missing);
    expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  it('bad usage: exit 2 with the usage on stderr', () => {
    const r = node(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^action-plan: unknown command/);
    expect(r.stderr).toContain('usage:');
  });
});
