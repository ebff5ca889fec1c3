/**
 * Link resolution as Obsidian does it (`metadataCache.getFirstLinkpathDest`) for the command
 * line, where there is no metadata cache: the subpath is dropped, an empty link is the note
 * itself, then the path is tried from the vault root and from the linking note's folder, then
 * the file is found by name, case-insensitively, preferring the linking note's folder and then
 * the shortest path. Names compare as Obsidian compares them: Unicode-normalised (a name typed
 * as NFD finds the NFC file) and case-insensitively, where of two files that differ only in
 * case the one spelled exactly as the link wins.
 */

/** The form names are compared in. */
function fold(s: string): string {
  return s.normalize('NFC').toLowerCase();
}

/** Of paths that fold alike, the one spelled as `exact` (NFC), else the first. */
function pick(list: readonly string[], exact: string): string | undefined {
  if (list.length > 1) for (const p of list) if (p.normalize('NFC') === exact) return p;
  return list[0];
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function nameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}

function hasExtension(path: string): boolean {
  const name = nameOf(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1;
}

/** Joins a relative link to a folder, resolving `.` and `..`. */
function join(folder: string, rel: string): string {
  const parts = folder === '' ? [] : folder.split('/');
  for (const p of rel.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

export class LinkResolver {
  /** Folded path -> the paths that fold to it (several only when they differ in case). */
  private readonly byPath = new Map<string, string[]>();
  /** Lower-cased file name (with extension) -> paths. */
  private readonly byName = new Map<string, string[]>();

  /** Folder -> link -> where it leads ("\u0000": the linking note itself); cleared when files change. */
  private readonly byFolder = new Map<string, Map<string, string | null>>();
  /** Note path -> its folder's entry of `byFolder`. */
  private readonly bySource = new Map<string, Map<string, string | null>>();

  constructor(paths: Iterable<string> = []) {
    for (const p of paths) this.add(p);
  }

  add(path: string): void {
    const lower = fold(path);
    const same = this.byPath.get(lower);
    if (same?.includes(path)) return;
    this.byFolder.clear();
    this.bySource.clear();
    if (same !== undefined) {
      same.push(path);
      same.sort();
    } else this.byPath.set(lower, [path]);
    const name = nameOf(lower);
    const list = this.byName.get(name);
    if (list) list.push(path);
    else this.byName.set(name, [path]);
  }

  remove(path: string): void {
    const lower = fold(path);
    const same = this.byPath.get(lower);
    const at = same?.indexOf(path) ?? -1;
    if (same === undefined || at === -1) return;
    same.splice(at, 1);
    if (same.length === 0) this.byPath.delete(lower);
    this.byFolder.clear();
    this.bySource.clear();
    const name = nameOf(lower);
    const list = this.byName.get(name);
    if (!list) return;
    const i = list.indexOf(path);
    if (i !== -1) list.splice(i, 1);
    if (list.length === 0) this.byName.delete(name);
  }

  has(path: string): boolean {
    return this.byPath.has(fold(path));
  }

  /** The path a link (`Note`, `Note#Heading`, `folder/Note.md`) from `sourcePath` leads to, or null. */
  resolve(link: string, sourcePath: string): string | null {
    // Found by the note's path and the link as the notes hold them (the same strings at every
    // evaluation, their hashes kept) rather than by a key joined per call, which was hashed anew
    // each time: a fifth of a goal's evaluation on the 10 MB benchmark vault. Notes of one
    // folder share their answers, as a link resolves the same from anywhere in a folder.
    let here = this.bySource.get(sourcePath);
    if (here === undefined) {
      const folder = folderOf(sourcePath);
      here = this.byFolder.get(folder);
      if (here === undefined) this.byFolder.set(folder, (here = new Map<string, string | null>()));
      this.bySource.set(sourcePath, here);
    }
    const known = here.get(link);
    if (known !== undefined) return known === '\u0000' ? sourcePath : known;
    const found = this.lookup(link, sourcePath);
    // A link to the note itself depends on the source, not only on its folder.
    here.set(link, found === sourcePath && link.trim().startsWith('#') ? '\u0000' : found);
    return found;
  }

  private lookup(link: string, sourcePath: string): string | null {
    const hash = link.indexOf('#');
    let linkpath = (hash === -1 ? link : link.slice(0, hash)).trim().normalize('NFC');
    if (linkpath === '') return hash === -1 ? null : sourcePath;
    if (linkpath.startsWith('/')) linkpath = linkpath.slice(1);
    const lower = linkpath.toLowerCase();
    if (!lower.includes('/')) {
      // A plain name that only one file has: every rule below ends at that file.
      const only = this.byName.get(lower + '.md');
      if (only !== undefined && only.length === 1 && !this.byName.has(lower)) return only[0] ?? null;
    }
    const ext = hasExtension(lower);
    const candidates = ext ? [lower, lower + '.md'] : [lower + '.md', lower];
    const spelled = ext ? [linkpath, linkpath + '.md'] : [linkpath + '.md', linkpath];
    for (let i = 0; i < candidates.length; i++) {
      const exact = this.byPath.get(candidates[i] ?? '');
      if (exact !== undefined) return pick(exact, spelled[i] ?? '') ?? null;
    }
    const folder = folderOf(sourcePath);
    if (folder !== '') {
      const folderLower = fold(folder);
      for (let i = 0; i < candidates.length; i++) {
        const c = candidates[i] ?? '';
        const s = spelled[i] ?? '';
        const rel = this.byPath.get(c.includes('./') ? join(folderLower, c) : `${folderLower}/${c}`);
        if (rel !== undefined) return pick(rel, s.includes('./') ? join(folder.normalize('NFC'), s) : `${folder.normalize('NFC')}/${s}`) ?? null;
      }
    }
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i] ?? '';
      const list = this.byName.get(nameOf(c));
      if (!list || list.length === 0) continue;
      const suffix = c.includes('/') ? '/' + c : null;
      const name = nameOf(spelled[i] ?? '');
      let best: string | null = null;
      for (const p of list) {
        if (suffix !== null) {
          const pl = fold(p);
          if (!pl.endsWith(suffix) && pl !== c) continue;
        }
        if (best === null || better(p, best, folder, name)) best = p;
      }
      if (best !== null) return best;
    }
    return null;
  }
}

/** Is `a` a better match than `b`: in the linking note's folder, shorter, spelled as the link, first by name. */
function better(a: string, b: string, folder: string, name: string): boolean {
  const aHere = folderOf(a) === folder;
  const bHere = folderOf(b) === folder;
  if (aHere !== bHere) return aHere;
  if (a.length !== b.length) return a.length < b.length;
  const aExact = nameOf(a).normalize('NFC') === name;
  const bExact = nameOf(b).normalize('NFC') === name;
  if (aExact !== bExact) return aExact;
  return a < b;
}
