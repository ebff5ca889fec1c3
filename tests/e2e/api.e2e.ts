/** The API in the preview page, as a DataviewJS block in the browser would call it. */
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { openPreview, ROOT, TODAY, type Opened } from './browser';

let opened: Opened;
beforeAll(async () => {
  opened = await openPreview();
});
afterAll(async () => {
  await opened.close();
});

interface PreviewApi {
  ready(): Promise<void>;
  goals(): unknown[];
  goal(name: string): { title: string } | null;
  onChange(listener: (paths: string[]) => void): () => void;
}

it('gives the numbers `action-plan report --json` prints for the same vault, and tells which goal a tick changed', async () => {
  let out = '';
  expect(run(['report', join(ROOT, 'demo-vault'), '--today', TODAY, '--json'], { out: (t) => (out += t), err: (t) => (out += t), color: false })).toBe(0);
  const expected = (JSON.parse(out) as { goals: unknown[] }).goals;
  const result = await opened.page.evaluate(async () => {
    type Vault = { getFileByPath(p: string): unknown; process(f: unknown, fn: (t: string) => string): Promise<string> };
    const preview = (window as unknown as { actionPlanPreview: { ready: Promise<void>; app: { vault: Vault; plugins: { plugins: Record<string, { api: PreviewApi }> } } } }).actionPlanPreview;
    await preview.ready;
    const api = preview.app.plugins.plugins['action-plan']?.api;
    if (api === undefined) throw new Error('no api');
    await api.ready();
    const goals = api.goals();
    const heard = new Promise<string[]>((resolve) => api.onChange(resolve));
    const goalPath = 'Goals/Learn Spanish.md';
    const file = preview.app.vault.getFileByPath(goalPath);
    await preview.app.vault.process(file, (t) => t.replace('- [ ]', '- [x]'));
    return { goals, goalPath, changed: await heard };
  });
  expect(result.goals).toEqual(expected);
  expect(result.changed).toEqual([result.goalPath]);
});
