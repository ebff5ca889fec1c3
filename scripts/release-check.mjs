// The release workflow's first step: the tag pushed must be manifest.json's version (x.y.z, no
// "v"), versions.json must map it to the manifest's minAppVersion, and the manifest must name its
// author with an https address (the community directory links to it). Exit 1, with the reason on
// standard error, when it is not so; 0 when a release may be made.
//   node scripts/release-check.mjs <tag> [folder]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function releaseProblem(tag, manifest, versions) {
  if (!/^\d+\.\d+\.\d+$/.test(tag)) return `the tag "${tag}" is not x.y.z (no "v")`;
  if (tag !== manifest.version) return `the tag "${tag}" is not manifest.json's version "${manifest.version}"`;
  if (!(tag in versions)) return `versions.json has no entry for ${tag}`;
  if (versions[tag] !== manifest.minAppVersion) return `versions.json maps ${tag} to ${versions[tag]}, but manifest.json's minAppVersion is ${manifest.minAppVersion}`;
  return authorProblem(manifest);
}

function authorProblem(manifest) {
  if (typeof manifest.author !== 'string' || manifest.author.trim() === '') return "manifest.json has no author";
  if (typeof manifest.authorUrl !== 'string' || !/^https:\/\/\S+$/.test(manifest.authorUrl)) {
    return "manifest.json has no authorUrl: set it to the project's https address (its repository or site)";
  }
  return null;
}

const [tag = '', folder = '.'] = process.argv.slice(2);
const read = (name) => JSON.parse(readFileSync(join(folder, name), 'utf8'));
const problem = releaseProblem(tag, read('manifest.json'), read('versions.json'));
if (problem !== null) {
  console.error(`::error::no release: ${problem}`);
  process.exit(1);
}
console.log(`release ${tag}: the tag, manifest.json and versions.json agree`);
