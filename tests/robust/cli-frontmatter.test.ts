/**
 * Frontmatter the command line cannot edit safely is refused with the reason and left as it was;
 * anchors and aliases go through the YAML document so that no other key changes value; a note
 * with lone-CR line endings is edited in its own endings. The real program, as a process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { program, removeVaults, vault } from './cli-helpers';

afterAll(removeVaults);

const BODY = '# Goal\n- [x] one\n- [ ] two\n';
const status = (dir: string, goal: string): ReturnType<typeof program> => program(['status', dir, '--goal', goal, 'paused', '--reason', 'A break', '--today', '2026-11-25']);
const review = (dir: string, goal: string): ReturnType<typeof program> => program(['review', dir, '--goal', goal, '--feeling', '4', '--today', '2026-11-25']);
const yamlOf = (text: string): unknown => parse(text.slice(4, text.indexOf('\n---\n') + 1));

describe('frontmatter the command line cannot edit safely', () => {
  const CP = 'checkpoints:\n  - date: 2026-11-20\n';
  it.each([
    ['never closed', '---\ntype: goal\nstart: 2026-11-01\nstatus: active\n' + BODY, ['status'], 'the frontmatter opened by the first line "---" never closes with a "---" line'],
    ['not readable YAML', '---\ntype: goal\nstart: 2026-11-01\nstatus: active\ntags: [goal\n---\n' + BODY, ['status'], 'the frontmatter cannot be read (line 6): Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a key twice', `---\ntype: goal\nstart: 2026-11-01\nstatus: active\nstatus: paused\n${CP}---\n` + BODY, ['status', 'review'], 'the frontmatter has the key "status" twice (line 5)'],
    ['a checkpoint key twice', `---\ntype: goal\nstart: 2026-11-01\n${CP}    date: 2026-11-21\n---\n` + BODY, ['status', 'review'], 'the frontmatter has the key "date" twice (line 6)'],
  ])('%s: the edit is refused (exit 1) with the reason, the note unchanged', (_name, text, commands, reason) => {
    const dir = vault({ 'G.md': text });
    for (const command of commands) {
      const r = command === 'status' ? status(dir, 'G') : review(dir, 'G');
      expect({ command, code: r.status, err: r.stderr, out: r.stdout }).toEqual({ command, code: 1, err: `action-plan: G.md: ${reason}\n`, out: '' });
      expect(readFileSync(join(dir, 'G.md'), 'utf8')).toBe(text);
    }
  });
});

describe('anchors and aliases', () => {
  it('status on a value with an anchor that another key reads changes no other key', () => {
    const dir = vault({ 'G.md': '---\ntype: goal\nstart: &s 2026-11-01\ncreated: *s\nstatus: &st active\nprevious: *st\n---\n' + BODY });
    expect(status(dir, 'G').status).toBe(0);
    const text = readFileSync(join(dir, 'G.md'), 'utf8');
    expect(yamlOf(text)).toEqual({ type: 'goal', start: '2026-11-01', created: '2026-11-01', status: 'paused', previous: 'active' });
    expect(text.endsWith(`---\n${BODY}\n## Decisions\n- 2026-11-25 — Paused: A break.\n`)).toBe(true);
  });

  it('a review of a checkpoint with an anchor that another key reads changes only that checkpoint', () => {
    const dir = vault({ 'G.md': '---\ntype: goal\nstart: 2026-11-01\ntarget: 2026-12-31\ncheckpoints:\n  - &first\n    date: 2026-11-20\n    expect: 30\nfirst: *first\n---\n' + BODY });
    expect(review(dir, 'G').status).toBe(0);
    expect(yamlOf(readFileSync(join(dir, 'G.md'), 'utf8'))).toEqual({
      type: 'goal', start: '2026-11-01', target: '2026-12-31',
      checkpoints: [{ date: '2026-11-20', expect: 30, progress: 50, feeling: 4, reviewed: '2026-11-25' }],
      first: { date: '2026-11-20', expect: 30 },
    });
  });

  it('a review of a checkpoint that is an alias writes a copy and leaves the anchored value as it was', () => {
    const dir = vault({ 'G.md': '---\ntype: goal\nstart: 2026-11-01\nbase: &b\n  date: 2026-11-20\n  expect: 30\ncheckpoints:\n  - *b\n---\n' + BODY });
    expect(review(dir, 'G').status).toBe(0);
    expect(yamlOf(readFileSync(join(dir, 'G.md'), 'utf8'))).toEqual({
      type: 'goal', start: '2026-11-01', base: { date: '2026-11-20', expect: 30 },
      checkpoints: [{ date: '2026-11-20', expect: 30, progress: 50, feeling: 4, reviewed: '2026-11-25' }],
    });
  });
});

describe('lone-CR frontmatter (old Mac line endings)', () => {
  const note = '---\rtype: goal\rstart: 2026-11-01\rstatus: active\rcheckpoints:\r  - date: 2026-11-20\r    expect: 30\r---\r# Goal\r- [x] one\r- [ ] two\r';

  it('status replaces the value and logs the decision in CR lines', () => {
    const dir = vault({ 'G.md': note });
    expect(status(dir, 'G').status).toBe(0);
    expect(readFileSync(join(dir, 'G.md'), 'utf8')).toBe(note.replace('status: active', 'status: paused') + '\r## Decisions\r- 2026-11-25 — Paused: A break.\r');
  });

  it('a review writes its keys into the checkpoint and its entry under Reviews in CR lines', () => {
    const dir = vault({ 'G.md': note });
    expect(review(dir, 'G').status).toBe(0);
    expect(readFileSync(join(dir, 'G.md'), 'utf8')).toBe(
      note.replace('    expect: 30\r', '    expect: 30\r    progress: 50\r    feeling: 4\r    reviewed: 2026-11-25\r') +
        '\r## Reviews\r- 2026-11-25 — Checkpoint of 2026-11-20. 50% against 30% expected. Feeling 4/5.\r',
    );
  });

  it('status adds a missing key as the last frontmatter line, in CR', () => {
    const without = note.replace('status: active\r', '');
    const dir = vault({ 'G.md': without });
    expect(status(dir, 'G').status).toBe(0);
    expect(readFileSync(join(dir, 'G.md'), 'utf8')).toBe(without.replace('    expect: 30\r---', '    expect: 30\rstatus: paused\r---') + '\r## Decisions\r- 2026-11-25 — Paused: A break.\r');
  });
});
