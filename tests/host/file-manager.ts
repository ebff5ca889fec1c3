/**
 * Obsidian's `FileManager`: frontmatter edits, links in the user's style, rename and trash.
 * `processFrontMatter` works as Obsidian's does: it reads the YAML block (a block that does not
 * parse makes it throw and change nothing), hands `fn` a plain object, and writes the block
 * back in Obsidian's style (rewritten, comments and quoting not kept), creating it when absent;
 * the body and the file's line endings stay as they were. It is atomic (`vault.process`).
 */
import type { TFile as ObsidianTFile } from 'obsidian';
import { parseDocument } from 'yaml';
import { scanFrontmatterBlock } from '../../src/engine/read/markdown';
import { TAbstractFile, TFolder } from './files';
import type { InMemoryMetadataCache } from './metadata-cache';
import { stringifyYaml } from './util';
import type { InMemoryVault } from './vault';

/** Reads the frontmatter of a note's text as a plain object (empty when there is no block); throws when the YAML is broken. */
export function readFrontmatterObject(text: string): Record<string, unknown> {
  const block = scanFrontmatterBlock(text);
  if (!block) return {};
  const doc = parseDocument(text.slice(block.textStart, block.textEnd));
  if (doc.errors.length > 0) throw doc.errors[0] ?? new Error('bad YAML');
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error('[test host] frontmatter is not a set of key: value pairs');
  return data as Record<string, unknown>;
}

/** Applies `fn` to the frontmatter of `text` and returns the new text (Obsidian's processFrontMatter, as text -> text). */
export function applyFrontmatter(text: string, fn: (frontmatter: Record<string, unknown>) => void): string {
  const data = readFrontmatterObject(text);
  fn(data);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const yaml = Object.keys(data).length === 0 ? '' : stringifyYaml(data).split('\n').join(eol);
  const block = scanFrontmatterBlock(text);
  if (block) return text.slice(0, block.textStart) + yaml + text.slice(block.textEnd);
  if (yaml === '') return text;
  return `---${eol}${yaml}---${eol}${text}`;
}

/** Stands for `FileManager`. */
export class TestFileManager {
  constructor(
    private readonly vault: InMemoryVault,
    private readonly metadataCache: InMemoryMetadataCache,
  ) {}

  processFrontMatter(file: ObsidianTFile, fn: (frontmatter: Record<string, unknown>) => void, _options?: unknown): Promise<void> {
    return this.vault.process(file, (text) => applyFrontmatter(text, fn)).then(() => undefined);
  }

  /** A link in Obsidian's default style: a wikilink with the shortest unambiguous link text. */
  generateMarkdownLink(file: ObsidianTFile, sourcePath: string, subpath?: string, alias?: string): string {
    const linktext = this.metadataCache.fileToLinktext(file, sourcePath);
    return `[[${linktext}${subpath ?? ''}${alias ? `|${alias}` : ''}]]`;
  }

  /** Renames through the vault; unlike Obsidian with "update internal links" on, links elsewhere are not rewritten. */
  renameFile(file: TAbstractFile, newPath: string): Promise<void> {
    return this.vault.rename(file, newPath);
  }

  trashFile(file: TAbstractFile): Promise<void> {
    return this.vault.trash(file, true);
  }

  /** Stands for the confirm dialog: the person agrees, and the file goes to the trash. */
  async promptForDeletion(file: TAbstractFile): Promise<boolean> {
    await this.trashFile(file);
    return true;
  }

  /** New notes go to the vault root (Obsidian's default "Default location for new notes"). */
  getNewFileParent(_sourcePath: string, _newFilePath?: string): TFolder {
    return this.vault.getRoot();
  }

  getAvailablePathForAttachment(filename: string, _sourcePath?: string): Promise<string> {
    let path = filename;
    const dot = filename.lastIndexOf('.');
    for (let i = 1; this.vault.getAbstractFileByPath(path); i++) path = dot > 0 ? `${filename.slice(0, dot)} ${i}${filename.slice(dot)}` : `${filename} ${i}`;
    return Promise.resolve(path);
  }
}
