/** The plugin writes notes in one place (SPEC 2.7): no other file calls the vault's writers. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

test('only the one note writer calls vault.process, processFrontMatter or modify', () => {
  const writers = sources(join(ROOT, 'src')).filter((f) => /\.process\(|processFrontMatter\(|\.modify\(/.test(readFileSync(f, 'utf8')));
  expect(writers.map((f) => relative(ROOT, f).split('\\').join('/'))).toEqual(['src/obsidian/note-writer.ts']);
});
