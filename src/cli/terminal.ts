/**
 * Text from notes on a terminal: a title, a step or a file name can carry control characters
 * (ESC starts an escape sequence that can recolour, move the cursor or retitle the window; BEL,
 * CR and backspace rewrite what was shown). Every such character is replaced by a visible sign
 * before it is printed; the JSON output keeps the text exact.
 */

/** C0 controls (and DEL) become their Unicode control pictures: ESC is ␛, CR is ␍. */
function picture(c: number): string {
  return c === 0x7f ? '\u2421' : String.fromCharCode(0x2400 + c);
}

// C0, DEL, C1, and the bidirectional overrides and isolates that reorder a line.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function safe(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (ch) => {
    const c = ch.charCodeAt(0);
    return c < 0x20 || c === 0x7f ? picture(c) : '\ufffd';
  });
}
