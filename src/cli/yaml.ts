/**
 * Frontmatter for the command line, read as Obsidian reads it: YAML 1.2 core schema, so
 * `2026-12-01` stays a string. (Inside Obsidian the metadata cache does this.)
 */
import type { parseDocument as ParseDocument, ScalarTag } from 'yaml';

let parseDocument: typeof ParseDocument | undefined;

export interface YamlWarning {
  /** 0-based line within the YAML source. */
  line: number;
  message: string;
}

export type FrontmatterResult =
  | { ok: true; data: Record<string, unknown> | null; warnings: YamlWarning[] }
  | { ok: false; error: string };

/**
 * An explicit `!!timestamp` stays the text it was written as: the library would roll an
 * impossible date over into a real one (`2027-13-45` into 2028-02-14); as text, the date
 * reader reports it as `bad-date`.
 */
const TIMESTAMP_AS_TEXT: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  resolve: (text: string) => text,
};

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

export function parseFrontmatterYaml(source: string): FrontmatterResult {
  // Loaded on first use: most frontmatter is read by the small reader, and the library is most
  // of the command line's code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when needed
  parseDocument ??= (require('yaml') as typeof import('yaml')).parseDocument;
  try {
    const doc = parseDocument(source, { uniqueKeys: false, merge: true, customTags: [TIMESTAMP_AS_TEXT], prettyErrors: true });
    const error = doc.errors[0];
    if (error !== undefined) return { ok: false, error: firstLine(error.message) };
    const data: unknown = doc.toJS({ maxAliasCount: 1000 });
    // Warnings (an unknown tag, say) are the note's problems, never text on standard error.
    const warnings = doc.warnings.map((w) => ({ line: Math.max(0, (w.linePos?.[0]?.line ?? 1) - 1), message: firstLine(w.message) }));
    if (data === null || data === undefined) return { ok: true, data: null, warnings };
    if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'frontmatter is not a set of key: value pairs' };
    return { ok: true, data: data as Record<string, unknown>, warnings };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? firstLine(e.message) : 'unreadable YAML' };
  }
}
