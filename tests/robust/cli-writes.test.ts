/** Writes of the command line as processes: other writers, links, rights and owners (SPEC 6). */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, program, removeVaults, TODAY, vault } from './cli-helpers';

afterAll(removeVaults);

const TASKS = Array.from({ length: 50 }, (_, i) => `- [ ] step ${i}`).join('\n') + '\n';

function toggle(dir: string, line: number, extra: string[] = []): ReturnType<typeof program> {
  return program(['toggle', dir, `Note.md:${line}`, '--today', TODAY, ...extra]);
}

describe('no lost update', () => {
  it('a second writer appending lines during toggles loses nothing', async () => {
    const dir = vault({ 'Note.md': TASKS });
    const file = join(dir, 'Note.md');
    // 2,000 lines, one about every millisecond, while 20 toggles run one after another beside it.
    const appender = `const fs=require('fs');const s=new Int32Array(new SharedArrayBuffer(4));for(let i=0;i<2000;i++){fs.appendFileSync(${JSON.stringify(file)},'appended '+i+'\\n');Atomics.wait(s,0,0,1)}`;
    const writer = spawn(process.execPath, ['-e', appender]);
    const done = new Promise((resolve) => writer.on('close', resolve));
    const codes: number[] = [];
    for (let i = 1; i <= 20; i++) {
      codes.push(await new Promise<number>((resolve) => {
        spawn(process.execPath, [BIN, 'toggle', dir, `Note.md:${i}`, '--today', TODAY]).on('close', (c) => resolve(c ?? -1));
      }));
    }
    await done;
    const lines = new Set(readFileSync(file, 'utf8').split('\n'));
    const lost = Array.from({ length: 2000 }, (_, i) => `appended ${i}`).filter((l) => !lines.has(l));
    expect(lost).toEqual([]);
    expect([...lines].filter((l) => l.startsWith('- [x]'))).toHaveLength(codes.filter((c) => c === 0).length);
    expect(codes.filter((c) => c === 0).length).toBeGreaterThan(0);
  }, 120_000);

  it('50 simultaneous toggles on one note all apply or refuse, none lost', async () => {
    const dir = vault({ 'Note.md': TASKS });
    const codes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => new Promise<number>((resolve) => {
        spawn(process.execPath, [BIN, 'toggle', dir, `Note.md:${i + 1}`, '--today', TODAY]).on('close', (c) => resolve(c ?? -1));
      })),
    );
    const done = readFileSync(join(dir, 'Note.md'), 'utf8').split('\n').filter((l) => l.startsWith('- [x]')).length;
    expect(done).toBe(codes.filter((c) => c === 0).length);
    expect(codes.every((c) => c === 0 || c === 1)).toBe(true);
  });
});

