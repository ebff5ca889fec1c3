/** @jest-environment jsdom */
/** The sidebar view in the test host: the real plugin over the demo vault, live as notes change. */
import { VIEW_TYPE_PLAN, PlanView, REFRESH_DELAY } from '../../src/view/plan-view';
import ActionPlanPlugin from '../../src/main';
import { ButtonComponent, createTestApp, installDomHelpers, MarkdownView, Modal, Notice, openViewOf, Setting, startPlugin, stopPlugin, TextComponent } from '../host';
import { freezeToday, startOver } from '../plugin/helpers';

installDomHelpers();
beforeEach(() => freezeToday());
afterEach(() => jest.useRealTimers());

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function openView(): Promise<{ started: Awaited<ReturnType<typeof startOver>>; view: PlanView }> {
  const started = await startOver('demo-vault', undefined, { userEnable: true });
  await started.app.settle();
  const view = started.app.workspace.getLeavesOfType(VIEW_TYPE_PLAN)[0]?.view as PlanView;
  expect(view).toBeInstanceOf(PlanView);
  // The index's first "everything changed" reaches the view on a later turn.
  await wait(REFRESH_DELAY + 50);
  await view.whenDrawn();
  return { started, view };
}

/** Opens every card's Plan, as a click on each does. */
function openPlans(view: PlanView): void {
  for (const b of Array.from(view.contentEl.querySelectorAll<HTMLElement>('.action-plan-disclosure[data-disclosure="plan"][aria-expanded="false"]'))) b.click();
}

const cards = (view: PlanView): HTMLElement[] => Array.from(view.contentEl.querySelectorAll<HTMLElement>('.action-plan-card'));

