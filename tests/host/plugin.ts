/**
 * Obsidian's `Plugin`: a `Component` whose registrations (commands, views, the settings tab,
 * ribbon icons, events) are undone when it unloads. What it registers goes to the app's
 * registries when the app is the test host's (see `app.ts`), and is also kept on the plugin
 * (`pluginRecord(plugin)`) so tests can read it whatever the app.
 */
import type { App, BasesViewRegistration, CliFlags, CliHandler, Command, MarkdownPostProcessorContext, PluginManifest } from 'obsidian';
import { hostEl, isRealElement } from './dom';
import { Component } from './events';
import type { PluginSettingTab } from './settings-ui';
import type { View, WorkspaceLeaf } from './views';

export type ViewCreator = (leaf: WorkspaceLeaf) => View;

export interface RibbonIcon {
  icon: string;
  title: string;
  callback: (evt: MouseEvent) => unknown;
  el: HTMLElement;
}

/** The registries a test host app keeps; every field is optional so any object works as an app. */
export interface HostRegistries {
  commands?: { add(command: Command): void; remove(id: string): void };
  viewRegistry?: { register(type: string, creator: ViewCreator): void; unregister(type: string): void };
  setting?: { addPluginTab(tab: PluginSettingTab): void; removePluginTab(tab: PluginSettingTab): void };
  ribbon?: { add(icon: RibbonIcon): void; remove(icon: RibbonIcon): void };
  /** Saved plugin data by plugin id, standing for `.obsidian/plugins/<id>/data.json`. */
  pluginData?: Map<string, string>;
  /** False stands for a vault with the Bases core plugin turned off (default on). */
  basesEnabled?: boolean;
  /** The command line's handlers of every plugin, by command id (ids are unique across the app). */
  cliHandlers?: Map<string, CliRegistration>;
}

/** A handler of Obsidian's command line as a plugin registered it. */
export interface CliRegistration {
  description: string;
  flags: CliFlags | null;
  handler: CliHandler;
}

/** What one plugin registered, for tests to read. */
export interface PluginRecord {
  commands: Command[];
  views: Map<string, ViewCreator>;
  settingTabs: PluginSettingTab[];
  ribbonIcons: RibbonIcon[];
  statusBarItems: HTMLElement[];
  /** The saved data as JSON when the app keeps no `pluginData` (null: nothing saved). */
  data: string | null;
  /** How many times `saveData` ran. */
  saves: number;
  /** Code block processors by language (`registerMarkdownCodeBlockProcessor`). */
  codeBlocks: Map<string, CodeBlockProcessor>;
  /** Bases views by view id (`registerBasesView`). */
  basesViews: Map<string, BasesViewRegistration>;
  /** Handlers of Obsidian's command line by command id (`registerCliHandler`). */
  cliHandlers: Map<string, CliRegistration>;
}

