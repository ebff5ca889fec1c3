/**
 * Writes made after the note changed under an open form or a pending read, in the test host:
 * the step the person saw is the one written, and the index never reads one note as another.
 */
import { EDITOR_PAUSE } from '../../src/obsidian/follow-typing';
import { Setting, type ButtonComponent } from '../host';
import { freshHostEachTest, startOver, type Started } from './helpers';

let s: Started;

freshHostEachTest(() => s);

const PODCAST = 'Launch podcast.md';

function linesOf(path: string): string[] {
  return (s.vault.textAt(path) ?? '').split('\n');
}

test('reschedule-overdue moves the steps the form showed when a line was inserted above them meanwhile', async () => {
  s = await startOver('tests/fixtures/plan');
  const before = linesOf(PODCAST);
  const pilot = before.indexOf('- [ ] Record the pilot 📅 2026-11-20');
  await s.app.workspace.openNote('Ordinary note.md', 0);
  await s.app.workspace.openNote(PODCAST, pilot);
  expect(await s.app.commands.run('reschedule-overdue')).toBe(true);
  // Another program inserts a step above them while the form is open.
  const file = s.vault.getFileByPath(PODCAST);
  if (file === null) throw new Error('no note');
  await s.app.vault.process(file, (t) => t.replace('- [ ] Record the pilot', '- [ ] Inserted meanwhile 📅 2026-12-24\n- [ ] Record the pilot'));
  await s.app.settle();
  const row = Setting.all.filter((r) => r.controls.some((c) => c.kind === 'button')).at(-1);
  const all = row?.controls.map((c) => c.component).find((c): c is ButtonComponent => (c as ButtonComponent).text === 'All to today');
  await all?.click();
  await s.app.settle();
  const after = linesOf(PODCAST);
  expect(after[pilot]).toBe('- [ ] Inserted meanwhile 📅 2026-12-24');
  expect(after[pilot + 1]).toBe('- [ ] Record the pilot 📅 2026-11-25');
  expect(after.filter((l) => l.includes('📅 2026-11-25'))).toHaveLength(before.filter((l) => /- \[[ /]\].*📅 2026-11-(1\d|2[0-4])/.test(l)).length);
});

test('typing in a note that the same editor then leaves for another note does not make the index read the other note as the first', async () => {
  s = await startOver('tests/fixtures/plan');
  const view = await s.app.workspace.openNote(PODCAST, 24);
  const steps = s.plugin.index.report(PODCAST)?.tree.children.length;
  view.editor.replaceRange('- [ ] Typed a moment ago\n', { line: 24, ch: 0 });
  // The same tab (and its editor) goes on to another note before the typing pause ends.
  const other = s.vault.getFileByPath('Ordinary note.md');
  await view.setState({ file: other?.path }, { history: true });
  expect(view.editor.getValue()).toBe(s.vault.textAt('Ordinary note.md'));
  await new Promise((resolve) => setTimeout(resolve, EDITOR_PAUSE + 100));
  expect(s.plugin.index.report(PODCAST)?.tree.children.length).toBe(steps);
  const pilot = linesOf(PODCAST).indexOf('- [ ] Record the pilot 📅 2026-11-20');
  expect(s.plugin.index.stepAt(PODCAST, pilot)?.raw).toBe('- [ ] Record the pilot 📅 2026-11-20');
});
