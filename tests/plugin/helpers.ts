/** Starting the real plugin in the test host over a folder of notes. */
import { join } from 'node:path';
import ActionPlanPlugin from '../../src/main';
import { createTestApp, InMemoryVault, Modal, Notice, Setting, startPlugin, stopPlugin, type TestApp } from '../host';

export const ROOT = join(__dirname, '..', '..');
export const TODAY = '2026-11-25';

/** Freezes the date (only `Date`: the index's yields and the host's timers stay real). */
export function freezeToday(): void {
  jest.useFakeTimers({
    now: new Date(`${TODAY}T10:00:00`),
    doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'hrtime', 'performance'],
  });
}

export interface Started {
  app: TestApp;
  vault: InMemoryVault;
  plugin: ActionPlanPlugin;
}

/** The plugin started over a folder, the layout made ready and the index built. */
export function startOver(folder: string, data?: unknown, options: { userEnable?: boolean } = {}): Promise<Started> {
  return startWith(InMemoryVault.fromFolder(join(ROOT, folder)), data, options);
}

/** The plugin started over a vault, the layout made ready and the index built. */
export async function startWith(vault: InMemoryVault, data?: unknown, options: { userEnable?: boolean } = {}): Promise<Started> {
  const app = createTestApp(vault);
  app.workspace.setLayoutReady();
  const plugin = await startPlugin(ActionPlanPlugin, app, {}, data, options);
  await app.settle();
  await plugin.index.whenBuilt();
  return { app, vault, plugin };
}

/** Each test on a fresh host: the date frozen, notices, forms and settings rows cleared; the plugin stopped after it. */
export function freshHostEachTest(started: () => Started | undefined): void {
  beforeEach(() => {
    freezeToday();
    Notice.clear();
    Modal.clear();
    Setting.clear();
  });
  afterEach(async () => {
    const s = started();
    if (s !== undefined) await stopPlugin(s.plugin);
    jest.useRealTimers();
  });
}
