/**
 * `--dry-run` diffs are exact: applied by patch(1) they give the bytes a real run writes, for
 * LF, CRLF, lone-CR and mixed line endings, with and without a final newline. The real program.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { program, removeVaults, vault } from './cli-helpers';

afterAll(removeVaults);

const LINES = ['---', 'type: goal', 'start: 2026-11-01', 'checkpoints:', '  - date: 2026-11-20', '---', '# Goal', '- [x] one', '- [ ] two', 'last words'];

/** The goal note with the given line endings (one per line, cycled); `final` ends the last line. */
function note(eols: string[], final: boolean): string {
  return LINES.map((l, i) => l + (i === LINES.length - 1 && !final ? '' : (eols[i % eols.length] ?? '\n'))).join('');
}

const CASES: [string, string][] = [
  ['LF', note(['\n'], true)],
  ['LF without a final newline', note(['\n'], false)],
  ['CRLF', note(['\r\n'], true)],
  ['CRLF without a final newline', note(['\r\n'], false)],
  ['lone CR', note(['\r'], true)],
  ['lone CR without a final newline', note(['\r'], false)],
  ['mixed', note(['\n', '\r\n', '\r'], true)],
  ['mixed without a final newline', note(['\r\n', '\r', '\n'], false)],
];

const EDITS: [string, string[]][] = [
  ['toggle', ['toggle', 'G.md:9']],
  ['review', ['review', '--goal', 'G', '--feeling', '4']],
  ['status', ['status', '--goal', 'G', 'paused', '--reason', 'A break']],
];

describe.each(CASES)('note: %s', (_name, text) => {
  it.each(EDITS)('the %s --dry-run diff, applied by patch -p1, gives the bytes the real run writes', (_edit, [command = '', ...args]) => {
    const real = vault({ 'G.md': text });
    const dry = mkdtempSync(join(tmpdir(), 'action-plan-diff-'));
    cpSync(real, dry, { recursive: true });
    const d = program([command, dry, ...args, '--today', '2026-11-25', '--dry-run']);
    expect(d.status).toBe(0);
    expect(readFileSync(join(dry, 'G.md'), 'utf8')).toBe(text);
    expect(program([command, real, ...args, '--today', '2026-11-25']).status).toBe(0);
    writeFileSync(join(dry, 'change.patch'), d.stdout);
    const p = spawnSync('patch', ['-p1', '-i', 'change.patch'], { cwd: dry, encoding: 'utf8' });
    expect({ status: p.status, out: p.stdout + p.stderr }).toEqual({ status: 0, out: 'patching file G.md\n' });
    expect(readFileSync(join(dry, 'G.md'), 'utf8')).toBe(readFileSync(join(real, 'G.md'), 'utf8'));
  });
});

it('a last line that gains a newline is shown removed with "No newline at end of file" and added back', () => {
  const dir = vault({ 'G.md': note(['\r\n'], false) });
  const d = program(['status', dir, '--goal', 'G', 'paused', '--reason', 'A break', '--today', '2026-11-25', '--dry-run']);
  expect(d.stdout.split('\n').slice(-8)).toEqual([
    ' - [ ] two\r',
    '-last words',
    '\\ No newline at end of file',
    '+last words\r',
    '+\r',
    '+## Decisions\r',
    '+- 2026-11-25 — Paused: A break.\r',
    '',
  ]);
});
