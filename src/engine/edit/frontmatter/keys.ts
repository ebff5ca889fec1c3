/**
 * Setting a top-level frontmatter key (`status`, `target`) line by line (SPEC 2.6, 6): only the
 * value's bytes change, the spacing and a comment after it stay; a missing key becomes the last
 * frontmatter line.
 */
import { applyLineEdits, frontmatterLines, needsFallback, replaceInLine, topKeys, type EditResult, type Line } from './lines';

/** A word or date written as the old value was quoted (plain when it was plain). */
function quotedLike(kind: string, value: string): string {
  if (kind === 'double') return `"${value}"`;
  if (kind === 'single') return `'${value}'`;
  return value;
}

/**
 * Sets `key` to `value`, a string that reads back as itself written plain (a status word or a
 * `YYYY-MM-DD` date). Declines shapes it cannot edit line by line.
 */
export function setFrontmatterKey(text: string, key: string, value: string): EditResult {
  const fm = frontmatterLines(text);
  if (fm === null) return needsFallback('the note has no frontmatter');
  const keys = topKeys(fm);
  if (typeof keys === 'string') return needsFallback(keys);
  const found = keys.filter((k) => k.key === key);
  if (found.length > 1) return needsFallback(`"${key}" is given twice`);
  const k = found[0];
  if (k === undefined) {
    return applyLineEdits(text, [{ line: fm.closeLine, remove: 0, insert: [`${key}: ${value}${fm.eol}`] }]);
  }
  if (k.last !== k.at) return needsFallback(`"${key}" has a value over several lines`);
  if (k.value.kind === 'other') return needsFallback(`"${key}" has a value in a shape that is not a plain scalar`);
  const line = fm.lines[k.at] as Line;
  const written = k.value.kind === 'empty' ? ` ${value}` : quotedLike(k.value.kind, value);
  return applyLineEdits(text, [{ line: line.no, remove: 1, insert: [replaceInLine(text, line, k.value.from, k.value.to, written)] }]);
}
