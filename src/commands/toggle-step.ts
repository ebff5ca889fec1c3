/**
 * `toggle-step`: ticks or unticks the step under the cursor (SPEC 2.3); a recurring step goes
 * through the Tasks plugin when it is enabled, as a tick anywhere else does (2.7).
 */
import { tickStep } from '../obsidian/tick';
import type { CommandSpec } from './spec';
import { todayOf } from './step-context';
import { onStep } from './step-target';

export const toggleStepCommand: CommandSpec = {
  id: 'toggle-step',
  name: 'Toggle step',
  icon: 'check-square',
  step: true,
  create: (host) =>
    onStep(host, async (target) => {
      const { recordDoneDate, dateFormat } = host.settings;
      await tickStep(host.app, target.path, target.line, target.step.raw, { today: todayOf(host), recordDone: recordDoneDate, format: dateFormat });
    }),
};
