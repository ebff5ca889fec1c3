// `npm run demo`: builds the plugin and the command line, prints the demo vault's report, and
// installs the built plugin into demo-vault/.obsidian/plugins/action-plan/ so the folder can
// be opened as a vault in Obsidian.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(['esbuild.config.mjs', 'production']);
const target = join(root, 'demo-vault', '.obsidian', 'plugins', 'action-plan');
mkdirSync(target, { recursive: true });
for (const f of ['main.js', 'manifest.json', 'styles.css']) copyFileSync(join(root, f), join(target, f));
run(['bin/action-plan.js', 'report', 'demo-vault', ...(process.argv.includes('--today') ? [] : ['--today', '2026-11-25']), ...process.argv.slice(2)]);
console.error(`\nThe plugin is installed in ${target}; open demo-vault/ as a vault in Obsidian to see it.`);
