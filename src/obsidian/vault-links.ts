/**
 * Where the links of a note lead, as Obsidian's metadata cache resolves them, kept until a file
 * is created, renamed or deleted (where a link leads depends on the files of the vault alone).
 */
import type { MetadataCache, TFile, Vault } from 'obsidian';
import type { NoteData } from '../engine/types';

export class VaultLinks {
  /** Note path -> link -> where it leads. */
  private readonly memo = new Map<string, Map<string, string | null>>();

  constructor(private readonly host: { vault: Vault; metadataCache: MetadataCache }) {}

  /** Files were created, renamed or deleted: links may lead elsewhere now. */
  forget(): void {
    this.memo.clear();
  }

  /** Where a link leads, as Obsidian resolves it; `#Heading` alone is the note itself. */
  resolve(link: string, from: string): string | null {
    let fromHere = this.memo.get(from);
    if (fromHere === undefined) this.memo.set(from, (fromHere = new Map<string, string | null>()));
    let to = fromHere.get(link);
    if (to === undefined) {
      const hash = link.indexOf('#');
      const linkpath = hash === -1 ? link : link.slice(0, hash);
      if (linkpath.trim() === '') to = hash === -1 ? null : from;
      else to = this.host.metadataCache.getFirstLinkpathDest(linkpath, from)?.path ?? null;
      fromHere.set(link, to);
    }
    return to;
  }

  /** Markdown files the note's steps link to. */
  linkedFiles(note: NoteData): TFile[] {
    const out: TFile[] = [];
    for (const step of note.steps) {
      if (step.links === null) continue;
      for (const link of step.links) {
        const path = this.resolve(link, note.path);
        if (path === null || path === note.path || !path.toLowerCase().endsWith('.md')) continue;
        const file = this.host.vault.getFileByPath(path);
        if (file !== null) out.push(file);
      }
    }
    return out;
  }
}
