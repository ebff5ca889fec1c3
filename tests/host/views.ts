/**
 * Obsidian's views and leaves. A leaf holds one view; `setViewState` builds the view from the
 * creator a plugin registered, loads it (`onload`) and opens it (`onOpen`); detaching a leaf
 * runs `onClose` and unloads the view. `openFile` shows a note in a `MarkdownView` whose
 * `Editor` holds the note's text.
 */
import type { App, TFile as ObsidianTFile, ViewState } from 'obsidian';
import { hostEl, isRealElement } from './dom';
import { Editor } from './editor';
import { Component, Events } from './events';
import { TFile } from './files';
import { debounce, type HostDebouncer } from './util';
import type { InMemoryVault } from './vault';

/** What a leaf needs from the workspace that owns it. */
export interface LeafHost {
  viewCreator(type: string): ((leaf: WorkspaceLeaf) => View) | undefined;
  setActiveLeaf(leaf: WorkspaceLeaf): void;
  leafDetached(leaf: WorkspaceLeaf): void;
  fileOpened(leaf: WorkspaceLeaf, file: ObsidianTFile | null): void;
  trigger(name: string, ...data: unknown[]): void;
}

/** Stands for `View`: the content of a leaf, a `Component` opened and closed by its leaf. */
export abstract class View extends Component {
  app: App;
  icon = '';
  navigation = false;
  leaf: WorkspaceLeaf;
  containerEl: HTMLElement;
  scope: unknown = null;

  constructor(leaf: WorkspaceLeaf) {
    super();
    this.leaf = leaf;
    this.app = leaf.app;
    this.containerEl = hostEl('div', 'workspace-leaf-content');
  }

  /** Obsidian's internal open: runs `onOpen`. */
  open(_containerEl?: HTMLElement): Promise<void> {
    return this.onOpen();
  }

  /** Obsidian's internal close: runs `onClose`, then unloads the view. */
  close(): Promise<void> {
    const closing = this.onClose();
    this.unload();
    return closing;
  }

  protected onOpen(): Promise<void> {
    return Promise.resolve();
  }
  protected onClose(): Promise<void> {
    return Promise.resolve();
  }
  abstract getViewType(): string;
  getState(): Record<string, unknown> {
    return {};
  }
  setState(_state: unknown, _result: { history: boolean }): Promise<void> {
    return Promise.resolve();
  }
  getEphemeralState(): Record<string, unknown> {
    return {};
  }
  setEphemeralState(_state: unknown): void {}
  getIcon(): string {
    return this.icon;
  }
  onResize(): void {}
  abstract getDisplayText(): string;
  onPaneMenu(_menu: unknown, _source: string): void {}
}

/** Stands for `ItemView`: a view with a header and a `contentEl` to render into. */
export abstract class ItemView extends View {
  contentEl: HTMLElement;
  /** Host only: the header actions added with `addAction`. */
  actions: { icon: string; title: string; callback: (evt: MouseEvent) => unknown; el: HTMLElement }[] = [];

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    const header = hostEl('div', 'view-header');
    this.contentEl = hostEl('div', 'view-content');
    if (isRealElement(this.containerEl)) this.containerEl.append(header, this.contentEl);
  }

  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = hostEl('a', 'view-action');
    el.setAttribute('aria-label', title);
    if (isRealElement(el)) el.addEventListener('click', (e) => void callback(e));
    this.actions.push({ icon, title, callback, el });
    return el;
  }
}

/** A leaf with nothing in it (Obsidian's "empty" view). */
export class EmptyView extends ItemView {
  getViewType(): string {
    return 'empty';
  }
  getDisplayText(): string {
    return 'New tab';
  }
}

/** Stands for `FileView`: a view showing one file, named by `state.file`. */
export abstract class FileView extends ItemView {
  allowNoFile = false;
  file: TFile | null = null;
  override navigation = true;

  override getDisplayText(): string {
    return this.file?.basename ?? 'No file';
  }
  override getState(): Record<string, unknown> {
    return this.file ? { file: this.file.path } : {};
  }
  override async setState(state: unknown, _result: { history: boolean }): Promise<void> {
    const path = (state as { file?: unknown } | null)?.file;
    if (typeof path !== 'string') return;
    const file = this.app.vault.getFileByPath(path);
    if (file === this.file) return;
    if (this.file) await this.onUnloadFile(this.file);
    this.file = file;
    if (file) await this.onLoadFile(file);
  }
  onLoadFile(_file: TFile): Promise<void> {
    return Promise.resolve();
  }
  onUnloadFile(_file: TFile): Promise<void> {
    return Promise.resolve();
  }
  onRename(_file: TFile): Promise<void> {
    return Promise.resolve();
  }
  canAcceptExtension(extension: string): boolean {
    return extension === 'md';
  }
}

/**
 * Stands for `MarkdownView` in source mode: `editor` holds the note's text. Edits are saved
 * 2 s after the last one (`requestSave`, on the global timers) or at once with `save()`; a
 * change of the file from outside (`vault.process`, `modify`) replaces the editor's text.
 */
