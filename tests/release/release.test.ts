/**
 * Releases (SPEC 7): the tag check the release workflow runs first, as a process over folders
 * with their own manifest.json and versions.json, and the workflow's steps in their order.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const CHECK = join(ROOT, 'scripts', 'release-check.mjs');

function check(tag: string, manifest: object, versions: object): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'action-plan-release-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'versions.json'), JSON.stringify(versions));
  const r = spawnSync(process.execPath, [CHECK, tag, dir], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('the tag check', () => {
  const manifest = { version: '1.2.3', minAppVersion: '1.7.2', author: 'Action Plan contributors', authorUrl: 'https://example.org/action-plan' };

  it('lets a tag equal to the manifest’s version, listed in versions.json, through', () => {
    expect(check('1.2.3', manifest, { '1.2.2': '1.7.2', '1.2.3': '1.7.2' }).status).toBe(0);
  });

  it.each([
    ['v1.2.3', { '1.2.3': '1.7.2' }, 'is not x.y.z'],
    ['1.2.4', { '1.2.4': '1.7.2' }, 'is not manifest.json\'s version "1.2.3"'],
    ['1.2.3', { '1.2.2': '1.7.2' }, 'versions.json has no entry for 1.2.3'],
    ['1.2.3', { '1.2.3': '1.6.0' }, "maps 1.2.3 to 1.6.0, but manifest.json's minAppVersion is 1.7.2"],
  ])('refuses the tag %s with versions %j', (tag, versions, why) => {
    const r = check(tag, manifest, versions);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(why);
  });

  it.each([
    [{ author: '' }, 'has no author'],
    [{ authorUrl: undefined }, 'has no authorUrl'],
    [{ authorUrl: 'http://example.org' }, 'has no authorUrl'],
    [{ authorUrl: 'https://' }, 'has no authorUrl'],
  ])('refuses a manifest with %j', (change, why) => {
    const r = check('1.2.3', { ...manifest, ...change }, { '1.2.3': '1.7.2' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(why);
  });

  it('judges the project’s own manifest: its version and versions.json agree, and only a missing address can stop it', () => {
    const own = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string; authorUrl?: string };
    const r = spawnSync(process.execPath, [CHECK, own.version, ROOT], { encoding: 'utf8' });
    if (own.authorUrl === undefined) expect(r.stderr).toContain('has no authorUrl');
    else expect(r.status).toBe(0);
  });
});

describe('the release workflow', () => {
  const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as {
    on: { push: { tags: string[] } };
    permissions: Record<string, string>;
    jobs: { release: { steps: { name?: string; run?: string; uses?: string; with?: Record<string, string> }[] } };
  };
  const steps = workflow.jobs.release.steps;
  const at = (what: (s: (typeof steps)[number]) => boolean): number => steps.findIndex(what);

  it('runs on tags: checks the tag, then npm ci, npm test and the build, then attests and publishes', () => {
    expect(workflow.on.push.tags).toEqual(['*']);
    const order = [
      at((s) => s.run?.includes('scripts/release-check.mjs') === true),
      at((s) => s.run === 'npm ci'),
      at((s) => s.run === 'npm test'),
      at((s) => s.run === 'npm run build'),
      at((s) => s.uses?.startsWith('actions/attest-build-provenance@') === true),
      at((s) => s.run?.includes('gh release create') === true),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('attests and publishes main.js, manifest.json and styles.css, not as a draft', () => {
    const attest = steps.find((s) => s.uses?.startsWith('actions/attest-build-provenance@') === true);
    expect(attest?.with?.['subject-path']?.trim().split('\n').map((l) => l.trim())).toEqual(['main.js', 'manifest.json', 'styles.css']);
    const publish = steps.find((s) => s.run?.includes('gh release create') === true)?.run ?? '';
    expect(publish).toMatch(/gh release create "\$TAG" main\.js manifest\.json styles\.css/);
    expect(publish).not.toContain('--draft');
    expect(workflow.permissions).toMatchObject({ contents: 'write', 'id-token': 'write', attestations: 'write' });
  });
});
