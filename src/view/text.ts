/** How the view words a step's text. */

/** A wikilink (`[[Note|alias]]`, `![[embed]]`) or a Markdown link (`[text](url)`). */
const LINK = /!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]|\[([^\]]*)\]\([^)]*\)/g;

function linkName(target: string, alias: string | undefined): string {
  if (alias !== undefined && alias.trim() !== '') return alias;
  const [path = '', part] = target.split('#');
  const name = path.slice(path.lastIndexOf('/') + 1);
  return part === undefined ? name : name === '' ? part : `${name} › ${part}`;
}

/** A piece of a step's text: words, or a link read as its name. */
type Piece = { link: false; words: string } | { link: true; name: string };

/** The text cut into words and links, the help tag left out of the words. */
function pieces(text: string, helpTag: string | null): Piece[] {
  const lower = helpTag?.toLowerCase() ?? '';
  const out: Piece[] = [];
  const words = (s: string): void => {
    const kept = s.split(' ').filter((w) => w !== '' && (lower === '' || w.toLowerCase() !== lower));
    if (kept.length > 0) out.push({ link: false, words: kept.join(' ') });
  };
  let at = 0;
  for (const m of text.matchAll(LINK)) {
    words(text.slice(at, m.index));
    out.push({ link: true, name: m[3] ?? linkName(m[1] ?? '', m[2]) });
    at = m.index + m[0].length;
  }
  words(text.slice(at));
  return out;
}

function joined(list: readonly Piece[]): string {
  return list
    .map((p) => (p.link ? p.name : p.words))
    .filter((s) => s.trim() !== '')
    .join(' ');
}

/**
 * A step's text as the view shows it: links read as their text (`[[Note|alias]]` → alias,
 * `[[Folder/Note#Part]]` → Note › Part, `[text](url)` → text), and the help tag left to the badge.
 * `dropLinks`: the row's link marker already says the step leads to a note, so its links are
 * left out (unless nothing else is left).
 */
export function displayText(text: string, helpTag: string | null, dropLinks = false): string {
  const all = pieces(text, helpTag);
  const shown = joined(dropLinks ? all.filter((p) => !p.link) : all);
  if (shown !== '') return shown;
  return dropLinks ? displayText(text, helpTag) : text;
}

/** The names of a step's links, as `displayText` reads them, in the order they stand. */
export function linkNames(text: string): string[] {
  return pieces(text, null).flatMap((p) => (p.link && p.name.trim() !== '' ? [p.name] : []));
}

/** A step's words, and the names of the links that end it, shown apart from them. */
export interface StepWords {
  text: string;
  links: string[];
}

/**
 * A step's text with the links that end it taken apart, so that a link's name never runs into
 * the words before it ("Book a lesson" and "Spanish tutors", not "Book a lesson Spanish
 * tutors"); a link inside the sentence reads as its words. A text that is only links is shown
 * as their names. The help tag is left to the badge.
 */
export function stepWords(text: string, helpTag: string | null): StepWords {
  const all = pieces(text, helpTag);
  let end = all.length;
  while (end > 0 && all[end - 1]?.link === true) end--;
  if (end === 0) return { text: displayText(text, helpTag), links: [] };
  const links = all.slice(end).map((p) => (p.link ? p.name : '')).filter((n) => n.trim() !== '');
  return { text: joined(all.slice(0, end)), links };
}

/**
 * A part of a row laid out beside the others in a flex box, after a space: the space is not
 * drawn there, but it keeps the parts' words apart in the row's text, as assistive technology
 * and checks of the row's name read it.
 */
export function rowPart(parent: HTMLElement, cls: string, text: string, attr: Record<string, string | number | boolean | null> = {}): HTMLElement {
  parent.appendText(' ');
  return parent.createSpan({ cls, text, attr });
}
