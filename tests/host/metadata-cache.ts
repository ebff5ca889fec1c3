/**
 * An in-memory `MetadataCache` over an `InMemoryVault`. Like Obsidian's, it is built before
 * plugins load; after that it re-reads a note some time after the vault reports a change (on
 * a later turn of the event loop, as Obsidian's worker does) and then fires `changed(file,
 * data, cache)`, `resolve(file)` and, once nothing is left to do, `resolved`. Until then
 * `getFileCache` returns the previous cache. A delete fires `deleted(file, prevCache)` at once;
 * a rename moves the entry at once (no `changed`, as in Obsidian).
 */
import { realSetImmediate } from './platform/node';
import type { CachedMetadata } from 'obsidian';
import { buildCache } from './cache-builder';
import { Events, type HostEventRef } from './events';
import { TAbstractFile, TFile, parentPath } from './files';
import { getLinkpath } from './util';
import type { InMemoryVault, VaultChange } from './vault';

/** Joins a relative link to a folder, resolving `.` and `..`; null when it climbs out of the vault. */
function joinRelative(folder: string, rel: string): string | null {
  const parts = folder === '' ? [] : folder.split('/');
  for (const p of rel.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(p);
  }
  return parts.join('/');
}

/** Metadata computed elsewhere (by Obsidian itself: the peer data) for a note holding `text`. */
export interface GivenMetadata {
  text: string;
  cache: CachedMetadata;
}

export interface ChangedEvent {
  file: TFile;
  data: string;
  cache: CachedMetadata;
}

/** Stands for `MetadataCache`, in memory. */
export class InMemoryMetadataCache extends Events {
  resolvedLinks: Record<string, Record<string, number>> = {};
  unresolvedLinks: Record<string, Record<string, number>> = {};
  /** Host only: whether the first `resolved` has fired. */
  initialized = false;
  /** Host only: number of `changed` events fired so far. */
  changedCount = 0;

  private readonly caches = new Map<string, CachedMetadata>();
  private byName: Map<string, TFile[]> | null = null;
  private readonly queue = new Set<TFile>();
  private relink = false;
  private resolvedDue = false;
  private scheduled = false;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly changeWaiters: { path: string | null; resolve: (e: ChangedEvent) => void }[] = [];
  private readonly unobserve: () => void;

  /** Metadata Obsidian computed for some notes, used while a note holds the text it was computed for. */
  private readonly given: ReadonlyMap<string, GivenMetadata>;

  /** A cold start's notes not indexed yet, or null once the cache is full. */
  private filling: TFile[] | null = null;

  /**
   * @param options.cold a cold start (a new vault, or a cache Obsidian threw away): the cache
   *   starts empty and fills one note per turn of the event loop once the layout is ready,
   *   firing `changed` and `resolve` for each and `resolved` at the end.
   */
  constructor(
    private readonly vault: InMemoryVault,
    options: { cold?: boolean; given?: ReadonlyMap<string, GivenMetadata> } = {},
  ) {
    super();
    this.given = options.given ?? new Map();
    if (options.cold === true) this.filling = vault.getMarkdownFiles().sort((a, b) => (a.path < b.path ? -1 : 1));
    else for (const f of vault.getMarkdownFiles()) this.caches.set(f.path, this.cacheOf(f.path, vault.readSync(f)));
    this.resolveAll();
    this.unobserve = vault.observe((kind, file, oldPath) => this.onVault(kind, file, oldPath));
  }

  // ---- MetadataCache API ----

  getFileCache(file: TFile): CachedMetadata | null {
    return this.caches.get(file.path) ?? null;
  }

  getCache(path: string): CachedMetadata | null {
    return this.caches.get(path) ?? null;
  }

