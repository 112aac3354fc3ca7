import { defineConfig } from 'vitest/config';

// Unit tests of the web UI's pure helpers (formatting, API errors). Browser tests live in test/e2e.
export default defineConfig({
  test: {
    include: ['web/src/**/*.test.ts'],
    environment: 'node',
  },
});
