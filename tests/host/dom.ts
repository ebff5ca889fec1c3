/**
 * Obsidian's DOM helpers (`createEl`, `empty`, `setText`, `addClass`, …) for jsdom. Obsidian
 * adds them to `Node`/`Element`/`HTMLElement` prototypes and to the window; these do the same
 * when a `document` exists (test files with `/** @jest-environment jsdom *\/`), and nothing
 * in the node environment.
 */

type Attrs = Record<string, string | number | boolean | null>;

interface ElInfo {
  cls?: string | string[];
  text?: string | DocumentFragment;
  attr?: Attrs;
  title?: string;
  parent?: Node;
  value?: string;
  type?: string;
  prepend?: boolean;
  placeholder?: string;
  href?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function classesOf(cls: string | string[] | undefined): string[] {
  if (cls === undefined) return [];
  const list = Array.isArray(cls) ? cls : [cls];
  return list.flatMap((c) => c.split(/\s+/)).filter((c) => c !== '');
}

/** The class attribute of a new element: the names given, joined, as Obsidian's `createEl` sets it. */
function classAttr(cls: string | string[] | undefined): string {
  return cls === undefined ? '' : Array.isArray(cls) ? cls.join(' ') : cls;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const k in attrs) setAttr(el, k, attrs[k] as string | number | boolean | null);
}

function setAttr(el: Element, name: string, value: string | number | boolean | null): void {
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, String(value));
}

function place(el: Element, info: ElInfo, parent: Node | undefined): void {
  const target = info.parent ?? parent;
  if (!target) return;
  if (info.prepend) target.insertBefore(el, target.firstChild);
  else target.appendChild(el);
}

function applyInfo(el: HTMLElement, o: ElInfo | string | undefined, parent: Node | undefined): void {
  const info: ElInfo = typeof o === 'string' ? { cls: o } : o ?? {};
  const cls = classAttr(info.cls);
  if (cls !== '') el.setAttribute('class', cls);
  if (info.text !== undefined) {
    if (typeof info.text === 'string') el.textContent = info.text;
    else el.appendChild(info.text);
  }
  if (info.attr) setAttrs(el, info.attr);
  if (info.title !== undefined) el.title = info.title;
  if (info.value !== undefined && 'value' in el) (el as HTMLInputElement).value = info.value;
  if (info.type !== undefined) el.setAttribute('type', info.type);
  if (info.placeholder !== undefined) el.setAttribute('placeholder', info.placeholder);
  if (info.href !== undefined) el.setAttribute('href', info.href);
  place(el, info, parent);
}

function makeEl<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  o: ElInfo | string | undefined,
  cb: ((el: HTMLElementTagNameMap[K]) => void) | undefined,
  parent: Node | undefined,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  applyInfo(el, o, parent);
  cb?.(el);
  return el;
}

function makeSvg<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  tag: K,
  o: { cls?: string | string[]; attr?: Attrs; parent?: Node; prepend?: boolean } | string | undefined,
  cb: ((el: SVGElementTagNameMap[K]) => void) | undefined,
  parent: Node | undefined,
): SVGElementTagNameMap[K] {
  const el = doc.createElementNS(SVG_NS, tag);
  const info = typeof o === 'string' ? { cls: o } : o ?? {};
  const cls = classAttr(info.cls);
  if (cls !== '') el.setAttribute('class', cls);
  if (info.attr) setAttrs(el, info.attr);
  place(el, info, parent);
  cb?.(el);
  return el;
}

function docOf(node: Node): Document {
  return node.nodeType === 9 ? (node as Document) : node.ownerDocument ?? document;
}

let installed = false;

/** Whether a real DOM is there (jsdom), not the bare event targets of the node environment. */
export function hasDom(): boolean {
  return typeof document !== 'undefined' && typeof (document as { createElement?: unknown }).createElement === 'function';
}

/**
 * Without a DOM (the node test environment), the window (the global object) and `document`
 * become bare event targets, so plugin code can register DOM events on them (`focus`,
 * `visibilitychange`) and tests can dispatch those events. The document says it is visible.
 */
export function installEventTargets(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (typeof g['addEventListener'] !== 'function') {
    const target = new EventTarget();
    g['addEventListener'] = target.addEventListener.bind(target);
    g['removeEventListener'] = target.removeEventListener.bind(target);
    g['dispatchEvent'] = target.dispatchEvent.bind(target);
  }
  if (typeof g['document'] === 'undefined') g['document'] = Object.assign(new EventTarget(), { visibilityState: 'visible', hidden: false });
}

