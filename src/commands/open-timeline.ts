/**
 * `open-timeline`: the timeline of the current goal (the note's own goal, else the one goal
 * whose plan reads it, else a choice among those), and outside any goal a choice among the
 * active goals.
 */
import { chooseGoal, goalsOfActiveNote, pickGoal } from './active-goal';
import type { CommandSpec } from './spec';
import { todayOf } from './step-context';

export const openTimelineCommand: CommandSpec = {
  id: 'open-timeline',
  name: 'Open timeline',
  icon: 'gantt-chart',
  create: (host) => ({
    checkCallback: (checking) => {
      if (!host.index.isReady()) return false;
      if (checking) return true;
      const mine = goalsOfActiveNote(host);
      const open = (goal: { path: string }): Promise<void> => host.openTimeline(goal.path);
      if (mine.length > 0) chooseGoal(host.app, mine, open);
      else {
        const goals = host.index.reports(todayOf(host)).filter((r) => r.status === 'active');
        pickGoal(host.app, goals.length > 0 ? goals : host.index.reports(todayOf(host)), open);
      }
      return true;
    },
  }),
};
