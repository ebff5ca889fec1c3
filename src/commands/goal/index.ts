/** The goal commands of SPEC 3. Each works on the active note's goal, or on one picked from a list. */
import type { CommandSpec } from '../spec';
import { addCheckpointCommand } from './add-checkpoint';
import type { GoalCommandHost } from './context';
import { copySummaryCommand } from './copy-summary';
import { newGoalCommand } from './new-goal';
import { pivotCommand } from './pivot';
import { recordCheckpointCommand } from './record-checkpoint';
import { setStatusCommand } from './set-status';

/** A goal command is always offered; `run` finds or asks for its goal itself. */
function goalCommand(id: string, name: string, icon: string, run: (host: GoalCommandHost) => unknown): CommandSpec {
  return { id, name, icon, create: (host) => ({ callback: () => run(host) }) };
}

export const newGoalSpec = goalCommand('new-goal', 'New goal', 'target', newGoalCommand);
export const addCheckpointSpec = goalCommand('add-checkpoint', 'Add checkpoint', 'flag', addCheckpointCommand);
export const recordCheckpointSpec = goalCommand('record-checkpoint', 'Record checkpoint review', 'clipboard-check', recordCheckpointCommand);
export const setGoalStatusSpec = goalCommand('set-goal-status', 'Set goal status', 'pause-circle', setStatusCommand);
export const pivotGoalSpec = goalCommand('pivot-goal', 'Pivot goal', 'git-branch', pivotCommand);
export const copySummarySpec = goalCommand('copy-plan-summary', 'Copy plan summary', 'clipboard-copy', copySummaryCommand);
