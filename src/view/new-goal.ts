/** The empty state's button: the `new-goal` command, as the command palette runs it. */
import type { App } from 'obsidian';

/** Obsidian's command registry, which its public types leave out. */
interface AppCommands {
  commands?: { executeCommandById?: (id: string) => boolean };
}

export function startNewGoal(app: App, pluginId: string): void {
  (app as unknown as AppCommands).commands?.executeCommandById?.(`${pluginId}:new-goal`);
}
