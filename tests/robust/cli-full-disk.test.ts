/**
 * A write to a full disk refuses (exit 1, one line) and leaves the note, and the folder, as they
 * were: no temporary file, no lock left behind. The vault is on a small tmpfs filled to the last
 * byte; mounting one needs root (or the right to mount), else the test is skipped and says why.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { program, TODAY } from './cli-helpers';

const NOTE = '---\ntype: goal\nstart: 2026-11-01\ncheckpoints:\n  - date: 2026-11-20\n---\n# Goal\n- [ ] one\n- [ ] two\n';

/** A fresh small tmpfs, or why there is none. */
function mountSmall(): { dir: string } | { why: string } {
  const dir = mkdtempSync(join(tmpdir(), 'action-plan-full-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status === 0) return { dir };
  rmSync(dir, { recursive: true, force: true });
  return { why: `cannot mount a tmpfs here (${(r.error?.message ?? r.stderr).trim() || `exit ${String(r.status)}`})` };
}

/** Fills the file system of `dir` to its last byte. */
function fill(dir: string): void {
  const fd = openSync(join(dir, 'filler.bin'), 'w');
  try {
    for (const size of [4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch {
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

const mounted = mountSmall();

afterAll(() => {
  if (!('dir' in mounted)) return;
  spawnSync('umount', [mounted.dir]);
  rmSync(mounted.dir, { recursive: true, force: true });
});

const full = 'dir' in mounted ? it : it.skip;
full(`a toggle and a review on a full disk refuse with one line and change nothing${'why' in mounted ? ` (skipped: ${mounted.why})` : ''}`, () => {
  const dir = (mounted as { dir: string }).dir;
  writeFileSync(join(dir, 'G.md'), NOTE);
  fill(dir);
  const files = readdirSync(dir).sort();
  for (const args of [['toggle', dir, 'G.md:8'], ['review', dir, '--goal', 'G', '--feeling', '3']]) {
    const r = program([...args, '--today', TODAY]);
    expect({ code: r.status, out: r.stdout, lines: r.stderr.trim().split('\n').length }).toEqual({ code: 1, out: '', lines: 1 });
    expect(r.stderr).toMatch(/^action-plan: .*ENOSPC|no space/i);
    expect(readFileSync(join(dir, 'G.md'), 'utf8')).toBe(NOTE);
    expect(readdirSync(dir).sort()).toEqual(files);
  }
});
