/**
 * Obsidian's `Workspace`: leaves in the main area and the two sidebars, the active leaf and
 * file, `onLayoutReady`, and the workspace events (`file-open`, `active-leaf-change`,
 * `layout-change`, `editor-change`). The test decides when the layout is ready by calling
 * `setLayoutReady()` (the real `layoutReady` is a boolean, kept as such).
 */
import type { App, TFile as ObsidianTFile } from 'obsidian';
import { Events } from './events';
import { TFile } from './files';
import { Menu } from './ui';
import { normalizePath } from './util';
import { FileView, MarkdownView, View, WorkspaceLeaf, type LeafHost } from './views';

export class TestWorkspace extends Events implements LeafHost {
  /** Whether the layout is ready (Obsidian's flag); the test flips it with `setLayoutReady()`. */
  layoutReady = false;
  activeLeaf: WorkspaceLeaf | null = null;
  /** Host only: leaves passed to `revealLeaf`, in order. */
  readonly revealed: WorkspaceLeaf[] = [];
  private readonly leaves: WorkspaceLeaf[] = [];
  private readonly readyCallbacks: (() => unknown)[] = [];
  /** Leaves that showed a file, most recent last (for `getActiveFile` and `activeEditor`). */
  private recentFileLeaves: WorkspaceLeaf[] = [];
  private readonly views = new Map<string, (leaf: WorkspaceLeaf) => View>();

  constructor(
    private readonly app: App,
    private readonly onReady: () => void = () => undefined,
  ) {
    super();
  }

  // ---- host-only ----

  /** Host only: the layout is ready: runs the `onLayoutReady` callbacks, in order. */
  setLayoutReady(): void {
    if (this.layoutReady) return;
    this.layoutReady = true;
    for (const cb of this.readyCallbacks.splice(0)) cb();
    this.onReady();
  }

  /** Host only: opens a note in the main area (like clicking it) and returns its view; `line` puts the cursor there. */
  async openNote(pathOrFile: string | ObsidianTFile, line?: number, ch = 0): Promise<MarkdownView> {
    const file = typeof pathOrFile === 'string' ? this.app.vault.getFileByPath(pathOrFile) : pathOrFile;
    if (!file) throw new Error(`[test host] no note at ${typeof pathOrFile === 'string' ? pathOrFile : pathOrFile.path}`);
    const leaf = this.getLeaf(false);
    await leaf.openFile(file, line === undefined ? undefined : { eState: { line } });
    const view = leaf.view;
    if (!(view instanceof MarkdownView)) throw new Error('[test host] the note did not open in a MarkdownView');
    if (line !== undefined) view.editor.setCursor({ line, ch });
    return view;
  }

  /** Host only (view registry): the creator for a view type. */
  viewCreator(type: string): ((leaf: WorkspaceLeaf) => View) | undefined {
    return this.views.get(type);
  }

  /** Host only (view registry): registers a type; Obsidian refuses a type registered twice. */
  registerViewType(type: string, creator: (leaf: WorkspaceLeaf) => View): void {
    if (this.views.has(type)) throw new Error(`Attempting to register an existing view type "${type}"`);
    this.views.set(type, creator);
  }

  /** Host only (view registry): unregisters a type; its open leaves are emptied (their views close). */
  unregisterViewType(type: string): void {
    this.views.delete(type);
    for (const leaf of this.getLeavesOfType(type)) leaf.emptyView();
  }

  /** Host only: every attached leaf. */
  allLeaves(): WorkspaceLeaf[] {
    return this.leaves.slice();
  }

  /**
   * Host only: right-clicks in the active editor at its cursor: a fresh menu goes through the
   * `editor-menu` listeners (as Obsidian builds its context menu), then is shown and returned.
   */
  openEditorMenu(): Menu {
    const view = this.activeEditor;
    if (!view) throw new Error('[test host] no editor is open');
    const menu = new Menu();
    this.trigger('editor-menu', menu, view.editor, view);
    return menu.showAtPosition({ x: 0, y: 0 });
  }

  /** Host only: writes every open editor's pending changes (what Obsidian does 2 s after typing stops). */
  async saveEditors(): Promise<void> {
    for (const leaf of this.leaves) if (leaf.view instanceof MarkdownView) await leaf.view.save();
  }

  // ---- LeafHost ----

  setActiveLeaf(leaf: WorkspaceLeaf, _params?: unknown): void {
    if (this.activeLeaf === leaf) return;
    this.activeLeaf = leaf;
    this.trigger('active-leaf-change', leaf);
    if (leaf.view instanceof FileView) this.noteFileLeaf(leaf);
  }

