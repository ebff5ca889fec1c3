/** @jest-environment jsdom */
/** The sidebar view opens in the right sidebar and shows the goals of the index. */
import { VIEW_TYPE_PLAN, PlanView } from '../../src/view/plan-view';
import { installDomHelpers } from '../host';
import { freezeToday, startOver } from './helpers';

installDomHelpers();
beforeEach(() => freezeToday());
afterEach(() => jest.useRealTimers());

describe('the plan view', () => {
  it('opens on first enable and shows how many goals there are', async () => {
    const { app, plugin } = await startOver('demo-vault', undefined, { userEnable: true });
    await app.settle();
    const leaves = app.workspace.getLeavesOfType(VIEW_TYPE_PLAN);
    expect(leaves).toHaveLength(1);
    const view = leaves[0]?.view as PlanView;
    expect(view).toBeInstanceOf(PlanView);
    await plugin.index.whenBuilt();
    // The view re-renders, debounced, once the index tells it the goals are read.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(view.contentEl.textContent).toBe('4 goals');
    // Revealing again does not open a second one.
    await plugin.activateView();
    expect(app.workspace.getLeavesOfType(VIEW_TYPE_PLAN)).toHaveLength(1);
  });
});