/** Installs the helpers on jsdom's prototypes and window once; a no-op without a `document`. */
export function installDomHelpers(): void {
  if (installed || !hasDom() || typeof window === 'undefined') return;
  installed = true;
  const w = window as unknown as Record<string, unknown>;
  const NodeP = (w.Node as typeof Node).prototype as unknown as Record<string, unknown>;
  const ElementP = (w.Element as typeof Element).prototype as unknown as Record<string, unknown>;
  const HTMLElementP = (w.HTMLElement as typeof HTMLElement).prototype as unknown as Record<string, unknown>;
  const SVGElementP = (w.SVGElement as typeof SVGElement).prototype as unknown as Record<string, unknown>;
  const FragmentP = (w.DocumentFragment as typeof DocumentFragment).prototype as unknown as Record<string, unknown>;

  Object.defineProperty(NodeP, 'doc', { configurable: true, get(this: Node) { return docOf(this); } });
  Object.defineProperty(NodeP, 'win', { configurable: true, get(this: Node) { return docOf(this).defaultView; } });
  Object.defineProperty(NodeP, 'constructorWin', { configurable: true, get(this: Node) { return docOf(this).defaultView; } });

  NodeP.createEl = function (this: Node, tag: keyof HTMLElementTagNameMap, o?: ElInfo | string, cb?: (el: HTMLElement) => void) {
    return makeEl(docOf(this), tag, o, cb, this);
  };
  NodeP.createDiv = function (this: Node, o?: ElInfo | string, cb?: (el: HTMLElement) => void) {
    return makeEl(docOf(this), 'div', o, cb, this);
  };
  NodeP.createSpan = function (this: Node, o?: ElInfo | string, cb?: (el: HTMLElement) => void) {
    return makeEl(docOf(this), 'span', o, cb, this);
  };
  NodeP.createSvg = function (this: Node, tag: keyof SVGElementTagNameMap, o?: ElInfo | string, cb?: (el: SVGElement) => void) {
    return makeSvg(docOf(this), tag, o, cb, this);
  };
  NodeP.empty = function (this: Node) {
    while (this.firstChild) this.removeChild(this.firstChild);
  };
  NodeP.detach = function (this: Node) {
    this.parentNode?.removeChild(this);
  };
  NodeP.appendText = function (this: Node, val: string) {
    this.appendChild(docOf(this).createTextNode(val));
  };
  NodeP.insertAfter = function (this: Node, node: Node, child: Node | null) {
    this.insertBefore(node, child ? child.nextSibling : this.firstChild);
    return node;
  };
  NodeP.indexOf = function (this: Node, other: Node) {
    return Array.prototype.indexOf.call(this.childNodes, other);
  };
  NodeP.setChildrenInPlace = function (this: Node, children: Node[]) {
    while (this.firstChild) this.removeChild(this.firstChild);
    for (const c of children) this.appendChild(c);
  };
  NodeP.instanceOf = function (this: Node, type: new () => unknown) {
    return this instanceof type;
  };

  ElementP.getText = function (this: Element) {
    return this.textContent ?? '';
  };
  ElementP.setText = function (this: Element, val: string | DocumentFragment) {
    if (typeof val === 'string') this.textContent = val;
    else {
      while (this.firstChild) this.removeChild(this.firstChild);
      this.appendChild(val);
    }
  };
  ElementP.addClass = function (this: Element, ...classes: string[]) {
    this.classList.add(...classesOf(classes));
  };
  ElementP.addClasses = function (this: Element, classes: string[]) {
    this.classList.add(...classesOf(classes));
  };
  ElementP.removeClass = function (this: Element, ...classes: string[]) {
    this.classList.remove(...classesOf(classes));
  };
  ElementP.removeClasses = function (this: Element, classes: string[]) {
    this.classList.remove(...classesOf(classes));
  };
  ElementP.toggleClass = function (this: Element, classes: string | string[], value: boolean) {
    for (const c of classesOf(classes)) this.classList.toggle(c, value);
  };
  ElementP.hasClass = function (this: Element, cls: string) {
    return this.classList.contains(cls);
  };
  ElementP.setAttr = function (this: Element, name: string, value: string | number | boolean | null) {
    setAttr(this, name, value);
  };
  ElementP.setAttrs = function (this: Element, obj: Attrs) {
    setAttrs(this, obj);
  };
  ElementP.getAttr = function (this: Element, name: string) {
    return this.getAttribute(name);
  };
  ElementP.matchParent = function (this: Element, selector: string, lastParent?: Element) {
    for (let el: Element | null = this.matches(selector) ? this : this.parentElement; el && el !== lastParent; el = el.parentElement) {
      if (el.matches(selector)) return el;
    }
    return null;
  };
  ElementP.find = function (this: Element, selector: string) {
    return this.querySelector(selector);
  };
  ElementP.findAll = function (this: Element, selector: string) {
    return Array.from(this.querySelectorAll(selector));
  };
  ElementP.findAllSelf = function (this: Element, selector: string) {
    const all = Array.from(this.querySelectorAll(selector));
    return this.matches(selector) ? [this, ...all] : all;
  };
  FragmentP.find = function (this: DocumentFragment, selector: string) {
    return this.querySelector(selector);
  };
  FragmentP.findAll = function (this: DocumentFragment, selector: string) {
    return Array.from(this.querySelectorAll(selector));
  };

  const setCssProps = function (this: HTMLElement | SVGElement, props: Record<string, string>) {
    for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
  };
  const setCssStyles = function (this: HTMLElement | SVGElement, styles: Partial<CSSStyleDeclaration>) {
    Object.assign(this.style, styles);
  };
  HTMLElementP.setCssProps = setCssProps;
  HTMLElementP.setCssStyles = setCssStyles;
  SVGElementP.setCssProps = setCssProps;
  SVGElementP.setCssStyles = setCssStyles;
  HTMLElementP.show = function (this: HTMLElement) {
    this.style.removeProperty('display');
  };
  HTMLElementP.hide = function (this: HTMLElement) {
    this.setCssStyles({ display: 'none' });
  };
  HTMLElementP.toggle = function (this: HTMLElement, show: boolean) {
    if (show) this.show();
    else this.hide();
  };
  HTMLElementP.toggleVisibility = function (this: HTMLElement, visible: boolean) {
    this.style.setProperty('visibility', visible ? '' : 'hidden');
  };
  HTMLElementP.isShown = function (this: HTMLElement) {
    return this.isConnected && this.style.display !== 'none';
  };
  HTMLElementP.onClickEvent = function (this: HTMLElement, listener: (ev: MouseEvent) => unknown, options?: boolean | AddEventListenerOptions) {
    this.addEventListener('click', listener as EventListener, options);
    this.addEventListener('auxclick', listener as EventListener, options);
  };
  HTMLElementP.trigger = function (this: HTMLElement, eventType: string) {
    this.dispatchEvent(new (window as unknown as { Event: typeof Event }).Event(eventType, { bubbles: true, cancelable: true }));
  };

  w.createEl = (tag: keyof HTMLElementTagNameMap, o?: ElInfo | string, cb?: (el: HTMLElement) => void) => makeEl(document, tag, o, cb, undefined);
  w.createDiv = (o?: ElInfo | string, cb?: (el: HTMLElement) => void) => makeEl(document, 'div', o, cb, undefined);
  w.createSpan = (o?: ElInfo | string, cb?: (el: HTMLElement) => void) => makeEl(document, 'span', o, cb, undefined);
  w.createSvg = (tag: keyof SVGElementTagNameMap, o?: ElInfo | string, cb?: (el: SVGElement) => void) => makeSvg(document, tag, o, cb, undefined);
  w.createFragment = (cb?: (el: DocumentFragment) => void) => {
    const frag = document.createDocumentFragment();
    cb?.(frag);
    return frag;
  };
  w.activeDocument = document;
  w.activeWindow = window;
  w.sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  // Obsidian's resolves at the next animation frame. jsdom paints no frames (it has no layout,
  // and no media queries either, which tells it from a browser): there the next turn.
  const paints = typeof window.requestAnimationFrame === 'function' && typeof window.matchMedia === 'function';
  w.nextFrame = () => new Promise<void>((resolve) => (paints ? window.requestAnimationFrame(() => resolve()) : setTimeout(resolve, 0)));
}

