/** @jest-environment jsdom */
/**
 * The timeline end to end in the test host (SPEC 4.3, 2.7): `open-timeline` opens one tab per
 * goal, the card's button reveals it, Shift+Right on a focused bar writes the note through the
 * one writer (the open editor in one transaction, else the file with Undo in the notice), a
 * refused move writes nothing and says why, and the tab follows the goal's renames.
 */
import { VIEW_TYPE_PLAN } from '../../src/view/plan-view';
import { TimelineView, VIEW_TYPE_TIMELINE } from '../../src/view/timeline/timeline-view';
import { installDomHelpers, InMemoryVault, Modal, Notice, stopPlugin, SuggestModal } from '../host';
import { freezeToday, startWith, type Started } from './helpers';

installDomHelpers();
let s: Started;

const GOAL = ['---', 'type: goal', 'start: 2026-11-01', 'target: 2026-12-31', '---', '# Flat', '- [ ] Paint the hall 🛫 2026-11-30 📅 2026-12-02 🆔 paint', '\t- [ ] Buy paint ⏱ 2d', '- [ ] Hang the pictures ⛔ paint', ''];
const OTHER = ['---', 'type: goal', '---', '- [ ] Read a book 📅 2026-12-10', ''];

beforeEach(async () => {
  freezeToday();
  Notice.clear();
  s = await startWith(InMemoryVault.fromRecord({ 'Flat.md': GOAL.join('\r\n'), 'Other.md': OTHER.join('\n') }));
});

afterEach(async () => {
  await stopPlugin(s.plugin);
  jest.useRealTimers();
});

const timelines = (): TimelineView[] => s.app.workspace.getLeavesOfType(VIEW_TYPE_TIMELINE).map((l) => l.view as TimelineView);

function bar(view: TimelineView, line: number): HTMLElement {
  const el = view.contentEl.querySelector<HTMLElement>(`.action-plan-bar[data-line="${line}"]`);
  if (el === null) throw new Error(`no bar at line ${line}`);
  return el;
}

function press(el: HTMLElement, key: string, shiftKey = false): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true }));
}

async function openFlat(): Promise<TimelineView> {
  await s.app.workspace.openNote('Other.md');
  await s.app.workspace.openNote('Flat.md');
  expect(await s.app.commands.run('open-timeline')).toBe(true);
  const [view] = timelines();
  if (view === undefined) throw new Error('no timeline');
  return view;
}

test('open-timeline opens the goal of the note in one tab, and again reveals that tab', async () => {
  const view = await openFlat();
  expect(view.leaf.getViewState()).toMatchObject({ type: VIEW_TYPE_TIMELINE, state: { path: 'Flat.md' } });
  expect(view.getDisplayText()).toBe('Timeline: Flat');
  expect(view.contentEl.querySelector('.action-plan-timeline')?.getAttribute('data-path')).toBe('Flat.md');
  const note = s.app.workspace.getLeavesOfType('markdown')[0];
  if (note === undefined) throw new Error('no note open');
  s.app.workspace.setActiveLeaf(note);
  await s.app.commands.run('open-timeline');
  expect(timelines().map((v) => v.goalPath)).toEqual(['Flat.md']);
  expect((s.app.workspace.revealed.at(-1) as unknown) === view.leaf).toBe(true);
});

test('outside a goal the command asks which, and the card has a button that opens the timeline', async () => {
  await s.app.workspace.getLeaf(true).setViewState({ type: 'empty', active: true });
  await s.app.commands.run('open-timeline');
  const picker = Modal.current<SuggestModal<{ path: string }>>(SuggestModal);
  const offered = (await picker?.getSuggestions('')) ?? [];
  expect(offered.map((g) => g.path)).toEqual(['Flat.md', 'Other.md']);
  await s.plugin.activateView();
  await s.app.settle();
  const sidebar = s.app.workspace.getLeavesOfType(VIEW_TYPE_PLAN)[0]?.view.containerEl;
  const button = sidebar?.querySelector<HTMLButtonElement>('.action-plan-card[data-path="Other.md"] .action-plan-open-timeline');
  expect(button?.getAttribute('aria-label')).toBe('Open the timeline of Other');
  button?.click();
  await s.app.settle();
  expect(timelines().map((v) => v.goalPath)).toEqual(['Other.md']);
});

test('Shift+Right on a bar of a note that is not open writes the file, keeping CRLF, with Undo in the notice', async () => {
  const view = await openFlat();
  for (const leaf of s.app.workspace.getLeavesOfType('markdown')) leaf.detach();
  press(bar(view, 6), 'ArrowRight', true);
  await s.app.settle();
  const after = GOAL.slice();
  after[6] = '- [ ] Paint the hall 🛫 2026-11-30 📅 2026-12-03 🆔 paint';
  expect(s.vault.textAt('Flat.md')).toBe(after.join('\r\n'));
  // A step without a due date gains one: its early finish, a day later (2d from 2026-11-25: the 26th).
  press(bar(view, 7), 'ArrowRight', true);
  await s.app.settle();
  after[7] = '\t- [ ] Buy paint ⏱ 2d 📅 2026-11-27';
  expect(s.vault.textAt('Flat.md')).toBe(after.join('\r\n'));
  expect(Notice.messages.slice(-2)).toEqual(['Action Plan: "Paint the hall" is due 2026-12-03.', 'Action Plan: "Buy paint" is due 2026-11-27.']);
  Notice.notices.at(-1)?.messageEl.querySelector<HTMLButtonElement>('button.action-plan-undo')?.click();
  await s.app.settle();
  expect((s.vault.textAt('Flat.md') ?? '').split('\r\n')[7]).toBe(GOAL[7] ?? '');
  await new Promise((r) => setTimeout(r, 200));
  expect(bar(view, 6).getAttribute('data-end')).toBe('2026-12-03');
});

