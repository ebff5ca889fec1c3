/**
 * `CachedMetadata` for one note, as Obsidian's metadata cache computes it: headings and list
 * items from the project's scanner (checked against real Obsidian output elsewhere),
 * frontmatter parsed with `yaml` (core schema: dates stay strings), and links, embeds and
 * inline tags found outside code, HTML comments and frontmatter (`%%` comments included, as in
 * Obsidian). Lines are exact; columns of list
 * items are close to Obsidian's but not guaranteed.
 */
import type { CachedMetadata, FrontmatterLinkCache, ListItemCache, Loc, Pos, ReferenceCache, TagCache } from 'obsidian';
import { parse } from 'yaml';
import { scanMarkdown } from '../../src/engine/read/markdown';

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function locAt(starts: number[], offset: number): Loc {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, col: offset - (starts[lo] ?? 0), offset };
}

function pos(starts: number[], from: number, to: number): Pos {
  return { start: locAt(starts, from), end: locAt(starts, to) };
}

/** Offset where a line's text ends (before `\r\n` or `\n`). */
function lineEnd(text: string, starts: number[], line: number): number {
  const next = starts[line + 1];
  let end = next === undefined ? text.length : next - 1;
  if (end > 0 && text.charCodeAt(end - 1) === 13 && next !== undefined) end--;
  return end;
}

/** The text with code, comments and frontmatter blanked (same length, newlines kept), so links and tags in them are not seen. */
export function maskedBody(text: string, bodyStart: number): string {
  const chars = text.split('');
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to && i < chars.length; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  blank(0, bodyStart);
  // Fenced code blocks, line by line (a fence may sit in a list item or a quote).
  const starts = lineStartsOf(text);
  let fence: { ch: string; len: number } | null = null;
  for (let line = 0; line < starts.length; line++) {
    const s = starts[line] ?? 0;
    if (s < bodyStart) continue;
    const e = lineEnd(text, starts, line);
    const content = text.slice(s, e).replace(/^(?:\s*>)*\s*/, '');
    const m = /^(`{3,}|~{3,})/.exec(content);
    if (fence) {
      blank(s, e);
      if (m && m[1] !== undefined && m[1][0] === fence.ch && m[1].length >= fence.len && content.slice(m[1].length).trim() === '') fence = null;
    } else if (m && m[1] !== undefined && !(m[1][0] === '`' && content.slice(m[1].length).includes('`'))) {
      fence = { ch: m[1][0] ?? '`', len: m[1].length };
      blank(s, e);
    }
  }
  let masked = chars.join('');
  // HTML comments, across lines. (Obsidian's `%%` comments are not masked: its cache reads tags and links in them.)
  masked = masked.replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => m.replace(/[^\r\n]/g, ' '));
  // Inline code spans: a run of backticks up to the next run of the same length.
  masked = masked.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (m) => m.replace(/[^\r\n]/g, ' '));
  return masked;
}

function displayOfWikilink(link: string): string {
  return link.replace(/^#/, '').split('#').join(' > ');
}

function decodeTarget(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** Links and embeds: `[[target|alias]]`, `![[…]]`, `[text](target)` and `![text](target)` to a path in the vault. */
function findReferences(text: string, masked: string, starts: number[]): { links: ReferenceCache[]; embeds: ReferenceCache[] } {
  const links: ReferenceCache[] = [];
  const embeds: ReferenceCache[] = [];
  const re = /(!?)\[\[([^\n]*?)\]\]|(!?)\[([^\]\n]*)\]\(\s*(<[^>\n]*>|[^\s()\n]*)(?:\s+"[^"\n]*")?\s*\)/g;
  for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
    const from = m.index;
    const to = from + m[0].length;
    const original = text.slice(from, to);
    if (m[2] !== undefined) {
      const inner = text.slice(from + (m[1] ?? '').length + 2, to - 2);
      if (inner === '') continue; // Obsidian does not read `[[]]`
      const bar = inner.indexOf('|');
      const link = bar > 0 ? inner.slice(0, bar) : inner;
      const displayText = bar > 0 ? inner.slice(bar + 1) : displayOfWikilink(inner);
      (m[1] === '!' ? embeds : links).push({ link, original, displayText, position: pos(starts, from, to) });
    } else {
      let target = m[5] ?? '';
      if (target.startsWith('<') && target.endsWith('>')) target = target.slice(1, -1);
      // External URLs (a scheme before a colon) are not links in the vault.
      if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const bang = m[3] ?? '';
      const display = text.slice(from + bang.length + 1, from + bang.length + 1 + (m[4] ?? '').length);
      (bang === '!' ? embeds : links).push({ link: decodeTarget(target), original, displayText: display, position: pos(starts, from, to) });
    }
  }
  return { links, embeds };
}

/** Inline tags: `#` after a space or at a line start, then tag characters, not all digits. */
function findTags(masked: string, starts: number[]): TagCache[] {
  const tags: TagCache[] = [];
  const re = /(^|\s)#([^\s#!"$%&'()*+,.:;<=>?@[\\\]^`{|}~\u2000-\u206F\u3000-\u303F]+)/gmu;
  for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
    const body = m[2] ?? '';
    if (/^\d+$/.test(body)) continue;
    const from = m.index + (m[1] ?? '').length;
    tags.push({ tag: `#${body}`, position: pos(starts, from, from + body.length + 1) });
  }
  return tags;
}

