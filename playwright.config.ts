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
  outputDir: 'test-results',
  // Generous: a spec sets up its own server and accounts, on a busy two-core machine.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  // Honest: a flaky spec fails rather than passing on a second try.
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Measured on the two-core CI machine: see docs/testing.md.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] },
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
    actionTimeout: 15_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
