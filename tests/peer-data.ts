/**
 * Where the peer data is: what Obsidian and the Tasks plugin themselves produced, kept beside
 * the project in `../shared/peer-data/` (not copied into it). `ACTION_PLAN_PEER_DATA` overrides;
 * a clone elsewhere on this machine finds it at `/work/shared/peer-data`. Missing data fails the
 * tests that need it, loudly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { CachedMetadata } from 'obsidian';
import { join } from 'node:path';

function locate(): string {
  const candidates = [
    process.env['ACTION_PLAN_PEER_DATA'],
    join(__dirname, '..', '..', 'shared', 'peer-data'),
    '/work/shared/peer-data',
  ].filter((c): c is string => c !== undefined && c !== '');
  const found = candidates.find((c) => existsSync(join(c, 'obsidian-cache')));
  if (found === undefined) throw new Error(`The peer data is not in any of: ${candidates.join(', ')}. Set ACTION_PLAN_PEER_DATA.`);
  return found;
}

export const PEER_DATA = locate();

/** A note of the peer data with the metadata Obsidian computed for it. */
export interface PeerNote {
  path: string;
  text: string;
  cache: CachedMetadata;
}

/** Every note of `obsidian-cache/`, by path, in the order of their files. */
export function peerNotes(): PeerNote[] {
  const folder = join(PEER_DATA, 'obsidian-cache');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const d = JSON.parse(readFileSync(join(folder, f), 'utf8')) as { filePath: string; fileContents: string; cachedMetadata: CachedMetadata };
      return { path: d.filePath, text: d.fileContents, cache: d.cachedMetadata };
    });
}
