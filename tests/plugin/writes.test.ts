/**
 * Every write lands where the person meant and loses nothing (SPEC 2.6, 2.7), in the test host:
 * commands run while the editor holds text it has not saved yet, a note changed under an open
 * form, ticks made faster than the index reads, a recurring step ticked through Tasks.
 */
import { dayFromCivil, formatDay } from '../../src/engine/days/dates';
import { postponeStep } from '../../src/engine/edit';
import { EDITOR_PAUSE } from '../../src/obsidian/follow-typing';
import { applyStepEdit } from '../../src/obsidian/note-writer';
import type { CheckpointView, PlanNode } from '../../src/engine/types';
import { viewActions } from '../../src/view/plan-view';
import { join } from 'node:path';
import ActionPlanPlugin from '../../src/main';
import { createTestApp, installTasksPlugin, InMemoryVault, Modal, Notice, pluginRecord, Setting, startPlugin, stopPlugin, SuggestModal, TextAreaComponent, type ButtonComponent, type SliderComponent, type ToggleComponent } from '../host';
import { fill, pick, submit } from './goal-helpers';
import { freshHostEachTest, ROOT, startOver, startWith, TODAY, type Started } from './helpers';

let s: Started;

freshHostEachTest(() => s);

const LISBON = 'Move to Lisbon.md';
const PODCAST = 'Launch podcast.md';

function linesOf(path: string): string[] {
  return (s.vault.textAt(path) ?? '').split('\n');
}

async function send(): Promise<void> {
  await submit();
  await s.app.settle();
}

test('a line typed just before set-goal-status is kept', async () => {
  s = await startOver('tests/fixtures/goals');
  const view = await s.app.workspace.openNote(LISBON, 0);
  const last = view.editor.lastLine();
  view.editor.replaceRange('\n- [ ] Typed a moment ago', { line: last, ch: view.editor.getLine(last).length });
  // As the palette runs it: at once, before the editor's save two seconds later.
  expect(s.app.commands.executeCommandById('set-goal-status')).toBe(true);
  expect(view.dirty).toBe(true);
  pick('Status', 'paused');
  fill('Reason', 'Waiting for the offer');
  await send();
  const lines = linesOf(LISBON);
  expect(lines).toContain('- [ ] Typed a moment ago');
  expect(lines).toContain('status: paused # until I decide otherwise');
  expect(view.editor.getValue()).toBe(s.vault.textAt(LISBON));
});

test('toggle-step the instant after typing a new line above the cursor toggles the line under the cursor', async () => {
  s = await startOver('tests/fixtures/plan');
  const before = linesOf(PODCAST);
  const pilot = before.indexOf('- [ ] Record the pilot 📅 2026-11-20');
  const view = await s.app.workspace.openNote(PODCAST, pilot, 5);
  view.editor.replaceRange('- [ ] Typed a moment ago\n', { line: pilot, ch: 0 });
  expect(view.editor.getLine(view.editor.getCursor().line)).toBe('- [ ] Record the pilot 📅 2026-11-20');
  expect(await s.app.commands.run('toggle-step')).toBe(true);
  await s.app.settle();
  const after = linesOf(PODCAST);
  expect(after[pilot]).toBe('- [ ] Typed a moment ago');
  expect(after[pilot + 1]).toBe('- [x] Record the pilot 📅 2026-11-20 ✅ 2026-11-25');
  // The done step below keeps its done date.
  expect(after[pilot + 2]).toBe('    - [x] Write the script ✅ 2026-11-10');
});

test('a task line typed a moment ago is a step at once, and a line that is no task is not', async () => {
  s = await startOver('tests/fixtures/plan');
  const view = await s.app.workspace.openNote(PODCAST, 24);
  view.editor.replaceRange('- [ ] Typed a moment ago\n', { line: 24, ch: 0 });
  view.editor.setCursor({ line: 24, ch: 3 });
  expect(s.app.commands.isAvailable('toggle-step')).toBe(true);
  expect(s.app.workspace.openEditorMenu().item('Toggle step')).toBeDefined();
  view.editor.setCursor({ line: 25, ch: 3 });
  expect(s.app.commands.isAvailable('toggle-step')).toBe(false);
  expect(s.app.workspace.openEditorMenu().item('Toggle step')).toBeUndefined();
});

