/** Obsidian's free functions and constants that plugin code calls. */
import { parse as parseYamlText, stringify } from 'yaml';
import { hasDom } from './dom';

/** Stands for `normalizePath`: `\` and runs of `/` become one `/`, no slash at either end, NBSP to space, NFC; empty is `/`. */
export function normalizePath(path: string): string {
  let p = path.replace(/[\\/]+/g, '/').replace(/^\/+|\/+$/g, '');
  if (p === '') p = '/';
  return p.replace(/\u00A0|\u202F/g, ' ').normalize('NFC');
}

/** Stands for `Debouncer`: call to schedule, `run()` to flush now, `cancel()` to drop. */
export interface HostDebouncer<T extends unknown[], V> {
  (...args: [...T]): HostDebouncer<T, V>;
  cancel(): HostDebouncer<T, V>;
  run(): V | void;
}

/**
 * Stands for `debounce`: `cb` runs `timeout` ms after the first call (after the last one when
 * `resetTimer`), with the last arguments. Uses the global timers, so Jest's fake timers drive it.
 */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): HostDebouncer<T, V> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastArgs: [...T] | null = null;
  const fire = (): V | void => {
    timer = null;
    const args = lastArgs;
    lastArgs = null;
    if (args === null) return;
    return cb(...args);
  };
  const debouncer = ((...args: [...T]) => {
    lastArgs = args;
    if (timer !== null && resetTimer) {
      clearTimeout(timer);
      timer = null;
    }
    if (timer === null) timer = setTimeout(fire, timeout);
    return debouncer;
  }) as HostDebouncer<T, V>;
  debouncer.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    lastArgs = null;
    return debouncer;
  };
  debouncer.run = () => {
    if (timer === null) return;
    clearTimeout(timer);
    return fire();
  };
  return debouncer;
}

/** Every `setIcon` call, in order, for tests to read; clear with `iconCalls.length = 0`. */
export const iconCalls: { el: unknown; icon: string }[] = [];

/** Stands for `setIcon`: records the call; with a DOM, puts an empty `svg.svg-icon.lucide-<id>` in `el` as Obsidian does. */
export function setIcon(parent: HTMLElement, iconId: string): void {
  iconCalls.push({ el: parent, icon: iconId });
  if (!hasDom() || !(parent instanceof HTMLElement)) return;
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', `svg-icon lucide-${iconId}`);
  parent.appendChild(svg);
}

/** Stands for `Platform`: a desktop app on Linux. */
export const Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false,
  resourcePathPrefix: 'app://local/',
};

/** Stands for `apiVersion`: the `obsidian` typings this host follows. */
export const apiVersion = '1.13.1';

/** The version `requireApiVersion` compares with: `apiVersion` unless a test plays an older app. */
const playing = { version: apiVersion };

/** Host only: makes `requireApiVersion` answer as an app of `version` would (`apiVersion` again to undo). */
export function playApiVersion(version: string): void {
  playing.version = version;
}

/** Stands for `requireApiVersion`: true when the host's API is at least `version`. */
export function requireApiVersion(version: string): boolean {
  const a = playing.version.split('.').map(Number);
  const b = version.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** Stands for `getLinkpath`: the link text without its `#subpath`. */
export function getLinkpath(linktext: string): string {
  const hash = linktext.indexOf('#');
  return hash === -1 ? linktext : linktext.slice(0, hash);
}

/** Stands for `parseLinktext`: `path#sub` split into `path` and `subpath` (with its `#`). */
export function parseLinktext(linktext: string): { path: string; subpath: string } {
  const hash = linktext.indexOf('#');
  return hash === -1 ? { path: linktext, subpath: '' } : { path: linktext.slice(0, hash), subpath: linktext.slice(hash) };
}

/** Stands for `parseYaml`: YAML 1.2 core schema, so dates stay strings; throws on bad YAML. */
export function parseYaml(yaml: string): unknown {
  return parseYamlText(yaml);
}

/** Stands for `stringifyYaml`, in the style Obsidian writes frontmatter: block style, no folding, `key:` for null. */
export function stringifyYaml(obj: unknown): string {
  return stringify(obj, { lineWidth: 0, nullStr: '' });
}
