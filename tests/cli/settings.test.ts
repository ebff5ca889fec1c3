/**
 * The command line reads the vault's own plugin settings (`.obsidian/plugins/action-plan/data.json`),
 * migrated as the plugin migrates them, unless `--no-settings`: `report` and the sidebar agree.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../src/cli/main';
import { goalJson } from '../../src/engine/report/json-report';
import ActionPlanPlugin from '../../src/main';
import { createTestApp, startPlugin, stopPlugin } from '../host';
import { freezeToday, TODAY } from '../plugin/helpers';

const DATA = '.obsidian/plugins/action-plan/data.json';
const BIN = join(__dirname, '..', '..', 'bin', 'action-plan.js');

/** Notes that are goals only under the custom settings: a goals folder and a custom key. */
const NOTES: Record<string, string> = {
  'Plans/Garden.md': '# Garden\n\n- [ ] Dig the beds 📅 2026-12-01\n- [x] Buy seeds ✅ 2026-11-20\n',
  'Projects/Choir.md': '---\nkind: ambition\n---\n# Choir\n\n- [ ] Join a choir #ask\n',
  'Projects/Not a goal.md': '---\ntype: goal\n---\n# Would be a goal with the defaults\n\n- [ ] A task\n',
};
/** Saved by an older version: the help tag without `#` (migration adds it). */
const SETTINGS = { goalFolder: 'Plans', goalKey: 'kind', goalValue: 'ambition', helpTag: 'ask' };

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function vault(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'action-plan-settings-'));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function report(dir: string, ...flags: string[]): { code: number; goals: { path: string; help: unknown[] }[]; err: string } {
  let out = '';
  let err = '';
  const code = run(['report', dir, '--today', TODAY, '--json', ...flags], { out: (t) => (out += t), err: (t) => (err += t), color: false });
  const goals = code === 0 ? (JSON.parse(out) as { goals: { path: string; help: unknown[] }[] }).goals : [];
  return { code, goals, err };
}

describe('the vault\'s plugin settings', () => {
  it('finds the goals of a goals folder and a custom goal key, with the migrated help tag', () => {
    const dir = vault({ ...NOTES, [DATA]: JSON.stringify(SETTINGS) });
    const r = report(dir);
    expect(r.err).toBe('');
    expect(r.goals.map((g) => g.path)).toEqual(['Plans/Garden.md', 'Projects/Choir.md']);
    expect(r.goals[1]?.help).toHaveLength(1);
  });

  it('with --no-settings reads with the defaults', () => {
    const dir = vault({ ...NOTES, [DATA]: JSON.stringify(SETTINGS) });
    expect(report(dir, '--no-settings').goals.map((g) => g.path)).toEqual(['Projects/Not a goal.md']);
  });

  it('check reads them too', () => {
    const dir = vault({ ...NOTES, [DATA]: JSON.stringify(SETTINGS) });
    let out = '';
    expect(run(['check', dir, '--today', TODAY], { out: (t) => (out += t), err: () => undefined, color: false })).toBe(0);
    expect(out).toContain('2 goals');
  });

  it.each([
    ['broken JSON', '{ "goalFolder": "Plans", ', 'is not valid JSON'],
    ['a list', '["Plans"]', 'holds no settings object'],
  ])('%s: one warning line on standard error, then the defaults', (_name, text, words) => {
    const dir = vault({ ...NOTES, [DATA]: text });
    const r = report(dir);
    expect(r.code).toBe(0);
    expect(r.err.split('\n').filter((l) => l !== '')).toEqual([expect.stringContaining(words) as string]);
    expect(r.err).toMatch(/^action-plan: warning: \.obsidian\/plugins\/action-plan\/data\.json .*; using the default settings\n$/);
    expect(r.goals.map((g) => g.path)).toEqual(['Projects/Not a goal.md']);
  });

  it('a data.json that cannot be read (a folder): a warning, the defaults, exit 0 from the real binary', () => {
    const dir = vault({ ...NOTES, [`${DATA}/oops.txt`]: '' });
    const r = spawnSync(process.execPath, [BIN, 'report', dir, '--today', TODAY, '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^action-plan: warning: cannot read \.obsidian\/plugins\/action-plan\/data\.json \(EISDIR\); using the default settings\n$/);
  });

  it('the command line and the plugin over the same settings give the same report', async () => {
    freezeToday();
    try {
      const dir = vault({ ...NOTES, [DATA]: JSON.stringify(SETTINGS) });
      let out = '';
      run(['report', dir, '--today', TODAY, '--json'], { out: (t) => (out += t), err: () => undefined, color: false });
      const app = createTestApp(NOTES);
      app.workspace.setLayoutReady();
      const plugin = await startPlugin(ActionPlanPlugin, app, {}, SETTINGS);
      await app.settle();
      await plugin.index.whenBuilt();
      expect({ today: TODAY, goals: plugin.index.reports().map(goalJson) }).toEqual(JSON.parse(out));
      await stopPlugin(plugin);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('an unusable settings file gives every command the same clean warning', () => {
  // The file starts with an escape sequence that would retitle the terminal, then a bell.
  const HOSTILE = '\u001b]0;pwned\u0007{ "goalFolder": "Plans" }';
  const GOAL = 'Trip.md';
  const TRIP = '---\ntype: goal\n---\n- [ ] Book flights 📅 2026-11-01\n';

  function run1(argv: string[]): { code: number; err: string } {
    let err = '';
    const code = run(argv, { out: () => undefined, err: (t) => (err += t), color: false });
    return { code, err };
  }

  it('check, an edit command and a goal command print one identical warning, with its control characters shown as signs', () => {
    const dir = vault({ ...NOTES, [GOAL]: TRIP, [DATA]: HOSTILE });
    const runs = [
      run1(['check', dir, '--today', TODAY]),
      run1(['reschedule-overdue', dir, '--goal', 'Trip', '--today', TODAY, '--dry-run']),
      run1(['summary', dir, '--goal', 'Trip', '--today', TODAY]),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const warnings = runs.map((r) => r.err.split('\n').filter((l) => l.startsWith('action-plan: warning:')));
    expect(warnings.map((w) => w.length)).toEqual([1, 1, 1]);
    const [first] = warnings[0] ?? [];
    expect(warnings).toEqual([[first], [first], [first]]);
    expect(first).toMatch(/^action-plan: warning: \.obsidian\/plugins\/action-plan\/data\.json is not valid JSON \(.*␛\]0;pwned␇.*\); using the default settings$/);
    // eslint-disable-next-line no-control-regex -- no control character but the line ends reaches the terminal
    for (const r of runs) expect(r.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    // The defaults were used (the goal was found), and the dry run wrote nothing.
    expect(runs[1]?.err).toContain('Trip.md: ');
    expect(readFileSync(join(dir, GOAL), 'utf8')).toBe(TRIP);
  });
});
