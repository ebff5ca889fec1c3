/**
 * A command line that helps (SPEC 6): help for every command, the nearest names for a command
 * or a goal that does not exist, dates in words for `postpone`, and the report's colours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_NAMES } from '../../src/cli/help';
import { cli, program, removeVaults, TODAY, vault } from '../robust/cli-helpers';

afterAll(removeVaults);

const PLAN = join(__dirname, '..', 'fixtures', 'plan');
/** A copy of the plan fixture, so that a command that should refuse can never write the fixture. */
const planCopy = (): string =>
  vault(Object.fromEntries(['Launch podcast.md', 'Read more.md', 'Ordinary note.md', 'Steps/Artwork.md', 'Shared/Weekly routine.md'].map((p) => [p, readFileSync(join(PLAN, p))])));
const ESC = String.fromCharCode(27);

describe('help', () => {
  it.each([['help'], ['--help'], ['-h']])('`%s` prints every command with what it does and an example, exit 0', (arg) => {
    const r = program([arg]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    for (const name of COMMAND_NAMES) expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(r.stdout.match(/e\.g\. action-plan /g)).toHaveLength(COMMAND_NAMES.length);
  });

  it.each(COMMAND_NAMES.map((n) => [n]))('`help %s` and `%s --help` print its usage, options and an example, exit 0', (name) => {
    const a = cli(['help', name]);
    const b = cli([name, '--help']);
    expect(a.code).toBe(0);
    expect(a.err).toBe('');
    expect(a.out).toMatch(new RegExp(`usage:\\n  action-plan ${name}\\b[^\\n]*\\n\\noptions:\\n(  \\S.*\\n)+\\nexample:\\n  action-plan ${name}\\b`));
    expect(b).toEqual(a);
  });

  it('--help wins over every other argument, even a bad one', () => {
    const r = cli(['postpone', '/no/such/vault', 'x.md:0', '--bogus', '--help']);
    expect(r).toEqual(cli(['help', 'postpone']));
  });

  it('no command prints the overview on standard error, exit 2', () => {
    const r = program([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^action-plan: no command given\n/);
    expect(r.stderr).toContain(cli(['help']).out);
  });

  it.each([
    [['reprot', PLAN], 'unknown command "reprot"; did you mean: report?'],
    [['help', 'chek'], 'unknown command "chek"; did you mean: check?'],
    [['postpon', PLAN], 'unknown command "postpon"; did you mean: postpone?'],
    [['zzzzzzzz'], 'unknown command "zzzzzzzz"'],
  ])('%j: exit 2 with the nearest command names', (argv, line) => {
    const r = cli(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')[0]).toBe(`action-plan: ${line}`);
  });
});

describe('a goal that matches nothing', () => {
  const commands = (v: string): string[][] => [
    ['report', v, '--goal', 'Lanch a podcast', '--today', TODAY],
    ['report', v, '--goal', 'Lanch a podcast', '--today', TODAY, '--json'],
    ['summary', v, '--goal', 'Lanch a podcast', '--today', TODAY],
    ['review', v, '--goal', 'Lanch a podcast', '--feeling', '4', '--today', TODAY],
    ['status', v, '--goal', 'Lanch a podcast', 'paused', '--reason', 'busy', '--today', TODAY],
    ['reschedule-overdue', v, '--goal', 'Lanch a podcast', '--today', TODAY],
  ];

  it('is refused with exit 1 by every command, on one line naming the nearest titles', () => {
    const v = planCopy();
    for (const argv of commands(v)) {
      const r = cli(argv);
      expect([argv[0], r.code, r.out, r.err]).toEqual([argv[0], 1, '', 'action-plan: no goal "Lanch a podcast"; did you mean: Launch a podcast?\n']);
    }
  });

  it('is refused the same way by the program itself, writing nothing', () => {
    const v = planCopy();
    const before = readFileSync(join(v, 'Launch podcast.md'));
    for (const argv of [...commands(v), ['report', v, '--goal=Lanch a podcast']]) {
      const r = program(argv);
      expect([argv[0], r.status, r.stdout, r.stderr]).toEqual([argv[0], 1, '', 'action-plan: no goal "Lanch a podcast"; did you mean: Launch a podcast?\n']);
    }
    expect(readFileSync(join(v, 'Launch podcast.md'))).toEqual(before);
  });

  it('has no "did you mean" when no title is near, and names the goals of an ambiguous name', () => {
    const v = vault({
      'A/Plan.md': '---\ntype: goal\ntitle: Same\n---\n- [ ] a\n',
      'B/Plan.md': '---\ntype: goal\ntitle: Same\n---\n- [ ] b\n',
    });
    expect(cli(['report', v, '--goal', 'Something else entirely']).err).toBe('action-plan: no goal "Something else entirely"\n');
    const r = cli(['summary', v, '--goal', 'same']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('action-plan: "same" matches several goals: A/Plan.md, B/Plan.md\n');
  });

  it('a goal found by its file name is found by every command', () => {
    const r = cli(['report', PLAN, '--goal', 'launch podcast', '--today', TODAY, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { goals: { path: string }[] }).goals.map((g) => g.path)).toEqual(['Launch podcast.md']);
  });
});

describe('postpone with a date in words', () => {
  const note = '---\ntype: goal\n---\n- [ ] Write 📅 2026-11-20\n';

  it.each([
    ['friday', '2026-11-27'],
    ['in 2 weeks', '2026-12-09'],
    ['end of month', '2026-11-30'],
    ['+3d', '2026-11-28'],
    ['2026-12-24', '2026-12-24'],
  ])('"%s" moves the due date to %s', (words, day) => {
    const v = vault({ 'Goal.md': note });
    const r = cli(['postpone', v, 'Goal.md:4', words, '--today', TODAY]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(v, 'Goal.md'), 'utf8')).toBe(note.replace('2026-11-20', day));
  });

  it.each([
    [undefined, '2026-11-29'],
    [6, '2026-11-27'],
    [0, '2026-11-28'],
  ])('"end of week" ends the week that starts on the vault\'s setting (%s): %s', (weekStart, day) => {
    const settings: Record<string, string> = weekStart === undefined ? {} : { '.obsidian/plugins/action-plan/data.json': JSON.stringify({ weekStart }) };
    const v = vault({ 'Goal.md': note, ...settings });
    expect(cli(['postpone', v, 'Goal.md:4', 'end of week', '--today', TODAY])).toEqual({ code: 0, out: '', err: `Goal.md: Postponed "Write" to ${day}\n` });
    expect(readFileSync(join(v, 'Goal.md'), 'utf8')).toBe(note.replace('2026-11-20', day));
  });

  it('refuses a day before today read from words (exit 1) and words it cannot read (exit 2), writing nothing', () => {
    const v = vault({ 'Goal.md': note });
    const past = cli(['postpone', v, 'Goal.md:4', 'yesterday', '--today', TODAY]);
    expect(past.code).toBe(1);
    expect(past.err).toMatch(/^action-plan: "yesterday" reads as 2026-11-24, before today/);
    const unreadable = cli(['postpone', v, 'Goal.md:4', 'sometime soonish', '--today', TODAY]);
    expect(unreadable.code).toBe(2);
    expect(readFileSync(join(v, 'Goal.md'), 'utf8')).toBe(note);
  });
});

describe('the human report', () => {
  it('colours a missed checkpoint red', () => {
    const r = cli(['report', PLAN, '--today', '2026-12-20'], true);
    expect(r.out).toContain(`2026-11-20 ${ESC}[31mmissed${ESC}[0m`);
    expect(r.out).toContain(`2026-12-15 ${ESC}[33mreview due${ESC}[0m`);
    expect(cli(['report', PLAN, '--today', '2026-12-20']).out).toContain('2026-11-20 missed');
  });

  it("words checkpoints and feelings as the view does: the state's label, \"felt 4/5 at 20 %\"", () => {
    const v = vault({
      'Goal.md': '---\ntype: goal\nstart: 2026-11-01\ntarget: 2027-01-31\ncheckpoints:\n  - date: 2026-11-10\n    expect: 15\n    progress: 20\n    feeling: 4\n  - date: 2026-11-22\n    expect: 30\n---\n- [ ] Write 📅 2026-12-20\n',
    });
    const r = program(['report', v, '--today', TODAY]);
    expect(r.stdout).toContain('    · 2026-11-10 reviewed · expect 15% · felt 4/5 at 20 % · on track\n');
    expect(r.stdout).toContain('    · 2026-11-22 review due · expect 30%\n');
    expect(r.stdout).not.toMatch(/feeling|measured/);
  });

  it('shows the sub-steps of a done step as done with it, never overdue, in the tree, the lists and the counts', () => {
    const v = vault({
      'Goal.md': '---\ntype: goal\nstart: 2026-11-01\n---\n- [x] Pack the boxes 📅 2026-11-10 ✅ 2026-11-12\n    - [ ] Books 📅 2026-11-08\n    - [x] Kitchen\n- [ ] Call the movers 📅 2026-12-01\n',
    });
    const r = program(['report', v, '--today', TODAY]);
    expect(r.status).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.includes('[ ] Books'));
    expect(line).toBe('    │  ├─ [ ] Books 📅 2026-11-08 (done with the step above)');
    expect(r.stdout).not.toMatch(/overdue/);
    expect(r.stdout).toContain('next action: Call the movers (due 2026-12-01)');
    expect(r.stdout).toContain('67% (2/3');
  });

  it('shows the tag of a step that needs help once, in colour on a terminal', () => {
    const plain = cli(['report', PLAN, '--today', TODAY]).out;
    const line = plain.split('\n').find((l) => l.includes('[ ] Book the studio'));
    expect(line?.match(/#help/g)).toHaveLength(1);
    expect(line).not.toContain('[help]');
    expect(cli(['report', PLAN, '--today', TODAY], true).out).toContain(`${ESC}[33m#help${ESC}[0m`);
  });
});
