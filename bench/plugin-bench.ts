/**
 * The plugin's side of the benchmark, in the test host (an in-memory vault and metadata cache
 * that behave as Obsidian's): `onload` time, the cold index's longest slice of work between
 * two yields to the interface, and the update latency from a `changed` event to the
 * listeners being told.
 */
import ActionPlanPlugin from '../src/main';
import { createTestApp, InMemoryVault, stopPlugin } from '../tests/host';

export interface PluginResult {
  onloadMs: number;
  buildMs: number;
  longestSliceMs: number;
  slices: number;
  updateP50: number;
  updateP95: number;
  updates: number;
  summary: string;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

export async function benchPlugin(root: string, size: string): Promise<PluginResult> {
  const vault = InMemoryVault.fromFolder(root);
  const app = createTestApp(vault);
  await app.settle();

  // onload: from load() until its promise resolves (settings read, nothing indexed).
  const plugin = new ActionPlanPlugin(app, { id: 'action-plan', name: 'Action Plan', version: '0.1.0', minAppVersion: '1.7.2', description: '', author: '' });
  const t0 = performance.now();
  plugin.load();
  await (plugin as unknown as { hostOnloadResult: unknown }).hostOnloadResult;
  const onloadMs = performance.now() - t0;

  // Timing of updates starts at the `changed` event: this listener is registered before the
  // index's (which registers at layout-ready), so it runs first.
  let changedAt = 0;
  const ref = app.metadataCache.on('changed', () => {
    changedAt = performance.now();
  });

  // The cold index after layout-ready, in slices.
  app.workspace.setLayoutReady();
  await plugin.index.whenBuilt();
  const build = plugin.index.lastBuild;

  // Updates: one note changes (a box ticked); time from `changed` to the listeners told.
  const latencies: number[] = [];
  const index = plugin.index;
  let told = 0;
  index.onChange(() => {
    latencies.push(performance.now() - changedAt);
    told++;
  });
  const held = index.heldPaths().sort();
  const rounds = Math.min(held.length, 600);
  for (let i = 0; i < rounds; i++) {
    const path = held[(i * 7919) % held.length] ?? '';
    const file = vault.getFileByPath(path);
    if (file === null) continue;
    const before = told;
    await vault.process(file, (text) => (text.includes('- [ ]') ? text.replace('- [ ]', '- [x]') : text.replace('- [x]', '- [ ]')));
    await app.metadataCache.nextChanged(path);
    if (told === before) await app.settle();
  }
  app.metadataCache.offref(ref);
  await stopPlugin(plugin);
  // The first changes warm the code up; report the rest.
  const measured = latencies.slice(Math.min(50, Math.floor(latencies.length / 4)));
  const result = {
    onloadMs,
    buildMs: build.total,
    longestSliceMs: build.longestSlice,
    slices: build.slices,
    updateP50: percentile(measured, 50),
    updateP95: percentile(measured, 95),
    updates: measured.length,
    summary: '',
  };
  result.summary =
    `  plugin (${size}): onload ${result.onloadMs.toFixed(2)} ms | cold index ${result.buildMs.toFixed(0)} ms in ${result.slices} slices, longest ${result.longestSliceMs.toFixed(1)} ms | ` +
    `changed → listeners told: p50 ${result.updateP50.toFixed(2)} ms, p95 ${result.updateP95.toFixed(2)} ms (${result.updates} changes)`;
  return result;
}
