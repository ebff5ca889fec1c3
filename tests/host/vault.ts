/**
 * An in-memory `Vault`. Writes happen at once and fire the vault's events before the returned
 * promise settles, as Obsidian's do by the time their promise resolves: `create` (for each new
 * folder, then the file), `modify`, `rename` (file, oldPath), `delete`. Host-internal observers
 * (the metadata cache, open editors) hear of each change before the public listeners.
 * Paths must be normalized (`normalizePath`); an un-normalized path throws, so that a plugin
 * that forgets to normalize fails here rather than on a user's vault.
 */
import type { DataWriteOptions, Vault } from 'obsidian';
import { Events, type HostEventRef } from './events';
import { TAbstractFile, TFile, TFolder, parentPath, setFilePath } from './files';
import { normalizePath } from './util';
import { readFolder } from './platform/node';

export type VaultChange = 'create' | 'modify' | 'delete' | 'rename';
export type VaultObserver = (kind: VaultChange, file: TAbstractFile, oldPath?: string) => void;

function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Whether a path lies in a hidden folder or is a hidden file (`.obsidian`, `.trash`, `.git`…). */
function isHidden(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'));
}

/** Stands for `Vault`, in memory. */
export class InMemoryVault extends Events {
  configDir = '.obsidian';
  /** Stands for `vault.adapter`: reads and writes by path, including hidden files (kept apart from the vault's files). */
  readonly adapter: MemoryAdapter;
  /** Host only: files sent to the trash, with their last text. */
  readonly trashed: { path: string; text: string }[] = [];
  /** Host only: the clock for `stat` times (defaults to `Date.now`, which Jest's fake timers freeze). */
  now: () => number = () => Date.now();
  /** Host only: counts of writes by kind, to check that a refused edit wrote nothing. */
  readonly writes = { create: 0, modify: 0, delete: 0, rename: 0 };

  private readonly byPath = new Map<string, TAbstractFile>();
  private readonly texts = new Map<TFile, string>();
  private readonly observers = new Set<VaultObserver>();
  private readonly root: TFolder;

  constructor(files: Record<string, string> = {}, private readonly name = 'Test vault') {
    super();
    this.root = new TFolder();
    this.root.vault = this as unknown as Vault;
    setFilePath(this.root, '/');
    this.byPath.set('/', this.root);
    this.adapter = new MemoryAdapter(this);
    for (const path of Object.keys(files).sort()) {
      this.checkPath(path);
      this.put(path, files[path] ?? '', false);
    }
  }

  /** A vault holding these notes (`path -> text`). */
  static fromRecord(files: Record<string, string>): InMemoryVault {
    return new InMemoryVault(files);
  }

  /** A vault holding the files of a folder on disk (read as UTF-8), hidden files and folders left out. */
  static fromFolder(dir: string): InMemoryVault {
    return new InMemoryVault(readFolder(dir));
  }

  // ---- host-only helpers ----

  /** Host only: every file's text by path, sorted by path, to compare the whole vault before and after. */
  snapshot(): Record<string, string> {
    const out: Record<string, string> = {};
    const entries = [...this.texts].map(([f, t]) => [f.path, t] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [p, t] of entries) out[p] = t;
    return out;
  }

  /** Host only: a file's text right now, without a promise. */
  readSync(file: TFile): string {
    const text = this.texts.get(file);
    if (text === undefined) throw new Error(`[test host] file not in the vault: ${file.path}`);
    return text;
  }

  /** Host only: the text at a path, or undefined. */
  textAt(path: string): string | undefined {
    const f = this.byPath.get(path);
    return f instanceof TFile ? this.texts.get(f) : undefined;
  }

  /** Host only (internal): hear every change before public listeners do; returns the unsubscribe. */
  observe(observer: VaultObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  // ---- Vault API ----

  getName(): string {
    return this.name;
  }
  getRoot(): TFolder {
    return this.root;
  }
  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this.byPath.get(path) ?? null;
  }
  getFileByPath(path: string): TFile | null {
    const f = this.byPath.get(path);
    return f instanceof TFile ? f : null;
  }
  getFolderByPath(path: string): TFolder | null {
    const f = this.byPath.get(path);
    return f instanceof TFolder ? f : null;
  }
  getAllLoadedFiles(): TAbstractFile[] {
    return [...this.byPath.values()];
  }
  getAllFolders(includeRoot = false): TFolder[] {
    return [...this.byPath.values()].filter((f): f is TFolder => f instanceof TFolder && (includeRoot || f !== this.root));
  }
  getFiles(): TFile[] {
    return [...this.texts.keys()];
  }
  getMarkdownFiles(): TFile[] {
    return [...this.texts.keys()].filter((f) => f.extension === 'md');
  }

  read(file: TFile): Promise<string> {
    return this.settle(() => this.readSync(file));
  }
  cachedRead(file: TFile): Promise<string> {
    return this.settle(() => this.readSync(file));
  }

