/**
 * Following the vault's events: the metadata cache's `changed` and `resolved`, the vault's
 * `create`, `rename` and `delete`, subscribed together and let go together.
 */
import type { CachedMetadata, EventRef, MetadataCache, TAbstractFile, TFile, Vault } from 'obsidian';

export interface IndexHost {
  vault: Vault;
  metadataCache: MetadataCache;
}

/** What the live index does on each event. */
export interface VaultEventHandlers {
  changed(file: TFile, data: string, cache: CachedMetadata): void;
  resolved(): void;
  created(file: TAbstractFile): void;
  renamed(file: TAbstractFile, oldPath: string): void;
  deleted(file: TAbstractFile): void;
}

/** Subscribes the handlers to the host's events; returns the function that unsubscribes them all. */
export function followVault(host: IndexHost, on: VaultEventHandlers): () => void {
  const { vault, metadataCache } = host;
  const refs: { source: Vault | MetadataCache; ref: EventRef }[] = [
    { source: metadataCache, ref: metadataCache.on('changed', (file, data, cache) => on.changed(file, data, cache)) },
    { source: metadataCache, ref: metadataCache.on('resolved', () => on.resolved()) },
    { source: vault, ref: vault.on('create', (file) => on.created(file)) },
    { source: vault, ref: vault.on('rename', (file, oldPath) => on.renamed(file, oldPath)) },
    { source: vault, ref: vault.on('delete', (file) => on.deleted(file)) },
  ];
  return () => {
    for (const { source, ref } of refs.splice(0)) source.offref(ref);
  };
}
