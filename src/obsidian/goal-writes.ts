/**
 * Writes of the goal commands. A frontmatter edit runs line by line inside `vault.process` when
 * the YAML's shape allows it (byte-exact, and atomic with the rest of the change); for other
 * shapes (flow style, anchors, block scalars) it goes through `fileManager.processFrontMatter`,
 * and the body part of the change follows in its own `vault.process`.
 */
import type { FileManager, TFile, Vault } from 'obsidian';
import { appendToSection, editFrontmatter, editFrontmatterData, type FrontmatterOp } from '../engine/frontmatter-edit';

export interface GoalWriteHost {
  vault: Vault;
  fileManager: FileManager;
}

/** A change of the note's body after the frontmatter edit: text in, text out (or a refusal). */
export type BodyEdit = (text: string) => { ok: true; text: string } | { ok: false; reason: string };

export type WriteResult = { ok: true; via: 'lines' | 'frontmatter-api' } | { ok: false; reason: string };

/** An entry appended under a heading, as a body edit. */
export function sectionEntry(heading: string, lines: string[]): BodyEdit {
  return (text) => {
    const r = appendToSection(text, heading, lines);
    return r.ok ? { ok: true, text: r.text } : { ok: false, reason: r.reason };
  };
}

/** Applies the body edits in turn; the first refusal stops them all. */
function applyBody(text: string, body: BodyEdit[]): { ok: true; text: string } | { ok: false; reason: string } {
  let out = text;
  for (const edit of body) {
    const r = edit(out);
    if (!r.ok) return r;
    out = r.text;
  }
  return { ok: true, text: out };
}

/** The frontmatter edit and the body edits of one command, on one note. */
export async function writeGoal(host: GoalWriteHost, file: TFile, op: FrontmatterOp | null, body: BodyEdit[]): Promise<WriteResult> {
  let outcome: WriteResult = { ok: false, reason: 'the note could not be read' };
  let fallback = false;
  await host.vault.process(file, (text) => {
    const fm = op === null ? null : editFrontmatter(text, op);
    if (fm !== null && !fm.ok) {
      if (fm.fallback) fallback = true;
      else outcome = { ok: false, reason: fm.reason };
      return text;
    }
    const done = applyBody(fm === null ? text : fm.text, body);
    if (!done.ok) {
      outcome = { ok: false, reason: done.reason };
      return text;
    }
    outcome = { ok: true, via: 'lines' };
    return done.text;
  });
  if (!fallback || op === null) return outcome;
  let refused: string | null = null;
  await host.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
    refused = editFrontmatterData(fm, op);
  });
  if (refused !== null) return { ok: false, reason: refused };
  if (body.length > 0) {
    let reason: string | null = null;
    await host.vault.process(file, (text) => {
      const done = applyBody(text, body);
      if (done.ok) return done.text;
      reason = done.reason;
      return text;
    });
    if (reason !== null) return { ok: false, reason };
  }
  return { ok: true, via: 'frontmatter-api' };
}
