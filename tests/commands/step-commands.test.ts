/**
 * The step commands run in the test host as a person runs them: cursor on a line, the command
 * from the palette, the modal filled in and its button pressed. After each, the whole vault is
 * compared with the one before: exactly the intended lines changed, or nothing on a refusal.
 */
import { applyStepEdit } from '../../src/obsidian/note-writer';
import { toggleStep } from '../../src/engine/edit';
import { dayFromCivil } from '../../src/engine/days/dates';
import { ButtonComponent, installTasksPlugin, Modal, Notice, Setting, TextAreaComponent, TextComponent } from '../host';
import { freezeToday, startOver, type Started } from '../plugin/helpers';

beforeEach(() => freezeToday()); // 2026-11-25, a Wednesday
afterEach(() => {
  Modal.clear();
  jest.useRealTimers();
});

const GOAL = 'Launch podcast.md';

/** The notes whose text differs, with their new text ('<deleted>' when gone). */
function vaultDiff(before: Record<string, string>, after: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(after)) if (before[path] !== text) out[path] = text;
  for (const path of Object.keys(before)) if (!(path in after)) out[path] = '<deleted>';
  return out;
}

function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  if (line === -1) throw new Error(`no line with ${needle}`);
  return line;
}

/** The note's text with lines replaced (by 0-based number) and lines inserted after others. */
function edited(text: string, replace: Record<number, string>, insertAfter: Record<number, string[]> = {}): string {
  const out: string[] = [];
  text.split('\n').forEach((l, i) => {
    out.push(replace[i] ?? l);
    out.push(...(insertAfter[i] ?? []));
  });
  return out.join('\n');
}

function button(name: string, setting: Setting): ButtonComponent {
  const b = setting.controls.map((c) => c.component).find((c): c is ButtonComponent => c instanceof ButtonComponent && c.text === name);
  if (b === undefined) throw new Error(`no button ${name} on ${setting.name}`);
  return b;
}

async function press(s: Started, name: string, setting: Setting): Promise<void> {
  await button(name, setting).click();
  await s.app.settle();
}

