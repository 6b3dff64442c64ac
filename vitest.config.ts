import { defineConfig } from 'vitest/config';

// Two suites: unit (no I/O) and integration (PGlite + PostgreSQL). The end-to-end specs (Chromium against a
// real server) run on Playwright Test: playwright.config.ts.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'bench/**/*.int.test.ts'],
          // Generous: the suite must pass on a busy two-core machine, where a PDF test can take seconds.
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'bench/**/*.int.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
