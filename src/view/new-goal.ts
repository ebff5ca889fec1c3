/**
 * The empty state's button: the `new-goal` command once this version has it, else a goal note
 * from the built-in template, opened in the editor.
 */
import { normalizePath, type App } from 'obsidian';
import { COMMANDS } from '../commands/commands';
import { formatDay, type Day } from '../engine/dates';

/** Obsidian's command registry, which its public types leave out. */
interface AppCommands {
  commands?: { executeCommandById?: (id: string) => boolean };
}

/** Starts a new goal: the `new-goal` command when it is built, else `createGoalNote`. */
export function startNewGoal(app: App, pluginId: string, today: Day): void {
  const built = COMMANDS.some((c) => c.id === 'new-goal' && c.create !== undefined);
  const registry = (app as unknown as AppCommands).commands;
  if (built && registry?.executeCommandById?.(`${pluginId}:new-goal`) === true) return;
  void createGoalNote(app, today);
}

/** The built-in goal template, dated from today. */
export function goalTemplate(title: string, today: Day): string {
  return [
    '---',
    'type: goal',
    `title: ${title}`,
    'status: active',
    `start: ${formatDay(today) ?? ''}`,
    'target: ',
    'checkpoints: []',
    '---',
    `# ${title}`,
    '',
    '## Why this goal',
    '',
    '## First steps',
    '- [ ] Write down what done looks like',
    '- [ ] Find the first small step',
    '',
    '## Where I will need outside help',
    '',
  ].join('\n');
}

/** Creates "New goal.md" (or "New goal 2.md", …) at the vault's root and opens it. */
export async function createGoalNote(app: App, today: Day): Promise<string> {
  let n = 1;
  let path = normalizePath('New goal.md');
  while (app.vault.getAbstractFileByPath(path) !== null) path = normalizePath(`New goal ${++n}.md`);
  const title = path.slice(0, -3);
  const file = await app.vault.create(path, goalTemplate(title, today));
  await app.workspace.getLeaf(false).openFile(file);
  return path;
}
