// `npm run fuzz [-- --notes N --seed S]`: the fuzzer of tests/robust/fuzz.ts in full (100,000
// notes by default), bundled with esbuild and run in one process; exits 1 on any failure.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out', 'fuzz.cjs');
await build({
  stdin: {
    contents: `
      const { fuzz } = require('./tests/robust/fuzz.ts');
      const arg = (name, d) => { const i = process.argv.indexOf(name); return i === -1 ? d : Number(process.argv[i + 1]); };
      const notes = arg('--notes', 100000), seed = arg('--seed', 20261129);
      const t = Date.now();
      const s = fuzz(seed, notes, 40, 25);
      const secs = ((Date.now() - t) / 1000).toFixed(1);
      console.log('fuzz: seed ' + seed + ', ' + s.vaults + ' vaults, ' + s.notes + ' notes, ' + s.goals + ' goals, ' + s.cliRuns + ' command-line runs on disk, ' + secs + ' s, ' + s.failures.length + ' failures');
      for (const f of s.failures.slice(0, 20)) console.log('  ' + f);
      process.exitCode = s.failures.length > 0 ? 1 : 0;
    `,
    resolveDir: root,
    loader: 'js',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: out,
  logLevel: 'warning',
});
const r = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
