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
          // Each worker keeps its modules from one file to the next. Isolated, every file imported the server
          // again and compiled PGlite's WebAssembly again (V8 re-optimising it each time): 700 s for this suite
          // on two cores, 406 s without. Every test builds its own app on its own database (test/harness.ts),
          // and no integration test mocks a module, so nothing a file leaves behind is read by the next.
          isolate: false,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
