/**
 * The index follows what is typed in a plan's notes (SPEC 2.7): once typing in an editor pauses,
 * the note is read again from the editor, so the view and the commands are not seconds behind
 * the editor's save.
 */
import { debounce, type Editor, type MarkdownFileInfo, type Plugin } from 'obsidian';
import type { LiveIndex } from './live-index';

/** How long typing in an editor pauses before the index reads the note again, in ms. */
export const EDITOR_PAUSE = 300;

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
