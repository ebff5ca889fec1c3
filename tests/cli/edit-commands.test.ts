/**
 * The edit commands of the command line on a copy of the demo vault: after each command the whole
 * vault is compared byte for byte with what SPEC 2 says should change, refusals included.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cli } from '../robust/cli-helpers';

const ROOT = join(__dirname, '..', '..');
const DEMO = join(ROOT, 'demo-vault');
const BIN = join(ROOT, 'bin', 'action-plan.js');
const TODAY = '2026-11-29'; // a Sunday
const SPANISH = 'Goals/Learn Spanish.md';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function copyDemo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'action-plan-edit-'));
  temps.push(dir);
  cpSync(DEMO, dir, { recursive: true });
  return dir;
}

/** Every file of a folder as bytes, by vault path. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(relative(dir, full).split('\\').join('/'), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

/** The notes that differ between two snapshots, with their new text. */
function changedNotes(before: Map<string, Buffer>, after: Map<string, Buffer>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, bytes] of after) if (!before.get(path)?.equals(bytes)) out[path] = bytes.toString('utf8');
  for (const path of before.keys()) if (!after.has(path)) out[path] = '<deleted>';
  return out;
}

/** The note's text with 1-based lines replaced. */
function withLines(text: string, lines: Record<number, string>): string {
  const parts = text.split('\n');
  for (const [n, line] of Object.entries(lines)) parts[Number(n) - 1] = line;
  return parts.join('\n');
}

function lineOf(text: string, n: number): string {
  return text.split('\n')[n - 1] ?? '';
}

