// `npm run bench`: bundles bench/bench.ts with esbuild and runs it with a collectable heap. The
// command line's bundle is built first, as the processes it times run it.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
createRequire(import.meta.url)('../scripts/build-cli.cjs').buildCliSync();
const out = join(here, 'out', 'bench.cjs');
await build({
  entryPoints: [join(here, 'bench.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: out,
  external: ['obsidian'],
  logLevel: 'warning',
  alias: { obsidian: join(here, '..', 'tests', 'host', 'obsidian-stub.ts') },
});
// `view` is the plan view in Chromium (bench/view-bench.mjs), `timeline` the timeline there
// (bench/timeline-bench.mjs); the rest are the engine's sizes.
const args = process.argv.slice(2);
const browser = [
  ['view', 'view-bench.mjs'],
  ['timeline', 'timeline-bench.mjs'],
];
const engineArgs = args.filter((a) => !browser.some(([name]) => name === a));
let status = 0;
if (args.length === 0 || engineArgs.length > 0) {
  const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', out, ...engineArgs], { stdio: 'inherit' });
  status = result.status ?? 1;
}
for (const [name, script] of browser) {
  if (status !== 0 || (args.length > 0 && !args.includes(name))) continue;
  const result = spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit' });
  status = result.status ?? 1;
}
process.exit(status);
