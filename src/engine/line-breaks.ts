/**
 * Line breaks as Obsidian's editor reads them: `\r\n`, `\n` and a lone `\r` each end a line.
 * The readers split lines at `\n` (and drop a `\r` before it), so a note with lone `\r` is read
 * through a copy where each lone `\r` is a `\n`: same length, so every offset and every line
 * number holds for the original text, which edits still write byte for byte.
 */
export function editorLines(text: string): string {
  // Found with indexOf rather than a shared global pattern, whose `lastIndex` would be state kept between calls.
  for (let cr = text.indexOf('\r'); cr !== -1; cr = text.indexOf('\r', cr + 2)) {
    if (text.charCodeAt(cr + 1) !== 10) return text.replace(/\r(?!\n)/g, '\n');
  }
  return text;
}
