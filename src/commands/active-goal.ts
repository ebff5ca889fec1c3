/**
 * Which goal a command means when it runs from a note, one rule for the step commands and the
 * goal commands alike: the note's own goal when the note is a goal; else the goal whose plan
 * reads the note, when only one does; else the person picks among the goals that read it.
 */
import type { App } from 'obsidian';
import type { GoalReport } from '../engine/types';
import type { LiveIndex } from '../obsidian/live-index';
import { Picker } from './goal/picker';
import { todayOf } from './step-context';

export interface GoalHost {
  app: App;
  index: LiveIndex;
}

/** The goals a command run from the note at `path` may mean: its own goal alone, else every goal reading it, by path. */
export function goalsOfNote(host: GoalHost, path: string): GoalReport[] {
  const today = todayOf(host);
  const own = host.index.report(path, today);
  if (own !== null) return [own];
  const out: GoalReport[] = [];
  for (const goal of host.index.goalsReadingNote(path)) {
    const report = host.index.report(goal, today);
    if (report !== null) out.push(report);
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** The goals the active note may mean (none without an active note). */
export function goalsOfActiveNote(host: GoalHost): GoalReport[] {
  const file = host.app.workspace.getActiveFile();
  return file === null ? [] : goalsOfNote(host, file.path);
}


/** Runs `then` on the only goal of `goals` at once, or on the one the person picks; nothing when empty. */
export function chooseGoal(app: App, goals: GoalReport[], then: (goal: GoalReport) => unknown): void {
  const only = goals.length === 1 ? goals[0] : undefined;
  if (only !== undefined) {
    void then(only);
    return;
  }
  if (goals.length > 1) pickGoal(app, goals, then);
}

/** A list of goals to pick one from; `then` runs on the one picked. */
export function pickGoal(app: App, goals: GoalReport[], then: (goal: GoalReport) => unknown): void {
  new Picker(app, goals, {
    placeholder: 'Choose a goal',
    show: (g) => ({ text: g.title, detail: g.path }),
    searchIn: (g) => [g.title, g.path],
    then,
  }).open();
}
