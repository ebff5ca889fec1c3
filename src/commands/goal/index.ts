/** The goal commands of SPEC 3, by id. */
import { addCheckpointCommand } from './add-checkpoint';
import type { GoalCommandHost } from './context';
import { copySummaryCommand } from './copy-summary';
import { pivotCommand } from './pivot';
import { recordCheckpointCommand } from './record-checkpoint';
import { setStatusCommand } from './set-status';

export type { GoalCommandHost } from './context';

export const GOAL_COMMANDS: Record<string, (host: GoalCommandHost) => void> = {
  'add-checkpoint': addCheckpointCommand,
  'record-checkpoint': recordCheckpointCommand,
  'set-goal-status': setStatusCommand,
  'pivot-goal': pivotCommand,
  'copy-plan-summary': copySummaryCommand,
};
