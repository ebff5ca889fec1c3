// Bundles the command line (src/cli/main.ts) into dist/cli.js, which bin/action-plan.js runs.
// Run by `npm install` (through `prepare`), `npm run build` and `npm run build:cli`.
'use strict';
const path = require('node:path');

const root = path.join(__dirname, '..');

const options = {
  entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Smaller to read and to check against the code cache; names are kept for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  outfile: path.join(root, 'dist', 'cli.js'),
  logLevel: 'warning',
};

/**
 * Builds aside and renames into place, so that a run starting at the same moment never reads
 * half a file.
 */
function buildCliSync() {
  const temporary = path.join(root, 'dist', `cli.${process.pid}.js`);
  require('esbuild').buildSync({ ...options, outfile: temporary });
  require('node:fs').renameSync(temporary, options.outfile);
}

module.exports = { buildCliSync, options };

if (require.main === module) buildCliSync();
