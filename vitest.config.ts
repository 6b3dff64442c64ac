import { defineConfig } from 'vitest/config';

// Three suites: unit (no I/O), integration (PGlite + PostgreSQL), e2e (Chromium against a real server).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
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
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
