import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext, trackErrors } from './support/browser';
import { expectHome, NL, ORGANISATION, setupViaUi, signInViaUi } from './support/flows';
import type { Account } from './support/flows';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

test.describe('first-run setup', () => {
  let server: TestServer;
  let browser: Browser;

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('sets up the organisation, enrols TOTP, survives a reload, signs out and in again', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = trackErrors(page);

    await test.step('setup', async () => {
      const admin: Account = await setupViaUi(page);
      expect(await page.title()).toBe(`${NL.titles.home} · Confidant`);
      await expect(page.getByText(ORGANISATION).first().isVisible()).resolves.toBe(true);
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');

      // The admin's home shows the set-up checklist, worked out on the server: nothing done yet.
      const checklist = page.getByRole('region', { name: NL.checklist.title });
      await checklist
        .getByText(NL.checklist.progress.replace('{{done}}', '0').replace('{{total}}', '5'))
        .waitFor();
      expect(await checklist.getByText(NL.checklist.done, { exact: true }).count()).toBe(0);
      expect(await checklist.getByRole('button', { name: NL.checklist.dismiss }).count()).toBe(0);
      // Each step links to its page; saving the time zone there ticks off "organisation details".
      await checklist.getByRole('link', { name: NL.checklist.items.organisation.title }).click();
      await page.getByRole('heading', { level: 1, name: NL.titles.aftercare }).waitFor();
      const zone = page.getByRole('form', { name: NL.timeZoneSettings.title });
      await zone.getByRole('button', { name: NL.common.save }).click();
      await zone.getByText(NL.timeZoneSettings.saved).waitFor();
      await page.getByRole('link', { name: NL.nav.home }).click();
      await checklist
        .getByText(NL.checklist.progress.replace('{{done}}', '1').replace('{{total}}', '5'))
        .waitFor();
      const organisationStep = checklist
        .getByRole('listitem')
        .filter({ hasText: NL.checklist.items.organisation.title });
      expect(await organisationStep.getByText(NL.checklist.done, { exact: true }).count()).toBe(1);
      await checklist.getByRole('link', { name: NL.checklist.items.staff.title }).click();
      await page.waitForURL('**/users');

      // The wizard is gone once set up.
      await page.goto('/setup');
      await expectHome(page, admin.name);

      await page.reload();
      await expectHome(page, admin.name);

      await page.getByRole('button', { name: NL.common.signOut }).click();
      await page.waitForURL('**/login');
      await page.getByText(NL.auth.signedOut).waitFor();

      // Protected pages send a signed-out visitor to the sign-in page.
      await page.goto('/profile');
      await page.waitForURL('**/login');

      // A wrong password is refused with a translated message.
      await page.getByRole('textbox', { name: NL.auth.email, exact: true }).fill(admin.email);
      await page
        .getByRole('textbox', { name: NL.auth.password, exact: true })
        .fill('not the password at all');
      await page.getByRole('button', { name: NL.auth.submit, exact: true }).click();
      await page.getByText(NL.errors.invalid_credentials).waitFor();

      // After signing in, the page that was asked for opens.
      await signInViaUi(page, admin, { path: '/profile', heading: NL.titles.profile });
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});
