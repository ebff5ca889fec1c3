/**
 * The test host behaves as Obsidian does where the plugin depends on it: event order, atomic
 * writes, link resolution (checked against what Obsidian itself resolved), the metadata it
 * computes, and listeners that go away when a plugin unloads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ItemView, Notice as ObsidianNotice, Plugin, TFile, debounce, normalizePath, type CachedMetadata, type WorkspaceLeaf } from 'obsidian';
import { Component, Events, InMemoryVault, Notice, applyFrontmatter, createTestApp, startPlugin, stopPlugin } from '.';
import { PEER_DATA } from '../peer-data';

const PEER = join(PEER_DATA, 'obsidian-cache');

interface Loc {
  line: number;
}
interface PeerNote {
  filePath: string;
  fileContents: string;
  resolveLinkToPath: Record<string, string | null>;
  cachedMetadata: CachedMetadata & { links?: { link: string; original: string; displayText?: string; position: { start: Loc } }[] };
}

const peerFiles = readdirSync(PEER).filter((f) => f.endsWith('.json')).sort();
const peer = (name: string): PeerNote => JSON.parse(readFileSync(join(PEER, name), 'utf8')) as PeerNote;

/** A vault with every note of the peer data at its path, and every file a link led to. */
function peerVault(): InMemoryVault {
  const files: Record<string, string> = {};
  for (const name of peerFiles) {
    const note = peer(name);
    files[note.filePath] = note.fileContents;
    for (const target of Object.values(note.resolveLinkToPath)) if (target !== null) files[target] ??= '';
  }
  return InMemoryVault.fromRecord(files);
}

afterEach(() => {
  Notice.clear();
  expect(Events.listenerErrors.splice(0)).toEqual([]);
});

