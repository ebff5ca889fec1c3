/**
 * The goal commands end to end in the test host: each runs from the palette over the fixture
 * vault, its form is filled in as a person would, and the whole vault is compared before and
 * after, line by line.
 */
import { Modal, Notice, Setting, SuggestModal, stopPlugin } from '../host';
import type { CheckpointView } from '../../src/engine/types';
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

function diff(): Record<string, string[]> {
  return vaultDiff(before, s.vault.snapshot());
}

test('set-goal-status changes only the value of status, keeps its comment, and logs the decision', async () => {
  await run('set-goal-status');
  pick('Status', 'paused');
  fill('Reason', 'Waiting for the new job offer');
  await submit();
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
  await submit();
  expect(diff()).toEqual({});
  expect(Modal.current()).not.toBeNull();
  expect(Notice.messages.pop()).toMatch(/reason/);
});