/** Frontmatter values of the form `[[…]]` (top-level strings, and strings in top-level lists as `key.N`). */
function frontmatterLinks(frontmatter: Record<string, unknown>): FrontmatterLinkCache[] {
  const out: FrontmatterLinkCache[] = [];
  const add = (key: string, value: unknown): void => {
    if (typeof value !== 'string') return;
    const m = /^\[\[([^\]]+)\]\]$/.exec(value.trim());
    if (!m || m[1] === undefined) return;
    const bar = m[1].indexOf('|');
    const link = bar > 0 ? m[1].slice(0, bar) : m[1];
    out.push({ key, link, original: value.trim(), displayText: bar > 0 ? m[1].slice(bar + 1) : displayOfWikilink(m[1]) });
  };
  for (const [key, value] of Object.entries(frontmatter)) {
    if (Array.isArray(value)) value.forEach((v, i) => add(`${key}.${i}`, v));
    else add(key, value);
  }
  return out;
}

/** Column where a list item's content starts (after indentation, quote markers, the marker and one space). */
function contentColumn(line: string): number {
  const m = /^((?:[ \t]*>)*[ \t]*)([-*+]|\d{1,9}[.)])([ \t]|$)/.exec(line);
  return m ? m[0].length : 0;
}

/** Builds the cache of one Markdown note. */
export function buildCache(text: string): CachedMetadata {
  const scan = scanMarkdown(text);
  const starts = lineStartsOf(text);
  const cache: CachedMetadata = {};
  let bodyStart = 0;

  const fm = scan.frontmatter;
  if (fm) {
    const closeEnd = fm.textEnd + 3;
    bodyStart = closeEnd;
    const yamlText = text.slice(fm.textStart, fm.textEnd);
    // Obsidian reports nothing at all for an empty block.
    if (yamlText.trim() !== '') {
      cache.frontmatterPosition = pos(starts, 0, closeEnd);
      let data: unknown;
      let ok = true;
      try {
        data = parse(yamlText);
      } catch {
        ok = false;
      }
      if (ok && (data === null || data === undefined)) data = {};
      if (ok && typeof data === 'object' && data !== null && !Array.isArray(data)) {
        const frontmatter: Record<string, unknown> = { ...data };
        cache.frontmatter = frontmatter;
        cache.frontmatterLinks = frontmatterLinks(frontmatter);
      }
    }
  }

  const headings = scan.headings.map((h) => ({
    heading: h.heading,
    level: h.level,
    position: pos(starts, starts[h.line] ?? 0, lineEnd(text, starts, h.line)),
  }));
  if (headings.length > 0) cache.headings = headings;

  const contentCols = new Map<number, number>();
  const listItems: ListItemCache[] = scan.items.map((item) => {
    const lineText = text.slice(item.lineStart, item.lineEnd);
    contentCols.set(item.line, contentColumn(lineText));
    // Obsidian starts a nested item where its parent's content starts; a top-level one after any quote markers.
    const quote = /^(?:[ \t]*>[ \t]?)*/.exec(lineText)?.[0].length ?? 0;
    const col = item.parent >= 0 ? Math.min(contentCols.get(item.parent) ?? 0, lineText.length) : quote;
    const entry: ListItemCache = { parent: item.parent, position: { start: locAt(starts, item.lineStart + col), end: locAt(starts, item.lineEnd) } };
    if (item.task !== null) entry.task = item.task;
    return entry;
  });
  if (listItems.length > 0) cache.listItems = listItems;

  const masked = maskedBody(text, bodyStart);
  const { links, embeds } = findReferences(text, masked, starts);
  if (links.length > 0) cache.links = links;
  if (embeds.length > 0) cache.embeds = embeds;
  const tags = findTags(masked, starts);
  if (tags.length > 0) cache.tags = tags;
  return cache;
}
