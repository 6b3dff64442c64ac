import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, trackErrors } from './support/browser';
import { acceptInviteViaUi, inviteViaUi, NL, setupViaUi } from './support/flows';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

describe('inviting a colleague', () => {
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

  it('admin invites a coordinator who activates the account with password and TOTP', async () => {
    const adminContext = await newContext(browser, server.baseUrl);
    const adminPage = await adminContext.newPage();
    const adminErrors = trackErrors(adminPage);
    await setupViaUi(adminPage);

    const coordinator = {
      name: 'Youssef El Amrani',
      email: 'youssef@hulplijn.example',
      password: 'de zon schijnt op het plein vandaag',
    };
    const link = await inviteViaUi(adminPage, { ...coordinator, role: 'coordinator' });
    expect(link).toMatch(/\/invite#.{20,}/);

    // The new row shows the invited state.
    const row = adminPage.getByRole('row', { name: new RegExp(coordinator.name) });
    await row.getByText(NL.status.invited).waitFor();
    await row.getByText(NL.roles.coordinator).waitFor();

    // The invitee opens the link in a browser of their own.
    const inviteeContext = await newContext(browser, server.baseUrl, {
      viewport: { width: 390, height: 844 },
    });
    const page = await inviteeContext.newPage();
    const errors = trackErrors(page);
    await page.goto(link);
    await page.getByText(NL.roles.coordinator, { exact: true }).waitFor();
    await page.getByText(coordinator.email).waitFor();

    // Too short a password is refused before anything is sent.
    await page.getByRole('textbox', { name: NL.invite.password, exact: true }).fill('kort');
    await page.getByRole('button', { name: NL.invite.submit }).click();
    await page.getByText(NL.fieldErrors.too_small).waitFor();

    await acceptInviteViaUi(page, link, coordinator);
    // The token is dropped from the address bar once spent.
    expect(new URL(page.url()).hash).toBe('');

    // Coordinator navigation: Home, New call, Cases and Profile; no Users, no audit pages (burger on a phone).
    await page.getByRole('button', { name: NL.nav.openMenu }).click();
    const nav = page.getByRole('navigation', { name: NL.nav.mainNav });
    await nav.getByRole('link', { name: NL.nav.home }).waitFor();
    await nav.getByRole('link', { name: NL.nav.newCall }).waitFor();
    await nav.getByRole('link', { name: NL.nav.cases }).waitFor();
    await nav.getByRole('link', { name: NL.nav.profile }).waitFor();
    expect(await nav.getByRole('link', { name: NL.nav.users }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: NL.nav.audit }).count()).toBe(0);
    // Home is "my work" for a coordinator.
    await page.getByRole('region', { name: NL.work.unassigned }).waitFor();

    // The admin sees the colleague as active now.
    await adminPage.reload();
    await adminPage
      .getByRole('row', { name: new RegExp(coordinator.name) })
      .getByText(NL.status.active)
      .waitFor();

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
    await confirm.waitFor({ state: 'hidden' });
    await coordinatorRow().getByText(NL.status.deactivated).waitFor();
    await page.reload();
    await page.waitForURL('**/login');
    await adminPage
      .getByRole('button', { name: NL.users.actionsFor.replace('{{name}}', coordinator.name) })
      .click();
    await adminPage.getByRole('menuitem', { name: NL.users.reactivate }).click();
    await coordinatorRow().getByText(NL.status.active).waitFor();

    // A spent link is refused.
    const again = await (await newContext(browser, server.baseUrl)).newPage();
    await again.goto(link);
    await again.getByText(NL.invite.invalid).waitFor();

    expect(errors).toEqual([]);
    expect(adminErrors).toEqual([]);
    await inviteeContext.close();
    await adminContext.close();
  });
});
