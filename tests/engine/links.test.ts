/** Link resolution agrees with what Obsidian resolved for the peer-data notes. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinkResolver } from '../../src/engine/read/links';
import { PEER_DATA } from '../peer-data';

const DIR = join(PEER_DATA, 'obsidian-cache');

interface Peer {
  filePath: string;
  resolveLinkToPath?: Record<string, string | null>;
}

const peers = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Peer);

// The vault those notes came from: every note, and every file a link resolved to.
const paths = new Set<string>();
for (const p of peers) {
  paths.add(p.filePath);
  for (const target of Object.values(p.resolveLinkToPath ?? {})) if (target) paths.add(target);
}
const resolver = new LinkResolver(paths);

const cases = peers.flatMap((p) => Object.entries(p.resolveLinkToPath ?? {}).map(([link, expected]) => [p.filePath, link, expected] as const));

describe('link resolution', () => {
  it('has cases from the peer data', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)('from %s, [[%s]] resolves to %s', (from, link, expected) => {
    expect(resolver.resolve(link, from)).toBe(expected);
  });

  it('prefers the linking note’s folder, then the shortest path, when a name is not unique', () => {
    const r = new LinkResolver(['A/Plan.md', 'B/C/Plan.md', 'B/Other.md', 'Plan.pdf']);
    expect(r.resolve('Plan', 'B/C/Goal.md')).toBe('B/C/Plan.md');
    expect(r.resolve('Plan', 'B/Other.md')).toBe('A/Plan.md');
    expect(r.resolve('C/Plan', 'A/x.md')).toBe('B/C/Plan.md');
    expect(r.resolve('plan.pdf', 'A/x.md')).toBe('Plan.pdf');
    expect(r.resolve('../A/Plan.md', 'B/Other.md')).toBe('A/Plan.md');
  });

  it('forgets a removed file', () => {
    const r = new LinkResolver(['A/Plan.md']);
    r.remove('A/Plan.md');
    expect(r.resolve('Plan', 'x.md')).toBeNull();
  });
});
