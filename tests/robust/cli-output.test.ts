/* eslint-disable no-control-regex -- control characters are what these tests are about */
/**
 * Output cut short, control characters, bad usage: the real command line through pipes and
 * files, and in process.
 */
import { openSync, closeSync, existsSync } from 'node:fs';
import { closedEarly, cli, program, removeVaults, TODAY, vault } from './cli-helpers';
import { CLOSED_PIPE_EXIT } from '../../src/cli/output';
import { safe } from '../../src/cli/terminal';

afterAll(removeVaults);

function bigVault(): string {
  const notes: Record<string, string> = {};
  for (let g = 0; g < 30; g++) {
    let body = `---\ntype: goal\nstart: 2026-01-01\ntarget: 2027-01-01\n---\n# Goal ${g}\n`;
    // A zero weight on each step gives `check` a long list of problems to print too.
    for (let s = 0; s < 400; s++) body += `- [ ] step ${s} of goal ${g} with some words 📅 2026-12-0${(s % 9) + 1} [weight:: 0]\n`;
    notes[`Goal ${g}.md`] = body;
  }
  return vault(notes);
}

describe('output cut short', () => {
  const dir = bigVault();

  it.each([
    ['report', ['report', dir, '--today', TODAY]],
    ['report --json', ['report', dir, '--today', TODAY, '--json']],
    ['check --json', ['check', dir, '--today', TODAY, '--json']],
  ])('%s into a pipe closed after the first chunk ends quietly', async (_name, args) => {
    const r = await closedEarly(args);
    expect(r.got).toBeGreaterThan(0);
    expect(r.err).toBe('');
    expect(r.code).toBe(CLOSED_PIPE_EXIT);
  });

  const full = existsSync('/dev/full') ? it : it.skip;
  full('a full disk is one line on standard error and exit 2, no stack trace', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = program(['report', dir, '--today', TODAY, '--json'], { stdio: ['ignore', fd, 'pipe'] });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('action-plan: cannot write the output (ENOSPC)\n');
    } finally {
      closeSync(fd);
    }
  });
});

describe('usage', () => {
  it.each([
    [['report', ''], 'the vault path is empty'],
    [['check', '  '], 'the vault path is empty'],
    [['outline', ''], 'the note path is empty'],
  ])('%j is bad usage', (argv, message) => {
    const r = cli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });
});

// A lone CR in a note ends the line (as in Obsidian's editor), so steps carry none; titles do.
const CONTROLS = '\u001b[2J\u001b]0;owned\u0007 BEL\u0007 C1\u009b31m back\u0008 RLO\u202e';

describe('a terminal is not a target', () => {
  const dir = vault({
    [`Esc\u001b[31m.md`]: `---\ntype: goal\ntitle: "Title\\r ${CONTROLS.replace(/\\/g, '\\\\').replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a').replace(/\r/g, '\\r').replace(/\u0008/g, '\\b')}"\nstart: 2026-01-01\ntarget: 2026-12-31\ncheckpoints:\n  - date: 2026-06-01\n    label: "Label \\e[5m"\n---\n- [ ] Step ${CONTROLS} #help 📅 2026-11-01\n- [ ] [[Missing\u001b[1m]]\n`,
  });

  /** The text with our own colour codes taken out: what is left must hold no control character but newlines. */
  const stray = (text: string): string[] => [...text.replace(/\u001b\[\d+m/g, '').matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/g)].map((m) => m[0]);

  it.each([
    ['report', false],
    ['report', true],
    ['check', false],
    ['check', true],
  ])('%s (colour %p) prints no control character from a note', (command, color) => {
    const r = cli([command, dir, '--today', TODAY], color);
    expect(r.out).toContain(command === 'report' ? 'Step' : 'Label');
    expect(stray(r.out)).toEqual([]);
    expect(stray(r.err)).toEqual([]);
  });

  it('shows the characters as visible signs', () => {
    const r = cli(['report', dir, '--today', TODAY]);
    expect(r.out).toContain('Step ␛[2J␛]0;owned␇ BEL␇ C1\ufffd31m back␈ RLO\ufffd');
    expect(r.out).toContain('Title␍ ␛[2J');
  });

  it('keeps the text exact in JSON', () => {
    const r = cli(['report', dir, '--today', TODAY, '--json']);
    const data = JSON.parse(r.out) as { goals: { title: string; help: { text: string }[] }[] };
    expect(data.goals[0]?.help[0]?.text).toBe(`Step ${CONTROLS} #help`);
    expect(data.goals[0]?.title).toContain('\u001b[2J');
  });

  it.each([
    ['plain text', 'plain text'],
    ['tab\there', 'tab␉here'],
    ['del\u007f', 'del␡'],
    ['nul\u0000', 'nul␀'],
    ['\u0085next line', '\ufffdnext line'],
  ])('safe(%j)', (text, shown) => {
    expect(safe(text)).toBe(shown);
  });
});
/* eslint-enable no-control-regex -- end of the file */
