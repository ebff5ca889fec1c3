/** Frontmatter: `---` on the first line up to the next `---` line. */
import { isBlankFrom } from './blocks';
import { editorLines } from './lines';

export interface FrontmatterBlock {
  /** Lines of the YAML between the `---` fences (exclusive). */
  from: number;
  to: number;
  /** Offsets of the YAML text. */
  textStart: number;
  textEnd: number;
}

export function scanFrontmatterBlock(source: string): FrontmatterBlock | null {
  const text = editorLines(source);
  // A byte-order mark before the fence does not count.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom)) return null;
  let eol = text.indexOf('\n');
  if (eol === -1) return null;
  if (!isBlankFrom(text, bom + 3, text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol)) return null;
  let line = 1;
  const textStart = eol + 1;
  let pos = textStart;
  while (pos <= text.length) {
    eol = text.indexOf('\n', pos);
    const end = eol === -1 ? text.length : eol;
    const e = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (e - pos >= 3 && text.startsWith('---', pos) && isBlankFrom(text, pos + 3, e)) {
      return { from: 1, to: line, textStart, textEnd: pos };
    }
    if (eol === -1) break;
    pos = eol + 1;
    line++;
  }
  return null;
}
