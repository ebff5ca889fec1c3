/**
 * The one writer of notes in the plugin (SPEC 2.7). An edit is a pure engine function over the
 * note's text; here it is applied through the note's open editor (one transaction, so undo
 * takes it back in one step and the cursor and what was just typed stay) or else through
 * `vault.process`, whose notice offers Undo. Writes to one note run one at a time
 * (`write-queue.ts`). An edit that refuses changes nothing and says why in a notice.
 * `processFrontMatter` is called only here, for the frontmatter shapes of 2.6's fallback.
 */
import { MarkdownView, Notice, requireApiVersion, TFile, type App, type Editor } from 'obsidian';
import type { EditDone, EditResult, StepRef } from '../engine/edit';
import { textChanges } from './text-changes';
import { inverseEdit } from './undo';
import { carryOver, inTurn, recordWrite } from './write-queue';

export type NoteEdit = (text: string) => EditResult;
export type StepEdit = (text: string, at: StepRef) => EditResult;

export interface EditOptions {
  /** No notice when the edit refuses (the caller says why). */
  quiet?: boolean;
  /** The notice after a write; without it, only a write to a note that is not open shows one (its Undo). */
  notice?: (result: EditDone) => string;
  /** Offer Undo in the notice of a write to a note that is not open (default true). */
  undo?: boolean;
}

/** How long a notice offering Undo stays, in ms. */
const UNDO_NOTICE_MS = 8000;

/** The first loaded Markdown view of the note, if one is open. */
function openView(app: App, path: string): MarkdownView | null {
  for (const leaf of app.workspace.getLeavesOfType('markdown')) {
    const view = leaf.view;
    if (view instanceof MarkdownView && view.file?.path === path) return view;
  }
  return null;
}

/** The editor of a Markdown view showing the note, if one is open. */
export function openEditor(app: App, path: string): Editor | null {
  return openView(app, path)?.editor ?? null;
}

/** The note's text as the person sees it: its open editor's, else the file's; null when it is gone. */
export async function currentText(app: App, path: string): Promise<string | null> {
  const editor = openEditor(app, path);
  if (editor !== null) return editor.getValue();
  const file = app.vault.getFileByPath(path);
  return file instanceof TFile ? app.vault.read(file) : null;
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

/** Where a notice's message is: `messageEl` since Obsidian 1.8.7, the notice's own element before it. */
function messageElOf(notice: Notice): HTMLElement {
  if (requireApiVersion('1.8.7')) return notice.messageEl;
  return (notice as unknown as { noticeEl: HTMLElement }).noticeEl;
}

/** A notice after a write; with an Undo button that applies the inverse edit with the line check. */
function tell(app: App, path: string, text: string, undo: { before: string; after: string } | null): void {
  const notice = new Notice(text, undo === null ? undefined : UNDO_NOTICE_MS);
  if (undo === null) return;
  const button = messageElOf(notice).createEl('button', { text: 'Undo', cls: 'action-plan-undo' });
  button.addEventListener('click', () => {
    notice.hide();
    void editNote(app, path, inverseEdit(undo.before, undo.after), { undo: false, notice: () => 'Action Plan: undone.' });
  });
}

async function writeNow(app: App, path: string, edit: NoteEdit, options: EditOptions): Promise<EditResult> {
  const quiet = options.quiet === true;
  const file = app.vault.getFileByPath(path);
  if (!(file instanceof TFile)) return refused({ ok: false, text: '', reason: `the note ${path} no longer exists` }, quiet);
  const editor = openEditor(app, path);
  if (editor !== null) {
    const before = editor.getValue();
    const result = edit(before);
    if (!result.ok || result.text === before) return refused(result, quiet);
    applyToEditor(editor, before, result.text);
    recordWrite(app, path, before, result.text);
    if (options.notice !== undefined) tell(app, path, options.notice(result), null);
    return result;
  }
  // Checked first so that a refused edit does not even touch the file; then applied to the
  // text the vault holds at the moment of writing.
  const read = await app.vault.read(file);
  const first = edit(read);
  if (!first.ok || first.text === read) return refused(first, quiet);
  let result: EditResult = first;
  let before = '';
  await app.vault.process(file, (text) => {
    before = text;
    result = edit(text);
    return result.ok ? result.text : text;
  });
  const done: EditResult = result;
  if (!done.ok || done.text === before) return refused(done, quiet);
  recordWrite(app, path, before, done.text);
  const undo = options.undo === false ? null : { before, after: done.text };
  if (options.notice !== undefined || undo !== null) tell(app, path, options.notice?.(done) ?? `Action Plan: ${done.message}.`, undo);
  return done;
}

/**
 * Applies an edit to the note at `path`, after the writes to it already under way. Resolves to
 * the edit's result; a refusal (or a note that no longer exists) has written nothing.
 */
export function editNote(app: App, path: string, edit: NoteEdit, options: EditOptions = {}): Promise<EditResult> {
  return inTurn(app, path, () => writeNow(app, path, edit, options));
}

/**
 * Applies a step edit at the line the plan read, checked against the text it read there (2.1),
 * carried over the plugin's own writes to the note since.
 */
export function applyStepEdit(app: App, path: string, line: number, expectedRaw: string | undefined, edit: StepEdit, options: EditOptions = {}): Promise<EditResult> {
  const read: StepRef = expectedRaw === undefined ? { line } : { line, expected: expectedRaw };
  return editNote(app, path, (text) => edit(text, carryOver(app, path, text, read)), options);
}

/**
 * 2.6's fallback: Obsidian's own frontmatter writer changes the parsed frontmatter in place
 * (`change` returns why it cannot, or null). Runs in the note's turn; an open editor's text is
 * saved first so nothing typed is lost. Resolves to the reason of a refusal, or null.
 */
export function editFrontmatterObject(app: App, path: string, change: (fm: Record<string, unknown>) => string | null): Promise<string | null> {
  return inTurn(app, path, async () => {
    const file = app.vault.getFileByPath(path);
    if (!(file instanceof TFile)) return `the note ${path} no longer exists`;
    await openView(app, path)?.save();
    let reason: string | null = null;
    try {
      await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
        reason = change(fm);
      });
    } catch (e) {
      return `the frontmatter cannot be read (${e instanceof Error ? e.message : String(e)})`;
    }
    return reason;
  });
}
