/** Rendering of the sidebar from the engine's reports: plain functions over a container. */
import type { GoalReport } from '../engine/types';

/** The summary line: how many goals the plan holds (null while the index is being built). */
export function renderSummary(container: HTMLElement, reports: GoalReport[] | null): void {
  container.empty();
  const root = container.createDiv({ cls: 'action-plan-view' });
  if (reports === null) {
    root.createDiv({ cls: 'action-plan-summary', text: 'Reading your goals…' });
    return;
  }
  const n = reports.length;
  root.createDiv({ cls: 'action-plan-summary', text: n === 1 ? '1 goal' : `${n} goals` });
}