  create(path: string, data: string, _options?: DataWriteOptions): Promise<TFile> {
    return this.settle(() => {
      this.checkPath(path);
      if (this.byPath.has(path)) throw new Error('File already exists.');
      return this.put(path, data, true);
    });
  }

  createFolder(path: string): Promise<TFolder> {
    return this.settle(() => {
      this.checkPath(path);
      if (this.byPath.has(path)) throw new Error('Folder already exists.');
      return this.ensureFolder(path, true);
    });
  }

  modify(file: TFile, data: string, _options?: DataWriteOptions): Promise<void> {
    return this.settle(() => this.write(file, data));
  }

  append(file: TFile, data: string, _options?: DataWriteOptions): Promise<void> {
    return this.settle(() => this.write(file, this.readSync(file) + data));
  }

  /** Atomic read-modify-write: `fn` gets the current text and nothing runs in between. */
  process(file: TFile, fn: (data: string) => string, _options?: DataWriteOptions): Promise<string> {
    return this.settle(() => {
      const next = fn(this.readSync(file));
      if (typeof next !== 'string') throw new Error('[test host] vault.process: fn must return the new text synchronously');
      this.write(file, next);
      return next;
    });
  }

  rename(file: TAbstractFile, newPath: string): Promise<void> {
    return this.settle(() => this.move(file, newPath));
  }

  delete(file: TAbstractFile, _force?: boolean): Promise<void> {
    return this.settle(() => this.remove(file, false));
  }

  trash(file: TAbstractFile, _system: boolean): Promise<void> {
    return this.settle(() => this.remove(file, true));
  }

  copy<T extends TAbstractFile>(file: T, newPath: string): Promise<T> {
    return this.settle(() => {
      this.checkPath(newPath);
      if (this.byPath.has(newPath)) throw new Error('File already exists.');
      if (!(file instanceof TFile)) throw new Error('[test host] copying folders is not supported');
      return this.put(newPath, this.readSync(file), true) as unknown as T;
    });
  }

  getResourcePath(file: TFile): string {
    return `app://local/${encodeURI(file.path)}`;
  }

  static recurseChildren(root: TFolder, cb: (file: TAbstractFile) => unknown): void {
    const stack: TAbstractFile[] = [root];
    while (stack.length > 0) {
      const f = stack.pop() as TAbstractFile;
      cb(f);
      if (f instanceof TFolder) stack.push(...f.children);
    }
  }