/**
 * An element for the host's own widgets (views, modals, settings): a real one under jsdom;
 * without a DOM an inert stand-in on which every method call is accepted and does nothing,
 * so that a plugin can load in the node environment.
 */
export function hostEl(tag: keyof HTMLElementTagNameMap, cls?: string): HTMLElement {
  if (hasDom()) {
    installDomHelpers();
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    return el;
  }
  return inertElement();
}

function inertElement(): HTMLElement {
  const classList = { add: () => undefined, remove: () => undefined, toggle: () => false, contains: () => false };
  const fields: Record<string | symbol, unknown> = { textContent: '', value: '', children: [], childNodes: [], style: {}, dataset: {}, classList };
  const proxy: HTMLElement = new Proxy(fields, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (prop === 'then' || prop === Symbol.toPrimitive || prop === Symbol.iterator) return undefined;
      // Any method: accept the call and hand back another inert element.
      return () => inertElement();
    },
    set(target, prop, value) {
      target[prop] = value;
      return true;
    },
  }) as unknown as HTMLElement;
  return proxy;
}

/** Whether a value is a real DOM element (false for the inert stand-in). */
export function isRealElement(el: unknown): el is HTMLElement {
  return typeof HTMLElement !== 'undefined' && el instanceof HTMLElement;
}