  /**
   * The file a link leads to, as Obsidian resolves it: the `#subpath` is dropped; an empty
   * link is the source note; then the path from the vault root (with `.md`, then as is), then
   * relative to the source's folder; then by file name, case-insensitively, keeping only paths
   * that end with the link when it has a `/`, preferring the source's folder, then the
   * shortest path.
   */
  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    let p = getLinkpath(linkpath);
    if (p === '') return this.vault.getFileByPath(sourcePath);
    if (p.startsWith('/')) p = p.slice(1);
    for (const c of [`${p}.md`, p]) {
      const f = this.vault.getFileByPath(c);
      if (f) return f;
    }
    const folder = parentPath(sourcePath);
    if (folder !== '' || p.startsWith('./') || p.startsWith('../')) {
      const rel = joinRelative(folder, p);
      if (rel !== null && rel !== '') {
        for (const c of [`${rel}.md`, rel]) {
          const f = this.vault.getFileByPath(c);
          if (f) return f;
        }
      }
    }
    const lower = p.toLowerCase();
    const slash = lower.lastIndexOf('/');
    const name = slash === -1 ? lower : lower.slice(slash + 1);
    const names = this.names();
    for (const [key, suffix] of [[`${name}.md`, `${lower}.md`], [name, lower]] as const) {
      const candidates = (names.get(key) ?? []).filter((f) => {
        const fl = f.path.toLowerCase();
        return fl === suffix || fl.endsWith(`/${suffix}`);
      });
      if (candidates.length === 0) continue;
      candidates.sort((a, b) => {
        const ah = parentPath(a.path) === folder ? 0 : 1;
        const bh = parentPath(b.path) === folder ? 0 : 1;
        if (ah !== bh) return ah - bh;
        if (a.path.length !== b.path.length) return a.path.length - b.path.length;
        return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
      });
      return candidates[0] ?? null;
    }
    return null;
  }

  /** The shortest link text that leads from `sourcePath` to `file` (its name, else its path). */
  fileToLinktext(file: TFile, sourcePath: string, omitMdExtension = true): string {
    const md = file.extension === 'md' && omitMdExtension;
    const name = md ? file.basename : file.name;
    if (this.getFirstLinkpathDest(name, sourcePath) === file) return name;
    return md ? file.path.slice(0, -'.md'.length) : file.path;
  }

  // Typed overloads of Obsidian's metadata cache events.
  override on(name: 'changed', callback: (file: TFile, data: string, cache: CachedMetadata) => unknown, ctx?: unknown): HostEventRef;
  override on(name: 'deleted', callback: (file: TFile, prevCache: CachedMetadata | null) => unknown, ctx?: unknown): HostEventRef;
  override on(name: 'resolve', callback: (file: TFile) => unknown, ctx?: unknown): HostEventRef;
  override on(name: 'resolved', callback: () => unknown, ctx?: unknown): HostEventRef;
  override on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): HostEventRef;
  override on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): HostEventRef {
    return super.on(name, callback, ctx);
  }

  // ---- host-only ----

  /** Host only: whether no change is waiting to be indexed. */
  isIdle(): boolean {
    return !this.scheduled && this.queue.size === 0 && !this.relink && !this.resolvedDue;
  }

  /** Host only: resolves once every pending change has been indexed and its events fired. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Host only: resolves at the next `changed` (of `path`, if given), without adding a listener. */
  nextChanged(path?: string): Promise<ChangedEvent> {
    return new Promise((resolve) => this.changeWaiters.push({ path: path ?? null, resolve }));
  }

  /** Host only: fires the first `resolved` (the test app does it when the layout is ready). */
  initialResolve(): void {
    if (this.initialized) return;
    this.resolvedDue = true;
    this.schedule();
  }

  /** Host only: stops following the vault. */
  dispose(): void {
    this.unobserve();
  }

  // ---- internals ----

  private names(): Map<string, TFile[]> {
    if (this.byName) return this.byName;
    const map = new Map<string, TFile[]>();
    for (const f of this.vault.getFiles()) {
      const key = f.name.toLowerCase();
      const list = map.get(key);
      if (list) list.push(f);
      else map.set(key, [f]);
    }
    this.byName = map;
    return map;
  }

  private onVault(kind: VaultChange, file: TAbstractFile, oldPath?: string): void {
    if (!(file instanceof TFile)) return;
    if (kind !== 'modify') {
      this.byName = null;
      this.relink = true;
    }
    if (kind === 'create' || kind === 'modify') {
      if (file.extension === 'md') this.queue.add(file);
      if (this.filling !== null) this.filling = this.filling.filter((f) => f !== file);
    } else if (kind === 'delete') {
      const prev = this.caches.get(file.path) ?? null;
      if (this.caches.delete(file.path)) {
        delete this.resolvedLinks[file.path];
        delete this.unresolvedLinks[file.path];
        this.trigger('deleted', file, prev);
      }
      this.queue.delete(file);
    } else if (kind === 'rename' && oldPath !== undefined) {
      const prev = this.caches.get(oldPath);
      this.caches.delete(oldPath);
      delete this.resolvedLinks[oldPath];
      delete this.unresolvedLinks[oldPath];
      if (file.extension === 'md') {
        if (prev) this.caches.set(file.path, prev);
        else this.queue.add(file);
      }
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // A later turn of the event loop, on the real timers so Jest's fake timers do not hold it back.
    realSetImmediate(() => this.flush());
  }

  /** The note's metadata: as given while the note holds the given text, else the host's own. */
  private cacheOf(path: string, data: string): CachedMetadata {
    const given = this.given.get(path);
    return given !== undefined && given.text === data ? given.cache : buildCache(data);
  }

  /** Indexes one note: its cache, then `changed` and `resolve`. */
  private indexFile(file: TFile): void {
    if (this.vault.getFileByPath(file.path) !== file) return;
    const data = this.vault.readSync(file);
    const cache = this.cacheOf(file.path, data);
    this.caches.set(file.path, cache);
    this.changedCount++;
    this.trigger('changed', file, data, cache);
    for (const w of this.changeWaiters.splice(0)) {
      if (w.path === null || w.path === file.path) w.resolve({ file, data, cache });
      else this.changeWaiters.push(w);
    }
    if (!this.relink) this.resolveFile(file.path);
    this.trigger('resolve', file);
  }

  private flush(): void {
    this.scheduled = false;
    const files = [...this.queue];
    this.queue.clear();
    for (const file of files) this.indexFile(file);
    if (this.filling !== null && this.resolvedDue) {
      // A cold start: one note per turn, `resolved` only once every note is in.
      const next = this.filling.shift();
      if (next !== undefined) {
        this.indexFile(next);
        this.schedule();
        return;
      }
      this.filling = null;
      this.relink = true;
    }
    const relinked = this.relink;
    if (relinked) {
      this.relink = false;
      this.resolveAll();
    }
    if (files.length > 0 || relinked || this.resolvedDue) {
      this.resolvedDue = false;
      this.initialized = true;
      this.trigger('resolved');
    }
    if (this.isIdle()) for (const w of this.idleWaiters.splice(0)) w();
  }

  private resolveAll(): void {
    this.resolvedLinks = {};
    this.unresolvedLinks = {};
    for (const path of this.caches.keys()) this.resolveFile(path);
  }

  private resolveFile(path: string): void {
    const cache = this.caches.get(path);
    const resolved: Record<string, number> = {};
    const unresolved: Record<string, number> = {};
    const refs = [...(cache?.links ?? []), ...(cache?.embeds ?? []), ...(cache?.frontmatterLinks ?? [])];
    for (const ref of refs) {
      const linkpath = getLinkpath(ref.link);
      const dest = this.getFirstLinkpathDest(linkpath, path);
      if (dest) resolved[dest.path] = (resolved[dest.path] ?? 0) + 1;
      else unresolved[linkpath] = (unresolved[linkpath] ?? 0) + 1;
    }
    this.resolvedLinks[path] = resolved;
    this.unresolvedLinks[path] = unresolved;
  }
}
