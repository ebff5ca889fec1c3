/** `remove-progress-keys`: takes `plan-progress`, `plan-health` and `plan-next` out of every goal note (SPEC 7). */
import { removeProgressKeys } from '../obsidian/progress-keys';
import type { CommandSpec } from './spec';

export const removeProgressKeysCommand: CommandSpec = {
  id: 'remove-progress-keys',
  name: 'Remove progress keys from goal notes',
  create: (host) => ({
    callback: () => void removeProgressKeys(host.app, host.index),
  }),
};