describe('step commands in the test host', () => {
  let s: Started;
  let before: Record<string, string>;
  let goal: string;

  beforeEach(async () => {
    s = await startOver('tests/fixtures/plan');
    before = s.vault.snapshot();
    goal = before[GOAL] ?? '';
    Notice.clear();
  });

  async function at(path: string, needle: string): Promise<number> {
    const line = lineOf(s.vault.textAt(path) ?? '', needle);
    await s.app.workspace.openNote(path, line);
    return line;
  }

  it('toggle-step ticks the step through the open editor, keeping the cursor, and unticks it', async () => {
    const line = await at(GOAL, 'Bring the microphone');
    const view = s.app.workspace.activeEditor;
    view?.editor.setCursor(line, 12);
    expect(await s.app.commands.run('toggle-step')).toBe(true);
    expect(view?.editor.getCursor()).toEqual({ line, ch: 12 });
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({
      [GOAL]: edited(goal, { [line]: '        - [x] Bring the microphone 📅 2026-11-19 ✅ 2026-11-25' }),
    });
    await s.app.settle();
    expect(await s.app.commands.run('toggle-step')).toBe(true);
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({});
  });

  it('toggle-step with the Tasks plugin enabled ticks a step that does not repeat itself, byte for byte', async () => {
    const tasks = installTasksPlugin(s.app, '2026-11-25');
    const line = await at(GOAL, 'Bring the microphone');
    expect(await s.app.commands.run('toggle-step')).toBe(true);
    await s.app.settle();
    expect(tasks.calls).toEqual([]);
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({
      [GOAL]: edited(goal, { [line]: '        - [x] Bring the microphone 📅 2026-11-19 ✅ 2026-11-25' }),
    });
  });

  it('the view\'s writer toggles a closed note through vault.process', async () => {
    const line = lineOf(goal, 'Book the studio');
    const raw = goal.split('\n')[line] ?? '';
    const r = await applyStepEdit(s.app, GOAL, line, raw, (text, at) => toggleStep(text, at, { today: dayFromCivil(2026, 11, 25) }));
    expect(r.ok).toBe(true);
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({ [GOAL]: edited(goal, { [line]: `${raw} ✅ 2026-11-25`.replace('[ ]', '[x]') }) });
  });

  it('a note changed under the plan is refused with a notice and left as it was', async () => {
    const line = lineOf(goal, 'Book the studio');
    const raw = goal.split('\n')[line] ?? '';
    const file = s.app.vault.getFileByPath(GOAL);
    if (file === null) throw new Error('no goal');
    await s.app.vault.process(file, (t) => t.replace('Book the studio', 'Book the big studio'));
    const changed = s.vault.snapshot();
    const r = await applyStepEdit(s.app, GOAL, line, raw, (text, at) => toggleStep(text, at, { today: dayFromCivil(2026, 11, 25) }));
    expect(r.ok).toBe(false);
    expect(Notice.messages).toEqual([`Action Plan: nothing written, the note changed: line ${line + 1} no longer reads as expected.`]);
    expect(s.vault.snapshot()).toEqual(changed);
  });

  it('the editor menu offers the step commands on a step line', async () => {
    await at(GOAL, 'Bring the microphone');
    const menu = s.app.workspace.openEditorMenu();
    expect(['Add step', 'Break down step', 'Extract step to note', 'Toggle step', 'Postpone step'].map((n) => menu.item(n) !== undefined)).toEqual([true, true, true, true, true]);
    menu.item('Toggle step')?.click();
    await s.app.settle();
    expect(Object.keys(vaultDiff(before, s.vault.snapshot()))).toEqual([GOAL]);
  });

  it('step commands are not offered on a note no goal reads', async () => {
    await at('Ordinary note.md', 'Buy milk');
    for (const id of ['toggle-step', 'postpone-step', 'break-down-step', 'extract-step-to-note', 'add-step']) {
      expect([id, s.app.commands.isAvailable(id)]).toEqual([id, false]);
    }
  });

  it('postpone-step moves the due date by a week, or to a date typed in words', async () => {
    const line = await at(GOAL, 'Design artwork');
    await s.app.commands.run('postpone-step');
    await press(s, 'One week', Setting.named('Postpone by'));
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({ [GOAL]: edited(goal, { [line]: '- [ ] Design artwork [[Artwork]] 📅 2026-12-17' }) });
    expect(Notice.messages).toEqual(['Action Plan: Postponed "Design artwork [[Artwork]]" to 2026-12-17.']);

    await s.app.settle();
    await s.app.commands.run('postpone-step');
    const field = Setting.named('Or to a date');
    await field.control<TextComponent>('text').input('soonish');
    expect(field.desc).toBe('Cannot read "soonish" as a date.');
    await press(s, 'Move', Setting.all[Setting.all.length - 1] as Setting);
    expect(Modal.current()).not.toBeNull();
    await field.control<TextComponent>('text').input('next friday');
    expect(field.desc).toBe('2026-12-04, Friday (in 9 days)');
    await press(s, 'Move', Setting.all[Setting.all.length - 1] as Setting);
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({ [GOAL]: edited(goal, { [line]: '- [ ] Design artwork [[Artwork]] 📅 2026-12-04' }) });
  });

  it('add-step adds a step under a heading, and a sub-step under a step', async () => {
    const heading = await at(GOAL, '## Prepare');
    await s.app.commands.run('add-step');
    await Setting.named('Step').control<TextComponent>('text').input('Test the microphone');
    await Setting.named('Due date').control<TextComponent>('text').input('in 2 weeks');
    expect(Setting.named('Due date').desc).toBe('2026-12-09, Wednesday (in 14 days)');
    await press(s, 'Add', Setting.all[Setting.all.length - 1] as Setting);
    const design = lineOf(goal, 'Design artwork');
    expect(heading).toBeLessThan(design);
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({ [GOAL]: edited(goal, {}, { [design]: ['- [ ] Test the microphone 📅 2026-12-09'] }) });

    await s.app.settle();
    const after = s.vault.textAt(GOAL) ?? '';
    await at(GOAL, 'Record the pilot');
    await s.app.commands.run('add-step');
    await Setting.named('Step').control<TextComponent>('text').input('Pay the studio');
    await press(s, 'Add', Setting.all[Setting.all.length - 1] as Setting);
    expect(s.vault.textAt(GOAL)).toBe(edited(after, {}, { [lineOf(after, 'Bring the microphone')]: ['    - [ ] Pay the studio'] }));
  });

  it('break-down-step shows each due date, then writes the sub-steps laid out backward', async () => {
    const line = await at(GOAL, 'Design artwork'); // due 2026-12-10
    await s.app.commands.run('break-down-step');
    await Setting.named('Sub-steps').control<TextAreaComponent>('textarea').input('Brief ~2d\nSketches ~1w\n\nPick one');
    const preview = Setting.named('Due dates');
    // Window: 25 Nov … 10 Dec, 12 working days; estimates 2, 5, 1 (E = 8): w3, w11, w12.
    expect(preview.desc).toBe('2026-11-27: Brief\n2026-12-09: Sketches\n2026-12-10: Pick one');
    await press(s, 'Add sub-steps', preview);
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({
      [GOAL]: edited(goal, {}, { [line]: ['    - [ ] Brief 📅 2026-11-27 ⏱ 2d', '    - [ ] Sketches 📅 2026-12-09 ⏱ 1w', '    - [ ] Pick one 📅 2026-12-10'] }),
    });
  });

  it('break-down-step that does not fit says by how much, and moves the deadline when asked', async () => {
    const line = await at(GOAL, 'Design artwork');
    await s.app.commands.run('break-down-step');
    await Setting.named('Sub-steps').control<TextAreaComponent>('textarea').input('Brief ~1w\nSketches ~2w');
    const preview = Setting.named('Due dates');
    expect(preview.desc.split('\n')[0]).toBe('The plan does not fit: it is 3 working days short of 2026-12-10.');
    expect(preview.controls.map((c) => (c.component as ButtonComponent).text)).toEqual(['Move the deadline', 'Keep it']);
    await press(s, 'Move the deadline', preview);
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({
      [GOAL]: edited(goal, { [line]: '- [ ] Design artwork [[Artwork]] 📅 2026-12-15' }, { [line]: ['    - [ ] Brief 📅 2026-12-01 ⏱ 1w', '    - [ ] Sketches 📅 2026-12-15 ⏱ 2w'] }),
    });
  });

  it('extract-step-to-note moves the sub-steps into a linked note and keeps the plan\'s numbers', async () => {
    const progress = s.plugin.index.report(GOAL)?.progress;
    const line = await at(GOAL, 'Record the pilot');
    expect(await s.app.commands.run('extract-step-to-note')).toBe(true);
    await s.app.settle();
    await s.plugin.index.whenBuilt();
    const lines = goal.split('\n');
    lines.splice(line, 5, '- [ ] Record the pilot [[Record the pilot]] 📅 2026-11-20');
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({
      [GOAL]: lines.join('\n'),
      'Launch podcast/Record the pilot.md':
        '---\ntype: action\ngoal: "[[Launch podcast]]"\ndue: 2026-11-20\n---\n- [x] Write the script ✅ 2026-11-10\n- [ ] Book the studio #help 📅 2026-11-18\n- Notes on the studio:\n    - [ ] Bring the microphone 📅 2026-11-19\n',
    });
    expect(s.plugin.index.report(GOAL)?.progress).toEqual(progress);
  });

  it('reschedule-overdue spreads the goal\'s overdue steps over working days, in their order', async () => {
    await at(GOAL, '## Why');
    expect(await s.app.commands.run('reschedule-overdue')).toBe(true);
    await press(s, 'Spread over working days', Setting.named('Launch a podcast'));
    const L = (n: string): number => lineOf(goal, n);
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({
      [GOAL]: edited(goal, {
        [L('Book the studio')]: '    - [ ] Book the studio #help 📅 2026-11-25',
        [L('Bring the microphone')]: '        - [ ] Bring the microphone 📅 2026-11-26',
        [L('Record the pilot')]: '- [ ] Record the pilot 📅 2026-11-27',
      }),
    });
    expect(Notice.messages).toEqual(['Action Plan: rescheduled 3 of 3 overdue steps.']);
  });

  it('next-action opens the note at the goal\'s next action and writes nothing', async () => {
    await at('Steps/Artwork.md', 'Sketch three ideas');
    expect(await s.app.commands.run('next-action')).toBe(true);
    const view = s.app.workspace.activeEditor;
    expect([view?.file?.path, view?.editor.getCursor().line]).toEqual([GOAL, lineOf(goal, 'Book the studio')]);
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({});
  });
  it('extract-step-to-note acts on the line the editor holds when the note changed under the plan', async () => {
    await at(GOAL, 'Record the pilot');
    const file = s.app.vault.getFileByPath(GOAL);
    if (file === null) throw new Error('no goal');
    await s.app.vault.process(file, (t) => t.replace('Record the pilot', 'Record the first pilot'));
    expect(await s.app.commands.run('extract-step-to-note')).toBe(true);
    await s.app.settle();
    expect(Notice.messages.at(-1)).toBe('Action Plan: Moved "Record the first pilot" and 4 lines below it to a note: Launch podcast/Record the first pilot.md.');
    expect(s.vault.textAt(GOAL)).toContain('Record the first pilot]]');
    expect(s.vault.trashed).toEqual([]);
  });

  it('break-down-step of a step without a due date lays out to the goal\'s target, and moves the target when asked', async () => {
    const line = await at(GOAL, 'Weekly routine');
    await s.app.commands.run('break-down-step');
    expect(Setting.named('Deadline').desc).toBe('2026-12-31, Thursday (in 36 days)');
    await Setting.named('Sub-steps').control<TextAreaComponent>('textarea').input('One ~2w\nTwo ~2w\nThree ~2w');
    const preview = Setting.named('Due dates');
    expect(preview.desc.split('\n')[0]).toBe('The plan does not fit: it is 3 working days short of 2026-12-31.');
    await press(s, 'Move the deadline', preview);
    expect(vaultDiff(before, s.vault.snapshot())).toEqual({
      [GOAL]: edited(goal, { [lineOf(goal, 'target:')]: 'target: 2027-01-05' }, { [line]: ['    - [ ] One 📅 2026-12-08 ⏱ 2w', '    - [ ] Two 📅 2026-12-22 ⏱ 2w', '    - [ ] Three 📅 2027-01-05 ⏱ 2w'] }),
    });
    expect(Notice.messages.at(-1)).toBe('Action Plan: Broke "Weekly routine [[Weekly routine]]" into 3 steps; the goal\'s target is now 2027-01-05.');
  });
});

