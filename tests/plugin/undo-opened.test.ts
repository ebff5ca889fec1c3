/** @jest-environment jsdom */
/**
 * Undo in the notice of a write to a note that was not open still applies after the person
 * opens the note (SPEC 2.7): the editor holds the note with `\n` between lines, whatever the
 * file's own line endings.
 */
import type { PlanNode } from '../../src/engine/types';
import { viewActions } from '../../src/view/plan-view';
import { installDomHelpers, InMemoryVault, Notice, stopPlugin } from '../host';
import { freezeToday, startWith, type Started } from './helpers';

installDomHelpers();
let s: Started;

beforeEach(() => {
  freezeToday();
  Notice.clear();
});

afterEach(async () => {
  await stopPlugin(s.plugin);
  jest.useRealTimers();
});

const GOAL = ['---', 'type: goal', 'start: 2026-11-01', 'target: 2026-12-31', '---', '# Keep the flat', '- [ ] Water the plants 📅 2026-11-20', '- [ ] Fix the shelf 📅 2026-11-30', ''];

function step(text: string): PlanNode {
  const stack = [...(s.plugin.index.report('Flat.md')?.tree.children ?? [])];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n.text.startsWith(text)) return n;
    stack.push(...n.children);
  }
  throw new Error(`no step ${text}`);
}

test.each([
  ['LF', '\n'],
  ['CRLF', '\r\n'],
])('Undo of a tick in a %s note that was opened since takes the tick back', async (_name, eol) => {
  const original = GOAL.join(eol);
  s = await startWith(InMemoryVault.fromRecord({ 'Flat.md': original }));
  await viewActions(s.app, s.plugin).toggle(step('Water the plants'));
  await s.app.settle();
  expect(s.vault.textAt('Flat.md')).toContain(`📅 2026-11-20 ✅ 2026-11-25${eol}`);
  const undo = Notice.notices.at(-1)?.messageEl.querySelector<HTMLButtonElement>('button');
  const view = await s.app.workspace.openNote('Flat.md', 0);
  undo?.click();
  await s.app.settle();
  expect(Notice.messages.at(-1)).toBe('Action Plan: undone.');
  expect(s.vault.textAt('Flat.md')).toBe(original);
  expect(view.editor.getValue()).toBe(GOAL.join('\n'));
});
