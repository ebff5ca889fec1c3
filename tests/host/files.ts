/**
 * Obsidian's file objects. As in Obsidian, one object stands for a file for its whole life:
 * a rename changes `path`, `name`, `basename`, `extension` and `parent` of the same object.
 */
import type { FileStats, Vault } from 'obsidian';

/** Stands for Obsidian's `TAbstractFile`: a vault path with its name and parent folder. */
export abstract class TAbstractFile {
  vault!: Vault;
  path = '';
  name = '';
  parent: TFolder | null = null;
}

/** Stands for Obsidian's `TFile`: `basename` is the name without the last extension. */
export class TFile extends TAbstractFile {
  stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
  basename = '';
  extension = '';
}

/** Stands for Obsidian's `TFolder`; the root folder has path `/` and name `''`. */
export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];

  isRoot(): boolean {
    return this.path === '/';
  }
}

/** Sets path-derived fields the way Obsidian does on create and rename. */
export function setFilePath(file: TAbstractFile, path: string): void {
  file.path = path;
  const slash = path.lastIndexOf('/');
  file.name = path === '/' ? '' : slash === -1 ? path : path.slice(slash + 1);
  if (file instanceof TFile) {
    const dot = file.name.lastIndexOf('.');
    // A leading dot is part of the name, not an extension (".gitignore" has none).
    file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
    file.extension = dot > 0 ? file.name.slice(dot + 1) : '';
  }
}

/** The folder part of a path: `''` for a top-level file. */
export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}
