import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, trackErrors } from './support/browser';
import { acceptInviteViaUi, inviteViaUi, NL, setupViaUi } from './support/flows';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

describe('audit log', () => {
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

  it('a privacy officer reads the audit log, filters it and verifies the chain', async () => {
    const adminContext = await newContext(browser, server.baseUrl);
    const adminPage = await adminContext.newPage();
    await setupViaUi(adminPage);
    const officer = {
      name: 'Fatma Yilmaz',
      email: 'fatma@hulplijn.example',
      password: 'privacy gaat boven alles hier',
    };
    const link = await inviteViaUi(adminPage, { ...officer, role: 'privacy_officer' });
    await adminContext.close();

    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = trackErrors(page);
    await acceptInviteViaUi(page, link, officer);

    const nav = page.getByRole('navigation', { name: NL.nav.mainNav });
    expect(await nav.getByRole('link', { name: NL.nav.users }).count()).toBe(0);
    await nav.getByRole('link', { name: NL.nav.audit }).click();
    await page.getByRole('heading', { level: 1, name: NL.titles.audit }).waitFor();
    expect(await page.title()).toBe(`${NL.titles.audit} · Confidant`);

    const table = page.getByRole('table');
    await table.getByText('user.invite').first().waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(2);

    // Filter by the admin who sent the invitation.
    await page
      .getByRole('combobox', { name: NL.audit.user, exact: true })
      .selectOption({ label: 'Amina Bakker' });
    await page.getByRole('button', { name: NL.audit.apply }).click();
    await table.getByText('user.invite').first().waitFor();
    const actors = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(new Set(actors)).toEqual(new Set(['Amina Bakker']));

    await page.getByRole('button', { name: NL.audit.verify }).click();
    const verdict = page.getByRole('status').filter({ hasText: /Auditketen intact/ });
    await verdict.waitFor();
    expect(await verdict.innerText()).toMatch(/\(\d+ regels gecontroleerd\)/);

    await nav.getByRole('link', { name: NL.nav.accessLog }).click();
    await page.getByRole('heading', { level: 1, name: NL.titles.accessLog }).waitFor();
    await page.getByText(NL.accessLog.empty).or(page.getByRole('table')).first().waitFor();

    // Unknown paths show the 404 page with a way home.
    await page.goto('/bestaat-niet');
    await page.getByRole('heading', { level: 1, name: NL.titles.notFound }).waitFor();
    await page.getByRole('link', { name: NL.notFound.home }).click();
    await page.waitForURL((url) => url.pathname === '/');

    expect(errors).toEqual([]);
    await context.close();
  });
});
