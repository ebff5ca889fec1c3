/** Jest runs TypeScript through ts-jest (type-checking is `npm run typecheck`'s job). */
process.env.TZ = 'UTC';
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
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