describe('events', () => {
  it('fires vault modify, then metadataCache changed with the new text, then resolved', async () => {
    const app = createTestApp({ 'Goal.md': '# Goal\n- [ ] one\n' });
    const file = app.vault.getFileByPath('Goal.md') as TFile;
    const seen: string[] = [];
    app.vault.on('modify', (f) => seen.push(`modify ${f.path}`));
    app.metadataCache.on('changed', (f, data, cache) => seen.push(`changed ${f.path} ${JSON.stringify(data)} ${cache.listItems?.length ?? 0}`));
    app.metadataCache.on('resolved', () => seen.push('resolved'));

    const changed = app.metadataCache.nextChanged('Goal.md');
    await app.vault.process(file, (t) => t + '- [ ] two\n');
    // The vault event has fired by the time the write resolves; the cache has not re-read the note yet.
    expect(seen).toEqual(['modify Goal.md']);
    expect(app.metadataCache.getFileCache(file)?.listItems).toHaveLength(1);

    const event = await changed;
    expect(event.cache.listItems).toHaveLength(2);
    await app.settle();
    expect(seen).toEqual(['modify Goal.md', 'changed Goal.md "# Goal\\n- [ ] one\\n- [ ] two\\n" 2', 'resolved']);
    expect(app.metadataCache.getFileCache(file)?.listItems).toHaveLength(2);
  });

  it('fires create for new folders then the file, and changed once indexed', async () => {
    const app = createTestApp();
    const seen: string[] = [];
    app.vault.on('create', (f) => seen.push(`create ${f.path}`));
    app.metadataCache.on('changed', (f) => seen.push(`changed ${f.path}`));
    await app.vault.create('Goals/2026/Run.md', '# Run\n');
    await app.settle();
    expect(seen).toEqual(['create Goals', 'create Goals/2026', 'create Goals/2026/Run.md', 'changed Goals/2026/Run.md']);
    await expect(app.vault.create('Goals/2026/Run.md', '')).rejects.toThrow('File already exists.');
    await expect(app.vault.create('Goals//Bad.md', '')).rejects.toThrow('normalizePath');
  });

  it('renames in place: same object, rename event with the old path, cache and links follow', async () => {
    const app = createTestApp({ 'Goal.md': '- [ ] [[Step]]\n', 'Step.md': '- [ ] a\n' });
    const step = app.vault.getFileByPath('Step.md') as TFile;
    const renames: string[] = [];
    app.vault.on('rename', (f, old) => renames.push(`${old} -> ${f.path}`));
    await app.fileManager.renameFile(step, 'Steps/Step two.md');
    expect(renames).toEqual(['Step.md -> Steps/Step two.md']);
    expect(step.path).toBe('Steps/Step two.md');
    expect(step.basename).toBe('Step two');
    expect(app.metadataCache.getFileCache(step)?.listItems).toHaveLength(1);
    await app.settle();
    expect(app.metadataCache.unresolvedLinks['Goal.md']).toEqual({ Step: 1 });
    expect(app.metadataCache.resolvedLinks['Goal.md']).toEqual({});
  });

  it('fires deleted with the previous cache, then the vault delete', async () => {
    const app = createTestApp({ 'A.md': '# A\n' });
    const a = app.vault.getFileByPath('A.md') as TFile;
    const seen: string[] = [];
    app.metadataCache.on('deleted', (f, prev) => seen.push(`deleted ${f.path} ${prev?.headings?.[0]?.heading ?? '-'}`));
    app.vault.on('delete', (f) => seen.push(`delete ${f.path}`));
    await app.vault.trash(a, true);
    expect(seen).toEqual(['deleted A.md A', 'delete A.md']);
    expect(app.vault.trashed).toEqual([{ path: 'A.md', text: '# A\n' }]);
    expect(app.metadataCache.getCache('A.md')).toBeNull();
  });

  it('fires the first resolved once the layout is ready, after the onLayoutReady callbacks', async () => {
    const app = createTestApp({ 'A.md': '' });
    const seen: string[] = [];
    app.metadataCache.on('resolved', () => seen.push('resolved'));
    app.workspace.onLayoutReady(() => seen.push('layout'));
    await app.settle();
    expect(seen).toEqual([]);
    app.workspace.setLayoutReady();
    app.workspace.onLayoutReady(() => seen.push('late'));
    await app.settle();
    expect(seen).toEqual(['layout', 'late', 'resolved']);
    expect(app.workspace.layoutReady).toBe(true);
  });
});

describe('vault.process', () => {
  it('is atomic: concurrent edits all land, where read-then-modify loses one', async () => {
    const app = createTestApp({ 'N.md': '' });
    const n = app.vault.getFileByPath('N.md') as TFile;
    await Promise.all(['a', 'b', 'c'].map((x) => app.vault.process(n, (t) => t + x)));
    expect(app.vault.snapshot()).toEqual({ 'N.md': 'abc' });

    const racy = async (x: string): Promise<void> => {
      const t = await app.vault.read(n);
      await app.vault.modify(n, t + x);
    };
    await Promise.all([racy('1'), racy('2')]);
    expect(app.vault.textAt('N.md')).toBe('abc2');
  });

  it('writes nothing and fires nothing when fn throws', async () => {
    const app = createTestApp({ 'N.md': 'keep\r\n' });
    const n = app.vault.getFileByPath('N.md') as TFile;
    let modified = 0;
    app.vault.on('modify', () => modified++);
    await expect(
      app.vault.process(n, () => {
        throw new Error('line moved');
      }),
    ).rejects.toThrow('line moved');
    expect(modified).toBe(0);
    expect(app.vault.writes.modify).toBe(0);
    expect(app.vault.snapshot()).toEqual({ 'N.md': 'keep\r\n' });
  });
});

