/**
 * The index follows what is typed in a plan's notes (SPEC 2.7): once typing in an editor pauses,
 * the note is read again from the editor, so the view and the commands are not seconds behind
 * the editor's save.
 */
import { debounce, type App, type Editor, type MarkdownFileInfo, type Plugin } from 'obsidian';
import type { LiveIndex } from './live-index';
import { openEditor } from './note-writer';

/** How long typing in an editor pauses before the index reads the note again, in ms. */
export const EDITOR_PAUSE = 300;

/**
 * Reads the note at `path` again from its open editor now, without waiting for typing to pause
 * or for the save: after the plugin's own write through that editor (a tick), so the view shows
 * the note's new state at once.
 */
export function readBackFromEditor(app: App, index: LiveIndex, path: string): void {
  const editor = openEditor(app, path);
  if (editor !== null) index.followEditor(path, editor.getValue());
}

/** Reads a held note again from its editor once typing in it pauses, while the plugin is loaded. */
export function followTyping(plugin: Plugin, index: LiveIndex): void {
  const typed = new Map<string, { editor: Editor; info: MarkdownFileInfo }>();
  const read = debounce(
    () => {
      // An editor that went on to another note meanwhile holds that note's text, not this one's.
      for (const [path, { editor, info }] of typed) if (info.file?.path === path) index.followEditor(path, editor.getValue());
      typed.clear();
    },
    EDITOR_PAUSE,
    true,
  );
  plugin.registerEvent(
    plugin.app.workspace.on('editor-change', (editor, info) => {
      const path = info.file?.path;
      if (path === undefined || index.note(path) === undefined) return;
      typed.set(path, { editor, info });
      read();
    }),
  );
  plugin.register(() => read.cancel());
}
