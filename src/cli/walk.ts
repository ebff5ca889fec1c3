/**
 * Lists a vault folder for the command line without stopping at the first bad entry: a folder
 * that cannot be read, a file name that is not UTF-8, a symbolic link that leaves the vault or
 * loops back into it are each a problem, and the walk goes on. Hidden entries are skipped.
 * Iterative: no folder depth can overflow the stack.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { sep } from 'node:path';
import type { Problem } from '../engine/types';

export class CliError extends Error {}

/** A file of the vault: its vault path, where to read it, and why it cannot be read (if so). */
export interface VaultFile {
  path: string;
  /** The file on disk (a Buffer when its name is not UTF-8). */
  disk: string | Buffer;
  /** Set when the note cannot be read: the problem every goal that reaches it reports. */
  problem: Problem | null;
}

export interface VaultListing {
  files: VaultFile[];
  /** Problems of the vault itself (folders, links, names), all warnings. */
  problems: Problem[];
}

export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}

const SLASH = Buffer.from('/');

function warning(path: string, code: Problem['code'], message: string): Problem {
  return { path, line: 0, severity: 'warning', code, message };
}

/** The problem of a note that cannot be read; an error in each goal that reaches it. */
export function unreadable(path: string, why: string): Problem {
  return { path, line: 0, severity: 'error', code: 'unreadable-note', message: `The note cannot be read (${why}); its steps are left out.` };
}

function realOf(path: Buffer): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path.toString('utf8');
  }
}

function isInside(real: string, root: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Every file below `root`, sorted by vault path, with the problems met on the way. */
export function walkVault(root: string): VaultListing {
  let rootReal: string;
  try {
    rootReal = realpathSync.native(root);
    readdirSync(rootReal);
  } catch (e) {
    throw new CliError(`cannot read folder ${root}: ${errorCode(e)}`);
  }
  const files: VaultFile[] = [];
  const problems: Problem[] = [];
  /** Real paths of the folders walked, so a link back into one is cut. */
  const walked = new Set<string>([rootReal]);
  const stack: { disk: Buffer; prefix: string }[] = [{ disk: Buffer.from(root), prefix: '' }];
  while (stack.length > 0) {
    const { disk, prefix } = stack.pop() as { disk: Buffer; prefix: string };
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(disk, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      problems.push(warning(prefix, 'unreadable-note', `The folder cannot be read (${errorCode(e)}); the notes in it are left out.`));
      continue;
    }
    for (const entry of entries) {
      const raw = entry.name;
      if (raw[0] === 0x2e) continue; // hidden: .obsidian, .trash, .git
      const name = raw.toString('utf8');
      const path = prefix === '' ? name : `${prefix}/${name}`;
      const full = Buffer.concat([disk, SLASH, raw]);
      const utf8 = Buffer.from(name, 'utf8').equals(raw);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync.native(full);
          const st = statSync(real);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (e) {
          problems.push(warning(path, 'skipped-link', `This symbolic link leads nowhere (${errorCode(e)}); it is skipped.`));
          continue;
        }
        if (!isInside(real, rootReal)) {
          const p = warning(path, 'skipped-link', 'This symbolic link points outside the vault; it is not followed.');
          problems.push(p);
          // A goal that links the note learns why it is empty.
          if (isFile) files.push({ path, disk: full, problem: p });
          continue;
        }
        if (isDir && walked.has(real)) {
          problems.push(warning(path, 'skipped-link', 'This symbolic link leads back to a folder already read; it is not followed again.'));
          continue;
        }
        if (isDir) walked.add(real);
      }
      if (!utf8) {
        const p = unreadable(path, 'its name is not valid UTF-8');
        problems.push({ ...p, severity: 'warning' });
        if (isFile) files.push({ path, disk: full, problem: p });
        continue;
      }
      if (isDir) {
        if (!entry.isSymbolicLink()) walked.add(realOf(full));
        stack.push({ disk: full, prefix: path });
      } else if (isFile) files.push({ path, disk: full.toString('utf8'), problem: null });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}
