/**
 * Frontmatter for the command line, read as Obsidian reads it: YAML 1.2 core schema, so
 * `2026-12-01` stays a string. (Inside Obsidian the metadata cache does this.)
 */
import type { parse as Parse } from 'yaml';

let parse: typeof Parse | undefined;

export type FrontmatterResult = { ok: true; data: Record<string, unknown> | null } | { ok: false; error: string };

export function parseFrontmatterYaml(source: string): FrontmatterResult {
  // Loaded on first use: most frontmatter is read by the small reader, and the library is most
  // of the command line's code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when needed
  parse ??= (require('yaml') as typeof import('yaml')).parse;
  try {
    const data: unknown = parse(source, { uniqueKeys: false, merge: true, maxAliasCount: 1000 });
    if (data === null || data === undefined) return { ok: true, data: null };
    if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'frontmatter is not a set of key: value pairs' };
    return { ok: true, data: data as Record<string, unknown> };
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] ?? 'unreadable YAML' : 'unreadable YAML';
    return { ok: false, error: message };
  }
}