describe('the plan view', () => {
  it('opens on first enable and shows a card per active goal, with the numbers of the index', async () => {
    const { started, view } = await openView();
    const { plugin, app } = started;
    const reports = plugin.index.reports().filter((r) => r.status === 'active');
    expect(cards(view).map((c) => c.dataset.path).sort()).toEqual(reports.map((r) => r.path).sort());
    for (const r of reports) {
      const card = cards(view).find((c) => c.dataset.path === r.path);
      expect(card?.dataset).toMatchObject({ health: r.health, percent: String(r.progress.percent), done: String(r.progress.done), total: String(r.progress.total) });
    }
    // Revealing again does not open a second one.
    await plugin.activateView();
    expect(app.workspace.getLeavesOfType(VIEW_TYPE_PLAN)).toHaveLength(1);
    await stopPlugin(plugin);
  });

  it('opens the note at the line of a next action', async () => {
    const { started, view } = await openView();
    const next = view.contentEl.querySelector<HTMLElement>('.action-plan-next');
    next?.querySelector<HTMLElement>('.action-plan-next-open')?.click();
    await started.app.settle();
    const md = started.app.workspace.getActiveViewOfType(MarkdownView);
    expect(md?.file?.path).toBe(next?.dataset.path);
    expect(md?.editor.getCursor().line).toBe(Number(next?.dataset.line));
    await stopPlugin(started.plugin);
  });

  it('re-renders only the card of the goal a change touches, and keeps the scroll position', async () => {
    const { started, view } = await openView();
    const { app, vault } = started;
    openPlans(view);
    const before = cards(view);
    view.contentEl.scrollTop = 120;
    const spanish = vault.getFileByPath('Goals/Learn Spanish.md');
    if (spanish === null) throw new Error('no note');
    // Three edits in a row, as typing does (each word lands right after the text).
    for (const extra of ['a', 'b', 'c']) await vault.process(spanish, (t) => t.replace('- [ ] Join the language exchange at the library', `- [ ] Join the language exchange at the library ${extra}`));
    await app.settle();
    await wait(REFRESH_DELAY + 50);
    const after = cards(view);
    for (const [i, card] of after.entries()) {
      if (card.dataset.path === 'Goals/Learn Spanish.md') {
        expect(card).not.toBe(before[i]);
        expect(card.textContent).toContain('Join the language exchange at the library c b a');
      } else expect(card).toBe(before[i]);
    }
    expect(view.contentEl.scrollTop).toBe(120);
    await stopPlugin(started.plugin);
  });

  it('keeps open branches across a refresh of the card', async () => {
    const { started, view } = await openView();
    openPlans(view);
    const card = (): HTMLElement | undefined => cards(view).find((c) => c.dataset.path === 'Goals/Learn Spanish.md');
    const course = (): HTMLElement | null | undefined => card()?.querySelector<HTMLElement>('.action-plan-step[data-line="18"]')?.parentElement;
    // Open by default (it holds the first open leaf): closed by hand, then opened again by hand.
    course()?.querySelector<HTMLElement>('.action-plan-twisty')?.click();
    expect(course()?.getAttribute('aria-expanded')).toBe('false');
    course()?.querySelector<HTMLElement>('.action-plan-twisty')?.click();
    expect(course()?.getAttribute('aria-expanded')).toBe('true');
    const file = started.vault.getFileByPath('Goals/Learn Spanish.md');
    if (file === null) throw new Error('no note');
    await started.vault.process(file, (t) => `${t}\n`);
    await started.app.settle();
    await wait(REFRESH_DELAY + 50);
    expect(course()?.getAttribute('aria-expanded')).toBe('true');
    expect(course()?.parentElement?.querySelectorAll('.action-plan-step')).toHaveLength(4);
    await stopPlugin(started.plugin);
  });

  it('keeps the header choices while the plugin runs, across closing and opening the view', async () => {
    const { started, view } = await openView();
    const sort = view.contentEl.querySelector<HTMLSelectElement>('.action-plan-sort');
    if (sort === null) throw new Error('no sort');
    sort.value = 'name';
    sort.dispatchEvent(new Event('change'));
    started.app.workspace.detachLeavesOfType(VIEW_TYPE_PLAN);
    await started.plugin.activateView();
    const again = started.app.workspace.getLeavesOfType(VIEW_TYPE_PLAN)[0]?.view as PlanView;
    expect(again).not.toBe(view);
    expect(again.contentEl.querySelector<HTMLSelectElement>('.action-plan-sort')?.value).toBe('name');
    await again.whenDrawn();
    expect(cards(again).map((c) => c.querySelector('.action-plan-card-title')?.textContent)).toEqual(['Learn Spanish', 'Publish my first novel', 'Run three times a week']);
    await stopPlugin(started.plugin);
  });

  it("follows the note open when it shows only that note's goal", async () => {
    const { started, view } = await openView();
    const filter = view.contentEl.querySelector<HTMLSelectElement>('.action-plan-filter');
    if (filter === null) throw new Error('no filter');
    filter.value = 'note';
    filter.dispatchEvent(new Event('change'));
    expect(cards(view)).toHaveLength(0);
    await started.app.workspace.openNote('Goals/Run three times a week/Couch to 5K.md', 0);
    await wait(REFRESH_DELAY + 50);
    expect(cards(view).map((c) => c.dataset.path)).toEqual(['Goals/Run three times a week.md']);
    expect(openViewOf(started.app, 'Goals/Run three times a week/Couch to 5K.md')).not.toBeNull();
    await stopPlugin(started.plugin);
  });

  it('explains a goal note in an empty vault; its button runs New goal, and the new goal shows', async () => {
    const started = await startOver('tests/fixtures/links/Notes', undefined, { userEnable: true });
    const { app, vault } = started;
    await app.settle();
    const view = app.workspace.getLeavesOfType(VIEW_TYPE_PLAN)[0]?.view as PlanView;
    await wait(REFRESH_DELAY + 50);
    expect(view.contentEl.querySelector('.action-plan-empty p')?.textContent).toMatch(/^A goal is a note with a target date/);
    const button = view.contentEl.querySelector<HTMLButtonElement>('.action-plan-empty button');
    expect(button?.textContent).toBe('New goal');
    expect(Modal.current()).toBeNull();
    button?.click();
    await app.settle();
    // The button runs the New goal command: its form asks the title and the target.
    expect(Modal.current()?.titleEl.textContent).toBe('New goal');
    await Setting.named('Title').control<TextComponent>('text').input('New goal');
    await Setting.named('Target date').control<TextComponent>('text').input('2027-06-30');
    const create = Setting.all.flatMap((st) => st.controls.map((c) => c.component)).find((c): c is ButtonComponent => c instanceof ButtonComponent && c.text === 'Create goal');
    await create?.click();
    await app.settle();
    const text = vault.textAt('New goal.md') ?? '';
    expect(text).toContain('type: goal');
    expect(text).toContain('start: 2026-11-25');
    expect(text).toContain('target: 2027-06-30');
    expect(app.workspace.getActiveFile()?.path).toBe('New goal.md');
    await wait(REFRESH_DELAY + 50);
    await view.whenDrawn();
    expect(cards(view).map((c) => c.dataset.path)).toEqual(['New goal.md']);
    expect(view.contentEl.querySelector('.action-plan-empty')).toBeNull();
    await stopPlugin(started.plugin);
  });

  it('draws every card again at midnight: the days left, the due chips and the overdue count of the new day', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-25T23:58:30'), doNotFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'performance'] });
    const app = createTestApp({ 'Goal.md': '---\ntype: goal\nstart: 2026-11-01\ntarget: 2026-12-31\n---\n- [ ] Send the letter 📅 2026-11-25\n- [ ] Call the bank 📅 2026-11-27\n' });
    app.workspace.setLayoutReady();
    const plugin = await startPlugin(ActionPlanPlugin, app, {}, undefined, { userEnable: true });
    await app.settle();
    await plugin.index.whenBuilt();
    await wait(REFRESH_DELAY + 50);
    const view = app.workspace.getLeavesOfType(VIEW_TYPE_PLAN)[0]?.view as PlanView;
    const card = (): HTMLElement => view.contentEl.querySelector<HTMLElement>('.action-plan-card[data-path="Goal.md"]') as HTMLElement;
    expect([card().querySelector('.action-plan-days-left')?.textContent, card().querySelector('.action-plan-chip')?.textContent, card().dataset.overdue]).toEqual([' · 36 days left', 'On track', '0']);
    expect(view.contentEl.querySelector('.action-plan-next .action-plan-due')?.textContent).toBe('Due today');
    jest.advanceTimersByTime(2 * 60_000); // 00:00:30 on the 26th
    await app.settle();
    await wait(REFRESH_DELAY + 50);
    expect([card().querySelector('.action-plan-days-left')?.textContent, card().querySelector('.action-plan-chip')?.textContent, card().dataset.overdue]).toEqual([' · 35 days left', 'Behind · 1 overdue', '1']);
    expect(view.contentEl.querySelector('.action-plan-next .action-plan-due')?.textContent).toBe('1 day overdue');
    await stopPlugin(plugin);
  });

  it('leaves no listener behind when the plugin stops', async () => {
    const { started } = await openView();
    await stopPlugin(started.plugin);
    expect(started.app.listenerCounts()).toEqual({ vault: {}, metadataCache: {}, workspace: {} });
  });
});

