import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

/**
 * Headless Chromium from the system, for the stand-alone scripts (screenshots, cold load). The specs get
 * theirs from Playwright Test's `browser` fixture, launched with the same options (playwright.config.ts).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] });
}

/** A fresh context: own cookies and storage, Dutch browser locale, desktop viewport unless told otherwise. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: { viewport?: { width: number; height: number }; timezoneId?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'nl-NL',
    // The machine's zone unless a spec needs the helpline's own (its "today" must match the server's).
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
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