test('Move the deadline keeps a quoted title and a comment: only the target line changes', async () => {
  s = await startOver('tests/fixtures/goals');
  const before = linesOf(LISBON);
  const movers = before.indexOf('- [ ] Book the movers');
  await s.app.workspace.openNote(LISBON, movers);
  await s.app.commands.run('break-down-step');
  await Setting.named('Sub-steps').control<TextAreaComponent>('textarea').input('Pack everything ~40w');
  const preview = Setting.named('Due dates');
  const move = preview.controls.map((c) => c.component).find((c): c is ButtonComponent => (c as ButtonComponent).text === 'Move the deadline');
  await move?.click();
  await s.app.settle();
  const after = linesOf(LISBON);
  const target = before.indexOf("target: '2027-06-30'");
  expect(after[target]).toMatch(/^target: '2027-\d\d-\d\d'$/);
  expect(after[target]).not.toBe(before[target]);
  // Every other line of the frontmatter stays byte for byte; the sub-step goes under the step.
  expect(after.slice(0, target)).toEqual(before.slice(0, target));
  expect(after.slice(target + 1, movers + 1)).toEqual(before.slice(target + 1, movers + 1));
  expect(after[movers + 1]).toMatch(/^ {4}- \[ \] Pack everything 📅 2027-\d\d-\d\d ⏱ 40w$/);
});

/** Opens the review form on the checkpoint of `date`. */
async function reviewFormOn(date: string): Promise<void> {
  await s.app.workspace.openNote(LISBON, 0);
  await s.app.commands.run('record-checkpoint');
  const picker = Modal.current(SuggestModal) as SuggestModal<CheckpointView>;
  const found = (await picker.suggestions('')).find((c) => formatDay(c.date) === date);
  if (found === undefined) throw new Error(`no checkpoint ${date}`);
  picker.choose(found);
  pick('How do I feel about it?', '4');
}

/** Another program (Sync, another pane) changes the note while the form is open. */
async function meanwhile(change: (text: string) => string): Promise<void> {
  const file = s.vault.getFileByPath(LISBON);
  if (file === null) throw new Error('no note');
  await s.app.vault.process(file, change);
}

test('a review goes to the entry of its date when an entry was inserted above it meanwhile', async () => {
  s = await startOver('tests/fixtures/goals');
  await reviewFormOn('2026-11-20');
  await meanwhile((t) => t.replace('  # one entry per season\n', '  # one entry per season\n  - date: 2026-09-30\n    label: Started looking\n'));
  await send();
  const text = s.vault.textAt(LISBON) ?? '';
  expect(text).toContain('  - date: "2026-11-20"\n    label: Visit booked\n    progress: ');
  expect(text).toContain('  - date: 2026-10-15\n    label: \'Budget worked out\'\n    expect: 15 # a guess\n  - date: "2026-11-20"');
  expect(text).toContain('  - date: 2026-09-30\n    label: Started looking\n  - date: 2026-10-15');
});

test.each([
  ['is gone', (t: string) => t.replace('  - date: "2026-11-20"\n    label: Visit booked\n', ''), 'the note has no checkpoint dated 2026-11-20 any more'],
  ['was reviewed', (t: string) => t.replace('    label: Visit booked\n', '    label: Visit booked\n    reviewed: 2026-11-24\n'), 'the checkpoint of 2026-11-20 was reviewed meanwhile'],
])('a review whose checkpoint %s meanwhile writes nothing and says so', async (_what, change, reason) => {
  s = await startOver('tests/fixtures/goals');
  await reviewFormOn('2026-11-20');
  await meanwhile(change);
  const changed = s.vault.snapshot();
  await send();
  expect(s.vault.snapshot()).toEqual(changed);
  expect(Notice.messages.at(-1)).toBe(`the review was not written: ${reason}.`);
});

/** A goal with a recurring step, in a vault of its own. */
const CHORES = ['---', 'type: goal', 'start: 2026-11-01', 'target: 2026-12-31', '---', '# Keep the flat', '- [ ] Water the plants 🔁 every week 📅 2026-11-20', '- [ ] Fix the shelf 📅 2026-11-30', ''].join('\n');

function stepNamed(path: string, text: string): PlanNode {
  const stack = [...(s.plugin.index.report(path)?.tree.children ?? [])];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n.text.startsWith(text)) return n;
    stack.push(...n.children);
  }
  throw new Error(`no step ${text}`);
}

test('a recurring step ticked in the sidebar goes through the Tasks plugin, its next occurrence included', async () => {
  s = await startWith(InMemoryVault.fromRecord({ 'Chores.md': CHORES }));
  const tasks = installTasksPlugin(s.app, TODAY);
  const actions = viewActions(s.app, s.plugin);
  void actions.toggle(stepNamed('Chores.md', 'Water the plants'));
  await s.app.settle();
  expect(tasks.calls).toEqual([{ line: '- [ ] Water the plants 🔁 every week 📅 2026-11-20', path: 'Chores.md' }]);
  expect(linesOf('Chores.md').slice(6, 9)).toEqual(['- [ ] Water the plants 🔁 every week 📅 2026-11-27', '- [x] Water the plants 🔁 every week 📅 2026-11-20 ✅ 2026-11-25', '- [ ] Fix the shelf 📅 2026-11-30']);
  // A step that does not repeat stays byte-exact, Tasks or not.
  void actions.toggle(stepNamed('Chores.md', 'Fix the shelf'));
  await s.app.settle();
  expect(tasks.calls).toHaveLength(1);
  expect(linesOf('Chores.md')[8]).toBe('- [x] Fix the shelf 📅 2026-11-30 ✅ 2026-11-25');
});

