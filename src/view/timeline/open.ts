/**
 * Opening a goal's timeline (SPEC 4.3): one tab per goal in the main area; opening it again
 * reveals the tab that shows it.
 */
import type { App, WorkspaceLeaf } from 'obsidian';
import { TimelineView, VIEW_TYPE_TIMELINE } from './timeline-view';

/** The tab showing the goal's timeline, if one is open. */
export function timelineLeaf(app: App, path: string): WorkspaceLeaf | null {
  return app.workspace.getLeavesOfType(VIEW_TYPE_TIMELINE).find((l) => l.view instanceof TimelineView && l.view.goalPath === path) ?? null;
}

/** Opens the goal's timeline in a new tab, or reveals the tab that shows it. */
export async function openTimeline(app: App, path: string): Promise<void> {
  let leaf = timelineLeaf(app, path);
  if (leaf === null) {
    leaf = app.workspace.getLeaf('tab');
    await leaf.setViewState({ type: VIEW_TYPE_TIMELINE, state: { path }, active: true });
  }
  await app.workspace.revealLeaf(leaf);
}
