/**
 * One bad file never stops the run, nothing is dropped without a word, dates that contradict
 * each other: real vault folders on disk, read by the command line.
 */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, program, removeVaults, TODAY, vault } from './cli-helpers';
import { loadVault } from '../../src/cli/load';
import { dayFromCivil } from '../../src/engine/days/dates';
import { DEFAULT_ENGINE_OPTIONS, type Problem } from '../../src/engine/types';

afterAll(removeVaults);

interface Goal {
  path: string;
  title: string;
  progress: { done: number; total: number; percent: number };
  problems: Problem[];
  tree: { children: { text: string; line: number; children: unknown[] }[] };
}

function report(dir: string): Goal[] {
  const r = cli(['report', dir, '--today', TODAY, '--json']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as { goals: Goal[] }).goals;
}

function check(dir: string): { code: number; problems: Problem[] } {
  const r = cli(['check', dir, '--today', TODAY, '--json']);
  expect(r.err).toBe('');
  return { code: r.code, problems: (JSON.parse(r.out) as { problems: Problem[] }).problems };
}

const codes = (problems: Problem[]): string[] => problems.map((p) => `${p.path}:${p.line} ${p.severity} ${p.code}`);
const GOAL = '---\ntype: goal\n---\n';

describe('one bad file never stops the run', () => {
  it('a file name that is not UTF-8 is an unreadable note where a goal reaches it', () => {
    const dir = vault({ 'Goal.md': `${GOAL}- [ ] see [[Bad\ufffdname]]\n- [ ] other\n` });
    writeFileSync(Buffer.concat([Buffer.from(dir + '/Bad'), Buffer.from([0xff]), Buffer.from('name.md')]), '- [ ] inner\n');
    const [goal] = report(dir);
    expect(codes(goal?.problems ?? [])).toEqual(['Bad\ufffdname.md:0 error unreadable-note']);
    expect(goal?.progress.total).toBe(2);
    const c = check(dir);
    expect(c.code).toBe(1);
  });

  it('a note nothing reaches is a warning of the vault, and check does not fail on it', () => {
    const dir = vault({ 'Goal.md': `${GOAL}- [ ] fine\n` });
    writeFileSync(Buffer.concat([Buffer.from(dir + '/Lost'), Buffer.from([0xc3, 0x28]), Buffer.from('.md')]), 'x');
    const c = check(dir);
    expect(codes(c.problems)).toEqual(['Lost\ufffd(.md:0 warning unreadable-note']);
    expect(c.code).toBe(0);
  });

  it('unreadable notes and folders (as a user without the right to read them)', () => {
    const dir = vault({
      'Goal.md': `${GOAL}- [ ] read [[Secret]]\n- [ ] read [[Locked/Inner]]\n- [ ] fine\n`,
      'Secret.md': '- [ ] a\n- [ ] b\n',
      'Locked/Inner.md': '- [ ] x\n',
    });
    chmodSync(join(dir, 'Secret.md'), 0o000);
    chmodSync(join(dir, 'Locked'), 0o000);
    try {
      // Root reads everything: the program then runs as `nobody`, who cannot.
      const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      // The program rebuilds its bundle when the sources are newer: done here, as the owner.
      program(['check', '']);
      chmodSync(dir, 0o755);
      const r = program(['check', dir, '--today', TODAY, '--json'], asOther);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      const problems = (JSON.parse(r.stdout) as { problems: Problem[] }).problems;
      expect(codes(problems)).toEqual(['Goal.md:4 warning unresolved-link', 'Locked:0 warning unreadable-note', 'Secret.md:0 error unreadable-note']);
      const rep = program(['report', dir, '--today', TODAY], asOther);
      expect(rep.status).toBe(0);
      expect(rep.stdout).toContain('Secret.md:1  error  unreadable-note  The note cannot be read (EACCES)');
    } finally {
      chmodSync(join(dir, 'Secret.md'), 0o644);
      chmodSync(join(dir, 'Locked'), 0o755);
    }
  });
});

describe('symbolic links', () => {
  const outside = vault({ 'Elsewhere.md': '- [ ] not in the vault\n', 'Sub/Deep.md': '- [ ] nor this\n' });
  const dir = vault({
    'Goal.md': `${GOAL}- [ ] [[Alias]]\n- [ ] [[Linked/Shared]]\n- [ ] [[Outside]]\n- [ ] [[Far/Deep]]\n`,
    'Real/Shared.md': '- [x] shared step\n',
    'Target.md': '- [ ] one\n- [x] two\n',
  });
  symlinkSync(join(dir, 'Target.md'), join(dir, 'Alias.md'));
  symlinkSync(join(dir, 'Real'), join(dir, 'Linked'));
  symlinkSync(dir, join(dir, 'Real', 'Loop'));
  symlinkSync(join(outside, 'Elsewhere.md'), join(dir, 'Outside.md'));
  symlinkSync(join(outside, 'Sub'), join(dir, 'Far'));
  symlinkSync(join(dir, 'Nothing.md'), join(dir, 'Dangling.md'));

  it('follows links inside the vault, cuts loops, never follows links outside, and says so', () => {
    const [goal] = report(dir);
    expect(goal?.progress).toEqual({ done: 2, total: 5, percent: 40 });
    expect(codes(goal?.problems ?? [])).toEqual(['Goal.md:6 warning unresolved-link', 'Outside.md:0 warning skipped-link']);
    const c = check(dir);
    expect(codes(c.problems)).toEqual([
      'Dangling.md:0 warning skipped-link',
      'Far:0 warning skipped-link',
      'Goal.md:6 warning unresolved-link',
      // The folder is read under both its names (as Obsidian lists it); the loop is cut in each.
      'Linked/Loop:0 warning skipped-link',
      'Outside.md:0 warning skipped-link',
      'Real/Loop:0 warning skipped-link',
    ]);
    expect(c.problems.find((p) => p.path === 'Outside.md')?.message).toContain('outside the vault');
    expect(c.problems.find((p) => p.path === 'Real/Loop')?.message).toContain('already read');
  });
});

