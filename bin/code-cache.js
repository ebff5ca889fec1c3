// Loads a CommonJS bundle with V8's code cache kept between runs, so that later runs skip
// parsing and compiling the functions an earlier run used. On Node 22.1 and later Node's own
// compile cache does this; on Node 20 the bundle is compiled through `vm.Script` with
// `cachedData`, and the cache is written after the first run (it then holds the functions that
// run compiled, not only the top level).
//
// V8 checks its own version, flags and the source's length, but not the data itself: a damaged
// cache can crash the process. So the file holds a key (the bundle's size and time, Node's
// version and the architecture) and the data twice; a copy that differs, a short file or another
// key means the cache is ignored and written anew. Comparing two copies costs a memcmp, where
// hashing would first load the crypto module, which costs more than the cache saves.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const MAGIC = 'action-plan code cache 1\n';

/** A short name for a path, so that two checkouts never share a cache file in a shared folder. */
function tag(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** Folders to keep the cache in, the first that works: the project's, then the system's temporary one. */
function cacheFolders(bundle, folder) {
  if (folder !== undefined) return [folder];
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  const folders = [path.join(require('node:os').tmpdir(), `action-plan-cache-${uid}`)];
  // The project's own cache folder, where tools keep theirs, when it has one.
  const modules = path.join(path.dirname(bundle), '..', 'node_modules');
  if (fs.existsSync(modules)) folders.unshift(path.join(modules, '.cache', 'action-plan'));
  return folders;
}

function cacheName(bundle) {
  return `${path.basename(bundle)}-${tag(path.resolve(bundle))}.v8cache`;
}

function keyOf(stat) {
  return `${stat.size}:${stat.mtimeMs}:${process.version}:${process.arch}\n`;
}

/** The cached data in `file` for `key`, or undefined when there is none, or it is stale or damaged. */
function readCache(file, key) {
  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const head = MAGIC + key;
  const headLength = Buffer.byteLength(head);
  if (bytes.length <= headLength || bytes.toString('latin1', 0, headLength) !== head) return undefined;
  const rest = bytes.length - headLength;
  if (rest % 2 !== 0) return undefined;
  const size = rest / 2;
  const first = bytes.subarray(headLength, headLength + size);
  return first.equals(bytes.subarray(headLength + size)) ? first : undefined;
}

/** Writes aside and renames into place, so a run at the same moment reads all of a cache or none. */
function writeCache(folders, name, key, data) {
  for (const folder of folders) {
    const temporary = path.join(folder, `${name}.${process.pid}.tmp`);
    try {
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(temporary, Buffer.concat([Buffer.from(MAGIC + key, 'latin1'), data, data]));
      fs.renameSync(temporary, path.join(folder, name));
      return true;
    } catch {
      try {
        fs.unlinkSync(temporary);
      } catch {
        // nothing was written
      }
    }
  }
  return false;
}

/**
 * Requires `bundle` with a code cache.
 * @param {string} bundle absolute path of a CommonJS file
 * @param {{ folder?: string }} [options] where to keep the cache (default: see cacheFolders)
 * @returns {{ exports: any, status: 'used' | 'new' | 'node', save(): boolean }}
 *   status `used` when the cache was read, `new` when it was missing, stale or damaged, `node`
 *   when Node's own compile cache handles it; save() writes the cache after a `new` run.
 */
function loadWithCache(bundle, options = {}) {
  const folders = cacheFolders(bundle, options.folder);
  // A folder given explicitly (the tests do) keeps the path below, so it is checked on any Node.
  if (typeof Module.enableCompileCache === 'function' && options.folder === undefined) {
    Module.enableCompileCache(folders[0]);
    return { exports: require(bundle), status: 'node', save: () => false };
  }
  const vm = require('node:vm');
  const name = cacheName(bundle);
  const key = keyOf(fs.statSync(bundle));
  let cached;
  for (const folder of folders) {
    cached = readCache(path.join(folder, name), key);
    if (cached !== undefined) break;
  }
  const source = fs.readFileSync(bundle, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData: cached });
  const used = cached !== undefined && !script.cachedDataRejected;
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
  return {
    exports: module.exports,
    status: used ? 'used' : 'new',
    save: () => !used && writeCache(folders, name, key, script.createCachedData()),
  };
}

module.exports = { loadWithCache };
