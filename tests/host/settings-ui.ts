/**
 * Obsidian's `Setting` rows, their controls and the settings tab. Every row records its name,
 * description and controls (`Setting.all`), and every control can be driven as the person
 * would: `input(value)` / `click()` call the `onChange` / `onClick` callback and return what
 * it returned, so a test can await the save. Under jsdom the real DOM events do the same.
 */
import type { App } from 'obsidian';
import { hostEl, isRealElement } from './dom';

/** Stands for `BaseComponent`. */
export abstract class BaseComponent {
  disabled = false;
  then(cb: (component: this) => unknown): this {
    cb(this);
    return this;
  }
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
}

/** Stands for `ValueComponent`. */
export abstract class ValueComponent<T> extends BaseComponent {
  protected changeCallback: ((value: T) => unknown) | null = null;
  abstract getValue(): T;
  abstract setValue(value: T): this;
  registerOptionListener(_listeners: Record<string, (value?: T) => T>, _key: string): this {
    return this;
  }
  onChange(callback: (value: T) => unknown): this {
    this.changeCallback = callback;
    return this;
  }
  /** Host only: the person sets the value; runs `onChange` and returns its result. */
  input(value: T): unknown {
    if (this.disabled) return undefined;
    this.setValue(value);
    return this.changeCallback?.(this.getValue());
  }
}

/** Stands for `AbstractTextComponent`: `setValue` does not fire `onChange`, typing does. */
export class AbstractTextComponent<E extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
  inputEl: E;
  private value = '';
  placeholder = '';
  constructor(inputEl: E) {
    super();
    this.inputEl = inputEl;
    if (isRealElement(inputEl)) inputEl.addEventListener('input', () => this.onChanged());
  }
  getValue(): string {
    return isRealElement(this.inputEl) ? this.inputEl.value : this.value;
  }
  setValue(value: string): this {
    this.value = value;
    this.inputEl.value = value;
    return this;
  }
  setPlaceholder(placeholder: string): this {
    this.placeholder = placeholder;
    this.inputEl.setAttribute('placeholder', placeholder);
    return this;
  }
  onChanged(): void {
    void this.changeCallback?.(this.getValue());
  }
}

/** Stands for `TextComponent`: a one-line input. */
export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
  constructor(containerEl: HTMLElement) {
    const el = hostEl('input') as HTMLInputElement;
    super(el);
    el.setAttribute('type', 'text');
    containerEl.appendChild(el);
  }
}

/** Stands for `TextAreaComponent`: a multi-line input. */
export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
  constructor(containerEl: HTMLElement) {
    const el = hostEl('textarea') as HTMLTextAreaElement;
    super(el);
    containerEl.appendChild(el);
  }
}

/** Stands for `SearchComponent`: a search input. */
export class SearchComponent extends AbstractTextComponent<HTMLInputElement> {
  constructor(containerEl: HTMLElement) {
    const el = hostEl('input') as HTMLInputElement;
    super(el);
    el.setAttribute('type', 'search');
    containerEl.appendChild(el);
  }
}

/** Stands for `ToggleComponent`: `click()` flips it and runs `onChange`. */
export class ToggleComponent extends ValueComponent<boolean> {
  toggleEl: HTMLElement;
  private on = false;
  tooltip = '';
  constructor(containerEl: HTMLElement) {
    super();
    this.toggleEl = hostEl('div', 'checkbox-container');
    containerEl.appendChild(this.toggleEl);
    if (isRealElement(this.toggleEl)) this.toggleEl.addEventListener('click', () => void this.click());
  }
  getValue(): boolean {
    return this.on;
  }
  setValue(on: boolean): this {
    this.on = on;
    if (isRealElement(this.toggleEl)) this.toggleEl.classList.toggle('is-enabled', on);
    return this;
  }
  setTooltip(tooltip: string): this {
    this.tooltip = tooltip;
    return this;
  }
  onClick(): void {
    void this.click();
  }
  /** Host only: the person clicks the toggle. */
  click(): unknown {
    return this.input(!this.on);
  }
}

/** Stands for `DropdownComponent`: options in order; `input(value)` picks one. */
export class DropdownComponent extends ValueComponent<string> {
  selectEl: HTMLSelectElement;
  /** Host only: value -> label, in the order added. */
  options: { value: string; display: string }[] = [];
  private value = '';
  constructor(containerEl: HTMLElement) {
    super();
    this.selectEl = hostEl('select', 'dropdown') as HTMLSelectElement;
    containerEl.appendChild(this.selectEl);
    if (isRealElement(this.selectEl)) this.selectEl.addEventListener('change', () => void this.changeCallback?.(this.getValue()));
  }
  addOption(value: string, display: string): this {
    this.options.push({ value, display });
    if (isRealElement(this.selectEl)) {
      const opt = this.selectEl.ownerDocument.createElement('option');
      opt.value = value;
      opt.textContent = display;
      this.selectEl.appendChild(opt);
    }
    if (this.options.length === 1) this.value = value;
    return this;
  }
  addOptions(options: Record<string, string>): this {
    for (const [v, d] of Object.entries(options)) this.addOption(v, d);
    return this;
  }
  getValue(): string {
    return isRealElement(this.selectEl) ? this.selectEl.value : this.value;
  }
  setValue(value: string): this {
    this.value = value;
    this.selectEl.value = value;
    return this;
  }
}

