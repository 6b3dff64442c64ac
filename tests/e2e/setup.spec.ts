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
      await expect(page).toHaveTitle(`${NL.titles.home} · Confidant`);
      await expect(page.getByText(ORGANISATION).first()).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

      // The admin's home shows the set-up checklist, worked out on the server: nothing done yet.
      const checklist = page.getByRole('region', { name: NL.checklist.title });
      await expect(
        checklist.getByText(NL.checklist.progress.replace('{{done}}', '0').replace('{{total}}', '5')),
      ).toBeVisible();
      await expect(checklist.getByText(NL.checklist.done, { exact: true })).toHaveCount(0);
      await expect(checklist.getByRole('button', { name: NL.checklist.dismiss })).toHaveCount(0);
      // Each step links to its page; saving the time zone there ticks off "organisation details".
      await checklist.getByRole('link', { name: NL.checklist.items.organisation.title }).click();
      await expect(page.getByRole('heading', { level: 1, name: NL.titles.aftercare })).toBeVisible();
      const zone = page.getByRole('form', { name: NL.timeZoneSettings.title });
      await zone.getByRole('button', { name: NL.common.save }).click();
      await expect(zone.getByText(NL.timeZoneSettings.saved)).toBeVisible();
      await page.getByRole('link', { name: NL.nav.home }).click();
      await expect(
        checklist.getByText(NL.checklist.progress.replace('{{done}}', '1').replace('{{total}}', '5')),
      ).toBeVisible();
      const organisationStep = checklist
        .getByRole('listitem')
        .filter({ hasText: NL.checklist.items.organisation.title });
      await expect(organisationStep.getByText(NL.checklist.done, { exact: true })).toHaveCount(1);
      await checklist.getByRole('link', { name: NL.checklist.items.staff.title }).click();
      await page.waitForURL('**/users');

      // The wizard is gone once set up.
      await page.goto('/setup');
      await expectHome(page, admin.name);

      await page.reload();
      await expectHome(page, admin.name);

      await page.getByRole('button', { name: NL.common.signOut }).click();
      await page.waitForURL('**/login');
      await expect(page.getByText(NL.auth.signedOut)).toBeVisible();

      // Protected pages send a signed-out visitor to the sign-in page.
      await page.goto('/profile');
      await page.waitForURL('**/login');

      // A wrong password is refused with a translated message.
      await page.getByRole('textbox', { name: NL.auth.email, exact: true }).fill(admin.email);
      await page
        .getByRole('textbox', { name: NL.auth.password, exact: true })
        .fill('not the password at all');
      await page.getByRole('button', { name: NL.auth.submit, exact: true }).click();
      await expect(page.getByText(NL.errors.invalid_credentials)).toBeVisible();

      // After signing in, the page that was asked for opens.
      await signInViaUi(page, admin, { path: '/profile', heading: NL.titles.profile });
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});
