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

/** What a walk has found so far, and the real paths of the folders walked (a link back into one is cut). */
interface Walk {
  rootReal: string;
  walked: Set<string>;
  files: VaultFile[];
  problems: Problem[];
  stack: { disk: Buffer; prefix: string }[];
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
  const w: Walk = { rootReal, walked: new Set([rootReal]), files: [], problems: [], stack: [{ disk: Buffer.from(root), prefix: '' }] };
  while (w.stack.length > 0) {
    const { disk, prefix } = w.stack.pop() as { disk: Buffer; prefix: string };
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(disk, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      w.problems.push(warning(prefix, 'unreadable-note', `The folder cannot be read (${errorCode(e)}); the notes in it are left out.`));
      continue;
    }
    for (const entry of entries) visit(w, disk, prefix, entry);
  }
  const { files, problems } = w;
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}

/** One entry of a folder: a file into the listing, a folder onto the stack; hidden ones skipped. */
function visit(w: Walk, disk: Buffer, prefix: string, entry: Dirent<Buffer>): void {
  const raw = entry.name;
  if (raw[0] === 0x2e) return; // hidden: .obsidian, .trash, .git
  const name = raw.toString('utf8');
  const path = prefix === '' ? name : `${prefix}/${name}`;
  const full = Buffer.concat([disk, SLASH, raw]);
  const kind = entry.isSymbolicLink() ? followLink(w, full, path) : { isDir: entry.isDirectory(), isFile: entry.isFile() };
  if (kind === null) return;
  if (!Buffer.from(name, 'utf8').equals(raw)) {
    const p = unreadable(path, 'its name is not valid UTF-8');
    w.problems.push({ ...p, severity: 'warning' });
    if (kind.isFile) w.files.push({ path, disk: full, problem: p });
    return;
  }
  if (kind.isDir) {
    if (!entry.isSymbolicLink()) w.walked.add(realOf(full));
    w.stack.push({ disk: full, prefix: path });
  } else if (kind.isFile) w.files.push({ path, disk: full.toString('utf8'), problem: null });
}

/** What a symbolic link leads to inside the vault; null when it is skipped (its problem noted). */
function followLink(w: Walk, full: Buffer, path: string): { isDir: boolean; isFile: boolean } | null {
  let real: string;
  let isDir: boolean;
  let isFile: boolean;
  try {
    real = realpathSync.native(full);
    const st = statSync(real);
    isDir = st.isDirectory();
    isFile = st.isFile();
  } catch (e) {
    w.problems.push(warning(path, 'skipped-link', `This symbolic link leads nowhere (${errorCode(e)}); it is skipped.`));
    return null;
  }
  if (!isInside(real, w.rootReal)) {
    const p = warning(path, 'skipped-link', 'This symbolic link points outside the vault; it is not followed.');
    w.problems.push(p);
    // A goal that links the note learns why it is empty.
    if (isFile) w.files.push({ path, disk: full, problem: p });
    return null;
  }
  if (isDir && w.walked.has(real)) {
    w.problems.push(warning(path, 'skipped-link', 'This symbolic link leads back to a folder already read; it is not followed again.'));
    return null;
  }
  if (isDir) w.walked.add(real);
  return { isDir, isFile };
}