/** A code block processor as Obsidian calls it: the block's text, its element, the render context. */
export type CodeBlockProcessor = (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => Promise<unknown> | void;

const records = new WeakMap<object, PluginRecord>();

/** Host only: what a plugin registered so far (commands with their full ids, views, tabs…). */
export function pluginRecord(plugin: object): PluginRecord {
  let r = records.get(plugin);
  if (!r) {
    r = { commands: [], views: new Map(), settingTabs: [], ribbonIcons: [], statusBarItems: [], data: null, saves: 0, codeBlocks: new Map(), basesViews: new Map(), cliHandlers: new Map() };
    records.set(plugin, r);
  }
  return r;
}

/** Stands for `Plugin`: `app`, `manifest`, data storage and registrations undone on unload. */
export abstract class Plugin extends Component {
  app: App;
  manifest: PluginManifest;

  constructor(app: App, manifest: PluginManifest) {
    super();
    this.app = app;
    this.manifest = manifest;
  }

  private get host(): HostRegistries {
    return this.app as unknown as HostRegistries;
  }

  /** Reads `data.json`: a fresh copy of what was saved, or null when nothing was. */
  loadData(): Promise<unknown> {
    const store = this.host.pluginData;
    const json = store ? store.get(this.manifest.id) : pluginRecord(this).data;
    return Promise.resolve(json === undefined || json === null ? null : (JSON.parse(json) as unknown));
  }

  /** Writes `data.json` (as JSON, so `undefined` fields are dropped as on disk). */
  saveData(data: unknown): Promise<void> {
    const json = JSON.stringify(data, null, 2);
    const store = this.host.pluginData;
    if (store) store.set(this.manifest.id, json);
    else pluginRecord(this).data = json;
    pluginRecord(this).saves++;
    return Promise.resolve();
  }

  onUserEnable(): void {}

  /** Adds a command; as in Obsidian the id becomes `<plugin id>:<id>` and the name `<plugin name>: <name>`. */
  addCommand(command: Command): Command {
    const localId = command.id;
    command.id = `${this.manifest.id}:${localId}`;
    command.name = `${this.manifest.name}: ${command.name}`;
    pluginRecord(this).commands.push(command);
    this.host.commands?.add(command);
    this.register(() => this.removeCommand(localId));
    return command;
  }

  removeCommand(commandId: string): void {
    const full = commandId.startsWith(`${this.manifest.id}:`) ? commandId : `${this.manifest.id}:${commandId}`;
    const rec = pluginRecord(this);
    rec.commands = rec.commands.filter((c) => c.id !== full);
    this.host.commands?.remove(full);
  }

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = hostEl('div', 'side-dock-ribbon-action');
    el.setAttribute('aria-label', title);
    if (isRealElement(el)) el.addEventListener('click', (e) => void callback(e));
    const entry: RibbonIcon = { icon, title, callback, el };
    pluginRecord(this).ribbonIcons.push(entry);
    this.host.ribbon?.add(entry);
    this.register(() => {
      const rec = pluginRecord(this);
      rec.ribbonIcons = rec.ribbonIcons.filter((r) => r !== entry);
      this.host.ribbon?.remove(entry);
      if (isRealElement(el)) el.remove();
    });
    return el;
  }

  addStatusBarItem(): HTMLElement {
    const el = hostEl('div', 'status-bar-item');
    pluginRecord(this).statusBarItems.push(el);
    this.register(() => {
      const rec = pluginRecord(this);
      rec.statusBarItems = rec.statusBarItems.filter((x) => x !== el);
    });
    return el;
  }

  addSettingTab(settingTab: PluginSettingTab): void {
    pluginRecord(this).settingTabs.push(settingTab);
    this.host.setting?.addPluginTab(settingTab);
    this.register(() => {
      const rec = pluginRecord(this);
      rec.settingTabs = rec.settingTabs.filter((t) => t !== settingTab);
      this.host.setting?.removePluginTab(settingTab);
    });
  }

  /** Registers a view type; on unload the type goes away and open leaves of it are emptied. */
  registerView(type: string, viewCreator: ViewCreator): void {
    pluginRecord(this).views.set(type, viewCreator);
    this.host.viewRegistry?.register(type, viewCreator);
    this.register(() => {
      pluginRecord(this).views.delete(type);
      this.host.viewRegistry?.unregister(type);
    });
  }

  registerExtensions(_extensions: string[], _viewType: string): void {}
  registerMarkdownPostProcessor<T>(postProcessor: T): T {
    return postProcessor;
  }
  /** Registers a code block processor (run by the host's `renderCodeBlock`); gone on unload. */
  registerMarkdownCodeBlockProcessor(language: string, handler: CodeBlockProcessor): CodeBlockProcessor {
    pluginRecord(this).codeBlocks.set(language, handler);
    this.register(() => pluginRecord(this).codeBlocks.delete(language));
    return handler;
  }
  /** Registers a Bases view type (1.10); false, and nothing registered, when Bases is off. Gone on unload. */
  registerBasesView(viewId: string, registration: BasesViewRegistration): boolean {
    if (this.host.basesEnabled === false) return false;
    pluginRecord(this).basesViews.set(viewId, registration);
    this.register(() => pluginRecord(this).basesViews.delete(viewId));
    return true;
  }

  /** Registers a handler of Obsidian's command line (1.12.2); an id already taken throws, as documented. Gone on unload. */
  registerCliHandler(command: string, description: string, flags: CliFlags | null, handler: CliHandler): void {
    const app = this.host.cliHandlers;
    if (app?.has(command) === true || pluginRecord(this).cliHandlers.has(command)) throw new Error(`CLI command "${command}" is already registered`);
    const entry: CliRegistration = { description, flags, handler };
    pluginRecord(this).cliHandlers.set(command, entry);
    app?.set(command, entry);
    this.register(() => {
      pluginRecord(this).cliHandlers.delete(command);
      app?.delete(command);
    });
  }

  registerEditorExtension(_extension: unknown): void {}
  registerEditorSuggest(_suggest: unknown): void {}
  registerObsidianProtocolHandler(_action: string, _handler: unknown): void {}
  registerHoverLinkSource(_id: string, _info: unknown): void {}
}
