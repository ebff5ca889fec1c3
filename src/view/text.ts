/** How the view words a step's text. */

/**
 * A step's text as the view shows it: links read as their text (`[[Note|alias]]` → alias,
 * `[[Folder/Note#Part]]` → Note › Part, `[text](url)` → text), and the help tag left to the badge.
 */
export function displayText(text: string, helpTag: string | null): string {
  let out = text.replace(/!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_m, target: string, alias: string | undefined) => {
    if (alias !== undefined && alias.trim() !== '') return alias;
    const [path = '', part] = target.split('#');
    const name = path.slice(path.lastIndexOf('/') + 1);
    return part === undefined ? name : name === '' ? part : `${name} › ${part}`;
  });
  out = out.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (helpTag !== null && helpTag !== '') {
    const lower = helpTag.toLowerCase();
    out = out
      .split(' ')
      .filter((w) => w.toLowerCase() !== lower)
      .join(' ');
  }
  return out.trim() === '' ? text : out.trim();
}