/** Stands for `SliderComponent`: a number between limits. */
export class SliderComponent extends ValueComponent<number> {
  sliderEl: HTMLInputElement;
  min: number | null = 0;
  max: number | null = 100;
  step: number | 'any' = 1;
  private value = 0;
  constructor(containerEl: HTMLElement) {
    super();
    this.sliderEl = hostEl('input', 'slider') as HTMLInputElement;
    this.sliderEl.setAttribute('type', 'range');
    containerEl.appendChild(this.sliderEl);
    if (isRealElement(this.sliderEl)) this.sliderEl.addEventListener('input', () => void this.changeCallback?.(this.getValue()));
  }
  setInstant(_instant: boolean): this {
    return this;
  }
  setLimits(min: number | null, max: number | null, step: number | 'any'): this {
    this.min = min;
    this.max = max;
    this.step = step;
    return this;
  }
  getValue(): number {
    return this.value;
  }
  setValue(value: number): this {
    this.value = value;
    this.sliderEl.value = String(value);
    return this;
  }
  getValuePretty(): string {
    return String(this.value);
  }
  setDisplayFormat(_format: (value: number) => string): this {
    return this;
  }
  setDynamicTooltip(): this {
    return this;
  }
}

/** Stands for `ButtonComponent`: `click()` runs `onClick` and returns its result. */
export class ButtonComponent extends BaseComponent {
  buttonEl: HTMLButtonElement;
  text = '';
  icon = '';
  cta = false;
  warning = false;
  tooltip = '';
  private handler: ((evt: MouseEvent) => unknown) | null = null;
  constructor(containerEl: HTMLElement) {
    super();
    this.buttonEl = hostEl('button') as HTMLButtonElement;
    containerEl.appendChild(this.buttonEl);
    if (isRealElement(this.buttonEl)) this.buttonEl.addEventListener('click', (e) => void this.handler?.(e));
  }
  setCta(): this {
    this.cta = true;
    return this;
  }
  removeCta(): this {
    this.cta = false;
    return this;
  }
  setWarning(): this {
    this.warning = true;
    return this;
  }
  setDestructive(): this {
    return this.setWarning();
  }
  removeDestructive(): this {
    this.warning = false;
    return this;
  }
  setTooltip(tooltip: string): this {
    this.tooltip = tooltip;
    return this;
  }
  setButtonText(name: string): this {
    this.text = name;
    this.buttonEl.textContent = name;
    return this;
  }
  setIcon(icon: string): this {
    this.icon = icon;
    return this;
  }
  setClass(cls: string): this {
    this.buttonEl.classList.add(cls);
    return this;
  }
  onClick(callback: (evt: MouseEvent) => unknown): this {
    this.handler = callback;
    return this;
  }
  /** Host only: the person clicks the button. */
  click(): unknown {
    if (this.disabled) return undefined;
    return this.handler?.({} as MouseEvent);
  }
}

/** Stands for `ExtraButtonComponent`: a small icon button. */
export class ExtraButtonComponent extends ButtonComponent {}

export type SettingControlKind = 'text' | 'textarea' | 'search' | 'toggle' | 'dropdown' | 'slider' | 'button' | 'extra-button';

/** Stands for `Setting`: one row of a settings tab or modal, built by chained calls. */
export class Setting {
  /** Every row built, in order; `Setting.clear()` forgets them. */
  static all: Setting[] = [];

  settingEl: HTMLElement;
  infoEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  components: BaseComponent[] = [];
  errorEl: HTMLElement | null = null;
  /** Host only: what was built. */
  name = '';
  desc = '';
  isHeading = false;
  classes: string[] = [];
  controls: { kind: SettingControlKind; component: BaseComponent }[] = [];
  readonly containerEl: HTMLElement;

  constructor(containerEl: HTMLElement) {
    this.containerEl = containerEl;
    this.settingEl = hostEl('div', 'setting-item');
    this.infoEl = hostEl('div', 'setting-item-info');
    this.nameEl = hostEl('div', 'setting-item-name');
    this.descEl = hostEl('div', 'setting-item-description');
    this.controlEl = hostEl('div', 'setting-item-control');
    if (isRealElement(this.settingEl)) {
      this.infoEl.append(this.nameEl, this.descEl);
      this.settingEl.append(this.infoEl, this.controlEl);
    }
    containerEl.appendChild(this.settingEl);
    Setting.all.push(this);
  }

