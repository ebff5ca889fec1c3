/** `npm run preview`: the page it writes, and a clear message and no page on bad usage. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const preview = (...args: string[]): { status: number | null; stdout: string; stderr: string } =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'preview.mjs'), ...args], { encoding: 'utf8', cwd: ROOT });

describe('npm run preview', () => {
  it('writes a page with the notes and the day embedded, the bundle and the styles beside it', () => {
    const out = mkdtempSync(join(tmpdir(), 'action-plan-preview-'));
    const r = preview('demo-vault', '--today', '2026-11-25', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/index\.html: 14 notes, today 2026-11-25\n$/);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const json = /<script type="application\/json" id="action-plan-preview-data">(.*)<\/script>/.exec(html)?.[1] ?? '';
    const data = JSON.parse(json) as { today: string; notes: Record<string, string> };
    expect(data.today).toBe('2026-11-25');
    expect(data.notes['Goals/Learn Spanish.md']).toBe(readFileSync(join(ROOT, 'demo-vault', 'Goals', 'Learn Spanish.md'), 'utf8'));
    for (const f of ['preview.js', 'styles.css', 'theme.css']) expect(existsSync(join(out, f))).toBe(true);
    // The bundle asks for nothing from Node.
    expect(readFileSync(join(out, 'preview.js'), 'utf8')).not.toMatch(/require\(["']node:|require\(["'](fs|path|timers)["']\)/);
  }, 60000);

  it("embeds the vault's settings of the plugin when it has them", () => {
    const vault = mkdtempSync(join(tmpdir(), 'action-plan-preview-vault-'));
    mkdirSync(join(vault, '.obsidian', 'plugins', 'action-plan'), { recursive: true });
    const settings = { version: 1, helpTag: '#ask', nextActionsCount: 2, someday: 'kept' };
    writeFileSync(join(vault, '.obsidian', 'plugins', 'action-plan', 'data.json'), JSON.stringify(settings));
    writeFileSync(join(vault, 'Goal.md'), '---\ntype: goal\n---\n- [ ] Find a mentor #ask\n');
    const out = mkdtempSync(join(tmpdir(), 'action-plan-preview-'));
    const r = preview(vault, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/index\.html: 1 notes, the vault's settings\n$/);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const json = /<script type="application\/json" id="action-plan-preview-data">(.*)<\/script>/.exec(html)?.[1] ?? '';
    expect((JSON.parse(json) as { settings: unknown }).settings).toEqual(settings);
  }, 60000);

  it.each([
    [[], 'give the vault folder'],
    [['demo-vault', '--today', '2026-02-30'], '--today must be a real date as YYYY-MM-DD, not "2026-02-30"'],
    [['demo-vault', '--today'], '--today needs a value'],
    [['demo-vault', '--colour'], 'unknown option --colour'],
  ])('refuses %j with exit 2', (args, message) => {
    const r = preview(...args);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`preview: ${message}`);
  });

  it('says when the vault cannot be read, with exit 1', () => {
    const r = preview(join(tmpdir(), 'no-such-vault-here'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^preview: cannot read the vault /);
  });
});
