/**
 * Goal notes with lone-CR line endings (old Mac files, some sync tools) in the test host: their
 * steps, phases and checkpoints read as those of the same note with LF endings, and the goal
 * commands write their entries under `## Reviews` and `## Decisions` in the note's own endings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InMemoryVault, Modal, SuggestModal, stopPlugin } from '../host';
import { dayFromCivil, formatDay } from '../../src/engine/days/dates';
import type { CheckpointView } from '../../src/engine/types';
import { freshHostEachTest, ROOT, startWith, type Started } from './helpers';
import { fill, pick, submit } from './goal-helpers';

const GOAL = 'Move to Lisbon.md';
const LF = readFileSync(join(ROOT, 'tests', 'fixtures', 'goals', GOAL), 'utf8');
const CR = LF.replace(/\n/g, '\r');
const TODAY = dayFromCivil(2026, 11, 25);

let s: Started;

freshHostEachTest(() => s);

/** What the plan of the goal reads: its tree without positions in bytes, and its checkpoints. */
async function planOf(text: string): Promise<unknown> {
  s = await startWith(InMemoryVault.fromRecord({ [GOAL]: text }));
  const r = s.plugin.index.report(GOAL, TODAY);
  await stopPlugin(s.plugin);
  return r === null ? null : { tree: r.tree, progress: r.progress, checkpoints: r.checkpoints.map((c) => [formatDay(c.date), c.label, c.state]), problems: r.problems };
}

test('a lone-CR goal note reads its steps, phases and checkpoints as the same note with LF endings', async () => {
  const lf = await planOf(LF);
  expect(lf).not.toBeNull();
  expect(await planOf(CR)).toEqual(lf);
});

describe('goal commands on a lone-CR note', () => {
  beforeEach(async () => {
    s = await startWith(InMemoryVault.fromRecord({ [GOAL]: CR }));
    await s.app.workspace.openNote(GOAL);
  });

  test('record-checkpoint writes the review into its checkpoint and its entry under a new Reviews heading, in CR', async () => {
    await s.app.commands.run('record-checkpoint');
    const picker = Modal.current(SuggestModal) as SuggestModal<CheckpointView>;
    const missed = (await picker.suggestions('')).find((c) => formatDay(c.date) === '2026-10-15');
    if (missed === undefined) throw new Error('no checkpoint 2026-10-15');
    picker.choose(missed);
    pick('How do I feel about it?', '3');
    fill('Note', 'On track');
    await submit();
    await s.app.settle();
    expect(s.vault.textAt(GOAL)).toBe(
      CR.replace('    expect: 15 # a guess\r', '    expect: 15 # a guess\r    progress: 17\r    feeling: 3\r    note: On track\r    reviewed: 2026-11-25\r') +
        '\r## Reviews\r- 2026-11-25 — Budget worked out. 17% against 15% expected. Feeling 3/5. On track.\r',
    );
  });

  test('set-goal-status twice: both decisions under one Decisions heading at the end, in CR', async () => {
    for (const [status, reason] of [['paused', 'Waiting for the offer'], ['active', 'The offer came']] as const) {
      await s.app.commands.run('set-goal-status');
      pick('Status', status);
      fill('Reason', reason);
      await submit();
      await s.app.settle();
    }
    expect(s.vault.textAt(GOAL)).toBe(CR + '\r## Decisions\r- 2026-11-25 — Paused: Waiting for the offer.\r- 2026-11-25 — Active again: The offer came.\r');
  });
});
