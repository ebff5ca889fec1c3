/**
 * What a command is made of. Each command lives in a file of its own that exports a
 * `CommandSpec`; `commands.ts` lists them. A spec says how the command runs in one of
 * Obsidian's three shapes: `callback` (always offered), `checkCallback` (offered when it
 * returns true while checking) or `editorCheckCallback` (the same, in a Markdown editor).
 */
import type { App, Command, Editor, EventRef, MarkdownFileInfo, MarkdownView } from 'obsidian';
import type { LiveIndex } from '../obsidian/live-index';
import type { ActionPlanSettings } from '../settings/settings';

/** What the commands need from the plugin. */
export interface CommandHost {
  app: App;
  index: LiveIndex;
  /** The settings as they are now (read each time a command runs). */
  settings: ActionPlanSettings;
  addCommand(command: Command): Command;
  registerEvent(ref: EventRef): void;
  activateView(): Promise<void>;
  /** Opens the goal's timeline in a tab, or reveals it. */
  openTimeline(path: string): Promise<void>;
}

export type EditorCheck = (checking: boolean, editor: Editor, ctx: MarkdownView | MarkdownFileInfo) => boolean | void;

/** How a command runs, in exactly one of Obsidian's shapes. */
export type CommandBody =
  | { callback: () => unknown }
  | { checkCallback: (checking: boolean) => boolean | void }
  | { editorCheckCallback: EditorCheck };

export interface CommandSpec {
  /** Stable forever (SPEC 3), without the plugin id. */
  id: string;
  /** Sentence case. */
  name: string;
  /** Icon for menus. */
  icon?: string;
  /** Offered in the editor's context menu on a task line of a goal's plan. */
  step?: boolean;
  /** How it runs. */
  create: (host: CommandHost) => CommandBody;
}

/** A command offered while `find` finds something to act on; `run` acts on it. */
export function whenFound<T>(find: () => T | null, run: (found: T) => unknown): CommandBody {
  return {
    checkCallback: (checking) => {
      const found = find();
      if (found === null) return false;
      if (!checking) void run(found);
      return true;
    },
  };
}
