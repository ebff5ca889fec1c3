/**
 * Writes of the goal commands, through the one note writer. A frontmatter edit is a line edit
 * in the same edit as the body's change when the YAML's shape allows it (byte-exact, one
 * transaction); for other shapes (flow style, anchors, block scalars) Obsidian's frontmatter
 * writer takes over (SPEC 2.6) and the body part follows as its own edit.
 */
import { Notice, type App, type TFile } from 'obsidian';
import type { EditResult } from '../engine/edit';
import { appendToSection, editFrontmatter, editFrontmatterData, type FrontmatterOp } from '../engine/edit/frontmatter';
import { editFrontmatterObject, editNote, type EditOptions } from './note-writer';

/** A change of the note's body after the frontmatter edit: text in, text out (or a refusal). */
export type BodyEdit = (text: string) => { ok: true; text: string } | { ok: false; reason: string };

export type WriteResult = { ok: true; via: 'lines' | 'frontmatter-api' } | { ok: false; reason: string };

/** A note edit as a body edit. */
export function bodyOf(edit: (text: string) => EditResult): BodyEdit {
  return (text) => {
    const r = edit(text);
    return r.ok ? { ok: true, text: r.text } : { ok: false, reason: r.reason };
  };
}

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

/** The body edits as one note edit. */
function bodyEdit(body: BodyEdit[]): (text: string) => EditResult {
  return (text) => {
    const done = applyBody(text, body);
    return done.ok ? { ok: true, text: done.text, changed: [], message: 'written' } : { ok: false, text, reason: done.reason };
  };
}

/**
 * The frontmatter edit and the body edits of one command, on one note. `notice` is the notice
 * after the write (it offers Undo when the note is not open).
 */
export async function writeGoal(app: App, file: TFile, op: FrontmatterOp | null, body: BodyEdit[], notice?: string): Promise<WriteResult> {
  let fallback = false;
  const options: EditOptions = { quiet: true, ...(notice === undefined ? {} : { notice: () => notice }) };
  const r = await editNote(
    app,
    file.path,
    (text) => {
      const fm = op === null ? null : editFrontmatter(text, op);
      if (fm !== null && !fm.ok) {
        fallback = fm.fallback;
        return { ok: false, text, reason: fm.reason };
      }
      return bodyEdit(body)(fm === null ? text : fm.text);
    },
    options,
  );
  if (r.ok) return { ok: true, via: 'lines' };
  if (!fallback || op === null) return { ok: false, reason: r.reason };
  const refused = await editFrontmatterObject(app, file.path, (fm) => editFrontmatterData(fm, op));
  if (refused !== null) return { ok: false, reason: refused };
  const said = `${notice ?? 'Action Plan: written'} Obsidian wrote the frontmatter in its own style.`;
  if (body.length === 0) new Notice(said);
  else {
    const b = await editNote(app, file.path, bodyEdit(body), { ...options, notice: () => said });
    if (!b.ok) return { ok: false, reason: b.reason };
  }
  return { ok: true, via: 'frontmatter-api' };
}
