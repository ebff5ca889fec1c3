/**
 * Bases (Obsidian 1.10) for plugin views: `BasesView`, `QueryController`, `BasesQueryResult`,
 * `BasesEntry`, `BasesEntryGroup`, `BasesViewConfig`, built from their types in the `obsidian`
 * package and the developer docs' Bases view guide. The host runs no query: a test says which
 * notes a base holds, in which order and groups (`openBase`), as Bases would after filtering
 * and sorting, and changes them (`setEntries`, `setOption`), which calls `onDataUpdated` as Bases
 * does after a change of data or configuration. tests/README.md lists what this guesses.
 */
import type { App, BasesViewRegistration } from 'obsidian';
import { hostEl } from './dom';
import { Component } from './events';
import type { TFile } from './files';

/** Stands for a Bases `Value`: what `toString()` shows. */
export class HostValue {
  constructor(readonly value: unknown) {}
  toString(): string {
    return String(this.value);
  }
}

/** Stands for `BasesEntry`: one note of the base; `getValue('note.x')` reads its frontmatter. */
export class BasesEntry {
  constructor(
    readonly file: TFile,
    private readonly app: App,
  ) {}
  getValue(propertyId: string): HostValue | null {
    const [type, ...rest] = propertyId.split('.');
    const name = rest.join('.');
    if (type === 'file') return name === 'name' ? new HostValue(this.file.basename) : name === 'path' ? new HostValue(this.file.path) : null;
    const frontmatter: Record<string, unknown> | undefined = this.app.metadataCache.getFileCache(this.file)?.frontmatter;
    const value = frontmatter?.[name];
    return value === undefined ? null : new HostValue(value);
  }
}

/** Stands for `BasesEntryGroup`: the entries of one value of the group-by key. */
export class BasesEntryGroup {
  constructor(
    readonly entries: BasesEntry[],
    readonly key?: HostValue,
  ) {}
  hasKey(): boolean {
    return this.key !== undefined && this.key.value !== null;
  }
}

/** Stands for `BasesQueryResult`: `data` (ungrouped, sorted) and `groupedData` (one group with no key when ungrouped). */
export class BasesQueryResult {
  constructor(private readonly groups: BasesEntryGroup[]) {}
  get data(): BasesEntry[] {
    return this.groups.flatMap((g) => g.entries);
  }
  get groupedData(): BasesEntryGroup[] {
    return this.groups;
  }
  get properties(): string[] {
    return [];
  }
}

/** Stands for `BasesViewConfig`: the view's entry in the `.base` file; options stored by key. */
export class BasesViewConfig {
  name = 'Action plan';
  /** Host only: what the `.base` file holds for this view. */
  readonly stored = new Map<string, unknown>();
  get(key: string): unknown {
    return this.stored.get(key);
  }
  set(key: string, value: unknown): void {
    if (value === null) this.stored.delete(key);
    else this.stored.set(key, value);
  }
  getOrder(): string[] {
    return [];
  }
  getSort(): [] {
    return [];
  }
  getDisplayName(propertyId: string): string {
    return propertyId.slice(propertyId.indexOf('.') + 1);
  }
}

/** Stands for `QueryController`: runs the query and hands its results to the view. */
export class QueryController extends Component {
  constructor(readonly app: App) {
    super();
  }
}

/** Stands for `BasesView`: `app`, `config` and `data` set by the controller; `onDataUpdated` called on every change. */
export abstract class BasesView extends Component {
  abstract type: string;
  app: App;
  config: BasesViewConfig = new BasesViewConfig();
  allProperties: string[] = [];
  data: BasesQueryResult = new BasesQueryResult([]);
  protected constructor(controller: QueryController) {
    super();
    this.app = controller.app;
  }
  abstract onDataUpdated(): void;
}

/** A base's notes: paths in the base's order, or groups of them with their key (null: no key). */
export type BaseEntries = string[] | { key: unknown; paths: string[] }[];

/** Host only: a base open in a view of the registered type. */
export interface OpenBase {
  view: BasesView;
  /** The container below the Bases toolbar. */
  el: HTMLElement;
  setEntries(entries: BaseEntries): void;
  setOption(key: string, value: unknown): void;
  close(): void;
}

function groupsOf(app: App, entries: BaseEntries): BasesEntryGroup[] {
  const entry = (path: string): BasesEntry => {
    const file = app.vault.getFileByPath(path);
    if (file === null) throw new Error(`[test host] a base entry that is no file: ${path}`);
    return new BasesEntry(file, app);
  };
  if (entries.every((e) => typeof e === 'string')) return [new BasesEntryGroup((entries).map(entry))];
  return (entries as { key: unknown; paths: string[] }[]).map((g) => new BasesEntryGroup(g.paths.map(entry), new HostValue(g.key)));
}

/** Host only: opens a base in a view made by `registration` (as choosing its layout in the toolbar does). */
export function openBase(app: App, registration: BasesViewRegistration, entries: BaseEntries, options: Record<string, unknown> = {}): OpenBase {
  const controller = new QueryController(app);
  const el = hostEl('div', 'bases-view');
  const view = registration.factory(controller as never, el) as unknown as BasesView;
  for (const [k, v] of Object.entries(options)) view.config.set(k, v);
  controller.addChild(view);
  controller.load();
  const update = (groups: BasesEntryGroup[]): void => {
    view.data = new BasesQueryResult(groups);
    view.onDataUpdated();
  };
  let groups = groupsOf(app, entries);
  update(groups);
  return {
    view,
    el,
    setEntries: (next) => update((groups = groupsOf(app, next))),
    setOption: (key, value) => {
      view.config.set(key, value);
      update(groups);
    },
    close: () => controller.unload(),
  };
}
