/** The fuzzer in CI: a small, seeded count (`npm run fuzz` runs the full one). */
import { fuzz } from './fuzz';

it('random vaults: no throw, no non-number, JSON that parses, a clean terminal', () => {
  const stats = fuzz(20261129, 1500, 30, 10);
  expect(stats.failures.slice(0, 5)).toEqual([]);
  expect(stats.notes).toBeGreaterThanOrEqual(1500);
  expect(stats.goals).toBeGreaterThan(100);
  expect(stats.cliRuns).toBeGreaterThan(0);
});
