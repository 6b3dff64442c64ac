import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Headless Chromium from the system (playwright's own download cannot work here). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context: own cookies and storage, Dutch browser locale, desktop viewport unless told otherwise. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'nl-NL',
  });
  context.setDefaultTimeout(15_000);
  if (process.env.E2E_DEBUG) {
    context.on('response', (response) => {
      if (response.status() >= 400) {
        void response
          .text()
          .then((body) => console.warn(response.status(), response.url(), body.slice(0, 300)));
      }
    });
    context.on('console', (message) => console.warn('console:', message.text()));
  }
  return context;
}

/**
 * Collects uncaught page errors, Content-Security-Policy violations, and any request to another origin (the
 * app must load nothing from elsewhere) so a spec can assert there were none. Listening, not routing: routing
 * would switch off the HTTP cache.
 */
export function trackErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      errors.push(`CSP violation: ${message.text()}`);
    }
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    const pageUrl = page.url().startsWith('http') ? new URL(page.url()) : undefined;
    if (pageUrl && url.origin !== pageUrl.origin) errors.push(`off-origin request: ${request.url()}`);
  });
  return errors;
}

/** Runs a spec body; on failure saves a full-page screenshot (to E2E_SHOTS or the OS temp dir) first. */
export async function withFailureShot<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    const dir = process.env.E2E_SHOTS ?? (await import('node:os')).tmpdir();
    await page.screenshot({ path: `${dir}/e2e-failure-${name}.png`, fullPage: true }).catch(() => undefined);
    throw error;
  }
}