describe('nothing outside the vault', () => {
  it('a planted symlink at the temp name is not followed', () => {
    const outside = vault({ 'victim.txt': 'keep me\n' });
    const dir = vault({ 'Note.md': TASKS });
    // `exec` keeps the shell's process id: the link sits where the old guessable name pointed.
    const r = spawnSync('sh', ['-c', `ln -s "$1" "$2/.Note.md.$$.tmp"; exec "$3" "$4" toggle "$2" Note.md:1 --today ${TODAY}`, 'sh', join(outside, 'victim.txt'), dir, process.execPath, BIN], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('keep me\n');
    expect(lstatSync(join(dir, 'Note.md')).isFile()).toBe(true);
  });

  it('a note symlinked outside the vault is refused; one linked inside is written at its target', () => {
    const outside = vault({ 'Far.md': '- [ ] far\n' });
    const dir = vault({ 'Real.md': '- [ ] near\n' });
    symlinkSync(join(outside, 'Far.md'), join(dir, 'Out.md'));
    symlinkSync(join(dir, 'Real.md'), join(dir, 'Alias.md'));
    const out = program(['toggle', dir, 'Out.md:1', '--today', TODAY]);
    expect(out.status).toBe(1);
    expect(readFileSync(join(outside, 'Far.md'), 'utf8')).toBe('- [ ] far\n');
    expect(program(['toggle', dir, 'Alias.md:1', '--today', TODAY]).status).toBe(0);
    expect(lstatSync(join(dir, 'Alias.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'Real.md'), 'utf8')).toBe(`- [x] near ✅ ${TODAY}\n`);
  });

  it('hidden folders and files other than notes are not edited', () => {
    const dir = vault({ '.trash/Note.md': '- [ ] a\n', 'Note.txt': '- [ ] a\n' });
    expect(program(['toggle', dir, '.trash/Note.md:1', '--today', TODAY]).status).toBe(1);
    expect(program(['toggle', dir, 'Note.txt:1', '--today', TODAY]).status).toBe(1);
    expect(readFileSync(join(dir, 'Note.txt'), 'utf8')).toBe('- [ ] a\n');
  });
});

describe('respect the file', () => {
  const asRoot = process.getuid?.() === 0;
  (asRoot ? it : it.skip)('a read-only note as another user is refused (exit 1)', () => {
    const dir = vault({ 'Note.md': TASKS });
    chmodSync(dir, 0o777);
    const r = program(['toggle', dir, 'Note.md:1', '--today', TODAY], { uid: 65534, gid: 65534 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('read-only');
    expect(readFileSync(join(dir, 'Note.md'), 'utf8')).toBe(TASKS);
    expect(statSync(join(dir, 'Note.md')).uid).toBe(0);
  });

  (asRoot ? it : it.skip)('ownership is kept when run as root', () => {
    const dir = vault({ 'Note.md': TASKS });
    chownSync(join(dir, 'Note.md'), 1234, 2345);
    chmodSync(join(dir, 'Note.md'), 0o640);
    expect(toggle(dir, 1).status).toBe(0);
    const st = statSync(join(dir, 'Note.md'));
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([1234, 2345, 0o640]);
  });
});

describe('only tasks, on one line', () => {
  it('task-looking lines in code fences, comments and indented code are not a task (exit 1)', () => {
    const text = '- [ ] real\n~~~~\n- [ ] fenced\n~~~~\n%%\n- [ ] comment\n%%\n<!--\n- [ ] html\n-->\n\n    - [ ] code\n';
    const dir = vault({ 'Note.md': text });
    for (const line of [3, 6, 9, 12]) expect(toggle(dir, line).status).toBe(1);
    expect(readFileSync(join(dir, 'Note.md'), 'utf8')).toBe(text);
  });

  it('a BOM before a task on line 1 does not hide it', () => {
    const dir = vault({ 'Note.md': '\ufeff- [ ] first\n' });
    expect(toggle(dir, 1).status).toBe(0);
    expect(readFileSync(join(dir, 'Note.md'), 'utf8')).toBe(`\ufeff- [x] first ✅ ${TODAY}\n`);
  });

  it('text with a line break in --expect or a sub-step is bad usage (exit 2)', () => {
    const dir = vault({ 'Note.md': TASKS });
    expect(toggle(dir, 1, ['--expect', '- [ ] step 0\n- [ ] x']).status).toBe(2);
    expect(program(['break-down', dir, 'Note.md:1', 'a\nb', '--today', TODAY]).status).toBe(2);
    expect(readFileSync(join(dir, 'Note.md'), 'utf8')).toBe(TASKS);
  });

  it('a date past 9999 is refused with one line, nothing written', () => {
    const dir = vault({ 'Note.md': '- [ ] a 📅 9999-12-31\n' });
    const r = program(['postpone', dir, 'Note.md:1', '+1d', '--today', TODAY]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(dir, 'Note.md'), 'utf8')).toBe('- [ ] a 📅 9999-12-31\n');
    writeFileSync(join(dir, 'N2.md'), '- [ ] a 📅 2027-01-01\n');
    const big = program(['break-down', dir, 'N2.md:1', 'x ~99999999999999999999d', '--extend', '--today', TODAY]);
    expect(big.status).toBe(1);
    expect(big.stderr).not.toMatch(/Infinity|NaN/);
  });
});
