/**
 * Obsidian's transient UI: notices, modals, suggesters and menus. Each records what it showed
 * so a test can read it and act as the person would (choose a suggestion, click a menu item).
 */
import type { App } from 'obsidian';
import { hasDom, hostEl } from './dom';
import { Component } from './events';

/** Stands for `Notice`: a toast. Every message shown is kept in `Notice.messages` until `Notice.clear()`. */
export class Notice {
  /** Messages of every notice shown, in order (a `setMessage` replaces its notice's entry). */
  static messages: string[] = [];
  /** Every notice shown, in order. */
  static notices: Notice[] = [];
  /** Host only: called with each notice as it is shown (the preview page lists them). */
  static onShow: ((notice: Notice) => void) | null = null;

  noticeEl: HTMLElement;
  containerEl: HTMLElement;
  messageEl: HTMLElement;
  /** Host only: the duration asked for (ms; 0 = until clicked). */
  duration: number | undefined;
  /** Host only: whether `hide()` was called. */
  hidden = false;
  private readonly index: number;

  constructor(message: string | DocumentFragment, duration?: number) {
    this.containerEl = hostEl('div', 'notice-container');
    this.noticeEl = hostEl('div', 'notice');
    this.messageEl = hostEl('div', 'notice-message');
    this.duration = duration;
    this.index = Notice.messages.length;
    Notice.messages.push('');
    Notice.notices.push(this);
    this.setMessage(message);
    Notice.onShow?.(this);
  }

  setMessage(message: string | DocumentFragment): this {
    const text = typeof message === 'string' ? message : message.textContent ?? '';
    Notice.messages[this.index] = text;
    if (typeof message === 'string') this.messageEl.textContent = message;
    return this;
  }

  hide(): void {
    this.hidden = true;
    this.messageEl.remove();
  }

  /** Host only: forgets every notice shown so far. */
  static clear(): void {
    Notice.messages = [];
    Notice.notices = [];
  }
}

/** Stands for `Modal`: `open()` runs `onOpen`, `close()` runs `onClose`. Open modals are listed in `Modal.opened`. */
export class Modal {
  /** Modals open right now, oldest first. */
  static opened: Modal[] = [];
  /** Every modal ever opened, oldest first (cleared by `Modal.clear()`). */
  static history: Modal[] = [];

  app: App;
  scope: unknown = null;
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  shouldRestoreSelection = true;
  /** Host only: whether the modal is open. */
  isOpen = false;
  /** Host only: the title set with `setTitle`. */
  title = '';
  /** Host only: what `onOpen` returned (a promise for async `onOpen`). */
  openResult: unknown = undefined;
  private closeCallback: (() => unknown) | null = null;

  constructor(app: App) {
    this.app = app;
    this.containerEl = hostEl('div', 'modal-container');
    this.modalEl = hostEl('div', 'modal');
    this.titleEl = hostEl('div', 'modal-title');
    this.contentEl = hostEl('div', 'modal-content');
    if (hasDom()) {
      this.containerEl.appendChild(this.modalEl);
      this.modalEl.append(this.titleEl, this.contentEl);
    }
  }

  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    Modal.opened.push(this);
    Modal.history.push(this);
    if (hasDom()) document.body.appendChild(this.containerEl);
    this.openResult = this.onOpen();
  }

  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    Modal.opened = Modal.opened.filter((m) => m !== this);
    if (hasDom()) this.containerEl.remove();
    this.onClose();
    this.closeCallback?.();
  }

  onOpen(): Promise<void> | void {}

  onClose(): void {}

  setTitle(title: string): this {
    this.title = title;
    this.titleEl.textContent = title;
    return this;
  }

  setContent(content: string | DocumentFragment): this {
    if (typeof content === 'string') this.contentEl.textContent = content;
    else if (hasDom()) {
      this.contentEl.textContent = '';
      this.contentEl.appendChild(content);
    }
    return this;
  }

  setCloseCallback(callback: () => unknown): this {
    this.closeCallback = callback;
    return this;
  }

  /** Host only: the most recently opened modal that is still open, of a class if given. */
  static current<T extends Modal = Modal>(type?: abstract new (...args: never[]) => T): T | null {
    for (let i = Modal.opened.length - 1; i >= 0; i--) {
      const m = Modal.opened[i];
      if (m !== undefined && (type === undefined || m instanceof type)) return m as T;
    }
    return null;
  }

  /** Host only: closes every open modal and forgets the history. */
  static clear(): void {
    for (const m of Modal.opened.slice()) m.close();
    Modal.opened = [];
    Modal.history = [];
  }
}

/** Stands for `SuggestModal`: a list to choose from; `choose(item)` acts as picking it. */
export abstract class SuggestModal<T> extends Modal {
  limit = 100;
  emptyStateText = 'No results found.';
  inputEl: HTMLInputElement;
  resultContainerEl: HTMLElement;
  /** Host only: the placeholder set. */
  placeholder = '';
  /** Host only: the instructions set. */
  instructions: { command: string; purpose: string }[] = [];

