import type { CommandSpec } from './spec';

export const openPlanView: CommandSpec = {
  id: 'open-plan-view',
  name: 'Open plan view',
  icon: 'target',
  create: (host) => ({ callback: () => host.activateView() }),
};
