/** A note's frontmatter as the engine wants it, from Obsidian's metadata cache (or, where the cache cannot see it, the note's text). */
import { parseYaml, type CachedMetadata } from 'obsidian';
import type { FrontmatterInput } from '../engine/read/frontmatter';
import { editorLines } from '../engine/read/lines';
import { scanFrontmatterBlock } from '../engine/read/markdown';

/**
 * The frontmatter of a note with lone-CR line endings, read from its text: YAML sees no line in
 * `\r` alone, so the cache's block is one long line. Read as the editor's lines, as the body is.
 */
function loneCrFrontmatter(text: string): FrontmatterInput {
  const block = scanFrontmatterBlock(text);
  if (block === null) return null;
  const source = editorLines(text.slice(block.textStart, block.textEnd));
  if (source.trim() === '') return null;
  try {
    const data: unknown = parseYaml(source);
    if (data === null || data === undefined) return {};
    return typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Frontmatter as the engine wants it, from Obsidian's cache. */
export function frontmatterFromCache(cache: CachedMetadata | null, text?: string): FrontmatterInput {
  if (cache === null) return null;
  if (text !== undefined && editorLines(text) !== text) return loneCrFrontmatter(text);
  const pos = cache.frontmatterPosition;
  // A block the cache found on one line holds lone-CR line breaks: only its text can tell.
  if (text === undefined && pos !== undefined && pos.end.line === pos.start.line) return 'unreadable';
  if (cache.frontmatter !== undefined) return cache.frontmatter;
  if (pos === undefined) return null;
  if (text !== undefined) {
    // An empty block is no frontmatter, not a broken one.
    const lines = text.split('\n').slice(pos.start.line + 1, pos.end.line);
    if (lines.every((l) => l.trim() === '')) return null;
  }
  return 'unreadable';
}