describe('step commands with Dataview fields in the settings', () => {
  it('add-step writes the due date as an inline field', async () => {
    const s = await startOver('tests/fixtures/plan', { dateFormat: 'dataview' });
    const goal = s.vault.textAt(GOAL) ?? '';
    await s.app.workspace.openNote(GOAL, lineOf(goal, '## Publish'));
    await s.app.commands.run('add-step');
    await Setting.named('Step').control<TextComponent>('text').input('Write show notes');
    await Setting.named('Due date').control<TextComponent>('text').input('2026-12-01');
    await press(s, 'Add', Setting.all[Setting.all.length - 1] as Setting);
    expect(s.vault.textAt(GOAL)).toBe(edited(goal, {}, { [lineOf(goal, 'Missing piece')]: ['- [ ] Write show notes [due:: 2026-12-01]'] }));
  });
});

describe('"end of week" ends the week the settings start', () => {
  // Today is Wednesday 2026-11-25.
  it.each([
    [6, 'Saturday', 'end of week', '2026-11-27, Friday (in 2 days)'],
    [0, 'Sunday', 'end of the week', '2026-11-28, Saturday (in 3 days)'],
    [1, 'Monday', 'end of this week', '2026-11-29, Sunday (in 4 days)'],
  ])('with the week starting on %s (%s), postpone-step to "%s" is %s', async (weekStart, _name, words, label) => {
    const s = await startOver('tests/fixtures/plan', { weekStart });
    const goal = s.vault.textAt(GOAL) ?? '';
    const line = lineOf(goal, 'Design artwork');
    await s.app.workspace.openNote(GOAL, line);
    await s.app.commands.run('postpone-step');
    const field = Setting.named('Or to a date');
    await field.control<TextComponent>('text').input(words);
    expect(field.desc).toBe(label);
    await press(s, 'Move', Setting.all[Setting.all.length - 1] as Setting);
    expect(s.vault.textAt(GOAL)).toBe(edited(goal, { [line]: `- [ ] Design artwork [[Artwork]] 📅 ${label.slice(0, 10)}` }));
    Modal.clear();
  });
});
