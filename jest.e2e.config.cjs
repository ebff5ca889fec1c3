/**
 * Browser tests (`npm run test:e2e`): the preview page of demo-vault/ in headless Chromium.
 * Kept apart from `npm test`: their files end in `.e2e.ts`, which the unit run does not match.
 */
process.env.TZ = 'UTC';
const base = require('./jest.config.cjs');
module.exports = {
  ...base,
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  globalSetup: '<rootDir>/tests/e2e/global-setup.cjs',
  // One browser at a time: the machine is small and each test starts its own.
  maxWorkers: 1,
  testTimeout: 60000,
};
