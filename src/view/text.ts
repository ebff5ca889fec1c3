/** How the view words a step's text. */

const WIKILINK = /!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g;
const MDLINK = /\[([^\]]*)\]\([^)]*\)/g;

function linkName(target: string, alias: string | undefined): string {
  if (alias !== undefined && alias.trim() !== '') return alias;
  const [path = '', part] = target.split('#');
  const name = path.slice(path.lastIndexOf('/') + 1);
  return part === undefined ? name : name === '' ? part : `${name} › ${part}`;
}

/**
 * A step's text as the view shows it: links read as their text (`[[Note|alias]]` → alias,
 * `[[Folder/Note#Part]]` → Note › Part, `[text](url)` → text), and the help tag left to the badge.
 * `dropLinks`: the row's link marker already says the step leads to a note, so its links are
 * left out (unless nothing else is left).
 */
export function displayText(text: string, helpTag: string | null, dropLinks = false): string {
  let out = text.replace(WIKILINK, (_m, target: string, alias: string | undefined) => (dropLinks ? '' : linkName(target, alias)));
  out = out.replace(MDLINK, (_m, label: string) => (dropLinks ? '' : label));
  const lower = helpTag?.toLowerCase() ?? '';
  out = out
    .split(' ')
    .filter((w) => w !== '' && (lower === '' || w.toLowerCase() !== lower))
    .join(' ');
  if (out === '') return dropLinks ? displayText(text, helpTag) : text;
  return out;
}

/** The names of a step's links, as `displayText` reads them, in the order they stand. */
export function linkNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(WIKILINK)) names.push(linkName(m[1] ?? '', m[2]));
  for (const m of text.matchAll(MDLINK)) names.push(m[1] ?? '');
  return names.filter((n) => n.trim() !== '');
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
