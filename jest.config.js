/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is done once by `tsc --noEmit` before jest runs; here we only transpile.
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/support/failOnUnhandled.ts'],
  testTimeout: 20000,
  // With one worker available (2 cores) jest would run every file inside its own main process, and each file compiles
  // all rule files again (about 465 MB of heap): what stays reachable across files grows until V8 aborts (CI: exit
  // 134). A memory limit makes jest run files in a worker and replace the worker once it holds more than this.
  workerIdleMemoryLimit: '1GB',
};
