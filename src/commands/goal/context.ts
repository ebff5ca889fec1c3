/**
 * What the goal commands share: the plugin parts they use, finding the goal a command is about
 * (the active note's, else one picked from a list).
 */
import { Notice, TFile, type App } from 'obsidian';
import { parseDateInput, type DateInput } from '../../engine/nldate';
import type { GoalReport } from '../../engine/types';
import type { LiveIndex } from '../../obsidian/live-index';
import type { ActionPlanSettings } from '../../settings/settings';
import { todayOf } from '../step-context';
import { Picker } from './picker';

export interface GoalCommandHost {
  app: App;
  index: LiveIndex;
  settings: ActionPlanSettings;
}

/** The goal of the active note: the goal itself, or the one goal whose plan reads it. */
export function activeGoal(host: GoalCommandHost): GoalReport | null {
  const file = host.app.workspace.getActiveFile();
  if (file === null) return null;
  const own = host.index.report(file.path, todayOf(host));
  if (own !== null) return own;
  const readers = host.index.reports(todayOf(host)).filter((r) => r.notes.includes(file.path));
  return readers.length === 1 ? (readers[0] ?? null) : null;
}

/** Runs `then` on the active note's goal, or on the goal the person picks. */
export function withGoal(host: GoalCommandHost, then: (goal: GoalReport) => unknown): void {
  const goal = activeGoal(host);
  if (goal !== null) {
    void then(goal);
    return;
  }
  const goals = host.index.reports(todayOf(host));
  if (goals.length === 0) {
    new Notice('No goal notes yet: the new goal command creates one.');
    return;
  }
  new Picker(host.app, goals, {
    placeholder: 'Choose a goal',
    show: (g) => ({ text: g.title, detail: g.path }),
    searchIn: (g) => [g.title, g.path],
    then,
  }).open();
}

/** The goal's note, or a notice when it is gone. */
export function goalFile(host: GoalCommandHost, goal: GoalReport): TFile | null {
  const file = host.app.vault.getFileByPath(goal.path);
  if (file instanceof TFile) return file;
  new Notice(`${goal.path} no longer exists.`);
  return null;
}

/** A date typed by the person, in words or as YYYY-MM-DD, as a day or a message. */
export function readDate(host: GoalCommandHost, input: string): DateInput {
  return parseDateInput(input, todayOf(host), host.settings.weekStart);
}
