/** The metadata cache's cold start: empty at load, filled note by note once the layout is ready, `resolved` at the end. */
import { createTestApp } from './app';

describe('a cold metadata cache', () => {
  it('fills one note per turn after the layout is ready, then fires resolved once', async () => {
    const app = createTestApp({ 'a.md': '# A\n[[b]]', 'b.md': '---\ntype: goal\n---\n# B', 'c/d.md': '- [ ] d' }, { coldCache: true });
    const events: string[] = [];
    app.metadataCache.on('changed', (file) => events.push(`changed ${file.path}`));
    app.metadataCache.on('resolve', (file) => events.push(`resolve ${file.path}`));
    app.metadataCache.on('resolved', () => events.push('resolved'));
    const b = app.vault.getFileByPath('b.md');
    if (b === null) throw new Error('no b.md');
    await app.settle();
    expect(events).toEqual([]);
    expect(app.metadataCache.getFileCache(b)).toBeNull();

    app.workspace.setLayoutReady();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    // Part way: some notes are in, `resolved` has not fired.
    expect(events.length).toBeGreaterThan(0);
    expect(events).not.toContain('resolved');
    await app.settle();
    expect(events).toEqual(['changed a.md', 'resolve a.md', 'changed b.md', 'resolve b.md', 'changed c/d.md', 'resolve c/d.md', 'resolved']);
    expect(app.metadataCache.getFileCache(b)?.frontmatter).toEqual({ type: 'goal' });
    expect(app.metadataCache.resolvedLinks['a.md']).toEqual({ 'b.md': 1 });
    expect(app.metadataCache.initialized).toBe(true);
  });
});