  setName(name: string | DocumentFragment): this {
    this.name = typeof name === 'string' ? name : name.textContent ?? '';
    if (typeof name === 'string') this.nameEl.textContent = name;
    else if (isRealElement(this.nameEl)) this.nameEl.replaceChildren(name);
    return this;
  }
  setDesc(desc: string | DocumentFragment): this {
    this.desc = typeof desc === 'string' ? desc : desc.textContent ?? '';
    if (typeof desc === 'string') this.descEl.textContent = desc;
    else if (isRealElement(this.descEl)) this.descEl.replaceChildren(desc);
    return this;
  }
  setClass(cls: string): this {
    this.classes.push(cls);
    this.settingEl.classList.add(cls);
    return this;
  }
  setTooltip(_tooltip: string): this {
    return this;
  }
  setHeading(): this {
    this.isHeading = true;
    this.settingEl.classList.add('setting-item-heading');
    return this;
  }
  setDisabled(disabled: boolean): this {
    for (const c of this.components) c.setDisabled(disabled);
    return this;
  }
  setErrorMessage(message: string | null): this {
    this.errorEl = message === null ? null : hostEl('div', 'setting-item-error');
    if (this.errorEl && message !== null) this.errorEl.textContent = message;
    return this;
  }
  private add<C extends BaseComponent>(kind: SettingControlKind, component: C, cb: (c: C) => unknown): this {
    this.components.push(component);
    this.controls.push({ kind, component });
    cb(component);
    return this;
  }
  addText(cb: (component: TextComponent) => unknown): this {
    return this.add('text', new TextComponent(this.controlEl), cb);
  }
  addTextArea(cb: (component: TextAreaComponent) => unknown): this {
    return this.add('textarea', new TextAreaComponent(this.controlEl), cb);
  }
  addSearch(cb: (component: SearchComponent) => unknown): this {
    return this.add('search', new SearchComponent(this.controlEl), cb);
  }
  addToggle(cb: (component: ToggleComponent) => unknown): this {
    return this.add('toggle', new ToggleComponent(this.controlEl), cb);
  }
  addDropdown(cb: (component: DropdownComponent) => unknown): this {
    return this.add('dropdown', new DropdownComponent(this.controlEl), cb);
  }
  addSlider(cb: (component: SliderComponent) => unknown): this {
    return this.add('slider', new SliderComponent(this.controlEl), cb);
  }
  addButton(cb: (component: ButtonComponent) => unknown): this {
    return this.add('button', new ButtonComponent(this.controlEl), cb);
  }
  addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
    return this.add('extra-button', new ExtraButtonComponent(this.controlEl), cb);
  }
  then(cb: (setting: this) => unknown): this {
    cb(this);
    return this;
  }
  clear(): this {
    this.components = [];
    this.controls = [];
    if (isRealElement(this.controlEl)) this.controlEl.replaceChildren();
    return this;
  }

  /** Host only: the control of a kind on this row (the first, or the `index`-th). */
  control<C extends BaseComponent>(kind: SettingControlKind, index = 0): C {
    const found = this.controls.filter((c) => c.kind === kind)[index];
    if (!found) throw new Error(`[test host] setting "${this.name}" has no ${kind} control #${index}`);
    return found.component as C;
  }

  /** Host only: the last row built with this name (optionally inside one container). */
  static named(name: string, containerEl?: HTMLElement): Setting {
    for (let i = Setting.all.length - 1; i >= 0; i--) {
      const s = Setting.all[i];
      if (s && s.name === name && (containerEl === undefined || s.containerEl === containerEl)) return s;
    }
    throw new Error(`[test host] no setting named "${name}"`);
  }

  /** Host only: forgets every row built so far. */
  static clear(): void {
    Setting.all = [];
  }
}

/** Stands for `SettingTab`: a page of the settings dialog; `display()` builds it into `containerEl`. */
export abstract class SettingTab {
  icon = 'settings';
  app: App;
  containerEl: HTMLElement;
  settingItems: unknown[] = [];
  constructor(app: App) {
    this.app = app;
    this.containerEl = hostEl('div', 'vertical-tab-content');
  }
  getSettingDefinitions(): unknown[] {
    return [];
  }
  update(): void {}
  getControlValue(_key: string): unknown {
    return undefined;
  }
  setControlValue(_key: string, _value: unknown): void {}
  refreshDomState(): void {}
  display(): void {}
  hide(): void {}
}

/** Stands for `PluginSettingTab`: a plugin's page in the settings dialog. */
export abstract class PluginSettingTab extends SettingTab {
  plugin: unknown;
  constructor(app: App, plugin: unknown) {
    super(app);
    this.plugin = plugin;
  }
}