describe('link resolution matches Obsidian (peer data resolveLinkToPath)', () => {
  const vault = peerVault();
  const app = createTestApp(vault);
  const cases = peerFiles.flatMap((name) => {
    const note = peer(name);
    return Object.entries(note.resolveLinkToPath).map(([link, expected]) => [name, link, note.filePath, expected] as const);
  });

  it('has the cases named in the brief', () => {
    const names = new Set(cases.map((c) => c[0]));
    for (const n of ['link_in_task_wikilink.json', 'all_link_types.json', 'link_in_task_wikilink_different_case.json']) expect(names).toContain(n);
  });

  it.each(cases)('%s: %j', (_name, link, from, expected) => {
    expect(app.metadataCache.getFirstLinkpathDest(link, from)?.path ?? null).toBe(expected);
  });

  it('prefers the source folder, then the shortest path; a path suffix narrows; ../ climbs', () => {
    const a = createTestApp({ 'x/Note.md': '', 'x/y/Note.md': '', 'z/Note.md': '', 'z/q/Other.md': '', 'Top.md': '' });
    const dest = (link: string, from: string): string | null => a.metadataCache.getFirstLinkpathDest(link, from)?.path ?? null;
    expect(dest('Note', 'z/q/Other.md')).toBe('x/Note.md');
    expect(dest('Note', 'z/Source.md')).toBe('z/Note.md');
    expect(dest('note#Heading', 'x/y/Source.md')).toBe('x/y/Note.md');
    expect(dest('y/Note', 'Top.md')).toBe('x/y/Note.md');
    expect(dest('../Note', 'z/q/Other.md')).toBe('z/Note.md');
    expect(dest('', 'z/q/Other.md')).toBe('z/q/Other.md');
    expect(dest('Nope', 'Top.md')).toBeNull();
    expect(a.metadataCache.fileToLinktext(a.vault.getFileByPath('Top.md') as TFile, 'x/Note.md')).toBe('Top');
    expect(a.fileManager.generateMarkdownLink(a.vault.getFileByPath('x/y/Note.md') as TFile, 'Top.md')).toBe('[[x/y/Note]]');
  });
});

describe('metadata matches Obsidian (peer data cachedMetadata)', () => {
  it.each(peerFiles)('%s', (name) => {
    const note = peer(name);
    const app = createTestApp({ [note.filePath]: note.fileContents });
    const got = app.metadataCache.getCache(note.filePath) as CachedMetadata;
    const want = note.cachedMetadata;
    expect(got.frontmatter).toEqual(want.frontmatter);
    expect(got.frontmatterPosition).toEqual(want.frontmatterPosition);
    expect((got.headings ?? []).map((h) => [h.heading, h.level, h.position.start.line])).toEqual((want.headings ?? []).map((h) => [h.heading, h.level, h.position.start.line]));
    expect((got.listItems ?? []).map((i) => [i.parent, i.task, i.position.start.line])).toEqual((want.listItems ?? []).map((i) => [i.parent, i.task, i.position.start.line]));
    expect((got.links ?? []).map((l) => [l.link, l.original, l.displayText, l.position.start.line])).toEqual(
      (want.links ?? []).map((l) => [l.link, l.original, l.displayText, l.position.start.line]),
    );
    expect((got.tags ?? []).map((t) => [t.tag, t.position.start.line])).toEqual((want.tags ?? []).map((t) => [t.tag, t.position.start.line]));
    expect(got.frontmatterLinks ?? []).toEqual(want.frontmatterLinks ?? []);
  });

  it('keeps frontmatterPosition but no frontmatter when the YAML is broken', () => {
    const app = createTestApp({ 'Bad.md': '---\ntype: goal\ntitle: [unclosed\n---\n# Bad\n' });
    const cache = app.metadataCache.getCache('Bad.md');
    expect(cache?.frontmatter).toBeUndefined();
    expect(cache?.frontmatterPosition?.end.line).toBe(3);
    expect(cache?.headings?.[0]?.position.start.line).toBe(4);
  });
});

