/**
 * `review` writes into the checkpoint it chose, found again by its date when another program
 * changed the note between the command's read and its write; with no entry of that date left it
 * refuses and changes nothing. The real program, held at the note's lock (as another run of it
 * would hold it) while the other program writes.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, removeVaults, vault } from './cli-helpers';

afterAll(removeVaults);

const NOTE = '---\ntype: goal\nstart: 2026-11-01\ntarget: 2026-12-31\ncheckpoints:\n  - date: 2026-11-20\n    expect: 30\n---\n# Goal\n- [x] one\n- [ ] two\n';
const REVIEW = ['--feeling', '4', '--today', '2026-11-25'];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs `review` while the lock is held; `meanwhile` changes the note once the command has read it. */
async function reviewWhileChanged(meanwhile: (text: string) => string): Promise<{ code: number | null; err: string; before: string; changed: string; after: string }> {
  const dir = vault({ 'G.md': NOTE });
  const file = join(dir, 'G.md');
  const lock = join(dir, '.G.md.action-plan-lock');
  writeFileSync(lock, '1\n');
  // An access time before the modification time: the command's first read sets it anew.
  const { mtime } = statSync(file);
  utimesSync(file, new Date('2020-01-01'), mtime);
  const child = spawn(process.execPath, [BIN, 'review', dir, '--goal', 'G', ...REVIEW], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  for (const until = Date.now() + 20_000; statSync(file).atimeMs < mtime.getTime() && Date.now() < until; ) await sleep(20);
  // Time to finish reading and reach the lock.
  await sleep(800);
  const changed = meanwhile(NOTE);
  writeFileSync(file, changed);
  unlinkSync(lock);
  const code = await done;
  return { code, err, before: NOTE, changed, after: readFileSync(file, 'utf8') };
}

it('a checkpoint another program added above the one reviewed does not take the review', async () => {
  const r = await reviewWhileChanged((t) => t.replace('checkpoints:\n', 'checkpoints:\n  - date: 2026-11-10\n    expect: 10\n'));
  expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: 'G.md: review of 2026-11-20 recorded: 50%, feeling 4/5\n' });
  expect(r.after).toBe(
    r.changed.replace('    expect: 30\n', '    expect: 30\n    progress: 50\n    feeling: 4\n    reviewed: 2026-11-25\n') +
      '\n## Reviews\n- 2026-11-25 — Checkpoint of 2026-11-20. 50% against 30% expected. Feeling 4/5.\n',
  );
}, 30_000);

it('with no checkpoint of that date left, the review is refused and the note stays as the other program wrote it', async () => {
  const r = await reviewWhileChanged((t) => t.replace('date: 2026-11-20', 'date: 2026-11-21'));
  expect({ code: r.code, err: r.err }).toEqual({ code: 1, err: 'action-plan: G.md: the note has no checkpoint dated 2026-11-20 any more\n' });
  expect(r.after).toBe(r.changed);
}, 30_000);
