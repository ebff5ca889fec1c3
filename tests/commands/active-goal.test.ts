/**
 * One rule for "the goal a command means", in the step and the goal commands alike: the note's
 * own goal when the open note is a goal; else the only goal that reads it; else a list of the
 * goals that read it; a goal command on a note no goal reads lists every goal.
 */
import type ActionPlanPlugin from '../../src/main';
import type { GoalReport } from '../../src/engine/types';
import { InMemoryVault, Modal, Notice, Setting, stopPlugin, SuggestModal, type TestApp } from '../host';
import { freezeToday, startWith } from '../plugin/helpers';

// Alpha and Beta both read Shared; Beta also reads Alpha's note; only Gamma reads Solo.
const NOTES: Record<string, string> = {
  'Alpha.md': '---\ntype: goal\ntarget: 2026-12-31\n---\n- [ ] Alpha first 📅 2026-11-20\n- [ ] Shared work [[Shared]]\n',
  'Beta.md': '---\ntype: goal\ntarget: 2027-01-31\n---\n- [ ] Beta first 📅 2026-10-20\n- [ ] Beta work [[Shared]]\n- [ ] Follow Alpha [[Alpha]]\n',
  'Gamma.md': '---\ntype: goal\n---\n- [ ] Solo work [[Solo]]\n',
  'Shared.md': '# Shared\n- [ ] Record 📅 2026-11-01\n- [ ] Edit\n',
  'Solo.md': '# Solo\n- [ ] Solo step 📅 2026-11-02\n',
  'Loose.md': '# Loose\n- [ ] Buy milk\n',
};

let app: TestApp;
let plugin: ActionPlanPlugin;
let before: Record<string, string>;

beforeEach(async () => {
  freezeToday();
  [Notice, Modal, Setting].forEach((kind) => kind.clear());
  ({ app, plugin } = await startWith(InMemoryVault.fromRecord({ ...NOTES })));
  before = app.vault.snapshot();
});

afterEach(async () => {
  await stopPlugin(plugin);
  Modal.clear();
  jest.useRealTimers();
});

/** Runs a command from a note, the cursor on the line holding `needle`. */
async function runFrom(id: string, path: string, needle = '#'): Promise<void> {
  const line = (NOTES[path] ?? '').split('\n').findIndex((l) => l.includes(needle));
  await app.workspace.openNote(path, Math.max(line, 0));
  expect(await app.commands.run(id)).toBe(true);
}

/** The goals the open goal list offers, by path; null when no list is open. */
async function listed(): Promise<string[] | null> {
  const picker = Modal.current(SuggestModal) as SuggestModal<GoalReport> | null;
  return picker === null ? null : (await picker.suggestions('')).map((g) => g.path);
}

async function choose(path: string): Promise<void> {
  const picker = Modal.current(SuggestModal) as SuggestModal<GoalReport>;
  const goal = (await picker.suggestions('')).find((g) => g.path === path);
  if (goal === undefined) throw new Error(`${path} not listed`);
  picker.choose(goal);
  await app.settle();
}

function title(): string | undefined {
  return Modal.current()?.title;
}

function openAt(): [string | undefined, number | undefined] {
  const view = app.workspace.activeEditor;
  return [view?.file?.path, view?.editor.getCursor().line];
}

/** Where a goal's next action is, as its report says. */
function nextOf(goal: string): [string | undefined, number | undefined] {
  const next = plugin.index.report(goal)?.nextAction;
  return [next?.path, next?.line];
}

test('the goals of the fixture have different next actions', () => {
  expect(new Set(['Alpha.md', 'Beta.md'].map((g) => nextOf(g).join(':'))).size).toBe(2);
});

describe('a goal note means its own goal, even when another goal reads it', () => {
  test('goal command', async () => {
    await runFrom('set-goal-status', 'Alpha.md');
    expect(await listed()).toBeNull();
    expect(title()).toBe('Set the status of Alpha');
  });

  test('step commands', async () => {
    await runFrom('next-action', 'Alpha.md');
    expect(openAt()).toEqual(nextOf('Alpha.md'));
    await runFrom('break-down-step', 'Alpha.md', 'Shared work');
    expect(await listed()).toBeNull();
    expect(Setting.named('Deadline').desc).toMatch(/^2026-12-31/);
  });
});

describe('a note one goal reads means that goal', () => {
  test('goal command', async () => {
    await runFrom('copy-plan-summary', 'Solo.md');
    expect(await listed()).toBeNull();
    expect(title()).toBe('Copy a summary of Gamma');
  });

  test('step commands', async () => {
    await runFrom('reschedule-overdue', 'Solo.md');
    expect(await listed()).toBeNull();
    expect(Setting.named('Gamma').desc).toBe('1 overdue step.');
    Modal.clear();
    await runFrom('break-down-step', 'Solo.md', 'Solo step');
    expect(Setting.named('Deadline').desc).toMatch(/^2026-11-02/);
  });
});

describe('a note several goals read lists them, and the one picked is used', () => {
  test('goal command', async () => {
    await runFrom('set-goal-status', 'Shared.md');
    expect(await listed()).toEqual(['Alpha.md', 'Beta.md']);
    await choose('Beta.md');
    expect(title()).toBe('Set the status of Beta');
  });

  test('next-action', async () => {
    await runFrom('next-action', 'Shared.md');
    expect(await listed()).toEqual(['Alpha.md', 'Beta.md']);
    await choose('Beta.md');
    expect(openAt()).toEqual(nextOf('Beta.md'));
  });

  test('reschedule-overdue', async () => {
    await runFrom('reschedule-overdue', 'Shared.md');
    expect(await listed()).toEqual(['Alpha.md', 'Beta.md']);
    await choose('Beta.md');
    expect(Setting.named('Beta').desc).toBe(`${plugin.index.report('Beta.md')?.overdue.length ?? 0} overdue steps.`);
    expect(plugin.index.report('Beta.md')?.overdue.length).not.toBe(plugin.index.report('Alpha.md')?.overdue.length);
  });

  test('break-down-step lays out to the target of the goal picked', async () => {
    await runFrom('break-down-step', 'Shared.md', 'Edit');
    expect(await listed()).toEqual(['Alpha.md', 'Beta.md']);
    await choose('Beta.md');
    expect(Setting.named('Deadline').desc).toMatch(/^2027-01-31/);
  });

  test('extract-step-to-note writes the goal picked into the new note', async () => {
    await runFrom('extract-step-to-note', 'Shared.md', 'Edit');
    expect(await listed()).toEqual(['Alpha.md', 'Beta.md']);
    await choose('Beta.md');
    const created = Object.entries(app.vault.snapshot()).filter(([path]) => !(path in before));
    expect(created.map(([path, text]) => [path, text.split('\n')[2]])).toEqual([['Beta/Edit.md', 'goal: "[[Beta]]"']]);
  });
});

test('on a note no goal reads, a goal command lists every goal, and next-action follows the earliest due', async () => {
  await runFrom('set-goal-status', 'Loose.md');
  expect(await listed()).toEqual(['Alpha.md', 'Beta.md', 'Gamma.md']);
  Modal.clear();
  await runFrom('next-action', 'Loose.md');
  expect(openAt()).toEqual(['Beta.md', 4]);
  expect(app.vault.snapshot()).toEqual(before);
});
