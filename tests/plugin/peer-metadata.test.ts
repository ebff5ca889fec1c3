/**
 * The plugin over notes whose metadata Obsidian itself computed (the peer data): the host's
 * cache holds Obsidian's `CachedMetadata` for each note instead of its own guess, so what the
 * plugin reads from the cache (frontmatter and its position, sections) is what Obsidian gives.
 */
import ActionPlanPlugin from '../../src/main';
import { createTestApp, InMemoryVault, startPlugin, type GivenMetadata } from '../host';
import { peerNotes } from '../peer-data';

const NOTES = peerNotes();

/** The notes whose frontmatter, as Obsidian read it, carries `tag` or a tag below it. */
function taggedInObsidian(tag: string): string[] {
  return NOTES.filter((n) => {
    const tags: unknown = n.cache.frontmatter?.['tags'];
    const list = Array.isArray(tags) ? tags : typeof tags === 'string' ? [tags] : [];
    return list.some((t) => typeof t === 'string' && (t === tag || t.startsWith(`${tag}/`)));
  }).map((n) => n.path);
}

async function goalsWithTag(tag: string): Promise<string[]> {
  const vault = InMemoryVault.fromRecord(Object.fromEntries(NOTES.map((n) => [n.path, n.text])));
  const metadata = new Map<string, GivenMetadata>(NOTES.map((n) => [n.path, { text: n.text, cache: n.cache }]));
  const app = createTestApp(vault, { metadata });
  app.workspace.setLayoutReady();
  const plugin = await startPlugin(ActionPlanPlugin, app, {}, { version: 1, goalTag: tag, goalFolder: '' });
  await app.settle();
  await plugin.index.whenBuilt();
  for (const n of NOTES) {
    const file = app.vault.getFileByPath(n.path);
    expect(file === null ? null : app.metadataCache.getFileCache(file)).toBe(n.cache);
  }
  return plugin.index.reports().map((r) => r.path).sort();
}

describe("the plugin over Obsidian's own metadata", () => {
  it.each(['journal', 'sample', 'tag-from-file-properties'])('finds the goals tagged %s in the frontmatter Obsidian read', async (tag) => {
    const want = taggedInObsidian(tag);
    expect(want.length).toBeGreaterThan(0);
    expect(await goalsWithTag(tag)).toEqual(want.sort());
  });

  it('reads no goal from notes without the tag, whatever else their frontmatter holds', async () => {
    expect(await goalsWithTag('no-such-tag')).toEqual([]);
  });
});
