/**
 * A cold start: Obsidian lays out the workspace before its metadata cache has read the vault,
 * which then fills note by note and fires `resolved` at the end. The index must end as if the
 * cache had been full from the start.
 */
import { join } from 'node:path';
import ActionPlanPlugin from '../../src/main';
import { run } from '../../src/cli/main';
import { goalJson } from '../../src/engine/report/json-report';
import { createTestApp, InMemoryVault, startPlugin } from '../host';
import { removeVaults, vault } from '../robust/cli-helpers';
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

describe('a would-be goal whose frontmatter never closes', () => {
  // Obsidian gives such a note neither `frontmatter` nor `frontmatterPosition`: the first line
  // reads as a thematic break. The command line reads it as a goal with a bad-frontmatter error.
  const NOTES: Record<string, string> = {
    'Trip.md': '---\ntype: goal\ntarget: 2026-12-31\n\n# Trip\n- [ ] Book the hotel [[Hotel]]\n- [x] Pack ✅ 2026-11-20\n',
    'Hotel.md': '# Hotel\n- [ ] Call the hotel 📅 2026-12-01\n',
    'Garden.md': '---\ntype: goal\n---\n- [ ] Dig\n',
    'Rule.md': '---\n\nA note that starts with a rule and closes nothing.\n',
    'Plain.md': '# Plain\n- [ ] Buy milk\n',
  };

  afterAll(() => removeVaults());

  it.each([
    ['the cache full when the index starts', false],
    ['the cache filling after the layout is ready', true],
  ])('is found at the start, %s, as the command line finds it', async (_name, coldCache) => {
    const app = createTestApp(InMemoryVault.fromRecord({ ...NOTES }), { coldCache });
    if (!coldCache) await app.settle();
    const plugin = await startPlugin(ActionPlanPlugin, app);
    app.workspace.setLayoutReady();
    await app.settle();
    await plugin.index.whenBuilt();
    let out = '';
    expect(run(['report', vault(NOTES), '--today', TODAY, '--json'], { out: (t) => (out += t), err: (t) => (out += t), color: false })).toBe(0);
    const fromCli = JSON.parse(out) as { goals: { path: string }[] };
    expect(fromCli.goals.map((g) => g.path)).toEqual(['Garden.md', 'Trip.md']);
    expect({ today: TODAY, goals: plugin.index.reports().map(goalJson) }).toEqual(fromCli);
    expect(plugin.index.heldPaths().sort()).toEqual(['Garden.md', 'Hotel.md', 'Trip.md']);
  });
});
