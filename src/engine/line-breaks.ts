/**
 * Line breaks as Obsidian's editor reads them: `\r\n`, `\n` and a lone `\r` each end a line.
 * The readers split lines at `\n` (and drop a `\r` before it), so a note with lone `\r` is read
 * through a copy where each lone `\r` is a `\n`: same length, so every offset and every line
 * number holds for the original text, which edits still write byte for byte.
 */
const LONE_CR = /\r(?!\n)/g;

export function editorLines(text: string): string {
  const cr = text.indexOf('\r');
  if (cr === -1) return text;
  LONE_CR.lastIndex = cr;
  if (!LONE_CR.test(text)) return text;
  return text.replace(LONE_CR, '\n');
}