  constructor(app: App) {
    super(app);
    this.inputEl = hostEl('input', 'prompt-input') as HTMLInputElement;
    this.resultContainerEl = hostEl('div', 'prompt-results');
  }

  setPlaceholder(placeholder: string): void {
    this.placeholder = placeholder;
  }

  setInstructions(instructions: { command: string; purpose: string }[]): void {
    this.instructions = instructions;
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): unknown;

  /** Host only: the suggestions for a query, as the list would show them. */
  async suggestions(query = ''): Promise<T[]> {
    return (await this.getSuggestions(query)).slice(0, this.limit);
  }

  /** Host only: picks `item` as the person would (the modal closes first, as in Obsidian). */
  choose(item: T): unknown {
    this.close();
    return this.onChooseSuggestion(item, {} as MouseEvent);
  }
}

/** Stands for `FuzzySuggestModal`: items filtered by their text; `choose(item)` acts as picking it. */
export abstract class FuzzySuggestModal<T> extends SuggestModal<{ item: T; match: { score: number; matches: [number, number][] } }> {
  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): unknown;

  getSuggestions(query: string): { item: T; match: { score: number; matches: [number, number][] } }[] {
    const q = query.toLowerCase();
    return this.getItems()
      .filter((item) => this.getItemText(item).toLowerCase().includes(q))
      .map((item) => ({ item, match: { score: 0, matches: [] } }));
  }

  renderSuggestion(value: { item: T }, el: HTMLElement): void {
    el.textContent = this.getItemText(value.item);
  }

  onChooseSuggestion(value: { item: T }, evt: MouseEvent | KeyboardEvent): unknown {
    return this.onChooseItem(value.item, evt);
  }

  /** Host only: picks the item itself (not its match wrapper). */
  chooseItem(item: T): unknown {
    this.close();
    return this.onChooseItem(item, {} as MouseEvent);
  }
}

/** Stands for `MenuItem`: a title, icon and click handler; `click()` acts as choosing it. */
export class MenuItem {
  title = '';
  icon: string | null = null;
  checked: boolean | null = null;
  disabled = false;
  warning = false;
  isLabel = false;
  section = '';
  private handler: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

  setTitle(title: string | DocumentFragment): this {
    this.title = typeof title === 'string' ? title : title.textContent ?? '';
    return this;
  }
  setIcon(icon: string | null): this {
    this.icon = icon;
    return this;
  }
  setChecked(checked: boolean | null): this {
    this.checked = checked;
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
  setWarning(isWarning: boolean): this {
    this.warning = isWarning;
    return this;
  }
  setIsLabel(isLabel: boolean): this {
    this.isLabel = isLabel;
    return this;
  }
  setSection(section: string): this {
    this.section = section;
    return this;
  }
  onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.handler = callback;
    return this;
  }
  /** Host only: chooses the item; returns what the handler returned. */
  click(): unknown {
    if (this.disabled) return undefined;
    return this.handler?.({} as MouseEvent);
  }
}

/** Stands for `Menu`: a context menu. Shown menus are kept in `Menu.shown`. */
export class Menu extends Component {
  static shown: Menu[] = [];
  items: (MenuItem | 'separator')[] = [];
  /** Host only: whether the menu is showing. */
  visible = false;
  private hideCallbacks: (() => unknown)[] = [];

  setNoIcon(): this {
    return this;
  }
  setUseNativeMenu(_useNativeMenu: boolean): this {
    return this;
  }
  addItem(cb: (item: MenuItem) => unknown): this {
    const item = new MenuItem();
    cb(item);
    this.items.push(item);
    return this;
  }
  addSeparator(): this {
    this.items.push('separator');
    return this;
  }
  setParentElement(_el: HTMLElement): this {
    return this;
  }
  showAtMouseEvent(_evt: MouseEvent): this {
    return this.show();
  }
  showAtPosition(_position: { x: number; y: number }, _doc?: Document): this {
    return this.show();
  }
  hide(): this {
    if (!this.visible) return this;
    this.visible = false;
    Menu.shown = Menu.shown.filter((m) => m !== this);
    for (const cb of this.hideCallbacks) cb();
    return this;
  }
  close(): void {
    this.hide();
  }
  onHide(callback: () => unknown): void {
    this.hideCallbacks.push(callback);
  }
  /** Host only: the item with this title. */
  item(title: string): MenuItem | undefined {
    return this.items.find((i): i is MenuItem => i !== 'separator' && i.title === title);
  }
  private show(): this {
    this.visible = true;
    Menu.shown.push(this);
    return this;
  }
  static forEvent(_evt: MouseEvent): Menu {
    return new Menu();
  }
}
