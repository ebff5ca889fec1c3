/**
 * A cold start: Obsidian lays out the workspace before its metadata cache has read the vault,
 * which then fills note by note and fires `resolved` at the end. The index must end as if the
 * cache had been full from the start.
 */
import { join } from 'node:path';
import ActionPlanPlugin from '../../src/main';
import { run } from '../../src/cli/main';
import { goalJson } from '../../src/engine/report';
import { createTestApp, InMemoryVault, startPlugin } from '../host';
import { freezeToday, ROOT, TODAY } from './helpers';

beforeEach(() => freezeToday());
afterEach(() => jest.useRealTimers());

function cliReport(folder: string): unknown {
  let out = '';
  expect(run(['report', join(ROOT, folder), '--today', TODAY, '--json'], { out: (t) => (out += t), err: (t) => (out += t), color: false })).toBe(0);
  return JSON.parse(out);
}

describe('a cold start of the metadata cache', () => {
  it.each(['demo-vault', 'tests/fixtures/plan', 'tests/fixtures/links'])('the index of %s ends as the command line reads it', async (folder) => {
    const app = createTestApp(InMemoryVault.fromFolder(join(ROOT, folder)), { coldCache: true });
    const plugin = await startPlugin(ActionPlanPlugin, app);
    const first = app.vault.getMarkdownFiles()[0];
    if (first === undefined) throw new Error('an empty vault');
    expect(app.metadataCache.getFileCache(first)).toBeNull();
    let resolved = 0;
    app.metadataCache.on('resolved', () => resolved++);
    app.workspace.setLayoutReady();
    await app.settle();
    await plugin.index.whenBuilt();
    expect(resolved).toBeGreaterThanOrEqual(1);
    // Every note came through `changed` after the index had started.
    expect(app.metadataCache.changedCount).toBe(app.vault.getMarkdownFiles().length);
    expect({ today: TODAY, goals: plugin.index.reports().map(goalJson) }).toEqual(cliReport(folder));
  });
});
