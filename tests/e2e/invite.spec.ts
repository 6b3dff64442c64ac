import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext, trackErrors } from './support/browser';
import ar from '../../src/web/i18n/locales/ar.json' with { type: 'json' };
import en from '../../src/web/i18n/locales/en.json' with { type: 'json' };
import { acceptInviteViaUi, ADMIN, inviteViaUi, NL, setupViaUi, signInViaUi } from './support/flows';
import { secretFromManualKey, totpCode } from './support/totp';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

test.describe('inviting a colleague', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  let adminSecret = '';

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('admin invites a coordinator who activates the account with password and TOTP', async () => {
    const adminContext = await newContext(browser, server.baseUrl);
    const adminPage = await adminContext.newPage();
    const adminErrors = trackErrors(adminPage);
    adminSecret = (await setupViaUi(adminPage)).secret!;

    const coordinator = {
      name: 'Youssef El Amrani',
      email: 'youssef@hulplijn.example',
      password: 'de zon schijnt op het plein vandaag',
    };
    const link = await inviteViaUi(adminPage, { ...coordinator, role: 'coordinator' });
    expect(link).toMatch(/\/invite#.{20,}/);

    // The new row shows the invited state.
    const row = adminPage.getByRole('row', { name: new RegExp(coordinator.name) });
    await expect(row.getByText(NL.status.invited)).toBeVisible();
    await expect(row.getByText(NL.roles.coordinator)).toBeVisible();

    // The invitee opens the link in a browser of their own.
    const inviteeContext = await newContext(browser, server.baseUrl, {
      viewport: { width: 390, height: 844 },
    });
    const page = await inviteeContext.newPage();
    const errors = trackErrors(page);
    await page.goto(link);
    await expect(page.getByText(NL.roles.coordinator, { exact: true })).toBeVisible();
    await expect(page.getByText(coordinator.email)).toBeVisible();

    // Too short a password is refused before anything is sent.
    await page.getByRole('textbox', { name: NL.invite.password, exact: true }).fill('kort');
    await page.getByRole('button', { name: NL.invite.submit }).click();
    await expect(page.getByText(NL.fieldErrors.too_small)).toBeVisible();

    await acceptInviteViaUi(page, link, coordinator);
    // The token is dropped from the address bar once spent.
    expect(new URL(page.url()).hash).toBe('');

    // Coordinator navigation: Home, New call, Cases and Profile; no Users, no audit pages (burger on a phone).
    await page.getByRole('button', { name: NL.nav.openMenu }).click();
    const nav = page.getByRole('navigation', { name: NL.nav.mainNav });
    await expect(nav.getByRole('link', { name: NL.nav.home })).toBeVisible();
    await expect(nav.getByRole('link', { name: NL.nav.newCall })).toBeVisible();
    await expect(nav.getByRole('link', { name: NL.nav.cases })).toBeVisible();
    await expect(nav.getByRole('link', { name: NL.nav.profile })).toBeVisible();
    await expect(nav.getByRole('link', { name: NL.nav.users })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: NL.nav.audit })).toHaveCount(0);
    // Home is "my work" for a coordinator.
    await expect(page.getByRole('region', { name: NL.work.unassigned })).toBeVisible();

    // The admin sees the colleague as active now.
    await adminPage.reload();
    await expect(
      adminPage.getByRole('row', { name: new RegExp(coordinator.name) }).getByText(NL.status.active),
    ).toBeVisible();

    // Deactivation asks first, signs the colleague out, and can be undone.
    const coordinatorRow = () => adminPage.getByRole('row', { name: new RegExp(coordinator.name) });
    await adminPage
      .getByRole('button', { name: NL.users.actionsFor.replace('{{name}}', coordinator.name) })
      .click();
    await adminPage.getByRole('menuitem', { name: NL.users.deactivate }).click();
    const confirm = adminPage.getByRole('dialog', {
      name: NL.users.confirm.deactivate.title.replace('{{name}}', coordinator.name),
    });
    await confirm.getByRole('button', { name: NL.users.confirm.deactivate.confirm }).click();
    await expect(confirm).toBeHidden();
    await expect(coordinatorRow().getByText(NL.status.deactivated)).toBeVisible();
    await page.reload();
    await page.waitForURL('**/login');
    await adminPage
      .getByRole('button', { name: NL.users.actionsFor.replace('{{name}}', coordinator.name) })
      .click();
    await adminPage.getByRole('menuitem', { name: NL.users.reactivate }).click();
    await expect(coordinatorRow().getByText(NL.status.active)).toBeVisible();

    // A spent link is refused.
    const again = await (await newContext(browser, server.baseUrl)).newPage();
    await again.goto(link);
    await expect(again.getByText(NL.invite.invalid)).toBeVisible();

    expect(errors).toEqual([]);
    expect(adminErrors).toEqual([]);
    await inviteeContext.close();
    await adminContext.close();
  });

  test('opens the invitation in the language the admin chose, and keeps a language picked at sign-in', async () => {
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    await signInViaUi(admin, { ...ADMIN, secret: adminSecret });
    await admin.getByRole('link', { name: NL.nav.users }).click();
    await admin.getByRole('button', { name: NL.users.invite }).first().click();
    const form = admin.getByRole('dialog', { name: NL.users.inviteTitle });
    const layla = {
      name: 'Layla Haddad',
      email: 'layla@hulplijn.example',
      password: 'de maan staat hoog boven de stad',
    };
    await form.getByRole('textbox', { name: NL.users.displayName, exact: true }).fill(layla.name);
    await form.getByRole('textbox', { name: NL.users.email, exact: true }).fill(layla.email);
    await form.getByRole('combobox', { name: NL.users.role, exact: true }).selectOption('counsellor');
    await form.getByRole('combobox', { name: NL.users.language, exact: true }).selectOption('ar');
    await form.getByRole('button', { name: NL.users.sendInvite }).click();
    const linkDialog = admin.getByRole('dialog', { name: NL.users.linkTitle });
    const link = await linkDialog.getByRole('textbox', { name: NL.users.link, exact: true }).inputValue();
    await adminContext.close();

    // A fresh Dutch browser: the invitation page opens in Arabic, right to left.
    const context = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = trackErrors(page);
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: ar.titles.invite })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.getByRole('textbox', { name: ar.invite.password, exact: true }).fill(layla.password);
    await page.getByRole('button', { name: ar.invite.submit }).click();
    const keyField = page.getByRole('textbox', { name: ar.enrol.manualKey, exact: true });
    await expect(keyField).toBeVisible();
    const secret = secretFromManualKey(await keyField.inputValue());
    await page.getByRole('textbox', { name: ar.auth.code, exact: true }).fill(await totpCode(secret));
    await page.getByRole('button', { name: ar.enrol.submit }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: ar.home.greeting.replace('{{name}}', layla.name) }),
    ).toBeVisible();
    const language = async () =>
      ((await (await page.request.get('/api/auth/session')).json()) as { user: { language: string } }).user
        .language;
    expect(await language()).toBe('ar');

    // Signed out, she picks English on the sign-in page: it stays English after signing in, and is saved.
    await page.getByRole('button', { name: ar.common.signOut }).click();
    await page.waitForURL('**/login');
    await page.locator('header select').first().selectOption('en');
    await page.getByRole('textbox', { name: en.auth.email, exact: true }).fill(layla.email);
    await page.getByRole('textbox', { name: en.auth.password, exact: true }).fill(layla.password);
    await page.getByRole('button', { name: en.auth.submit, exact: true }).click();
    await page.getByRole('textbox', { name: en.auth.code, exact: true }).fill(await totpCode(secret));
    await page.getByRole('button', { name: en.auth.verify }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: en.home.greeting.replace('{{name}}', layla.name) }),
    ).toBeVisible();
    await page.waitForTimeout(500);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect.poll(language).toBe('en');

    expect(errors).toEqual([]);
    await context.close();
  });
});
