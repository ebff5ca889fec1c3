/** @jest-environment jsdom */
/**
 * Settings are in force at once in an open view and code block (SPEC 2.7), and a write to a
 * note that is not open offers Undo in its notice, in the test host over the demo vault.
 */
import { VIEW_TYPE_PLAN, PlanView, REFRESH_DELAY } from '../../src/view/plan-view';
import { InMemoryVault, installDomHelpers, Notice, pluginRecord, renderCodeBlock, Setting, stopPlugin, type RenderedBlock, type SliderComponent, type TextComponent, type ToggleComponent } from '../host';
import { freezeToday, startOver, startWith, type Started } from '../plugin/helpers';

installDomHelpers();
beforeEach(() => {
  freezeToday();
  Setting.clear();
  Notice.clear();
});
afterEach(() => jest.useRealTimers());

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const NOVEL = 'Goals/Publish my first novel.md';

interface Open {
  started: Started;
  view: PlanView;
  block: RenderedBlock;
}

async function openViewAndBlock(): Promise<Open> {
  const started = await startOver('demo-vault', undefined, { userEnable: true });
  await started.app.settle();
  const view = started.app.workspace.getLeavesOfType(VIEW_TYPE_PLAN)[0]?.view as PlanView;
  const block = await renderCodeBlock(started.plugin, 'action-plan', 'goal: Publish my first novel\nshow: tree', 'Daily/2026-11-24.md');
  await wait(REFRESH_DELAY + 50);
  await view.whenDrawn();
  // Every card's Plan open, as a person clicking each would have.
  for (const b of Array.from(view.contentEl.querySelectorAll<HTMLElement>('.action-plan-disclosure[data-disclosure="plan"]'))) b.click();
  return { started, view, block };
}

/** The settings tab, shown. */
function settingsTab(started: Started): void {
  const tab = pluginRecord(started.plugin).settingTabs[0];
  if (!tab) throw new Error('no settings tab');
  tab.display();
}

async function drawn(o: Open): Promise<void> {
  await o.started.app.settle();
  await wait(REFRESH_DELAY + 50);
  await o.view.whenDrawn();
}

const doneRows = (el: HTMLElement): number => el.querySelectorAll('.action-plan-step[data-status="done"]').length;
const helpBadges = (el: HTMLElement): number => el.querySelectorAll('.action-plan-help-badge').length;

describe('settings in force at once', () => {
  /** Show done steps switched off in the settings tab, or in data.json by another device. */
  const switchOff: [string, (o: Open) => Promise<void>][] = [
    [
      'in the settings tab',
      async (o) => {
        settingsTab(o.started);
        await Setting.named('Show done steps').control<ToggleComponent>('toggle').click();
      },
    ],
    [
      'on another device (data.json changed outside)',
      async (o) => {
        const data = JSON.parse(o.started.app.pluginData.get('action-plan') ?? '{}') as Record<string, unknown>;
        o.started.app.pluginData.set('action-plan', JSON.stringify({ ...data, showDoneSteps: false }));
        await o.started.plugin.onExternalSettingsChange();
      },
    ],
  ];

  it.each(switchOff)('Show done steps switched off %s hides the done steps of an open view and code block', async (_where, change) => {
    const o = await openViewAndBlock();
    expect(doneRows(o.view.contentEl)).toBeGreaterThan(0);
    expect(doneRows(o.block.el)).toBeGreaterThan(0);
    await change(o);
    await drawn(o);
    expect(doneRows(o.view.contentEl)).toBe(0);
    expect(doneRows(o.block.el)).toBe(0);
    await stopPlugin(o.started.plugin);
  });

  it('Next actions shown changes the list of an open view', async () => {
    const o = await openViewAndBlock();
    const shown = (): number => o.view.contentEl.querySelectorAll('.action-plan-next-actions .action-plan-next').length;
    expect(shown()).toBe(3);
    settingsTab(o.started);
    await Setting.named('Next actions shown').control<SliderComponent>('slider').input(1);
    await drawn(o);
    expect(shown()).toBe(1);
    await stopPlugin(o.started.plugin);
  });

  it('a new help tag marks the steps of an open view and code block', async () => {
    const o = await openViewAndBlock();
    expect(helpBadges(o.block.el)).toBeGreaterThan(0);
    settingsTab(o.started);
    await Setting.named('Help tag').control<TextComponent>('text').input('#nobody-uses-this');
    await wait(600);
    await drawn(o);
    expect(helpBadges(o.view.contentEl)).toBe(0);
    expect(helpBadges(o.block.el)).toBe(0);
    await stopPlugin(o.started.plugin);
  });

  it('a new help tag is left out of the next action a code block shows', async () => {
    const note = ['---', 'type: goal', 'start: 2026-11-01', 'target: 2026-12-31', '---', '- [ ] Ask around #ask 📅 2026-11-30', ''].join('\n');
    const started = await startWith(InMemoryVault.fromRecord({ 'Flat.md': note }));
    const block = await renderCodeBlock(started.plugin, 'action-plan', 'goal: Flat\nshow: next', 'Daily.md');
    const text = (): string | null | undefined => block.el.querySelector('.action-plan-next-text')?.textContent;
    expect(text()).toBe('Ask around #ask');
    settingsTab(started);
    await Setting.named('Help tag').control<TextComponent>('text').input('#ask');
    await wait(600);
    await started.app.settle();
    await wait(REFRESH_DELAY + 50);
    expect(text()).toBe('Ask around');
    await stopPlugin(started.plugin);
  });
});

describe('Undo in the notice of a write to a note that is not open', () => {
  it('takes the tick back, with the line check', async () => {
    const o = await openViewAndBlock();
    const before = o.started.vault.snapshot();
    const box = o.view.contentEl.querySelector<HTMLInputElement>(`.action-plan-card[data-path="${NOVEL}"] .action-plan-step[data-status="todo"][data-path="${NOVEL}"] input[type="checkbox"]`);
    box?.click();
    await o.started.app.settle();
    expect(o.started.vault.snapshot()).not.toEqual(before);
    const notice = Notice.notices.at(-1);
    const undo = notice?.messageEl.querySelector<HTMLButtonElement>('button');
    expect(undo?.textContent).toBe('Undo');
    undo?.click();
    await o.started.app.settle();
    expect(o.started.vault.snapshot()).toEqual(before);
    expect(Notice.messages.at(-1)).toBe('Action Plan: undone.');
    await stopPlugin(o.started.plugin);
  });

  it('refuses when the lines it wrote changed since', async () => {
    const o = await openViewAndBlock();
    const box = o.view.contentEl.querySelector<HTMLInputElement>(`.action-plan-card[data-path="${NOVEL}"] .action-plan-step[data-status="todo"][data-path="${NOVEL}"] input[type="checkbox"]`);
    box?.click();
    await o.started.app.settle();
    const undo = Notice.notices.at(-1)?.messageEl.querySelector<HTMLButtonElement>('button');
    const file = o.started.vault.getFileByPath(NOVEL);
    if (file === null) throw new Error('no note');
    await o.started.vault.process(file, (t) => t.replace(/✅ 2026-11-25/, '✅ 2026-11-24'));
    const changed = o.started.vault.snapshot();
    undo?.click();
    await o.started.app.settle();
    expect(o.started.vault.snapshot()).toEqual(changed);
    expect(Notice.messages.at(-1)).toBe('Action Plan: nothing written, the note changed since, so the write cannot be undone.');
    await stopPlugin(o.started.plugin);
  });
});
