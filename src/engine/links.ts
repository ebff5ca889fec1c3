/**
 * Link resolution as Obsidian does it (`metadataCache.getFirstLinkpathDest`) for the command
 * line, where there is no metadata cache: the subpath is dropped, an empty link is the note
 * itself, then the path is tried from the vault root and from the linking note's folder, then
 * the file is found by name, case-insensitively, preferring the linking note's folder and then
 * the shortest path.
 */

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
  /** Lower-cased path -> path. */
  private readonly byPath = new Map<string, string>();
  /** Lower-cased file name (with extension) -> paths. */
  private readonly byName = new Map<string, string[]>();

  /** Resolutions already made, by source folder and link; cleared when files change. */
  private readonly memo = new Map<string, string | null>();

  constructor(paths: Iterable<string> = []) {
    for (const p of paths) this.add(p);
  }

  add(path: string): void {
    const lower = path.toLowerCase();
    if (this.byPath.has(lower)) return;
    this.memo.clear();
    this.byPath.set(lower, path);
    const name = nameOf(lower);
    const list = this.byName.get(name);
    if (list) list.push(path);
    else this.byName.set(name, [path]);
  }

  remove(path: string): void {
    const lower = path.toLowerCase();
    if (!this.byPath.delete(lower)) return;
    this.memo.clear();
    const name = nameOf(lower);
    const list = this.byName.get(name);
    if (!list) return;
    const i = list.indexOf(path);
    if (i !== -1) list.splice(i, 1);
    if (list.length === 0) this.byName.delete(name);
  }

  has(path: string): boolean {
    return this.byPath.has(path.toLowerCase());
  }

  /** The path a link (`Note`, `Note#Heading`, `folder/Note.md`) from `sourcePath` leads to, or null. */
  resolve(link: string, sourcePath: string): string | null {
    const key = folderOf(sourcePath) + '\u0000' + link;
    const known = this.memo.get(key);
    if (known !== undefined) return known === '\u0000' ? sourcePath : known;
    const found = this.lookup(link, sourcePath);
    // A link to the note itself depends on the source, not only on its folder.
    this.memo.set(key, found === sourcePath && link.trim().startsWith('#') ? '\u0000' : found);
    return found;
  }

  private lookup(link: string, sourcePath: string): string | null {
    const hash = link.indexOf('#');
    let linkpath = (hash === -1 ? link : link.slice(0, hash)).trim();
    if (linkpath === '') return hash === -1 ? null : sourcePath;
    if (linkpath.startsWith('/')) linkpath = linkpath.slice(1);
    const lower = linkpath.toLowerCase();
    if (!lower.includes('/')) {
      // A plain name that only one file has: every rule below ends at that file.
      const only = this.byName.get(lower + '.md');
      if (only !== undefined && only.length === 1 && !this.byName.has(lower)) return only[0] ?? null;
    }
    const candidates = hasExtension(lower) ? [lower, lower + '.md'] : [lower + '.md', lower];
    for (const c of candidates) {
      const exact = this.byPath.get(c);
      if (exact !== undefined) return exact;
    }
    const folder = folderOf(sourcePath);
    if (folder !== '') {
      const folderLower = folder.toLowerCase();
      for (const c of candidates) {
        const rel = this.byPath.get(c.includes('./') ? join(folderLower, c) : `${folderLower}/${c}`);
        if (rel !== undefined) return rel;
      }
    }
    for (const c of candidates) {
      const list = this.byName.get(nameOf(c));
      if (!list || list.length === 0) continue;
      const suffix = c.includes('/') ? '/' + c : null;
      let best: string | null = null;
      for (const p of list) {
        if (suffix !== null) {
          const pl = p.toLowerCase();
          if (!pl.endsWith(suffix) && pl !== c) continue;
        }
        if (best === null || better(p, best, folder)) best = p;
      }
      if (best !== null) return best;
    }
    return null;
  }
}

function better(a: string, b: string, folder: string): boolean {
  const aHere = folderOf(a) === folder;
  const bHere = folderOf(b) === folder;
  if (aHere !== bHere) return aHere;
  if (a.length !== b.length) return a.length < b.length;
  return a < b;
}
