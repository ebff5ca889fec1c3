/** The goal commands of SPEC 3. Each works on the active note's goal, or on one picked from a list. */
import type { CommandSpec } from '../spec';
import { addCheckpointCommand } from './add-checkpoint';
import { copySummaryCommand } from './copy-summary';
import { newGoalCommand } from './new-goal';
import { pivotCommand } from './pivot';
import { recordCheckpointCommand } from './record-checkpoint';
import { setStatusCommand } from './set-status';

export type { GoalCommandHost } from './context';

export const newGoalSpec: CommandSpec = {
  id: 'new-goal',
  name: 'New goal',
  icon: 'target',
  create: (host) => ({ callback: () => newGoalCommand(host) }),
};

export const addCheckpointSpec: CommandSpec = {
  id: 'add-checkpoint',
  name: 'Add checkpoint',
  icon: 'flag',
  create: (host) => ({ callback: () => addCheckpointCommand(host) }),
};

export const recordCheckpointSpec: CommandSpec = {
  id: 'record-checkpoint',
  name: 'Record checkpoint review',
  icon: 'clipboard-check',
  create: (host) => ({ callback: () => recordCheckpointCommand(host) }),
};

export const setGoalStatusSpec: CommandSpec = {
  id: 'set-goal-status',
  name: 'Set goal status',
  icon: 'pause-circle',
  create: (host) => ({ callback: () => setStatusCommand(host) }),
};

export const pivotGoalSpec: CommandSpec = {
  id: 'pivot-goal',
  name: 'Pivot goal',
  icon: 'git-branch',
  create: (host) => ({ callback: () => pivotCommand(host) }),
};

export const copySummarySpec: CommandSpec = {
  id: 'copy-plan-summary',
  name: 'Copy plan summary',
  icon: 'clipboard-copy',
  create: (host) => ({ callback: () => copySummaryCommand(host) }),
};
