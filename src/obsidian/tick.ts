/**
 * A tick, wherever it is made (the command, the sidebar, a code block, the timeline): a
 * recurring step goes through the Tasks plugin's public API when Tasks 7.2.0 or later is
 * enabled, so its next occurrence is created as Tasks does it; every other tick is the engine's
 * byte-exact toggle (SPEC 2.3, 2.7). Both are line edits given to the one note writer.
 */
import type { App } from 'obsidian';
import { anchorLine } from '../engine/read/anchor';
import { editTaskLine, stepName, toggleStep, type EditResult, type StepRef, type ToggleOptions } from '../engine/edit';
import { noteEol } from '../engine/read/lines';
import { applyStepEdit, type EditOptions } from './note-writer';

const TASKS_ID = 'obsidian-tasks-plugin';
/** The first Tasks release with `apiV1.executeToggleTaskDoneCommand`. */
const TASKS_API_SINCE = [7, 2, 0];

/** Tasks' toggle: the line in, the line (and its next occurrence, before it) out, `\n` between. */
export type TasksToggle = (line: string, path: string) => string;

/** The parts of the app that are not in Obsidian's public types: the enabled plugins. */
interface AppPlugins {
  plugins?: {
    enabledPlugins?: Set<string>;
    plugins?: Record<string, { manifest?: { version?: string }; apiV1?: { executeToggleTaskDoneCommand?: unknown } } | undefined>;
  };
}

/** Whether a version string is at least `since`. */
function atLeast(version: string, since: number[]): boolean {
  const parts = version.split('.').map((p) => parseInt(p, 10));
  for (let i = 0; i < since.length; i++) {
    const have = parts[i] ?? 0;
    const want = since[i] ?? 0;
    if (!Number.isFinite(have)) return false;
    if (have !== want) return have > want;
  }
  return true;
}

/** Tasks' toggle, when Tasks 7.2.0 or later is enabled; else null. */
export function tasksToggle(app: App): TasksToggle | null {
  const registry = (app as unknown as AppPlugins).plugins;
  if (registry?.enabledPlugins?.has(TASKS_ID) !== true) return null;
  const tasks = registry.plugins?.[TASKS_ID];
  const run = tasks?.apiV1?.executeToggleTaskDoneCommand;
  if (typeof run !== 'function' || !atLeast(tasks?.manifest?.version ?? '0', TASKS_API_SINCE)) return null;
  return (line, path) => String((run as TasksToggle).call(tasks?.apiV1, line, path));
}

/** Whether a task line repeats (`🔁 …` or `[repeat:: …]`). */
export function isRecurring(raw: string): boolean {
  return anchorLine(raw)?.fields.some((f) => f.name === 'recurrence') === true;
}

/** The line as Tasks toggles it, written in the note's line endings. */
function tasksEdit(text: string, at: StepRef, path: string, run: TasksToggle): EditResult {
  const eol = noteEol(text);
  return editTaskLine(text, at, (anchor) => {
    const out = run(anchor.raw, path).replace(/\r\n|\r/g, '\n').replace(/\n$/, '');
    return { raw: out.split('\n').join(eol), message: `Toggled "${stepName(anchor)}" through Tasks` };
  });
}

/** The edit a tick makes of the note at `path`. */
export function tickEdit(app: App, path: string, options: ToggleOptions): (text: string, at: StepRef) => EditResult {
  const tasks = tasksToggle(app);
  // Asked once per line: the writer may run the edit again on the text it writes to.
  const answers = new Map<string, string>();
  const run: TasksToggle = (line, p) => {
    const known = answers.get(line);
    if (known !== undefined) return known;
    const out = tasks?.(line, p) ?? line;
    answers.set(line, out);
    return out;
  };
  return (text, at) => {
    if (tasks !== null && at.expected !== undefined && isRecurring(at.expected)) return tasksEdit(text, at, path, run);
    return toggleStep(text, at, options);
  };
}

/** Ticks the step the plan read on `line` of the note at `path`, through the one note writer. */
export function tickStep(app: App, path: string, line: number, expectedRaw: string | undefined, options: ToggleOptions, write: EditOptions = {}): Promise<EditResult> {
  return applyStepEdit(app, path, line, expectedRaw, tickEdit(app, path, options), write);
}
