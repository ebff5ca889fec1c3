/**
 * The goal commands end to end in the test host: each runs from the palette over the fixture
 * vault, its form is filled in as a person would, and the whole vault is compared before and
 * after, line by line.
 */
import { Modal, Notice, readFrontmatterObject, Setting, SuggestModal, stopPlugin } from '../host';
import { dayFromCivil, formatDay } from '../../src/engine/days/dates';
import { planSummary } from '../../src/engine/present/summary';
import type { CheckpointView, GoalReport } from '../../src/engine/types';
import { freezeToday, startOver, type Started } from './helpers';
import { fill, pick, submit, toggle, vaultDiff } from './goal-helpers';

let s: Started;
let before: Record<string, string>;

beforeEach(async () => {
  freezeToday();
  Notice.clear();
  Modal.clear();
  Setting.clear();
  s = await startOver('tests/fixtures/goals');
  before = s.vault.snapshot();
});

afterEach(async () => {
  await stopPlugin(s.plugin);
  jest.useRealTimers();
});

async function run(id: string, note: string | null = 'Move to Lisbon.md'): Promise<void> {
  if (note !== null) await s.app.workspace.openNote(note);
  await s.app.commands.run(id);
}

/** Presses the form's button; the note open in an editor is then saved, as Obsidian does after a pause. */
async function send(): Promise<void> {
  await submit();
  await s.app.settle();
}

function diff(): Record<string, string[]> {
  return vaultDiff(before, s.vault.snapshot());
}

test('set-goal-status changes only the value of status, keeps its comment, and logs the decision', async () => {
  await run('set-goal-status');
  pick('Status', 'paused');
  fill('Reason', 'Waiting for the new job offer');
  await send();
  expect(diff()).toEqual({
    'Move to Lisbon.md': [
      '-status: active # until I decide otherwise',
      '+status: paused # until I decide otherwise',
      '+',
      '+## Decisions',
      '+- 2026-11-25 — Paused: Waiting for the new job offer.',
    ],
  });
});

test('set-goal-status without a reason writes nothing and keeps the form open', async () => {
  await run('set-goal-status');
  pick('Status', 'staying');
  await send();
  expect(diff()).toEqual({});
  expect(Modal.current()).not.toBeNull();
  expect(Notice.messages.pop()).toMatch(/reason/);
});

/** The open checkpoint picker, its suggestions and the one with this date. */
async function pickCheckpoint(date: string): Promise<void> {
  const picker = Modal.current(SuggestModal) as SuggestModal<CheckpointView> | null;
  if (picker === null) throw new Error('no checkpoint list');
  const list = await picker.suggestions('');
  const found = list.find((c) => formatDay(c.date) === date);
  if (found === undefined) throw new Error(`no checkpoint ${date}`);
  picker.choose(found);
}

test('record-checkpoint lists the due and missed checkpoints first, and reviews a missed one in place', async () => {
  await run('record-checkpoint');
  const picker = Modal.current(SuggestModal) as SuggestModal<CheckpointView>;
  expect((await picker.suggestions('')).map((c) => `${formatDay(c.date) ?? ''} ${c.state}`)).toEqual(['2026-11-20 due', '2026-10-15 missed', '2027-03-31 upcoming']);
  await pickCheckpoint('2026-10-15');
  pick('How do I feel about it?', '2');
  fill('Note', 'Late: the budget took "two" tries');
  fill('What is the next step?', 'Book the visit');
  fill('Where will I need outside help?', 'Marta, for the neighbourhoods');
  await send();
  expect(diff()).toEqual({
    'Move to Lisbon.md': [
      '+    progress: 25',
      '+    feeling: 2',
      '+    note: "Late: the budget took \\"two\\" tries"',
      '+    reviewed: 2026-11-25',
      '+',
      '+## Reviews',
      '+- 2026-11-25 — Budget worked out. 25% against 15% expected. Feeling 2/5. Late: the budget took "two" tries.',
      '+    - Next step: Book the visit',
      '+    - Outside help: Marta, for the neighbourhoods',
    ],
  });
  // The new lines stand right after the entry's last line, before the next entry.
  const text = s.vault.textAt('Move to Lisbon.md') ?? '';
  expect(text).toContain("    expect: 15 # a guess\n    progress: 25\n    feeling: 2\n");
  await s.app.settle();
  const report = s.plugin.index.report('Move to Lisbon.md', dayFromCivil(2026, 11, 25));
  expect(report?.checkpoints.map((c) => c.state)).toEqual(['reviewed', 'due', 'upcoming']);
});