describe('fileManager.processFrontMatter', () => {
  it('rewrites the block, keeps the body and CRLF line endings', async () => {
    const text = '---\r\ntype: goal\r\nstart: 2026-01-05 # comment\r\n---\r\n# Body\r\n- [ ] x 📅 2026-02-01\r\n';
    const app = createTestApp({ 'G.md': text });
    await app.fileManager.processFrontMatter(app.vault.getFileByPath('G.md') as TFile, (fm: Record<string, unknown>) => {
      expect(fm.start).toBe('2026-01-05');
      fm.status = 'paused';
      fm.goal = '[[Goal]]';
    });
    expect(app.vault.textAt('G.md')).toBe('---\r\ntype: goal\r\nstart: 2026-01-05\r\nstatus: paused\r\ngoal: "[[Goal]]"\r\n---\r\n# Body\r\n- [ ] x 📅 2026-02-01\r\n');
  });

  it('creates the block when absent and refuses broken YAML', () => {
    expect(applyFrontmatter('# Note\n', (fm) => (fm.type = 'goal'))).toBe('---\ntype: goal\n---\n# Note\n');
    expect(applyFrontmatter('# Note\n', () => undefined)).toBe('# Note\n');
    expect(() => applyFrontmatter('---\na: [\n---\n', () => undefined)).toThrow();
  });
});

describe('plugin lifecycle', () => {
  class Panel extends ItemView {
    getViewType(): string {
      return 'test-panel';
    }
    getDisplayText(): string {
      return 'Panel';
    }
    protected override onOpen(): Promise<void> {
      this.registerEvent(this.app.vault.on('modify', () => undefined));
      return Promise.resolve();
    }
  }
  class TestPlugin extends Plugin {
    log: string[] = [];
    override async onload(): Promise<void> {
      const saved = (await this.loadData()) as { n?: number } | null;
      this.log.push(`onload ${saved?.n ?? 0}`);
      this.registerView('test-panel', (leaf: WorkspaceLeaf) => new Panel(leaf));
      this.addCommand({ id: 'say', name: 'Say', callback: () => new ObsidianNotice('hello') });
      this.addCommand({ id: 'edit', name: 'Edit', editorCallback: (editor) => editor.setLine(0, '# Edited') });
      this.app.workspace.onLayoutReady(() => {
        this.registerEvent(this.app.metadataCache.on('changed', () => this.log.push('changed')));
        this.registerEvent(this.app.vault.on('rename', () => undefined));
      });
      this.registerInterval(window.setInterval(() => undefined, 1000));
      await this.saveData({ n: (saved?.n ?? 0) + 1 });
    }
    override onunload(): void {
      this.log.push('onunload');
    }
  }

  it('registers and undoes everything; no listener is left after unload', async () => {
    const app = createTestApp({ 'A.md': '# A\n' });
    const plugin = await startPlugin(TestPlugin, app, {}, { n: 4 });
    expect(plugin.log).toEqual(['onload 4']);
    expect(JSON.parse(app.pluginData.get(plugin.manifest.id) ?? 'null')).toEqual({ n: 5 });
    expect(app.commands.list().map((c) => c.id)).toEqual([`${plugin.manifest.id}:say`, `${plugin.manifest.id}:edit`]);

    app.workspace.setLayoutReady();
    const leaf = app.workspace.getRightLeaf(false) as unknown as WorkspaceLeaf;
    await leaf.setViewState({ type: 'test-panel', active: true });
    expect(app.listenerCounts()).toEqual({ vault: { modify: 1, rename: 1 }, metadataCache: { changed: 1 }, workspace: {} });

    expect(await app.commands.run('say')).toBe(true);
    expect(Notice.messages).toEqual(['hello']);
    expect(app.commands.isAvailable('edit')).toBe(false);
    const view = await app.workspace.openNote('A.md');
    expect(await app.commands.run('edit')).toBe(true);
    expect(view.editor.getValue()).toBe('# Edited\n');
    expect(app.vault.textAt('A.md')).toBe('# Edited\n');
    expect(plugin.log).toEqual(['onload 4', 'changed']);

    await stopPlugin(plugin);
    expect(plugin.log).toEqual(['onload 4', 'changed', 'onunload']);
    expect(app.listenerCounts()).toEqual({ vault: {}, metadataCache: {}, workspace: {} });
    expect(app.commands.list()).toEqual([]);
    expect(app.workspace.getLeavesOfType('test-panel')).toEqual([]);
  });

  it('plugin code and tests see one module: obsidian is the stub', () => {
    expect(ObsidianNotice).toBe(Notice);
  });

  it('offref brings the counts back to zero', () => {
    const app = createTestApp();
    const refs = [app.vault.on('modify', () => undefined), app.vault.on('modify', () => undefined), app.metadataCache.on('changed', () => undefined)];
    expect(app.vault.listenerCount('modify')).toBe(2);
    app.vault.offref(refs[0]);
    app.vault.offref(refs[0]);
    expect(app.vault.listenerCount('modify')).toBe(1);
    app.vault.offref(refs[1]);
    app.metadataCache.offref(refs[2]);
    expect(app.listenerCounts()).toEqual({ vault: {}, metadataCache: {}, workspace: {} });
  });

  it('unloads children and runs cleanups last-first, before onunload', () => {
    const log: string[] = [];
    class C extends Component {
      constructor(private readonly name: string) {
        super();
      }
      override onload(): void {
        log.push(`load ${this.name}`);
        this.register(() => log.push(`cleanup ${this.name} 1`));
        this.register(() => log.push(`cleanup ${this.name} 2`));
      }
      override onunload(): void {
        log.push(`unload ${this.name}`);
      }
    }
    const parent = new C('parent');
    parent.addChild(new C('child'));
    parent.load();
    parent.unload();
    expect(log).toEqual(['load parent', 'load child', 'cleanup child 2', 'cleanup child 1', 'unload child', 'cleanup parent 2', 'cleanup parent 1', 'unload parent']);
  });
});

