import { defineConfig } from 'vitest/config';

// Browser tests: one file at a time, each starting its own server and Chromium. The global
// setup makes the migrated PGlite template and the CLI bundle every file's server starts from.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
