/**
 * Obsidian's `Events` and `Component`, with the semantics plugins rely on: listeners run in
 * registration order, a throwing listener does not stop the others, `offref` removes exactly
 * one registration, and `Component.unload` unloads children and runs registered cleanups
 * (last registered first) before `onunload`.
 */

/** Stands for Obsidian's `EventRef`: the handle `on` returns and `offref` takes. */
export interface HostEventRef {
  /** The emitter the listener is registered on (Obsidian keeps it as `e`). */
  e: Events;
  name: string;
  fn: (...data: unknown[]) => unknown;
  ctx?: unknown;
}

/** Stands for Obsidian's `Events`: a synchronous named-event emitter. */
export class Events {
  /** Errors thrown by listeners anywhere; Obsidian logs them and carries on. Tests should check this stays empty. */
  static listenerErrors: unknown[] = [];
  /** Host only: how many events have been triggered, on any emitter (lets `settle` tell when things are quiet). */
  static triggerCount = 0;

  private readonly handlers = new Map<string, HostEventRef[]>();

  // `never[]` so that typed listeners (file, data, cache) are accepted, as with Obsidian's overloads.
  on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): HostEventRef {
    const ref: HostEventRef = { e: this, name, fn: callback as (...data: unknown[]) => unknown, ctx };
    const list = this.handlers.get(name);
    if (list) list.push(ref);
    else this.handlers.set(name, [ref]);
    return ref;
  }

  off(name: string, callback: (...data: unknown[]) => unknown): void {
    const list = this.handlers.get(name);
    if (!list) return;
    const kept = list.filter((r) => r.fn !== callback);
    if (kept.length === 0) this.handlers.delete(name);
    else this.handlers.set(name, kept);
  }

  offref(ref: unknown): void {
    const r = ref as HostEventRef;
    const list = this.handlers.get(r.name);
    if (!list) return;
    const i = list.indexOf(r);
    if (i !== -1) list.splice(i, 1);
    if (list.length === 0) this.handlers.delete(r.name);
  }

  trigger(name: string, ...data: unknown[]): void {
    Events.triggerCount++;
    const list = this.handlers.get(name);
    if (!list) return;
    // A listener added or removed while triggering does not change this round, as in Obsidian.
    for (const ref of list.slice()) this.tryTrigger(ref, data);
  }

  tryTrigger(evt: unknown, args: unknown[]): void {
    const ref = evt as HostEventRef;
    try {
      ref.fn.apply(ref.ctx, args);
    } catch (e) {
      Events.listenerErrors.push(e);
      console.error(`[test host] a listener of "${ref.name}" threw`, e);
    }
  }

  /** Host only: how many listeners are registered for `name` (or for every event without a name). */
  listenerCount(name?: string): number {
    if (name !== undefined) return this.handlers.get(name)?.length ?? 0;
    let n = 0;
    for (const list of this.handlers.values()) n += list.length;
    return n;
  }

  /** Host only: event name -> number of live listeners, for leak checks after unload. */
  listenerCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, list] of this.handlers) if (list.length > 0) out[name] = list.length;
    return out;
  }
}

/** Stands for Obsidian's `Component`: load/unload lifecycle, children and registered cleanups. */
export class Component {
  /** Whether `load()` ran and `unload()` has not; Obsidian keeps the same flag as `_loaded`. */
  _loaded = false;
  private readonly hostChildren: Component[] = [];
  private readonly hostCleanups: (() => unknown)[] = [];
  /** Host only: what the last `onload()` returned, so a driver can await an async `onload`. */
  hostOnloadResult: unknown = undefined;

  load(): void {
    if (this._loaded) return;
    this._loaded = true;
    this.hostOnloadResult = this.onload();
    for (const child of this.hostChildren.slice()) child.load();
  }

  onload(): unknown {
    return undefined;
  }

  unload(): void {
    if (!this._loaded) return;
    this._loaded = false;
    while (this.hostChildren.length > 0) this.hostChildren.pop()?.unload();
    while (this.hostCleanups.length > 0) {
      const cleanup = this.hostCleanups.pop();
      try {
        cleanup?.();
      } catch (e) {
        Events.listenerErrors.push(e);
        console.error('[test host] a registered cleanup threw', e);
      }
    }
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(component: T): T {
    this.hostChildren.push(component);
    if (this._loaded) component.load();
    return component;
  }

  removeChild<T extends Component>(component: T): T {
    const i = this.hostChildren.indexOf(component);
    if (i !== -1) {
      this.hostChildren.splice(i, 1);
      component.unload();
    }
    return component;
  }

  register(cb: () => unknown): void {
    this.hostCleanups.push(cb);
  }

  registerEvent(eventRef: unknown): void {
    const ref = eventRef as HostEventRef;
    this.register(() => ref.e.offref(ref));
  }

  registerDomEvent(el: EventTarget, type: string, callback: (ev: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
    el.addEventListener(type, callback, options);
    this.register(() => el.removeEventListener(type, callback, options));
  }

  registerInterval(id: number): number {
    this.register(() => clearInterval(id));
    return id;
  }

  /** Host only: how many cleanups are registered (events, intervals, DOM listeners, callbacks). */
  hostCleanupCount(): number {
    return this.hostCleanups.length;
  }

  /** Host only: the loaded children. */
  hostChildList(): readonly Component[] {
    return this.hostChildren;
  }
}
