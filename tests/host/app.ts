/**
 * The test app: an Obsidian `App` made of the in-memory vault, metadata cache, file manager
 * and workspace, plus the registries Obsidian keeps inside (`app.commands`, `app.plugins`,
 * views, the settings tabs, the ribbon) and drivers to start and stop a plugin and to let
 * background work finish (`settle`).
 */
import type { App, Command, Plugin, PluginManifest } from 'obsidian';
import { Events } from './events';
import { TestFileManager } from './file-manager';
import manifestJson from '../../manifest.json';
import { realSetTimeout } from './platform/node';
import { InMemoryMetadataCache } from './metadata-cache';
import type { CliRegistration, HostRegistries, RibbonIcon, ViewCreator } from './plugin';
import type { PluginSettingTab } from './settings-ui';
import { InMemoryVault } from './vault';
import { MarkdownView } from './views';
import { TestWorkspace } from './workspace';

/** Stands for Obsidian's internal `app.commands`: every command by full id, and running them as the palette does. */
export class CommandRegistry {
  readonly commands: Record<string, Command> = {};

  constructor(private readonly workspace: TestWorkspace, private readonly settle: () => Promise<void>) {}

  add(command: Command): void {
    this.commands[command.id] = command;
  }
  remove(id: string): void {
    delete this.commands[id];
  }
  /** Every command, in the order added. */
  list(): Command[] {
    return Object.values(this.commands);
  }
  /** A command by full id (`action-plan:add-step`) or by its plugin-local id (`add-step`). */
  find(id: string): Command | undefined {
    return this.commands[id] ?? this.list().find((c) => c.id.endsWith(`:${id}`));
  }
  /** Whether the palette would offer the command now (check callbacks run with `checking = true`). */
  isAvailable(id: string): boolean {
    return this.execute(id, true).ran;
  }
  /** Runs a command as the palette does; false when it is not available. */
  executeCommandById(id: string): boolean {
    return this.execute(id, false).ran;
  }
  /** Host only: runs a command, awaits what its callback returned, then lets background work settle. */
  async run(id: string): Promise<boolean> {
    const { ran, result } = this.execute(id, false);
    await result;
    await this.settle();
    return ran;
  }

  private execute(id: string, checking: boolean): { ran: boolean; result: unknown } {
    const cmd = this.find(id);
    if (!cmd) return { ran: false, result: undefined };
    const view = this.workspace.activeEditor;
    const editor = view?.editor;
    if (cmd.editorCheckCallback || cmd.editorCallback) {
      if (view && editor) {
        // The callbacks are typed against Obsidian's Editor and MarkdownView; the host's stand in for them.
        const e = editor as never;
        const v = view as never;
        if (cmd.editorCheckCallback) {
          if (!cmd.editorCheckCallback(true, e, v)) return { ran: false, result: undefined };
          return { ran: true, result: checking ? undefined : cmd.editorCheckCallback(false, e, v) };
        }
        if (cmd.editorCallback) return { ran: true, result: checking ? undefined : cmd.editorCallback(e, v) };
      }
      if (!cmd.checkCallback && !cmd.callback) return { ran: false, result: undefined };
    }
    if (cmd.checkCallback) {
      if (!cmd.checkCallback(true)) return { ran: false, result: undefined };
      return { ran: true, result: checking ? undefined : cmd.checkCallback(false) };
    }
    if (cmd.callback) return { ran: true, result: checking ? undefined : cmd.callback() };
    return { ran: false, result: undefined };
  }
}

/** Stands for Obsidian's internal `app.plugins`. */
export interface PluginRegistry {
  plugins: Record<string, unknown>;
  enabledPlugins: Set<string>;
  getPlugin(id: string): unknown;
}

export interface HostApp {
  vault: InMemoryVault;
  metadataCache: InMemoryMetadataCache;
  fileManager: TestFileManager;
  workspace: TestWorkspace;
  commands: CommandRegistry;
  plugins: PluginRegistry;
  /** Plugin data by plugin id, as JSON: stands for `.obsidian/plugins/<id>/data.json`. */
  pluginData: Map<string, string>;
  /** Obsidian's command line: the handlers plugins registered, by command id. */
  cliHandlers: Map<string, CliRegistration>;
  viewRegistry: { register(type: string, creator: ViewCreator): void; unregister(type: string): void };
  /** Stands for `app.setting`: the plugins' settings tabs. */
  setting: { pluginTabs: PluginSettingTab[]; addPluginTab(tab: PluginSettingTab): void; removePluginTab(tab: PluginSettingTab): void; openTab(tab: PluginSettingTab): void };
  /** The ribbon's icons; `click(title)` acts as clicking one. */
  ribbon: { items: RibbonIcon[]; add(icon: RibbonIcon): void; remove(icon: RibbonIcon): void; click(title: string): unknown };
  /** Lets background work finish: open editors are saved, the metadata cache indexes every pending change and fires its events, and promise chains and zero-delay timers run out. Real time, so Jest's fake timers do not hold it back (and are not advanced). */
  settle(): Promise<void>;
  /** Live listeners per event on the vault, the metadata cache and the workspace (for leak checks after unload). */
  listenerCounts(): { vault: Record<string, number>; metadataCache: Record<string, number>; workspace: Record<string, number> };
  isDarkMode(): boolean;
  loadLocalStorage(key: string): unknown;
  saveLocalStorage(key: string, data: unknown): void;
}

/** The test app, usable wherever plugin code wants Obsidian's `App`. */
export type TestApp = App & HostApp;

function tick(): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, 0));
}

