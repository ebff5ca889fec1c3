// `npm run preview -- <vault> [--today YYYY-MM-DD] [--out DIR]`: a static page that runs the real
// plugin over the vault's notes in a browser, on the test host of the Obsidian API.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function usage(message) {
  console.error(`preview: ${message}\nusage: npm run preview -- <vault> [--today YYYY-MM-DD] [--out DIR]`);
  process.exit(2);
}

/** A real calendar date written YYYY-MM-DD. */
function isDay(v) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function parseArgs(argv) {
  const opts = { vault: null, today: null, out: join(root, 'preview') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--today' || a === '--out') {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      if (a === '--today') {
        if (!isDay(v)) usage(`--today must be a real date as YYYY-MM-DD, not "${v}"`);
        opts.today = v;
      } else opts.out = resolve(v);
    } else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (opts.vault === null) opts.vault = resolve(a);
    else usage(`one vault only (got "${a}" too)`);
  }
  if (opts.vault === null) usage('give the vault folder');
  return opts;
}

/** Markdown notes of a folder by vault path, hidden files and folders left out. */
function readNotes(dir) {
  const notes = {};
  const walk = (abs) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const child = join(abs, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && entry.name.endsWith('.md')) notes[relative(dir, child).split('\\').join('/').normalize('NFC')] = readFileSync(child, 'utf8');
    }
  };
  walk(dir);
  return notes;
}

/** The plugin's settings saved in the vault (`.obsidian/plugins/action-plan/data.json`), or null. */
function readSettings(dir) {
  const file = join(dir, '.obsidian', 'plugins', 'action-plan', 'data.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read the settings ${file}: ${e.message}`);
  }
}

/** esbuild: the host's Node platform module becomes its browser twin. */
const browserHost = {
  name: 'browser-host',
  setup(b) {
    b.onResolve({ filter: /platform\/node$/ }, () => ({ path: join(root, 'tests', 'host', 'platform', 'browser.ts') }));
  },
};

/** JSON inside a <script> element: nothing in it may close the element. */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

export async function buildPreview({ vault, today = null, out = join(root, 'preview') }) {
  let notes;
  try {
    notes = readNotes(vault);
  } catch (e) {
    throw new Error(`cannot read the vault ${vault}: ${e.message}`);
  }
  const settings = readSettings(vault);
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, 'tests', 'preview', 'page.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2021',
    outfile: join(out, 'preview.js'),
    alias: { obsidian: join(root, 'tests', 'host', 'obsidian-stub.ts') },
    plugins: [browserHost],
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'styles.css'), join(out, 'styles.css'));
  copyFileSync(join(root, 'tests', 'preview', 'theme.css'), join(out, 'theme.css'));
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Action Plan preview</title>
<link rel="stylesheet" href="theme.css">
<link rel="stylesheet" href="styles.css">
<script type="application/json" id="action-plan-preview-data">${scriptJson({ today, notes, settings })}</script>
</head>
<body>
<script src="preview.js"></script>
</body>
</html>
`;
  writeFileSync(join(out, 'index.html'), html);
  return { page: join(out, 'index.html'), notes: Object.keys(notes).length, settings: settings !== null };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const opts = parseArgs(process.argv.slice(2));
  try {
    const { page, notes, settings } = await buildPreview(opts);
    console.log(`${relative(process.cwd(), page) || page}: ${notes} notes${settings ? ', the vault\'s settings' : ''}${opts.today ? `, today ${opts.today}` : ''}`);
  } catch (e) {
    console.error(`preview: ${e.message}`);
    process.exit(1);
  }
}
