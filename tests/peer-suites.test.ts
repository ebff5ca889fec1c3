/** Every suite that reads the peer data is one that a release build may leave out (tests/peer-suites.cjs). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the list is CommonJS, shared with jest.config.cjs
const PEER_SUITES = require('./peer-suites.cjs') as string[];

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [relative(ROOT, path)] : [];
  });
}

it('lists exactly the suites that import the peer data', () => {
  const readers = testFiles(join(ROOT, 'tests')).filter((f) => /from '(\.\.\/)+peer-data'/.test(readFileSync(join(ROOT, f), 'utf8')));
  expect(readers.sort()).toEqual([...PEER_SUITES].sort());
});
