/**
 * Which notes the index's first build reads to find a goal whose frontmatter never closes.
 * Obsidian gives such a note neither `frontmatter` nor `frontmatterPosition` (its first line
 * reads as a thematic break), so the cached frontmatter cannot tell, and reading every note to
 * look would cost the whole vault. The cache's sections tell what the first line is unread.
 */
import type { CachedMetadata } from 'obsidian';

/** May this note open a frontmatter block that never closes? False when its cache says not. */
export function mayOpenUnclosedBlock(cache: CachedMetadata | null): boolean {
  // Not in the cache yet: its `changed` event brings the note once it is.
  if (cache === null) return false;
  if (cache.frontmatter !== undefined || cache.frontmatterPosition !== undefined) return false;
  // A cache without sections cannot tell: the note is read to find out.
  if (cache.sections === undefined) return true;
  const first = cache.sections[0];
  return first !== undefined && first.type === 'thematicBreak' && first.position.start.line === 0;
}