describe('helpers', () => {
  it('normalizePath as Obsidian', () => {
    expect(normalizePath('\\Goals//2026/\u00A0Run.md/')).toBe('Goals/2026/ Run.md');
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('Cafe\u0301.md')).toBe('Café.md');
  });

  it('debounce runs once after the delay, and run()/cancel() work, with fake timers', () => {
    jest.useFakeTimers();
    try {
      const calls: number[] = [];
      const d = debounce((n: number) => calls.push(n), 100, true);
      d(1);
      jest.advanceTimersByTime(60);
      d(2);
      jest.advanceTimersByTime(60);
      expect(calls).toEqual([]);
      jest.advanceTimersByTime(40);
      expect(calls).toEqual([2]);
      d(3);
      d.run();
      expect(calls).toEqual([2, 3]);
      d(4);
      d.cancel();
      jest.advanceTimersByTime(500);
      expect(calls).toEqual([2, 3]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('settles under fake timers too', async () => {
    jest.useFakeTimers();
    try {
      const app = createTestApp({ 'A.md': '' });
      const a = app.vault.getFileByPath('A.md') as TFile;
      await app.vault.modify(a, '# A\n');
      await app.settle();
      expect(app.metadataCache.getFileCache(a)?.headings?.[0]?.heading).toBe('A');
    } finally {
      jest.useRealTimers();
    }
  });

  it('loads a fixture folder without hidden folders', () => {
    const vault = InMemoryVault.fromFolder(join(__dirname, '..', 'fixtures', 'plan'));
    expect(Object.keys(vault.snapshot())).toContain('Steps/Artwork.md');
    expect(vault.getFiles().every((f) => !f.path.startsWith('.'))).toBe(true);
    expect(vault.getMarkdownFiles().length).toBe(vault.getFiles().filter((f) => f.extension === 'md').length);
  });
});
