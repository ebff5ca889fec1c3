/**
 * The browser's side of `node.ts` for the preview page: the page has no fake timers, so the
 * window's own timers are the real ones; there is no disk, so notes come embedded in the page.
 */
const timeout = globalThis.setTimeout.bind(globalThis);

export const realSetTimeout = (fn: () => void, ms: number): void => void timeout(fn, ms);

/** A later turn of the event loop: a message on a channel runs before timers clamp to 4 ms. */
export const realSetImmediate = (() => {
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  return (fn: () => void): void => {
    queue.push(fn);
    channel.port2.postMessage(null);
  };
})();

export function readFolder(dir: string): Record<string, string> {
  throw new Error(`[test host] no disk in the browser: cannot read ${dir}; embed the notes instead`);
}
