#!/usr/bin/env node
// The command line. It runs the bundle dist/cli.js, built by `npm install` (through `prepare`),
// `npm run build` or `npm run build:cli`. It is built here only when it is missing, or when
// ACTION_PLAN_REBUILD=1 asks for it (while changing the sources): looking at every source file
// on every run to see whether one changed would cost more than the rest of start-up.
'use strict';
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (process.env.ACTION_PLAN_REBUILD === '1' || !require('node:fs').existsSync(bundle)) {
  require('../scripts/build-cli.cjs').buildCliSync();
}
// ACTION_PLAN_CACHE_DIR: where to keep V8's code cache, if not in node_modules/.cache.
const folder = process.env.ACTION_PLAN_CACHE_DIR || undefined;
const loaded = require('./code-cache.js').loadWithCache(bundle, { folder });
loaded.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // After the run, so that the cache holds every function this run compiled.
  loaded.save();
});