describe('edit commands on the demo vault', () => {
  it('toggle ticks one step with the done date, and twice gives back the bytes', () => {
    const dir = copyDemo();
    const before = snapshot(dir);
    const text = before.get(SPANISH)?.toString('utf8') ?? '';
    expect(lineOf(text, 23)).toBe('- [ ] Book a trial lesson with a tutor [[Spanish tutors]] 📅 2026-12-05');
    const r = cli(['toggle', dir, `${SPANISH}:23`, '--today', TODAY, '--expect', lineOf(text, 23)]);
    expect(r).toEqual({ code: 0, out: '', err: `${SPANISH}: Done: "Book a trial lesson with a tutor [[Spanish tutors]]" on 2026-11-29\n` });
    expect(changedNotes(before, snapshot(dir))).toEqual({
      [SPANISH]: withLines(text, { 23: '- [x] Book a trial lesson with a tutor [[Spanish tutors]] 📅 2026-12-05 ✅ 2026-11-29' }),
    });
    expect(cli(['toggle', dir, `${SPANISH}:23`, '--today', TODAY]).code).toBe(0);
    expect(changedNotes(before, snapshot(dir))).toEqual({});
  });

  it('postpone moves the due date in place', () => {
    const dir = copyDemo();
    const before = snapshot(dir);
    const text = before.get(SPANISH)?.toString('utf8') ?? '';
    expect(cli(['postpone', dir, `${SPANISH}:21`, '+1w', '--today', TODAY]).code).toBe(0);
    expect(changedNotes(before, snapshot(dir))).toEqual({ [SPANISH]: withLines(text, { 21: '    - [ ] Units 4-6 📅 2026-12-27' }) });
  });

  it('postpone gives a step without a due date one, in the format asked', () => {
    const dir = copyDemo();
    const before = snapshot(dir);
    const text = before.get(SPANISH)?.toString('utf8') ?? '';
    const line = text.split('\n').findIndex((l) => l.includes('Watch one episode')) + 1;
    expect(cli(['postpone', dir, `${SPANISH}:${line}`, '2027-01-15', '--today', TODAY, '--format', 'dataview']).code).toBe(0);
    expect(changedNotes(before, snapshot(dir))).toEqual({ [SPANISH]: withLines(text, { [line]: `${lineOf(text, line)} [due:: 2027-01-15]` }) });
  });

  it('reschedule-overdue spreads a goal\'s overdue steps over working days, across its notes', () => {
    const dir = copyDemo();
    const before = snapshot(dir);
    const goal = before.get('Goals/Publish my first novel.md')?.toString('utf8') ?? '';
    const outline = before.get('Goals/Publish my first novel/Outline chapters.md')?.toString('utf8') ?? '';
    expect(cli(['reschedule-overdue', dir, '--goal', 'Publish my first novel', '--spread', '--today', TODAY]).code).toBe(0);
    expect(changedNotes(before, snapshot(dir))).toEqual({
      'Goals/Publish my first novel.md': withLines(goal, { 44: lineOf(goal, 44).replace('2026-11-15', '2026-11-30') }),
      'Goals/Publish my first novel/Outline chapters.md': withLines(outline, {
        17: lineOf(outline, 17).replace('2026-11-15', '2026-12-01'),
        19: lineOf(outline, 19).replace('2026-11-15', '2026-12-02'),
        20: lineOf(outline, 20).replace('2026-11-15', '2026-12-03'),
      }),
    });
  });

  it('reschedule-overdue without --spread moves every overdue step to today', () => {
    const dir = copyDemo();
    const before = snapshot(dir);
    expect(cli(['reschedule-overdue', dir, '--goal', 'goals/publish my first novel', '--today', TODAY]).code).toBe(0);
    const changed = changedNotes(before, snapshot(dir));
    expect(Object.keys(changed).sort()).toEqual(['Goals/Publish my first novel.md', 'Goals/Publish my first novel/Outline chapters.md']);
    const dues = (t: string | undefined): number => (t ?? '').split('📅 2026-11-29').length - 1;
    expect([dues(changed['Goals/Publish my first novel.md']), dues(changed['Goals/Publish my first novel/Outline chapters.md'])]).toEqual([1, 3]);
  });

  it('break-down lays sub-steps out backward from the step\'s due date', () => {
    const dir = copyDemo();
    const before = snapshot(dir);
    const text = before.get(SPANISH)?.toString('utf8') ?? '';
    const r = cli(['break-down', dir, `${SPANISH}:21`, 'Unit 4 ~2d', 'Unit 5', 'Unit 6 ~1w', '--today', TODAY]);
    expect(r.code).toBe(0);
    const lines = text.split('\n');
    lines.splice(21, 0, '        - [ ] Unit 4 📅 2026-12-03 ⏱ 2d', '        - [ ] Unit 5 📅 2026-12-07', '        - [ ] Unit 6 📅 2026-12-18 ⏱ 1w');
    expect(changedNotes(before, snapshot(dir))).toEqual({ [SPANISH]: lines.join('\n') });
  });

  it('break-down that does not fit refuses without --extend or --keep, and moves the deadline with --extend', () => {
    const dir = copyDemo();
    const before = snapshot(dir);
    const text = before.get(SPANISH)?.toString('utf8') ?? '';
    const args = ['break-down', dir, `${SPANISH}:21`, 'Unit 4 ~2w', 'Unit 5 ~2w', '--today', TODAY];
    const refused = cli(args);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('action-plan: the plan does not fit: 5 working days short of 2026-12-20; --extend moves the deadline to 2026-12-25, --keep keeps it\n');
    expect(changedNotes(before, snapshot(dir))).toEqual({});
    expect(cli([...args, '--extend']).code).toBe(0);
    const lines = text.split('\n');
    lines[20] = '    - [ ] Units 4-6 📅 2026-12-25';
    lines.splice(21, 0, '        - [ ] Unit 4 📅 2026-12-11 ⏱ 2w', '        - [ ] Unit 5 📅 2026-12-25 ⏱ 2w');
    expect(changedNotes(before, snapshot(dir))).toEqual({ [SPANISH]: lines.join('\n') });
  });

  it('break-down --extend moves the goal\'s target when the deadline came from it', () => {
    const dir = copyDemo();
    const before = snapshot(dir);
    const text = before.get(SPANISH)?.toString('utf8') ?? '';
    const args = ['break-down', dir, `${SPANISH}:27`, 'Season one ~30w', 'Season two ~20w', '--today', TODAY];
    expect(cli(args).err).toBe('action-plan: the plan does not fit: 31 working days short of 2027-09-30; --extend moves the deadline to 2027-11-12, --keep keeps it\n');
    expect(cli([...args, '--extend']).code).toBe(0);
    const lines = text.split('\n');
    lines[5] = 'target: 2027-11-12';
    lines.splice(27, 0, '    - [ ] Season one 📅 2027-06-25 ⏱ 30w', '    - [ ] Season two 📅 2027-11-12 ⏱ 20w');
    expect(changedNotes(before, snapshot(dir))).toEqual({ [SPANISH]: lines.join('\n') });
  });

  it('the --dry-run diff, applied by patch(1), gives the vault the write gives', () => {
    const written = copyDemo();
    const patched = copyDemo();
    const runs = [
      ['break-down', `${SPANISH}:27`, 'Season one ~30w', 'Season two ~20w', '--extend'],
      ['reschedule-overdue', '--goal', 'Publish my first novel', '--spread'],
      ['toggle', `${SPANISH}:23`],
    ];
    let diff = '';
    for (const [command = '', ...rest] of runs) {
      expect(cli([command, written, ...rest, '--today', TODAY]).code).toBe(0);
      diff += cli([command, patched, ...rest, '--today', TODAY, '--dry-run']).out;
    }
    const patch = spawnSync('patch', ['-p1', '--quiet'], { cwd: patched, input: diff, encoding: 'utf8' });
    expect([patch.status, patch.stderr]).toEqual([0, '']);
    expect(snapshot(patched)).toEqual(snapshot(written));
  });

  it('--dry-run prints a unified diff and writes nothing', () => {
    const dir = copyDemo();
    const before = snapshot(dir);
    const r = cli(['postpone', dir, `${SPANISH}:21`, '+1d', '--today', TODAY, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        // A tab ends a path with spaces, as patch(1) reads it.
        `--- a/${SPANISH}\t`,
        `+++ b/${SPANISH}\t`,
        '@@ -18,7 +18,7 @@',
        ' ## Basics',
        ' - [ ] Finish the A1 course in the app 📅 2027-01-31',
        '     - [x] Units 1-3 ✅ 2026-11-10',
        '-    - [ ] Units 4-6 📅 2026-12-20',
        '+    - [ ] Units 4-6 📅 2026-12-21',
        '     - [ ] Units 7-9 📅 2027-02-28',
        ' - [ ] Book a trial lesson with a tutor [[Spanish tutors]] 📅 2026-12-05',
        ' ',
        '',
      ].join('\n'),
    );
    expect(changedNotes(before, snapshot(dir))).toEqual({});
  });

  it.each([
    ['a changed line', ['toggle', `${SPANISH}:23`, '--expect', '- [ ] something else'], 'the note changed: line 23 no longer reads as expected'],
    ['a line that is not a task', ['toggle', `${SPANISH}:1`], 'line 1 is not a task'],
    ['a line past the end', ['toggle', `${SPANISH}:999`], 'the note has no line 999'],
    ['a note that does not exist', ['toggle', 'Nowhere.md:1'], 'no such note: Nowhere.md'],
    ['a note outside the vault', ['toggle', '../x.md:1'], 'is outside the vault'],
    ['a goal not found', ['reschedule-overdue', '--goal', 'Nothing like it'], 'no goal "Nothing like it"'],
    ['a break-down without any deadline', ['break-down', 'Reading list.md:8', 'Read it'], 'no due date'],
  ])('refuses %s with exit 1 and writes nothing', (_n, argv, message) => {
    const dir = copyDemo();
    const before = snapshot(dir);
    const [command = '', ...rest] = argv;
    const r = cli([command, dir, ...rest, '--today', TODAY]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(changedNotes(before, snapshot(dir))).toEqual({});
  });

  it.each([
    [['toggle']],
    [['toggle', '<dir>', 'no-line']],
    [['toggle', '<dir>', `${SPANISH}:0`]],
    [['postpone', '<dir>', `${SPANISH}:21`, 'later']],
    [['toggle', '<dir>', `${SPANISH}:21`, '--format', 'org']],
    [['toggle', '<dir>', `${SPANISH}:21`, '--spread']],
    [['break-down', '<dir>', `${SPANISH}:21`, 'x', '--extend', '--keep']],
    [['reschedule-overdue', '<dir>', '--goal', 'x', '--working-days', 'mon,funday']],
  ])('bad usage %j exits 2', (argv) => {
    const dir = copyDemo();
    const before = snapshot(dir);
    expect(cli(argv.map((a) => (a === '<dir>' ? dir : a))).code).toBe(2);
    expect(changedNotes(before, snapshot(dir))).toEqual({});
  });
});

describe('writes', () => {
  it('keep the file\'s mode, CRLF line endings and a missing final newline, atomically', () => {
    const dir = mkdtempSync(join(tmpdir(), 'action-plan-edit-'));
    temps.push(dir);
    const file = join(dir, 'Plan.md');
    writeFileSync(file, '# Plan\r\n- [ ] One 🔁 every week ^b1\r\n- [ ] Two');
    chmodSync(file, 0o640);
    expect(cli(['toggle', dir, 'Plan.md:2', '--today', TODAY]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('# Plan\r\n- [x] One 🔁 every week ✅ 2026-11-29 ^b1\r\n- [ ] Two');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['Plan.md']);
  });

  it('refuse a note that is not UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'action-plan-edit-'));
    temps.push(dir);
    const bytes = Buffer.from([0x2d, 0x20, 0x5b, 0x20, 0x5d, 0x20, 0xe9, 0x0a]);
    writeFileSync(join(dir, 'Latin.md'), bytes);
    const r = cli(['toggle', dir, 'Latin.md:1', '--today', TODAY]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'Latin.md')).equals(bytes)).toBe(true);
  });

  it('exit codes from the real binary', () => {
    const dir = copyDemo();
    const ok = spawnSync(process.execPath, [BIN, 'toggle', dir, `${SPANISH}:23`, '--today', TODAY, '--dry-run'], { encoding: 'utf8' });
    expect([ok.status, ok.stdout.startsWith(`--- a/${SPANISH}`)]).toEqual([0, true]);
    const refused = spawnSync(process.execPath, [BIN, 'toggle', dir, `${SPANISH}:1`], { encoding: 'utf8' });
    expect([refused.status, refused.stderr]).toEqual([1, `action-plan: ${SPANISH}: line 1 is not a task\n`]);
    const usage = spawnSync(process.execPath, [BIN, 'postpone', dir], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
});
