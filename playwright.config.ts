import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/support/chromium';

/**
 * End-to-end specs in Debian's Chromium (Playwright's own browser download cannot work here). Each spec file
 * starts its own server on a free port and data directory (tests/e2e/support/server.ts), so files are
 * independent and may run in parallel workers.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Compiles the server once (dist/server/main.js); every spec's server runs that, as `npm start` does.
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results',
  // Generous: a spec sets up its own server and accounts, and one accessibility pass checks ~45 pages, on a
  // two-core machine that other jobs share (at a load of 40 a pass took more than 300 s).
  timeout: 600_000,
  expect: { timeout: 15_000 },
  // Honest: a flaky spec fails rather than passing on a second try.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Two, measured on this two-core machine shared with other jobs. Five spec files (consent, intake, peers,
  // public-site, reports): 2 min 11 s with two workers (load average 14-18), 2 min 28 s with one (16-7). The
  // whole suite: 45.5 min with two workers at a load of 35-45, against 77 min for the Vitest suite it replaced
  // (one file at a time, load 17-40); the long accessibility spec then runs beside the others.
  workers: 2,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] },
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
    // Kept only for a failing test. DOM snapshots per action, without the screencast: its frames cost CPU
    // on every test, and the failure screenshots below show the end state.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
});