describe('nothing dropped without a word', () => {
  it.each([
    ['frontmatter that never closes', '---\ntype: goal\nstart: 2026-01-01\n- [ ] step\n', 'bad-frontmatter', 0],
    ['start after target', '---\ntype: goal\nstart: 2027-01-01\ntarget: 2026-06-01\n---\n- [ ] s\n', 'bad-dates', 2],
    ['a tag that would turn an impossible date real', '---\ntype: goal\nstart: !!timestamp 2027-13-45\n---\n- [ ] s\n', 'bad-date', 2],
    ['an unknown YAML tag (a warning of the library)', '---\ntype: goal\ntitle: !mystery Plan\n---\n- [ ] s\n', 'yaml-warning', 2],
    ['a weight of zero', `${GOAL}- [ ] s [weight:: 0]\n`, 'bad-weight', 3],
    ['a weight past the maximum', `${GOAL}- [ ] s [weight:: 1e9]\n`, 'bad-weight', 3],
    ['a weight that is not a number', `${GOAL}- [ ] s [weight:: heavy]\n`, 'bad-weight', 3],
  ])('%s', (_name, text, code, line) => {
    const dir = vault({ 'Goal.md': text });
    const [goal] = report(dir);
    expect(goal?.problems.map((p) => `${p.code}@${p.line}`)).toContain(`${code}@${line}`);
    expect(goal?.progress.total).toBe(1);
  });

  it('a note whose frontmatter never closes and is no goal stays quiet', () => {
    const dir = vault({ 'Note.md': '---\ntitle: just a note\n- [ ] step\n', 'Goal.md': `${GOAL}- [ ] [[Note]]\n` });
    expect(report(dir).map((g) => g.path)).toEqual(['Goal.md']);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['lone CR', '\r'],
  ])('%s line endings are lines, and so are mixed ones', (_name, eol) => {
    const lines = ['---', 'type: goal', 'start: 2026-01-01', '---', '# Phase', '- [x] one', '- [ ] two', '    - [ ] two.a'];
    const mixed = lines.map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : '\n')).join('');
    const uniform = lines.join(eol) + eol;
    const a = report(vault({ 'Goal.md': uniform }));
    const b = report(vault({ 'Goal.md': mixed }));
    for (const goals of [a, b]) {
      expect(goals[0]?.problems).toEqual([]);
      expect(goals[0]?.progress).toEqual({ done: 1, total: 2, percent: 50 });
      expect(goals[0]?.tree.children[0]?.text).toBe('Phase');
      expect(goals[0]?.tree.children[0]?.line).toBe(4);
    }
  });
});

describe('names compared as Obsidian compares them', () => {
  it('NFC and NFD name the same note', () => {
    const nfd = 'Cafe\u0301';
    const dir = vault({ [`${nfd}.md`]: '- [x] coffee\n', 'Goal.md': `${GOAL}- [ ] [[Caf\u00e9]]\n` });
    const [goal] = report(dir);
    expect(goal?.problems).toEqual([]);
    expect(goal?.progress.done).toBe(1);
  });

  it('of two files that differ only in case, the exact-case one wins', () => {
    const dir = vault({ 'Goal.md': `${GOAL}- [ ] [[plan]]\n- [ ] [[PLAN]]\n` });
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'Plan.md'), '- [x] upper\n');
    writeFileSync(join(dir, 'plan.md'), '- [ ] lower\n- [ ] lower too\n');
    const r = cli(['report', dir, '--today', TODAY, '--json']);
    const tree = (JSON.parse(r.out) as { goals: { tree: { children: { link: string | null }[] } }[] }).goals[0]?.tree;
    // A file system that folds case keeps one of them; then both links reach it.
    const both = tree?.children.map((c) => c.link);
    expect(both?.[0]).toBe('plan.md');
    expect(['Plan.md', 'plan.md']).toContain(both?.[1]);
  });
});

describe('the goals folder', () => {
  it('an unreadable note there is listed as a goal with the error', () => {
    const dir = vault({ 'Goals/Fine.md': '- [ ] ok\n', 'Note.md': 'text\n' });
    writeFileSync(Buffer.concat([Buffer.from(dir + '/Goals/Bad'), Buffer.from([0xfe]), Buffer.from('.md')]), '- [ ] x\n');
    const reports = loadVault(dir, { ...DEFAULT_ENGINE_OPTIONS, goalFolder: 'Goals' }).index.reports(dayFromCivil(2026, 11, 25));
    expect(reports.map((g) => [g.path, g.problems.map((p) => p.code)])).toEqual([
      ['Goals/Bad\ufffd.md', ['unreadable-note']],
      ['Goals/Fine.md', []],
    ]);
  });

  it('the human report counts what was skipped', () => {
    const dir = vault({ 'Goal.md': `${GOAL}- [ ] fine\n` });
    symlinkSync('/', join(dir, 'Root'));
    const r = cli(['report', dir, '--today', TODAY]);
    expect(r.out).toContain('1 files or folders of the vault were skipped; `action-plan check` says why.');
  });
});
