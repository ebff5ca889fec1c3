/**
 * What the test host takes from Node: timers that Jest's fake timers leave alone, and reading a
 * folder of notes. The browser build of the host (the preview page) swaps this module for
 * `browser.ts`, which offers the same names without Node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate, setTimeout } from 'node:timers';

/** `setTimeout` as the machine has it, whatever Jest's fake timers did to the global one. */
export const realSetTimeout = (fn: () => void, ms: number): void => void setTimeout(fn, ms);

/** A later turn of the event loop, on the real timers. */
export const realSetImmediate = (fn: () => void): void => void setImmediate(fn);

/** Every file of a folder on disk (read as UTF-8) by vault path, hidden files and folders left out. */
export function readFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (abs: string, rel: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const childAbs = join(abs, entry.name);
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(childAbs, childRel);
      else if (entry.isFile()) files[childRel.normalize('NFC')] = readFileSync(childAbs, 'utf8');
    }
  };
  walk(dir, '');
  return files;
}