test('record-checkpoint on flow-style checkpoints goes through processFrontMatter', async () => {
  await run('record-checkpoint', 'Run a marathon.md');
  // One checkpoint is due and none is missed: the form opens on it at once.
  expect(Modal.current(SuggestModal)).toBeNull();
  pick('How do I feel about it?', '4');
  await send();
  const after = s.vault.textAt('Run a marathon.md') ?? '';
  expect(readFrontmatterObject(after)['checkpoints']).toEqual([
    { date: '2026-11-22', label: 'Half marathon pace', expect: 30, progress: 40, feeling: 4, reviewed: '2026-11-25' },
    { date: '2027-02-01', expect: 70 },
  ]);
  // The body is kept and the review logged under a new heading.
  const body = (before['Run a marathon.md'] ?? '').slice((before['Run a marathon.md'] ?? '').indexOf('# Run a marathon'));
  expect(after).toContain(body + '\n## Reviews\n- 2026-11-25 — Half marathon pace. 40% against 30% expected. Feeling 4/5.\n');
  expect(Object.keys(diff())).toEqual(['Run a marathon.md']);
  expect(Notice.messages.at(-1)).toBe('Review of 2026-11-22 recorded: 40%, feeling 4/5. Obsidian wrote the frontmatter in its own style.');
});

test('add-checkpoint suggests the expected percent from the due dates and inserts the entry in date order', async () => {
  await run('add-checkpoint');
  fill('Date', '2027-01-31');
  expect(Setting.named('Expected progress').desc).toBe('Expected from your due dates: 36% by that day; leave empty to use it.');
  fill('Label', 'Areas: shortlisted');
  await send();
  expect(diff()).toEqual({
    'Move to Lisbon.md': ['+  - date: 2027-01-31', '+    label: "Areas: shortlisted"', '+    expect: 36'],
  });
  expect(s.vault.textAt('Move to Lisbon.md')).toContain('    label: Visit booked\n  - date: 2027-01-31\n');
});

test('pivot-goal keeps the plan in a callout, then cancels a branch in the goal and one in a linked note', async () => {
  await run('pivot-goal');
  fill('Reason', 'Porto instead: cheaper, and Marta lives there');
  toggle('— Find a flat #help');
  toggle('— — — Units 6-10 (in Steps/Portuguese course.md)');
  await send();
  expect(diff()).toEqual({
    'Move to Lisbon.md': [
      '-- [ ] Find a flat #help 📅 2027-03-31',
      '+- [-] Find a flat #help 📅 2027-03-31 ❌ 2026-11-25',
      '+    - Porto instead: cheaper, and Marta lives there',
      '+',
      '+## Decisions',
      '+- 2026-11-25 — Pivoted: Porto instead: cheaper, and Marta lives there. Cancelled: Find a flat #help; Units 6-10.',
      '+',
      '+> [!note]- Plan history',
      '+> The plan on 2026-11-25, before the pivot: `█████░░░░░░░░░░░░░░░` 25% done (2/8) · 6.5% expected, ahead.',
      '+>',
      '+> - **Prepare** 2/6',
      '+>     - ☑ Work out the monthly budget',
      '+>     - ☐ Learn enough Portuguese for daily life [[Portuguese course]] (due 2027-04-30) 1/3',
      '+>         - **Portuguese course** 1/3',
      '+>             - ☑ Pick a course',
      '+>             - ☐ Units 1-5 (due 2026-12-15)',
      '+>             - ☐ Units 6-10 (due 2027-02-28)',
      '+>     - ☐ Find a flat #help (due 2027-03-31) 0/2',
      '+>         - ☐ Ask Marta about neighbourhoods',
      '+>         - ☐ Shortlist three areas (due 2027-01-15)',
      '+> - **Move** 0/2',
      '+>     - ☐ Give notice on the current flat (due 2027-05-01)',
      '+>     - ☐ Book the movers',
    ],
    'Steps/Portuguese course.md': ['-- [ ] Units 6-10 📅 2027-02-28', '+- [-] Units 6-10 📅 2027-02-28 ❌ 2026-11-25', '+\t- Porto instead: cheaper, and Marta lives there'],
  });
});

test('copy-plan-summary puts the Markdown summary on the clipboard', async () => {
  let copied = '';
  // Stands for the browser's clipboard, which Node does not have.
  Object.defineProperty(globalThis, 'navigator', { value: { clipboard: { writeText: (t: string) => Promise.resolve(void (copied = t)) } }, configurable: true });
  await run('copy-plan-summary');
  pick('Show', 'phases');
  await send();
  expect(copied).toBe(planSummary(s.plugin.index.report('Move to Lisbon.md', dayFromCivil(2026, 11, 25)) as GoalReport, dayFromCivil(2026, 11, 25), 'phases'));
  expect(copied).toContain('## Plan\n- **Prepare** 2/6\n- **Move** 0/2\n');
  expect(diff()).toEqual({});
});

test('add-checkpoint reads a date typed in words and says which day it took', async () => {
  await run('add-checkpoint');
  fill('Date', 'in 6 weeks');
  expect(Setting.named('Date').desc).toBe('2027-01-06, Wednesday (in 42 days)');
  fill('Expected progress', '40%');
  await send();
  expect(diff()).toEqual({ 'Move to Lisbon.md': ['+  - date: 2027-01-06', '+    expect: 40'] });
});