export interface TestAppOptions {
  /**
   * A cold start: the metadata cache is empty when the plugin loads and fills one note per turn
   * of the event loop once the layout is ready (`changed` and `resolve` for each, `resolved` at
   * the end), as when Obsidian opens a vault whose cache it does not have.
   */
  coldCache?: boolean;
}

/** Builds an app over a vault (a `Record<path, text>` is made into one). */
export function createTestApp(vaultOrFiles: InMemoryVault | Record<string, string> = {}, options: TestAppOptions = {}): TestApp {
  const vault = vaultOrFiles instanceof InMemoryVault ? vaultOrFiles : InMemoryVault.fromRecord(vaultOrFiles);
  const metadataCache = new InMemoryMetadataCache(vault, { cold: options.coldCache === true });
  const fileManager = new TestFileManager(vault, metadataCache);
  const local = new Map<string, unknown>();
  const app = { vault, metadataCache, fileManager, pluginData: new Map<string, string>(), cliHandlers: new Map() } as unknown as TestApp;
  const workspace = new TestWorkspace(app, () => metadataCache.initialResolve());

  const settle = async (): Promise<void> => {
    let quiet = 0;
    for (let i = 0; i < 10_000 && quiet < 3; i++) {
      await workspace.saveEditors();
      const before = Events.triggerCount;
      await tick();
      if (metadataCache.isIdle() && Events.triggerCount === before) quiet++;
      else quiet = 0;
    }
  };

  const tabs: PluginSettingTab[] = [];
  const ribbonItems: RibbonIcon[] = [];
  const plugins: PluginRegistry = {
    plugins: {},
    enabledPlugins: new Set(),
    getPlugin(id: string) {
      return this.plugins[id] ?? null;
    },
  };
  const host: Omit<HostApp, 'vault' | 'metadataCache' | 'fileManager' | 'pluginData' | 'cliHandlers'> & HostRegistries = {
    workspace,
    commands: new CommandRegistry(workspace, settle),
    plugins,
    viewRegistry: { register: (t, c) => workspace.registerViewType(t, c), unregister: (t) => workspace.unregisterViewType(t) },
    setting: {
      pluginTabs: tabs,
      addPluginTab: (tab) => tabs.push(tab),
      removePluginTab: (tab) => {
        const i = tabs.indexOf(tab);
        if (i !== -1) tabs.splice(i, 1);
      },
      openTab: (tab) => tab.display(),
    },
    ribbon: {
      items: ribbonItems,
      add: (icon) => ribbonItems.push(icon),
      remove: (icon) => {
        const i = ribbonItems.indexOf(icon);
        if (i !== -1) ribbonItems.splice(i, 1);
      },
      click: (title) => {
        const item = ribbonItems.find((r) => r.title === title);
        if (!item) throw new Error(`[test host] no ribbon icon "${title}"`);
        return item.callback({} as MouseEvent);
      },
    },
    settle,
    listenerCounts: () => ({ vault: vault.listenerCounts(), metadataCache: metadataCache.listenerCounts(), workspace: workspace.listenerCounts() }),
    isDarkMode: () => false,
    loadLocalStorage: (key) => (local.has(key) ? local.get(key) : null),
    saveLocalStorage: (key, data) => {
      if (data === null) local.delete(key);
      else local.set(key, data);
    },
  };
  Object.assign(app, host);
  return app;
}

let manifestCache: PluginManifest | null = null;

/** The project's `manifest.json`. */
export function projectManifest(): PluginManifest {
  if (manifestCache) return manifestCache;
  manifestCache = { ...(manifestJson as PluginManifest) };
  return manifestCache;
}

/** Plugins started and not stopped yet. */
const running = new Set<Plugin>();

/**
 * Host only: unloads every plugin a test left running, as quitting Obsidian does, so no
 * interval or listener outlives its test (`tests/host/jest-setup.ts` calls it after each test).
 */
export function unloadRunningPlugins(): void {
  for (const plugin of running) {
    running.delete(plugin);
    plugin.unload();
  }
}

/**
 * Constructs the plugin as Obsidian does, seeds its saved data (`data`, if given), runs
 * `load()` (so `onload`), awaits `onload`'s promise, optionally `onUserEnable()`, and
 * settles. The layout is not made ready: call `app.workspace.setLayoutReady()` for that.
 */
export async function startPlugin<P extends Plugin>(
  PluginClass: new (app: App, manifest: PluginManifest) => P,
  app: TestApp,
  manifest: Partial<PluginManifest> = {},
  data?: unknown,
  options: { userEnable?: boolean } = {},
): Promise<P> {
  const m: PluginManifest = { ...projectManifest(), ...manifest };
  if (data !== undefined) app.pluginData.set(m.id, JSON.stringify(data));
  const plugin = new PluginClass(app, m);
  running.add(plugin);
  app.plugins.plugins[m.id] = plugin;
  app.plugins.enabledPlugins.add(m.id);
  plugin.load();
  await (plugin as unknown as { hostOnloadResult: unknown }).hostOnloadResult;
  if (options.userEnable) plugin.onUserEnable();
  await app.settle();
  return plugin;
}

/** Unloads the plugin as disabling it does (registrations undone, `onunload`), then settles. */
export async function stopPlugin(plugin: Plugin): Promise<void> {
  const app = plugin.app as TestApp;
  running.delete(plugin);
  plugin.unload();
  delete app.plugins.plugins[plugin.manifest.id];
  app.plugins.enabledPlugins.delete(plugin.manifest.id);
  await app.settle();
}

/** Host only: the open Markdown view of a note, if any. */
export function openViewOf(app: TestApp, path: string): MarkdownView | null {
  for (const leaf of app.workspace.allLeaves()) if (leaf.view instanceof MarkdownView && leaf.view.file?.path === path) return leaf.view;
  return null;
}
