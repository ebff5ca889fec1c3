/** Jest runs TypeScript through ts-jest (type-checking is `npm run typecheck`'s job). */
process.env.TZ = 'UTC';

// Suites that need the peer data; ACTION_PLAN_PEER_DATA=absent leaves them out (tests/peer-suites.cjs).
const PEER_SUITES = require('./tests/peer-suites.cjs');
const peerAbsent = process.env.ACTION_PLAN_PEER_DATA === 'absent';
if (peerAbsent) console.warn(`ACTION_PLAN_PEER_DATA=absent: leaving out ${PEER_SUITES.length} suites that compare with Obsidian's own output:\n  ${PEER_SUITES.join('\n  ')}`);

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(peerAbsent ? PEER_SUITES.map((p) => `<rootDir>/${p}`) : [])],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: {
    '^obsidian$': '<rootDir>/tests/host/obsidian-stub.ts',
  },
  globalSetup: '<rootDir>/tests/global-setup.cjs',
  setupFilesAfterEnv: ['<rootDir>/tests/host/jest-setup.ts'],
  // Property tests and the plugin over the demo vault take seconds on a busy 2-core machine.
  testTimeout: 60000,
};
