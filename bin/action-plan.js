#!/usr/bin/env node
// The command line. It runs the bundle in dist/ (built by `npm install` through `prepare`);
// when that bundle is missing or older than the sources, it is rebuilt first.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

function stale() {
  if (!fs.existsSync(bundle)) return true;
  const src = path.join(root, 'src');
  if (!fs.existsSync(src)) return false;
  return newestSource(src) > fs.statSync(bundle).mtimeMs;
}

if (stale()) {
  // Built aside and renamed into place, so a second run at the same moment never reads half a file.
  const temporary = path.join(root, 'dist', `cli.${process.pid}.js`);
  require('esbuild').buildSync({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: temporary,
    logLevel: 'warning',
  });
  fs.renameSync(temporary, bundle);
}
require(bundle).main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