  leafDetached(leaf: WorkspaceLeaf): void {
    const i = this.leaves.indexOf(leaf);
    if (i !== -1) this.leaves.splice(i, 1);
    this.recentFileLeaves = this.recentFileLeaves.filter((l) => l !== leaf);
    if (this.activeLeaf === leaf) {
      this.activeLeaf = this.recentFileLeaves[this.recentFileLeaves.length - 1] ?? null;
      this.trigger('active-leaf-change', this.activeLeaf);
    }
    this.trigger('layout-change');
  }

  fileOpened(leaf: WorkspaceLeaf, file: ObsidianTFile | null): void {
    this.noteFileLeaf(leaf);
    if (this.activeLeaf === leaf) this.trigger('file-open', file);
  }

  // ---- Workspace API ----

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) callback();
    else this.readyCallbacks.push(callback);
  }

  /** The active main-area leaf (a new one when `newLeaf` is set or there is none). */
  getLeaf(newLeaf?: boolean | 'tab' | 'split' | 'window'): WorkspaceLeaf {
    if (!newLeaf) {
      const current = this.activeLeaf?.side === 'root' ? this.activeLeaf : this.leaves.find((l) => l.side === 'root');
      if (current && !current.pinned) return current;
    }
    return this.createLeaf('root');
  }
  getUnpinnedLeaf(): WorkspaceLeaf {
    return this.getLeaf(false);
  }
  getRightLeaf(_split: boolean): WorkspaceLeaf | null {
    return this.createLeaf('right');
  }
  getLeftLeaf(_split: boolean): WorkspaceLeaf | null {
    return this.createLeaf('left');
  }
  async ensureSideLeaf(type: string, side: 'left' | 'right', options?: { active?: boolean; reveal?: boolean; state?: unknown }): Promise<WorkspaceLeaf> {
    const existing = this.getLeavesOfType(type)[0];
    if (existing) return existing;
    const leaf = this.createLeaf(side);
    await leaf.setViewState({ type, active: options?.active, state: options?.state as Record<string, unknown> | undefined });
    if (options?.reveal !== false) await this.revealLeaf(leaf);
    return leaf;
  }
  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    return this.leaves.filter((l) => l.view.getViewType() === viewType);
  }
  detachLeavesOfType(viewType: string): void {
    for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
  }
  iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    for (const leaf of this.leaves.slice()) callback(leaf);
  }
  iterateRootLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    for (const leaf of this.leaves.filter((l) => l.side === 'root')) callback(leaf);
  }
  getMostRecentLeaf(): WorkspaceLeaf | null {
    return this.recentFileLeaves[this.recentFileLeaves.length - 1] ?? this.activeLeaf;
  }
  revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    this.revealed.push(leaf);
    return leaf.loadIfDeferred();
  }
  /** The file of the active file view, or of the file view active most recently (a sidebar does not change it). */
  getActiveFile(): TFile | null {
    const view = this.activeLeaf?.view;
    if (view instanceof FileView) return view.file;
    const recent = this.recentFileLeaves[this.recentFileLeaves.length - 1]?.view;
    return recent instanceof FileView ? recent.file : null;
  }
  getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
    const view = this.activeLeaf?.view;
    return view instanceof type ? view : null;
  }
  /** The editor of the most recently active Markdown view, as Obsidian keeps it while a sidebar has focus. */
  get activeEditor(): MarkdownView | null {
    for (let i = this.recentFileLeaves.length - 1; i >= 0; i--) {
      const view = this.recentFileLeaves[i]?.view;
      if (view instanceof MarkdownView) return view;
    }
    return null;
  }
  async openLinkText(linktext: string, sourcePath: string, newLeaf?: boolean | 'tab' | 'split' | 'window', openViewState?: { eState?: Record<string, unknown> }): Promise<void> {
    const hash = linktext.indexOf('#');
    const linkpath = hash === -1 ? linktext : linktext.slice(0, hash);
    let file = this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
    // Obsidian creates the note when the link leads nowhere.
    if (!file) file = await this.app.vault.create(normalizePath(linkpath.endsWith('.md') ? linkpath : `${linkpath}.md`), '');
    await this.getLeaf(newLeaf).openFile(file, openViewState);
  }
  requestSaveLayout = Object.assign(() => undefined, { cancel: () => undefined, run: () => undefined });
  getLayout(): Record<string, unknown> {
    return { leaves: this.leaves.map((l) => l.getViewState()) };
  }

  private createLeaf(side: 'root' | 'left' | 'right'): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app, this, side);
    this.leaves.push(leaf);
    return leaf;
  }

  private noteFileLeaf(leaf: WorkspaceLeaf): void {
    this.recentFileLeaves = this.recentFileLeaves.filter((l) => l !== leaf);
    this.recentFileLeaves.push(leaf);
  }
}
