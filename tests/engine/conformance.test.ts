/**
 * The engine reads every note of the peer data exactly as Obsidian did: the same list items on
 * the same lines with the same `parent` and `task`, the same headings, the same frontmatter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outlineNote } from '../../src/engine/present/outline';
import { parseFrontmatterYaml } from '../../src/cli/yaml';
import { scanMarkdown } from '../../src/engine/read/markdown';
import { PEER_DATA } from '../peer-data';

const DIR = join(PEER_DATA, 'obsidian-cache');

interface Position { start: { line: number } }
interface PeerNote {
  filePath: string;
  fileContents: string;
  cachedMetadata: {
    frontmatter?: Record<string, unknown>;
    headings?: { heading: string; level: number; position: Position }[];
    listItems?: { parent: number; task?: string; position: Position }[];
  };
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

describe('outline matches Obsidian metadata', () => {
  it('covers every peer-data file', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it.each(files)('%s', (file) => {
    const note = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as PeerNote;
    const text = note.fileContents;
    const scan = scanMarkdown(text);
    const fm = scan.frontmatter ? parseFrontmatterYaml(text.slice(scan.frontmatter.textStart, scan.frontmatter.textEnd)) : null;
    const outline = outlineNote(text, fm && fm.ok ? fm.data : null);
    const meta = note.cachedMetadata;
    expect(outline.listItems.map((i) => ({ line: i.line, parent: i.parent, task: i.task }))).toEqual(
      (meta.listItems ?? []).map((i) => ({ line: i.position.start.line, parent: i.parent, task: i.task ?? null })),
    );
    expect(outline.headings).toEqual(
      (meta.headings ?? []).map((h) => ({ line: h.position.start.line, level: h.level, heading: h.heading })),
    );
    expect(outline.frontmatter).toEqual(meta.frontmatter ?? null);
  });
});