describe('ticking a box in the view', () => {
  const path = 'Goals/Learn Spanish.md';
  const line = 'Join the language exchange at the library';
  const rowIn = (view: PlanView): HTMLElement | undefined => {
    openPlans(view);
    return Array.from(view.contentEl.querySelectorAll<HTMLElement>(`.action-plan-card[data-path="${path}"] .action-plan-step`)).find((r) => r.textContent?.startsWith(line));
  };

  it('edits only the task line of the note, adds the done date, and the card follows', async () => {
    const { started, view } = await openView();
    const before = started.vault.snapshot();
    const card = view.contentEl.querySelector<HTMLElement>(`.action-plan-card[data-path="${path}"]`);
    expect(card?.dataset.done).toBe('1');
    rowIn(view)?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    await started.app.settle();
    const after = started.vault.snapshot();
    const changed = Object.keys(after).filter((p) => after[p] !== before[p]);
    expect(changed).toEqual([path]);
    const was = (before[path] ?? '').split('\n');
    const now = (after[path] ?? '').split('\n');
    const diff = now.map((l, i) => [i, was[i], l]).filter(([, a, b]) => a !== b);
    expect(diff).toEqual([[25, `- [ ] ${line} 📅 2027-02-30`, `- [x] ${line} 📅 2027-02-30 ✅ 2026-11-25`]]);
    await wait(REFRESH_DELAY + 50);
    const updated = view.contentEl.querySelector<HTMLElement>(`.action-plan-card[data-path="${path}"]`);
    expect(updated?.dataset.done).toBe('2');
    expect(rowIn(view)?.dataset.status).toBe('done');
    expect(rowIn(view)?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).toBe(true);
    // Ticking again gives back the original bytes.
    rowIn(view)?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    await started.app.settle();
    expect(started.vault.snapshot()).toEqual(before);
    await stopPlugin(started.plugin);
  });

  it('refuses with a notice and writes nothing when the line no longer says what the view showed', async () => {
    const { started, view } = await openView();
    Notice.clear();
    const file = started.vault.getFileByPath(path);
    if (file === null) throw new Error('no note');
    // The note changes underneath; the view has not read it again yet.
    await started.vault.process(file, (t) => t.replace(`- [ ] ${line}`, `- [ ] ${line} on Tuesdays`));
    const before = started.vault.snapshot();
    rowIn(view)?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    await started.app.settle();
    expect(started.vault.snapshot()).toEqual(before);
    expect(Notice.messages).toEqual(['Action Plan: nothing written, the note changed: line 26 no longer reads as expected.']);
    await stopPlugin(started.plugin);
  });

  it('goes through the editor when the note is open in one', async () => {
    const { started, view } = await openView();
    await started.app.workspace.openNote(path, 0);
    rowIn(view)?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const editor = openViewOf(started.app, path)?.editor;
    expect(editor?.getLine(25)).toBe(`- [x] ${line} 📅 2027-02-30 ✅ 2026-11-25`);
    expect(editor?.getCursor().line).toBe(0);
    await started.app.settle();
    expect(started.vault.textAt(path)?.split('\n')[25]).toBe(`- [x] ${line} 📅 2027-02-30 ✅ 2026-11-25`);
    await stopPlugin(started.plugin);
  });

  it('shows the tick made through an open editor at once, read back from the editor before the note is saved', async () => {
    const { started, view } = await openView();
    await started.app.workspace.openNote(path, 0);
    const saved = started.vault.textAt(path);
    rowIn(view)?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    // Well before typing in the editor would be read again (EDITOR_PAUSE) and the editor's save.
    await wait(REFRESH_DELAY / 3);
    await view.whenDrawn();
    expect(started.vault.textAt(path)).toBe(saved);
    const card = view.contentEl.querySelector<HTMLElement>(`.action-plan-card[data-path="${path}"]`);
    expect(card?.dataset.done).toBe('2');
    const row = rowIn(view);
    expect(row?.dataset.status).toBe('done');
    expect(row?.dataset.pending).toBeUndefined();
    expect(row?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).toBe(true);
    await stopPlugin(started.plugin);
  });

  it('keeps a next action ticked in the list in its place, done and focused, until the view is ordered again', async () => {
    const { started, view } = await openView();
    const listed = (): string[] => Array.from(view.contentEl.querySelectorAll<HTMLElement>('.action-plan-next')).map((r) => `${r.dataset.path}:${r.dataset.line} ${r.dataset.status}`);
    const before = listed();
    const first = view.contentEl.querySelector<HTMLElement>('.action-plan-next') as HTMLElement;
    const ticked = `${first.dataset.path}:${first.dataset.line}`;
    first.querySelector<HTMLInputElement>('input')?.click();
    await started.app.settle();
    await wait(REFRESH_DELAY + 50);
    await view.whenDrawn();
    // The note has it done; the row stands where it stood, ticked; its goal's new next action is listed too.
    const after = listed();
    expect(after[0]).toBe(`${ticked} done`);
    expect(after.length).toBe(before.length + 1);
    for (const row of before.slice(1)) expect(after).toContain(row);
    const again = view.contentEl.querySelector<HTMLElement>('.action-plan-next') as HTMLElement;
    expect(again.querySelector<HTMLInputElement>('input')?.checked).toBe(true);
    expect(again.querySelector('.action-plan-due')).toBeNull();
    // A second tick takes it back, where it stands.
    again.querySelector<HTMLInputElement>('input')?.click();
    await started.app.settle();
    await wait(REFRESH_DELAY + 50);
    expect(listed()[0]).toBe(before[0]);
    // Ordered again, a step ticked is no longer listed.
    view.contentEl.querySelector<HTMLElement>('.action-plan-next input')?.click();
    await started.app.settle();
    await wait(REFRESH_DELAY + 50);
    const sort = view.contentEl.querySelector<HTMLSelectElement>('.action-plan-sort') as HTMLSelectElement;
    sort.value = 'name';
    sort.dispatchEvent(new Event('change'));
    expect(listed().map((r) => r.split(' ')[0])).not.toContain(ticked);
    await stopPlugin(started.plugin);
  });

  it('finds the line when lines were added above it', async () => {
    const { started, view } = await openView();
    const file = started.vault.getFileByPath(path);
    if (file === null) throw new Error('no note');
    await started.vault.process(file, (t) => t.replace('## Speaking\n', '## Speaking\n\nA line above.\n'));
    rowIn(view)?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    await started.app.settle();
    expect(started.vault.textAt(path)?.split('\n')[27]).toBe(`- [x] ${line} 📅 2027-02-30 ✅ 2026-11-25`);
    await stopPlugin(started.plugin);
  });
});