test('a recurring step ticked in a note with CRLF endings gets Tasks\' lines in CRLF', async () => {
  s = await startWith(InMemoryVault.fromRecord({ 'Chores.md': CHORES.replace(/\n/g, '\r\n') }));
  installTasksPlugin(s.app, TODAY);
  void viewActions(s.app, s.plugin).toggle(stepNamed('Chores.md', 'Water the plants'));
  await s.app.settle();
  expect(s.vault.textAt('Chores.md')).toContain('📅 2026-11-27\r\n- [x] Water the plants 🔁 every week 📅 2026-11-20 ✅ 2026-11-25\r\n- [ ] Fix');
});

test('a double tick in the sidebar, made before the index read the first, gives back the original bytes', async () => {
  s = await startOver('tests/fixtures/plan');
  const before = s.vault.snapshot();
  const node = stepNamed(PODCAST, 'Design artwork');
  const actions = viewActions(s.app, s.plugin);
  void actions.toggle(node);
  void actions.toggle(node);
  await s.app.settle();
  expect(Notice.messages.filter((m) => m.includes('nothing written'))).toEqual([]);
  expect(s.vault.snapshot()).toEqual(before);
});

test('three quick postpones of one step by a day, made before the index read any, all apply', async () => {
  s = await startOver('tests/fixtures/plan');
  const node = stepNamed(PODCAST, 'Design artwork');
  const today = dayFromCivil(2026, 11, 25);
  const later = (): Promise<unknown> => applyStepEdit(s.app, PODCAST, node.line, node.raw ?? undefined, (text, at) => postponeStep(text, at, { by: 1, unit: 'd' }, today));
  await Promise.all([later(), later(), later()]);
  await s.app.settle();
  expect(linesOf(PODCAST)[node.line]).toBe('- [ ] Design artwork [[Artwork]] 📅 2026-12-13');
});

/** The plugin started over the demo vault; the layout not ready yet, so the index has not started. */
async function startBeforeLayout(data?: unknown): Promise<Started> {
  const app = createTestApp(InMemoryVault.fromFolder(join(ROOT, 'demo-vault')));
  const plugin = await startPlugin(ActionPlanPlugin, app, {}, data);
  return { app, vault: app.vault, plugin };
}

test('a tolerance and working days changed while the first index is being built are in force after it', async () => {
  const fresh = await startOver('demo-vault', { tolerance: 0, workingDays: [2, 4] });
  const expected = fresh.plugin.index.reports();
  await stopPlugin(fresh.plugin);
  s = await startBeforeLayout();
  s.app.workspace.setLayoutReady();
  expect(s.plugin.index.isReady()).toBe(false);
  const tab = pluginRecord(s.plugin).settingTabs[0];
  if (!tab) throw new Error('no settings tab');
  tab.display();
  await Setting.named('Tolerance').control<SliderComponent>('slider').input(0);
  for (const day of ['Monday', 'Wednesday', 'Friday']) await Setting.named(day).control<ToggleComponent>('toggle').click();
  // The build was still under way when the settings changed.
  expect(s.plugin.index.isReady()).toBe(false);
  await s.app.settle();
  await s.plugin.index.whenBuilt();
  expect(s.plugin.settings).toMatchObject({ tolerance: 0, workingDays: [2, 4] });
  expect(s.plugin.index.reports()).toEqual(expected);
});

test('at least one working day stays on', async () => {
  s = await startOver('tests/fixtures/goals', { workingDays: [3] });
  const tab = pluginRecord(s.plugin).settingTabs[0];
  if (!tab) throw new Error('no settings tab');
  tab.display();
  const wednesday = Setting.named('Wednesday').control<ToggleComponent>('toggle');
  await wednesday.click();
  expect(s.plugin.settings.workingDays).toEqual([3]);
  expect(wednesday.getValue()).toBe(true);
  expect(Notice.messages.at(-1)).toBe('At least one working day stays on: due dates are laid out over working days.');
});

test('the index follows what is typed in a plan note within a few hundred ms, before the editor saves', async () => {
  s = await startOver('tests/fixtures/plan');
  const view = await s.app.workspace.openNote(PODCAST, 24);
  view.editor.replaceRange('- [ ] Typed a moment ago\n', { line: 24, ch: 0 });
  expect(s.plugin.index.stepAt(PODCAST, 24)).toBeNull();
  await new Promise((resolve) => setTimeout(resolve, EDITOR_PAUSE + 100));
  expect(view.dirty).toBe(true);
  expect(s.plugin.index.stepAt(PODCAST, 24)?.raw).toBe('- [ ] Typed a moment ago');
});