test('add-checkpoint refuses a date it cannot read and keeps the form open', async () => {
  await run('add-checkpoint');
  fill('Date', 'when pigs fly');
  await send();
  expect(diff()).toEqual({});
  expect(Modal.current()).not.toBeNull();
});

describe('new-goal', () => {
  async function create(title: string, target: string, cadence: string, steps = ''): Promise<void> {
    await s.app.commands.run('new-goal');
    fill('Title', title);
    fill('Target date', target);
    pick('Checkpoints', cadence);
    if (steps !== '') fill('First steps', steps);
    await send();
  }

  test('the built-in template, a target typed in words, quarterly checkpoints and steps laid out backward', async () => {
    await create('Learn to sail: day skipper', 'in 6 months', 'quarterly', 'Book a taster day ~1d\nTheory course ~2w\nPractical week ~1w');
    expect(diff()).toEqual({
      'Learn to sail day skipper.md': [
        '(new)',
        '+---',
        '+type: goal',
        '+title: "Learn to sail: day skipper"',
        '+status: active',
        '+start: 2026-11-25',
        '+target: 2027-05-25',
        '+checkpoints:',
        '+  - date: 2027-02-25',
        '+    expect: 51',
        '+---',
        '+# Learn to sail: day skipper',
        '+',
        '+## Why this goal',
        '+',
        '+',
        '+## What is the next step',
        '+',
        '+',
        '+## Am I happy with where I am',
        '+',
        '+',
        '+## Where will I need outside help',
        '+',
        '+',
        '+## Plan',
        '+- [ ] Book a taster day 📅 2026-12-07 ⏱ 1d',
        '+- [ ] Theory course 📅 2027-03-30 ⏱ 2w',
        '+- [ ] Practical week 📅 2027-05-25 ⏱ 1w',
        '+',
      ],
    });
    expect(s.app.workspace.getActiveFile()?.path).toBe('Learn to sail day skipper.md');
    await s.app.settle();
    expect(s.plugin.index.report('Learn to sail day skipper.md', dayFromCivil(2026, 11, 25))?.progress.total).toBe(3);
  });

  test('the template file of the settings, its placeholders filled in, run through Templater when it uses it', async () => {
    s.plugin.settings.templatePath = 'Templates/Goal template';
    const ran: string[] = [];
    // Stands for Templater: enabled, and processing the new file in place.
    const registry = (s.app as unknown as { plugins: { enabledPlugins: Set<string>; plugins: Record<string, unknown> } }).plugins;
    registry.enabledPlugins.add('templater-obsidian');
    registry.plugins['templater-obsidian'] = { templater: { overwrite_file_commands: (f: { path: string }) => Promise.resolve(void ran.push(f.path)) } };
    await create('Write a cookbook', '2027-03-01', 'monthly');
    const text = s.vault.textAt('Write a cookbook.md') ?? '';
    expect(text).toBe(
      [
        '---',
        'title: "Write a cookbook"',
        'start: "2026-11-25"',
        'target: "2027-03-01"',
        'area: personal',
        'type: goal',
        'checkpoints:',
        '  - date: 2026-12-25',
        '    expect: 31',
        '  - date: 2027-01-25',
        '    expect: 64',
        '  - date: 2027-02-25',
        '    expect: 96',
        '---',
        '# Write a cookbook',
        '',
        'Started on 2026-11-25, to be reached by 2027-03-01.',
        '',
        '## Why this goal',
        '',
        '## Plan',
        '',
      ].join('\n'),
    );
    // This template has no `<%`: Templater is left alone.
    expect(ran).toEqual([]);
    await s.app.vault.modify(s.app.vault.getFileByPath('Templates/Goal template.md') as never, '---\ntype: goal\n---\n# {{title}}\n<% tp.date.now() %>\n');
    await create('Plant an orchard', 'next year', 'none');
    expect(ran).toEqual(['Plant an orchard.md']);
  });

  test('a goals folder typed with doubled or back slashes is created once, under its normal name', async () => {
    s.plugin.settings.goalFolder = 'Goals\\\\2027//';
    await create('Run a marathon', '2027-10-01', 'none');
    expect(Object.keys(diff())).toEqual(['Goals/2027/Run a marathon.md']);
    s.plugin.settings.goalFolder = '/Goals//2027';
    await create('Learn the cello', '2027-10-01', 'none');
    expect(Object.keys(diff())).toEqual(['Goals/2027/Learn the cello.md', 'Goals/2027/Run a marathon.md']);
  });

  test('an existing note is never overwritten', async () => {
    await create('Move to Lisbon', '2027-12-31', 'none');
    expect(diff()).toEqual({});
    expect(Notice.messages.pop()).toBe('Move to Lisbon.md already exists: choose another title.');
  });
});
