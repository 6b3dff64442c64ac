import { readFile } from 'node:fs/promises';
import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext, trackErrors } from './support/browser';
import { openCaseViaApi } from './support/cases';
import { NL } from './support/flows';
import { acceptInviteViaApi, colleagueViaApi, inviteViaApi, setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

test.describe('audit log', () => {
  let server: TestServer;
  let browser: Browser;

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('a privacy officer reads the audit log, filters it and verifies the chain', async () => {
    const adminContext = await newContext(browser, server.baseUrl);
    const adminPage = await adminContext.newPage();
    await setupViaApi(adminPage);
    const officer = {
      name: 'Fatma Yilmaz',
      email: 'fatma@hulplijn.example',
      password: 'privacy gaat boven alles hier',
    };
    const link = await inviteViaApi(adminPage, { ...officer, role: 'privacy_officer' });
    // A coordinator opens two cases, so the log has case entries to read by reference.
    const coordinator = await colleagueViaApi(browser, server.baseUrl, adminPage, {
      name: 'Karim Coördinator',
      email: 'karim@hulplijn.example',
      role: 'coordinator',
    });
    const wanted = await openCaseViaApi(coordinator.page, 'Moeder Samira');
    const other = await openCaseViaApi(coordinator.page, 'Vader Yusuf');
    await coordinator.context.close();
    await adminContext.close();

    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = trackErrors(page);
    await acceptInviteViaApi(page, link, officer);

    const nav = page.getByRole('navigation', { name: NL.nav.mainNav });
    await expect(nav.getByRole('link', { name: NL.nav.users })).toHaveCount(0);
    await nav.getByRole('link', { name: NL.nav.audit }).click();
    await expect(page.getByRole('heading', { level: 1, name: NL.titles.audit })).toBeVisible();
    await expect(page).toHaveTitle(`${NL.titles.audit} · Confidant`);

    const table = page.getByRole('table');
    // Actions and record types in words, in the UI language; no internal codes.
    const invited = NL.logLabels.actions.user_invite;
    await expect(table.getByText(invited).first()).toBeVisible();
    await expect(table.getByText('user.invite')).toHaveCount(0);
    expect(await table.getByRole('row').count()).toBeGreaterThan(2);

    // Filter by the admin who sent the invitation.
    await page
      .getByRole('combobox', { name: NL.audit.user, exact: true })
      .selectOption({ label: 'Amina Bakker' });
    await page.getByRole('button', { name: NL.audit.apply }).click();
    await expect(table.getByText(invited).first()).toBeVisible();
    const actors = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(new Set(actors)).toEqual(new Set(['Amina Bakker']));

    // Filter by case reference: only that case's entries, named by reference (not by id).
    await page
      .getByRole('combobox', { name: NL.audit.user, exact: true })
      .selectOption({ label: NL.audit.anyUser });
    await page.getByRole('textbox', { name: NL.audit.caseReference }).fill(wanted.reference);
    await page.getByRole('button', { name: NL.audit.apply }).click();
    await expect(table.getByText(NL.logLabels.actions.case_create).first()).toBeVisible();
    const refs = await table.locator('tbody tr td:nth-child(6)').allInnerTexts();
    expect(refs.length).toBeGreaterThan(0);
    expect(new Set(refs)).toEqual(new Set([wanted.reference]));
    await expect(table.getByText(wanted.id)).toHaveCount(0);

    // Export as CSV with the same filter: a download of that case's entries only, then audited.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: NL.audit.export }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('audit-log.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain(`,${wanted.reference},`);
    expect(csv).not.toContain(other.reference);
    expect(csv).not.toContain('Moeder Samira');
    await page.getByRole('textbox', { name: NL.audit.caseReference }).fill('');
    await page.getByRole('button', { name: NL.audit.apply }).click();
    await expect(table.getByText(NL.logLabels.actions.audit_export).first()).toBeVisible();

    await page.getByRole('button', { name: NL.audit.verify }).click();
    const verdict = page.getByRole('status').filter({ hasText: /Auditketen intact/ });
    await expect(verdict).toBeVisible();
    expect(await verdict.innerText()).toMatch(/\(\d+ regels gecontroleerd\)/);

    await nav.getByRole('link', { name: NL.nav.accessLog }).click();
    await expect(page.getByRole('heading', { level: 1, name: NL.titles.accessLog })).toBeVisible();
    await expect(page.getByText(NL.accessLog.empty).or(page.getByRole('table')).first()).toBeVisible();

    // Unknown paths show the 404 page with a way home.
    await page.goto('/bestaat-niet');
    await expect(page.getByRole('heading', { level: 1, name: NL.titles.notFound })).toBeVisible();
    await page.getByRole('link', { name: NL.notFound.home }).click();
    await page.waitForURL((url) => url.pathname === '/');

    expect(errors).toEqual([]);
    await context.close();
  });
});