export class MarkdownView extends FileView {
  editor: Editor = new Editor();
  data = '';
  hoverPopover = null;
  requestSave: HostDebouncer<[], Promise<void>>;
  /** Host only: whether the editor holds changes not yet written. */
  dirty = false;
  private unobserve: (() => void) | null = null;
  private lineEnding = '\n';

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.requestSave = debounce(() => this.save(), 2000, true);
    this.editor.onHostChange = () => {
      this.dirty = true;
      this.data = this.editor.getValue();
      this.app.workspace.trigger('editor-change', this.editor, this);
      this.requestSave();
    };
  }

  getViewType(): string {
    return 'markdown';
  }
  getMode(): 'source' | 'preview' {
    return 'source';
  }
  getViewData(): string {
    return this.editor.getValue();
  }
  setViewData(data: string, _clear: boolean): void {
    this.load_(data);
  }
  clear(): void {
    this.load_('');
  }

  override onload(): void {
    const vault = this.app.vault as unknown as InMemoryVault;
    this.unobserve = vault.observe((kind, file) => {
      if (file !== this.file) return;
      if (kind === 'modify' && file instanceof TFile && !this.saving) this.load_(vault.readSync(file));
      if (kind === 'delete') this.file = null;
    });
  }

  override onunload(): void {
    this.requestSave.cancel();
    this.unobserve?.();
    this.unobserve = null;
  }

  override onLoadFile(file: TFile): Promise<void> {
    this.load_((this.app.vault as unknown as InMemoryVault).readSync(file));
    return Promise.resolve();
  }

  private saving = false;

  /** Writes the editor's text to the file, with the file's own line endings. */
  async save(_clear?: boolean): Promise<void> {
    this.requestSave.cancel();
    const file = this.file;
    if (!file || !this.dirty) return;
    this.dirty = false;
    const text = this.editor.getValue().split('\n').join(this.lineEnding);
    this.saving = true;
    try {
      await this.app.vault.modify(file, text);
    } finally {
      this.saving = false;
    }
  }

  /** Puts text in the editor without marking it dirty. */
  private load_(text: string): void {
    this.lineEnding = text.includes('\r\n') ? '\r\n' : '\n';
    const hook = this.editor.onHostChange;
    this.editor.onHostChange = null;
    this.editor.setValue(text);
    this.editor.onHostChange = hook;
    this.data = this.editor.getValue();
    this.dirty = false;
  }
}

/** Stands for `WorkspaceLeaf`: a tab or sidebar pane holding one view. */
export class WorkspaceLeaf extends Events {
  app: App;
  view: View;
  parent: unknown = null;
  hoverPopover = null;
  /** Host only: where the leaf lives. */
  readonly side: 'root' | 'left' | 'right';
  /** Host only: whether the leaf is still in the workspace. */
  attached = true;
  pinned = false;
  group: string | null = null;
  private ephemeral: unknown = {};

  constructor(app: App, private readonly host: LeafHost, side: 'root' | 'left' | 'right' = 'root') {
    super();
    this.app = app;
    this.side = side;
    this.view = new EmptyView(this);
    this.view.load();
  }

  get isDeferred(): boolean {
    return false;
  }
  loadIfDeferred(): Promise<void> {
    return Promise.resolve();
  }

  async open(view: View): Promise<View> {
    if (this.view !== view) this.view.close().catch((e: unknown) => console.error('[test host] onClose failed', e));
    this.view = view;
    view.load();
    await view.open(view.containerEl);
    return view;
  }

  async setViewState(viewState: ViewState, eState?: unknown): Promise<void> {
    const creator = this.host.viewCreator(viewState.type);
    const view = creator ? creator(this) : viewState.type === 'markdown' ? new MarkdownView(this) : new EmptyView(this);
    await this.open(view);
    if (viewState.state) await view.setState(viewState.state, { history: false });
    if (eState !== undefined) view.setEphemeralState(eState);
    if (viewState.pinned !== undefined) this.pinned = viewState.pinned;
    if (viewState.active) this.host.setActiveLeaf(this);
    if (view instanceof FileView) this.host.fileOpened(this, view.file);
    this.host.trigger('layout-change');
  }

  getViewState(): ViewState {
    return { type: this.view.getViewType(), state: this.view.getState(), pinned: this.pinned };
  }

  /** Opens a note in this leaf in a `MarkdownView`; `openState.eState.line` puts the cursor on that line. */
  async openFile(file: ObsidianTFile, openState?: { active?: boolean; eState?: Record<string, unknown>; state?: Record<string, unknown> }): Promise<void> {
    await this.setViewState({ type: 'markdown', state: { ...(openState?.state ?? {}), file: file.path }, active: openState?.active ?? true }, openState?.eState);
    const line = openState?.eState?.line;
    if (this.view instanceof MarkdownView && typeof line === 'number') this.view.editor.setCursor({ line, ch: 0 });
  }

  getEphemeralState(): unknown {
    return this.ephemeral;
  }
  setEphemeralState(state: unknown): void {
    this.ephemeral = state;
    this.view.setEphemeralState(state);
  }
  togglePinned(): void {
    this.pinned = !this.pinned;
  }
  setPinned(pinned: boolean): void {
    this.pinned = pinned;
  }
  setGroupMember(_other: WorkspaceLeaf): void {}
  setGroup(group: string): void {
    this.group = group;
  }
  getIcon(): string {
    return this.view.getIcon();
  }
  getDisplayText(): string {
    return this.view.getDisplayText();
  }
  onResize(): void {
    this.view.onResize();
  }

  /** Closes the view (`onClose`, then unload) and removes the leaf from the workspace. */
  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    this.view.close().catch((e: unknown) => console.error('[test host] onClose failed', e));
    this.host.leafDetached(this);
  }

  /** Host only: replaces the view by an empty one (its type was unregistered). */
  emptyView(): void {
    this.view.close().catch((e: unknown) => console.error('[test host] onClose failed', e));
    this.view = new EmptyView(this);
    this.view.load();
  }
}
