import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../../src/web/i18n/locales/ar.json';
import { launchBrowser, newContext, trackErrors } from './support/browser';
import { NL, setupViaUi } from './support/flows';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

describe('right-to-left', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('switches to Arabic (rtl, navbar on the right) and back to Dutch', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = trackErrors(page);
    await setupViaUi(page);
    const html = page.locator('html');
    // Not by name: the navigation's accessible name changes language too.
    const nav = page.getByRole('navigation');
    const main = page.locator('main');

    await page.getByRole('combobox', { name: NL.language.label }).selectOption('ar');
    await nav.getByRole('link', { name: ar.nav.home }).waitFor();
    expect(await html.getAttribute('dir')).toBe('rtl');
    expect(await html.getAttribute('lang')).toBe('ar');
    await nav.getByRole('link', { name: ar.nav.profile }).waitFor();
    await page.getByRole('button', { name: ar.common.signOut }).waitFor();

    const navBox = await nav.boundingBox();
    const mainBox = await main.boundingBox();
    if (!navBox || !mainBox) throw new Error('navbar or main not rendered');
    expect(navBox.x).toBeGreaterThan(mainBox.x + mainBox.width / 2);
    expect(navBox.x + navBox.width).toBeGreaterThan(1200);

    // Saved on the server: survives a reload.
    await page.reload();
    await nav.getByRole('link', { name: ar.nav.home }).waitFor();
    expect(await html.getAttribute('dir')).toBe('rtl');

    await page.getByRole('combobox', { name: ar.language.label }).selectOption('nl');
    await nav.getByRole('link', { name: NL.nav.home }).waitFor();
    expect(await html.getAttribute('dir')).toBe('ltr');
    expect(await html.getAttribute('lang')).toBe('nl');
    const ltrNav = await nav.boundingBox();
    expect(ltrNav?.x).toBeLessThan(10);

    expect(errors).toEqual([]);
    await context.close();
  });
});