  // Typed overloads of Obsidian's vault events.
  override on(name: 'create' | 'modify' | 'delete', callback: (file: TAbstractFile) => unknown, ctx?: unknown): HostEventRef;
  override on(name: 'rename', callback: (file: TAbstractFile, oldPath: string) => unknown, ctx?: unknown): HostEventRef;
  override on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): HostEventRef;
  override on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): HostEventRef {
    return super.on(name, callback, ctx);
  }

  // ---- internals ----

  /** Runs a change now and reports its outcome as a settled promise (a throw becomes a rejection). */
  private settle<T>(run: () => T): Promise<T> {
    try {
      return Promise.resolve(run());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private checkPath(path: string): void {
    if (path === '' || normalizePath(path) !== path) throw new Error(`[test host] path is not normalized (use normalizePath): "${path}"`);
  }

  private emit(kind: VaultChange, file: TAbstractFile, oldPath?: string): void {
    for (const o of [...this.observers]) o(kind, file, oldPath);
    if (kind === 'rename') this.trigger(kind, file, oldPath);
    else this.trigger(kind, file);
  }

  private ensureFolder(path: string, events: boolean): TFolder {
    if (path === '' || path === '/') return this.root;
    const existing = this.byPath.get(path);
    if (existing instanceof TFolder) return existing;
    if (existing) throw new Error(`[test host] a file is in the way of folder ${path}`);
    const parent = this.ensureFolder(parentPath(path), events);
    const folder = new TFolder();
    folder.vault = this as unknown as Vault;
    setFilePath(folder, path);
    folder.parent = parent;
    parent.children.push(folder);
    this.byPath.set(path, folder);
    if (events) {
      this.writes.create++;
      this.emit('create', folder);
    }
    return folder;
  }

  private put(path: string, text: string, events: boolean): TFile {
    const parent = this.ensureFolder(parentPath(path), events);
    const file = new TFile();
    file.vault = this as unknown as Vault;
    setFilePath(file, path);
    file.parent = parent;
    const t = this.now();
    file.stat = { ctime: t, mtime: t, size: byteLength(text) };
    parent.children.push(file);
    this.byPath.set(path, file);
    this.texts.set(file, text);
    if (events) {
      this.writes.create++;
      this.emit('create', file);
    }
    return file;
  }

  private write(file: TFile, text: string): void {
    if (!this.texts.has(file)) throw new Error(`[test host] file not in the vault: ${file.path}`);
    this.texts.set(file, text);
    file.stat = { ...file.stat, mtime: this.now(), size: byteLength(text) };
    this.writes.modify++;
    this.emit('modify', file);
  }

  private move(file: TAbstractFile, newPath: string): void {
    this.checkPath(newPath);
    if (this.byPath.get(file.path) !== file) throw new Error(`[test host] not in the vault: ${file.path}`);
    if (newPath === file.path) return;
    if (this.byPath.has(newPath)) throw new Error('Destination file already exists!');
    const newParent = this.ensureFolder(parentPath(newPath), true);
    const oldParent = file.parent;
    if (oldParent) oldParent.children = oldParent.children.filter((c) => c !== file);
    newParent.children.push(file);
    file.parent = newParent;
    // The file and everything below it get new paths; each fires `rename`, the outer first.
    const moved: { f: TAbstractFile; old: string }[] = [];
    const relocate = (f: TAbstractFile, path: string): void => {
      moved.push({ f, old: f.path });
      this.byPath.delete(f.path);
      setFilePath(f, path);
      this.byPath.set(path, f);
      if (f instanceof TFolder) for (const c of f.children) relocate(c, `${path}/${c.name}`);
    };
    relocate(file, newPath);
    this.writes.rename++;
    for (const { f, old } of moved) this.emit('rename', f, old);
  }

  private remove(file: TAbstractFile, toTrash: boolean): void {
    if (this.byPath.get(file.path) !== file) throw new Error(`[test host] not in the vault: ${file.path}`);
    if (file === this.root) throw new Error('[test host] cannot delete the vault root');
    if (file instanceof TFolder) for (const c of file.children.slice()) this.remove(c, toTrash);
    if (file instanceof TFile && toTrash) this.trashed.push({ path: file.path, text: this.texts.get(file) ?? '' });
    this.byPath.delete(file.path);
    if (file instanceof TFile) this.texts.delete(file);
    if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
    this.writes.delete++;
    this.emit('delete', file);
  }
}

/** Stands for `DataAdapter`: path-based access; hidden paths (`.obsidian/…`) live apart from vault files. */
export class MemoryAdapter {
  private readonly hidden = new Map<string, string>();

  constructor(private readonly vault: InMemoryVault) {}

  getName(): string {
    return this.vault.getName();
  }
  exists(normalizedPath: string, sensitive?: boolean): Promise<boolean> {
    if (this.hidden.has(normalizedPath) || this.vault.getAbstractFileByPath(normalizedPath)) return Promise.resolve(true);
    if (sensitive) return Promise.resolve(false);
    const lower = normalizedPath.toLowerCase();
    const found = this.vault.getAllLoadedFiles().some((f) => f.path.toLowerCase() === lower) || [...this.hidden.keys()].some((p) => p.toLowerCase() === lower);
    return Promise.resolve(found);
  }
  read(normalizedPath: string): Promise<string> {
    const hidden = this.hidden.get(normalizedPath);
    if (hidden !== undefined) return Promise.resolve(hidden);
    const text = this.vault.textAt(normalizedPath);
    return text === undefined ? Promise.reject(new Error(`ENOENT: no such file, open '${normalizedPath}'`)) : Promise.resolve(text);
  }
  async write(normalizedPath: string, data: string): Promise<void> {
    if (isHidden(normalizedPath)) {
      this.hidden.set(normalizedPath, data);
      return;
    }
    const file = this.vault.getFileByPath(normalizedPath);
    if (file) await this.vault.modify(file, data);
    else await this.vault.create(normalizedPath, data);
  }
  stat(normalizedPath: string): Promise<{ type: 'file' | 'folder'; ctime: number; mtime: number; size: number } | null> {
    const hidden = this.hidden.get(normalizedPath);
    if (hidden !== undefined) return Promise.resolve({ type: 'file', ctime: 0, mtime: 0, size: byteLength(hidden) });
    const f = this.vault.getAbstractFileByPath(normalizedPath);
    if (f instanceof TFile) return Promise.resolve({ type: 'file', ...f.stat });
    if (f instanceof TFolder) return Promise.resolve({ type: 'folder', ctime: 0, mtime: 0, size: 0 });
    return Promise.resolve(null);
  }
  list(normalizedPath: string): Promise<{ files: string[]; folders: string[] }> {
    const folder = this.vault.getFolderByPath(normalizedPath === '' ? '/' : normalizedPath);
    const files: string[] = [];
    const folders: string[] = [];
    for (const c of folder?.children ?? []) (c instanceof TFolder ? folders : files).push(c.path);
    const prefix = normalizedPath === '' || normalizedPath === '/' ? '' : `${normalizedPath}/`;
    for (const p of this.hidden.keys()) if (p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) files.push(p);
    return Promise.resolve({ files, folders });
  }
  async remove(normalizedPath: string): Promise<void> {
    if (this.hidden.delete(normalizedPath)) return;
    const f = this.vault.getFileByPath(normalizedPath);
    if (f) await this.vault.delete(f);
  }
  mkdir(_normalizedPath: string): Promise<void> {
    return Promise.resolve();
  }
}
