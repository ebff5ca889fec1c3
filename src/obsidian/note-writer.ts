/**
 * The one writer of note bodies in the plugin. An edit is a pure engine function over the note's
 * text; here it is applied through the note's open editor (one transaction, so undo takes it
 * back in one step and the cursor stays where it was) or else through `vault.process`. An edit
 * that refuses changes nothing and says why in a notice.
 */
import { MarkdownView, Notice, TFile, type App, type Editor } from 'obsidian';
import type { EditResult, StepRef } from '../engine/edit';
import { textChanges } from './text-changes';

export type NoteEdit = (text: string) => EditResult;
export type StepEdit = (text: string, at: StepRef) => EditResult;

/** The editor of a Markdown view showing the note, if one is open. */
export function openEditor(app: App, path: string): Editor | null {
  for (const leaf of app.workspace.getLeavesOfType('markdown')) {
    const view = leaf.view;
    if (view instanceof MarkdownView && view.file?.path === path) return view.editor;
  }
  return null;
}

/** Replaces only the text that differs, as one editor transaction (see text-changes.ts). */
function applyToEditor(editor: Editor, before: string, after: string): void {
  editor.transaction({
    changes: textChanges(before, after).map((c) => ({ from: editor.offsetToPos(c.from), to: editor.offsetToPos(c.to), text: c.text })),
  });
}

function refused(result: EditResult, quiet: boolean): EditResult {
  if (!result.ok && !quiet) new Notice(`Action Plan: nothing written, ${result.reason}.`);
  return result;
}

/**
 * Applies an edit to the note at `path`. Resolves to the edit's result; a refusal (or a note
 * that no longer exists) has written nothing.
 */
export async function editNote(app: App, path: string, edit: NoteEdit, quiet = false): Promise<EditResult> {
  const file = app.vault.getFileByPath(path);
  if (!(file instanceof TFile)) return refused({ ok: false, text: '', reason: `the note ${path} no longer exists` }, quiet);
  const editor = openEditor(app, path);
  if (editor !== null) {
    const before = editor.getValue();
    const result = edit(before);
    if (result.ok && result.text !== before) applyToEditor(editor, before, result.text);
    return refused(result, quiet);
  }
  // Checked first so a refused edit does not even touch the file; then applied to the text
  // the vault holds at the moment of writing.
  const first = edit(await app.vault.read(file));
  if (!first.ok || first.changed.length === 0) return refused(first, quiet);
  let result: EditResult = first;
  await app.vault.process(file, (text) => {
    result = edit(text);
    return result.text;
  });
  return refused(result, quiet);
}

/** Applies a step edit at the line the plan read, checked against the text it read there (2.1). */
export function applyStepEdit(app: App, path: string, line: number, expectedRaw: string | undefined, edit: StepEdit, quiet = false): Promise<EditResult> {
  const at: StepRef = expectedRaw === undefined ? { line } : { line, expected: expectedRaw };
  return editNote(app, path, (text) => edit(text, at), quiet);
}
