/**
 * What the goal commands share: the plugin parts they use, finding the goal a command is about
 * (the active note's, else one picked from a list).
 */
import { Notice, TFile, type App } from 'obsidian';
import { parseDateInput, type DateInput } from '../../engine/days/nldate';
import type { GoalReport } from '../../engine/types';
import type { LiveIndex } from '../../obsidian/live-index';
import type { ActionPlanSettings } from '../../settings/settings';
import { todayOf } from '../step-context';
import { chooseGoal, goalsOfActiveNote, pickGoal } from '../active-goal';

export interface GoalCommandHost {
  app: App;
  index: LiveIndex;
  settings: ActionPlanSettings;
}

/** Runs `then` on the goal the active note means (see `active-goal.ts`), or, when no goal reads it, on one picked from all. */
export function withGoal(host: GoalCommandHost, then: (goal: GoalReport) => unknown): void {
  const mine = goalsOfActiveNote(host);
  if (mine.length > 0) return chooseGoal(host.app, mine, then);
  const goals = host.index.reports(todayOf(host));
  if (goals.length === 0) new Notice('No goal notes yet: the new goal command creates one.');
  else pickGoal(host.app, goals, then);
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
