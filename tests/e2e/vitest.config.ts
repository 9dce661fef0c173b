import { defineConfig } from 'vitest/config';

// Real Chromium and Firefox tests: one browser per file, files one after another (2 cores, and browsers are heavy).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
