/**
 * `summary`, `review` and `status` (SPEC 6) on a copy of the demo vault: the bytes written, the
 * mode kept, `--dry-run` printing a diff that `patch` applies to the same bytes, and refusals.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli } from '../robust/cli-helpers';

const DEMO = join(__dirname, '..', '..', 'demo-vault');
const RUNNING = 'Goals/Run three times a week.md';
const NOVEL = 'Goals/Publish my first novel.md';
const temps: string[] = [];

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'action-plan-goals-'));
  temps.push(dir);
  cpSync(DEMO, dir, { recursive: true });
  return dir;
}

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

const read = (vault: string, path: string): string => readFileSync(join(vault, path), 'utf8');

test('review writes the measured progress into the latest missed checkpoint and logs it, keeping the mode', () => {
  const vault = copy();
  const before = read(vault, RUNNING);
  chmodSync(join(vault, RUNNING), 0o640);
  const r = cli(['review', vault, '--goal', 'Run three times a week', '--feeling', '2', '--note', 'Dark mornings: # of runs dropped', '--today', '2026-11-25']);
  expect(r).toEqual({ code: 0, out: '', err: `${RUNNING}: review of 2026-10-31 recorded: 61%, feeling 2/5\n` });
  const expected = before
    .replace('    label: Halfway through Couch to 5K\n    expect: 35\n', '    label: Halfway through Couch to 5K\n    expect: 35\n    progress: 61\n    feeling: 2\n    note: "Dark mornings: # of runs dropped"\n    reviewed: 2026-11-25\n')
    .concat('\n## Reviews\n- 2026-11-25 — Halfway through Couch to 5K. 61% against 35% expected. Feeling 2/5. Dark mornings: # of runs dropped.\n');
  expect(read(vault, RUNNING)).toBe(expected);
  expect(statSync(join(vault, RUNNING)).mode & 0o777).toBe(0o640);
  // Every other note is as it was.
  expect(read(vault, NOVEL)).toBe(read(DEMO, NOVEL));
});

test('review --dry-run prints a diff that patch applies to the bytes a real run writes', () => {
  const dry = copy();
  const real = copy();
  const args = ['--goal', 'Publish my first novel', '--feeling', '3', '--checkpoint', '2026-12-31', '--note', 'Slower than hoped', '--today', '2026-12-30'];
  const d = cli(['review', dry, ...args, '--dry-run']);
  expect(d.code).toBe(0);
  expect(read(dry, NOVEL)).toBe(read(DEMO, NOVEL));
  expect(d.out.split('\n').filter((l) => /^[-+]/.test(l) && !/^(---|\+\+\+) [ab]\//.test(l))).toEqual([
    '+    progress: 33',
    '+    feeling: 3',
    '+    note: Slower than hoped',
    '+    reviewed: 2026-12-30',
    '+- 2026-12-30 — First draft finished. 33% against 45% expected. Feeling 3/5. Slower than hoped.',
  ]);
  expect(cli(['review', real, ...args]).code).toBe(0);
  const patchFile = join(dry, 'review.patch');
  writeFileSync(patchFile, d.out);
  const p = spawnSync('patch', ['-p1', '-i', patchFile], { cwd: dry, encoding: 'utf8' });
  expect(p.status).toBe(0);
  expect(read(dry, NOVEL)).toBe(read(real, NOVEL));
});

test('status changes only the value of status and logs the decision under a new Decisions heading', () => {
  const vault = copy();
  const before = read(vault, RUNNING);
  const r = cli(['status', vault, '--goal', 'Goals/Run three times a week', 'paused', '--reason', 'Knee injury, six weeks off', '--today', '2026-11-25']);
  expect(r.code).toBe(0);
  expect(read(vault, RUNNING)).toBe(before.replace('status: active\n', 'status: paused\n') + '\n## Decisions\n- 2026-11-25 — Paused: Knee injury, six weeks off.\n');
  // A second decision goes at the end of the same section.
  expect(cli(['status', vault, '--goal', 'goals/run three times a week', 'active', '--reason', 'Knee is fine', '--today', '2027-01-10']).code).toBe(0);
  expect(read(vault, RUNNING).endsWith('## Decisions\n- 2026-11-25 — Paused: Knee injury, six weeks off.\n- 2027-01-10 — Active again: Knee is fine.\n')).toBe(true);
});

test('flow-style checkpoints are written by the YAML document writer, the body kept byte for byte', () => {
  const vault = copy();
  const path = 'Goals/Flow.md';
  const body = '# Flow\n\n- [x] one ✅ 2026-11-01\n- [ ] two\n';
  writeFileSync(join(vault, path), `---\ntype: goal   # kept\nstart: 2026-11-01\ntarget: 2026-12-31\ncheckpoints: [{date: 2026-11-20, expect: 30}]\n---\n${body}`);
  const r = cli(['review', vault, '--goal', 'Flow', '--feeling', '5', '--today', '2026-11-25']);
  expect(r.code).toBe(0);
  expect(r.err).toContain('frontmatter rewritten by the YAML writer');
  const text = read(vault, path);
  const yaml = text.slice(4, text.indexOf('\n---\n') + 1);
  expect(parse(yaml)).toEqual({ type: 'goal', start: '2026-11-01', target: '2026-12-31', checkpoints: [{ date: '2026-11-20', expect: 30, progress: 50, feeling: 5, reviewed: '2026-11-25' }] });
  expect(text).toContain('type: goal # kept\n');
  expect(text.endsWith(`---\n${body}\n## Reviews\n- 2026-11-25 — Checkpoint of 2026-11-20. 50% against 30% expected. Feeling 5/5.\n`)).toBe(true);
});

test('a CRLF note gets CRLF lines', () => {
  const vault = copy();
  const path = 'Goals/Windows.md';
  writeFileSync(join(vault, path), '---\r\ntype: goal\r\nstart: 2026-11-01\r\ncheckpoints:\r\n  - date: 2026-11-20\r\n---\r\n- [ ] step\r\n');
  expect(cli(['review', vault, '--goal', 'Windows', '--feeling', '4', '--today', '2026-11-25']).code).toBe(0);
  expect(read(vault, path)).toBe('---\r\ntype: goal\r\nstart: 2026-11-01\r\ncheckpoints:\r\n  - date: 2026-11-20\r\n    progress: 0\r\n    feeling: 4\r\n    reviewed: 2026-11-25\r\n---\r\n- [ ] step\r\n\r\n## Reviews\r\n- 2026-11-25 — Checkpoint of 2026-11-20. 0% against 0% expected. Feeling 4/5.\r\n');
});

test.each([
  ['no checkpoint due or missed', ['review', '--goal', 'Publish my first novel', '--feeling', '3'], 1, /no checkpoint due or missed/],
  ['a checkpoint date the goal does not have', ['review', '--goal', 'Publish my first novel', '--feeling', '3', '--checkpoint', '2026-12-01'], 1, /no checkpoint on 2026-12-01/],
  ['a goal that does not exist', ['status', '--goal', 'Sail around the world', 'paused', '--reason', 'x'], 1, /no goal "Sail around the world"/],
  ['a feeling out of range', ['review', '--goal', 'Publish my first novel', '--feeling', '6'], 2, /--feeling 1-5/],
  ['an unknown status', ['status', '--goal', 'Publish my first novel', 'someday', '--reason', 'x'], 2, /status wants one of/],
  ['a status without a reason', ['status', '--goal', 'Publish my first novel', 'paused'], 2, /--reason/],
  ['no --goal', ['summary'], 2, /--goal NAME/],
])('%s is refused and nothing is written', (_name, [command, ...rest], code, message) => {
  const vault = copy();
  const r = cli([command ?? '', vault, ...rest, '--today', '2026-11-25']);
  expect(r.code).toBe(code);
  expect(r.err).toMatch(message);
  for (const p of [NOVEL, RUNNING]) expect(read(vault, p)).toBe(read(DEMO, p));
});

test('summary prints the Markdown summary, phases only or every step', () => {
  const phases = cli(['summary', DEMO, '--goal', 'Publish my first novel', '--today', '2026-11-25']);
  expect(phases.code).toBe(0);
  expect(phases.out).toContain('# Publish my first novel\n\nStatus: Active · health: at risk · 4 overdue · target 2027-06-30 (217 days left)\n\n`███████░░░░░░░░░░░░░` 33% done (14/43) · 27.1% expected\n');
  expect(phases.out).toContain('## Plan\n- **Draft** 13/21\n- **Revise** 1/11\n- **Find a publisher** 0/11\n');
  const steps = cli(['summary', DEMO, '--goal', 'Publish my first novel', '--today', '2026-11-25', '--steps']);
  expect(steps.out).toContain('    - ☒ ~~Prologue~~\n');
  expect(steps.out).toContain('    - ◐ Chapters 7-9 (due 2026-11-30) 2/3\n');
});
