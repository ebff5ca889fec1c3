/** `--goal NAME` on the command line: the engine's goal matcher, its refusal as one line. */
import { goalMatchError, matchGoalName } from '../engine/report/goal-match';
import type { GoalReport } from '../engine/types';

export type GoalMatch = { goal: GoalReport } | { error: string };

export function matchGoal(reports: readonly GoalReport[], name: string): GoalMatch {
  const match = matchGoalName(reports, name);
  return 'goal' in match ? match : { error: goalMatchError(name, match) };
}