test('with the note open in an editor, a move is one editor transaction', async () => {
  const view = await openFlat();
  const editor = s.app.workspace.getLeavesOfType('markdown').map((l) => l.view).find((v) => 'editor' in v);
  const ed = (editor as unknown as { editor: { changeCount: number; getValue(): string } }).editor;
  const before = ed.changeCount;
  press(bar(view, 6), 'ArrowLeft', true);
  await s.app.settle();
  expect(ed.changeCount).toBe(before + 1);
  expect(ed.getValue().split('\n')[6]).toBe('- [ ] Paint the hall 🛫 2026-11-30 📅 2026-12-01 🆔 paint');
  // Before its start: refused, nothing written, the reason said.
  press(bar(view, 6), 'ArrowLeft', true);
  await s.app.settle();
  press(bar(view, 6), 'ArrowLeft', true);
  await s.app.settle();
  expect(ed.getValue().split('\n')[6]).toBe('- [ ] Paint the hall 🛫 2026-11-30 📅 2026-11-30 🆔 paint');
  expect(Notice.messages.at(-1)).toBe('Action Plan: nothing written, the due date 2026-11-29 would be before the step starts (2026-11-30).');
});

test('a moved bar shows its new date at once, pending, until the note confirms it; a refused one snaps back', async () => {
  const view = await openFlat();
  press(bar(view, 6), 'ArrowRight', true);
  // At once, before anything is written.
  expect([bar(view, 6).getAttribute('data-end'), bar(view, 6).getAttribute('data-pending')]).toEqual(['2026-12-03', 'true']);
  expect(s.vault.textAt('Flat.md')).toBe(GOAL.join('\r\n'));
  await s.app.settle();
  expect([bar(view, 6).getAttribute('data-end'), bar(view, 6).getAttribute('data-pending')]).toEqual(['2026-12-03', null]);
  expect((s.vault.textAt('Flat.md') ?? '').split('\r\n')[6]).toBe('- [ ] Paint the hall 🛫 2026-11-30 📅 2026-12-03 🆔 paint');
  // Four days earlier would end before its start: shown at once, then put back.
  for (let k = 0; k < 4; k++) press(bar(view, 6), 'ArrowLeft', true);
  expect(bar(view, 6).getAttribute('data-end')).toBe('2026-11-29');
  await s.app.settle();
  await new Promise((r) => setTimeout(r, 50));
  expect([bar(view, 6).getAttribute('data-end'), bar(view, 6).getAttribute('data-pending')]).toEqual(['2026-11-30', null]);
  expect((s.vault.textAt('Flat.md') ?? '').split('\r\n')[6]).toBe('- [ ] Paint the hall 🛫 2026-11-30 📅 2026-11-30 🆔 paint');
});

test('a move of a line someone else changed meanwhile is refused and writes nothing', async () => {
  const view = await openFlat();
  for (const leaf of s.app.workspace.getLeavesOfType('markdown')) leaf.detach();
  const target = bar(view, 6);
  const changed = GOAL.join('\r\n').replace('Paint the hall', 'Paint the hall blue');
  const file = s.vault.getFileByPath('Flat.md');
  if (file === null) throw new Error('no note');
  await s.vault.modify(file, changed);
  press(target, 'ArrowRight', true);
  await s.app.settle();
  expect(s.vault.textAt('Flat.md')).toBe(changed);
  expect(Notice.messages.at(-1)).toMatch(/^Action Plan: nothing written, /);
});

test('the tab follows the goal when it is renamed, and says so when it is deleted', async () => {
  const view = await openFlat();
  const file = s.vault.getFileByPath('Flat.md');
  if (file === null) throw new Error('no note');
  await s.app.fileManager.renameFile(file, 'Home/Flat.md');
  await s.app.settle();
  await new Promise((r) => setTimeout(r, 200));
  expect(view.getState()).toEqual({ path: 'Home/Flat.md' });
  expect(view.contentEl.querySelector('.action-plan-timeline')?.getAttribute('data-path')).toBe('Home/Flat.md');
  const moved = s.vault.getFileByPath('Home/Flat.md');
  if (moved === null) throw new Error('no note');
  await s.vault.delete(moved);
  await s.app.settle();
  await new Promise((r) => setTimeout(r, 200));
  expect(view.contentEl.textContent).toBe('The goal Home/Flat.md is gone: the note was deleted or is no longer a goal.');
});
