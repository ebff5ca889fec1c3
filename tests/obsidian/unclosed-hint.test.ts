/**
 * The hint that decides which notes without frontmatter the index's first build reads: only a
 * note whose cache says its first block is a thematic break on line 0 (what Obsidian makes of a
 * `---` that never closes), or whose cache has no sections to tell.
 */
import type { CachedMetadata, SectionCache } from 'obsidian';
import { mayOpenUnclosedBlock } from '../../src/obsidian/unclosed-hint';

function section(type: string, line: number): SectionCache {
  return { type, position: { start: { line, col: 0, offset: 0 }, end: { line, col: 3, offset: 3 } } };
}

const AT_0 = { line: 0, col: 0, offset: 0 };

test.each<[string, CachedMetadata | null, boolean]>([
  ['not in the cache yet (its changed event brings it)', null, false],
  ['a first line "---" that closes nothing', { sections: [section('thematicBreak', 0), section('paragraph', 1)] }, true],
  ['a paragraph first', { sections: [section('paragraph', 0), section('thematicBreak', 2)] }, false],
  ['a rule after a blank line', { sections: [section('thematicBreak', 1)] }, false],
  ['an empty note', { sections: [] }, false],
  ['frontmatter read', { frontmatter: { type: 'goal' }, frontmatterPosition: { start: AT_0, end: AT_0 }, sections: [section('yaml', 0)] }, false],
  ['frontmatter that cannot be read (the build reads it anyway)', { frontmatterPosition: { start: AT_0, end: AT_0 }, sections: [section('yaml', 0)] }, false],
  ['a cache without sections', {}, true],
])('%s', (_name, cache, read) => {
  expect(mayOpenUnclosedBlock(cache)).toBe(read);
});
