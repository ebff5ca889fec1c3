/**
 * What the step commands share: today, the settings they write with, and the goal a note
 * belongs to.
 */
import { Notice } from 'obsidian';
import type { Day } from '../engine/dates';
import type { LiveIndex } from '../obsidian/live-index';
import type { GoalReport } from '../engine/types';
import type { CommandHost } from './spec';

/** Today, from the plugin's one clock (the index's). */
export function todayOf(host: { index: LiveIndex }): Day {
  return host.index.clock.today();
}

/** The goals whose plans read a note, the note's own goal first. */
export function goalsOfNote(host: CommandHost, path: string): GoalReport[] {
  const out: GoalReport[] = [];
  for (const goal of host.index.goalsReadingNote(path)) {
    const report = host.index.report(goal, todayOf(host));
    if (report !== null) out.push(report);
  }
  return out.sort((a, b) => (a.path === path ? -1 : b.path === path ? 1 : a.path.localeCompare(b.path)));
}

/** The goal of the active note, if it is a goal or a goal's plan reads it. */
export function activeGoal(host: CommandHost): GoalReport | null {
  const file = host.app.workspace.getActiveFile();
  if (file === null) return null;
  return goalsOfNote(host, file.path)[0] ?? null;
}

/** A short notice for the person, named after the plugin. */
export function say(text: string): void {
  new Notice(`Action Plan: ${text}`);
}
