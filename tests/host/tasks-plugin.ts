/**
 * A stand-in for the Tasks plugin as another plugin sees it: enabled in `app.plugins`, with its
 * manifest's version and its public `apiV1.executeToggleTaskDoneCommand(line, path)`, which
 * returns the toggled line. For a recurring task (`🔁 every day|week|month`, or `every N days|
 * weeks`) with a due date, the next occurrence comes first and the done line after it, with `\n`
 * between, as Tasks does by default. What Tasks writes beyond that (other recurrence rules, its
 * settings, its own done-date format) is a guess, said in tests/README.md.
 */
import type { HostApp } from './app';

export const TASKS_ID = 'obsidian-tasks-plugin';

export interface TasksStandIn {
  manifest: { id: string; version: string };
  apiV1: { executeToggleTaskDoneCommand(line: string, path: string): string };
  /** Host only: the calls made, in order. */
  calls: { line: string; path: string }[];
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function addMonths(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

/** The next due date of a rule such as `every week` or `every 3 days`, or null. */
function nextDue(rule: string, due: string): string | null {
  const m = /^every (\d+ )?(day|week|month)s?\b/.exec(rule.trim());
  if (m === null) return null;
  const n = m[1] === undefined ? 1 : Number(m[1]);
  if (m[2] === 'month') return addMonths(due, n);
  return addDays(due, m[2] === 'week' ? 7 * n : n);
}

/** Tasks' toggle of one line, on `today`. */
export function tasksToggleLine(line: string, today: string): string {
  const box = /^(\s*(?:[-*+]|\d+[.)])\s+\[)(.)(\])/.exec(line);
  if (box === null) return line;
  const done = box[2] === 'x' || box[2] === 'X';
  if (done) return line.replace(box[0], `${box[1]} ${box[3]}`).replace(/ ✅ \d{4}-\d{2}-\d{2}/, '');
  const doneLine = `${line.replace(box[0], `${box[1]}x${box[3]}`)} ✅ ${today}`;
  const rule = /🔁 ([^📅⏳🛫✅➕❌]*)/u.exec(line)?.[1];
  const due = /📅 (\d{4}-\d{2}-\d{2})/.exec(line)?.[1];
  const next = rule === undefined || due === undefined ? null : nextDue(rule, due);
  return next === null ? doneLine : `${line.replace(`📅 ${due}`, `📅 ${next}`)}\n${doneLine}`;
}

/** Enables the stand-in in the app; `today` is the date its done dates carry. */
export function installTasksPlugin(app: HostApp, today: string, version = '7.2.0'): TasksStandIn {
  const calls: { line: string; path: string }[] = [];
  const tasks: TasksStandIn = {
    manifest: { id: TASKS_ID, version },
    calls,
    apiV1: {
      executeToggleTaskDoneCommand: (line, path) => {
        calls.push({ line, path });
        return tasksToggleLine(line, today);
      },
    },
  };
  app.plugins.plugins[TASKS_ID] = tasks;
  app.plugins.enabledPlugins.add(TASKS_ID);
  return tasks;
}
