import type { Page } from 'playwright-core';
import nl from '../../../src/web/i18n/locales/nl.json' with { type: 'json' };
import { secretFromManualKey, totpCode } from './totp';

/** The Dutch UI strings: specs find elements by the same labels users see (Dutch is the default). */
export const NL = nl;

export interface Account {
  name: string;
  email: string;
  password: string;
  /** TOTP secret, known after enrolment. */
  secret?: string;
}

export const ADMIN: Account = {
  name: 'Amina Bakker',
  email: 'amina@hulplijn.example',
  password: 'een lange zin die alleen ik ken 42',
};
export const ORGANISATION = 'Hulplijn Radicalisering Test';

/** Completes the TOTP enrolment step currently on screen and returns the secret. */
export async function enrolViaUi(page: Page): Promise<string> {
  const keyField = page.getByRole('textbox', { name: NL.enrol.manualKey, exact: true });
  // The field only renders once the enrolment (and so the key) has loaded.
  await keyField.waitFor();
  const secret = secretFromManualKey(await keyField.inputValue());
  await page.getByRole('textbox', { name: NL.auth.code, exact: true }).fill(await totpCode(secret));
  await page.getByRole('button', { name: NL.enrol.submit }).click();
  return secret;
}

/** Waits until the signed-in home page greets the given user. */
export async function expectHome(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: NL.home.greeting.replace('{{name}}', name) }).waitFor();
  if (new URL(page.url()).pathname !== '/') throw new Error(`Expected to be on /, got ${page.url()}`);
}

/** First-run wizard through the UI; returns the admin with its TOTP secret. */
export async function setupViaUi(page: Page, admin: Account = ADMIN): Promise<Account> {
  await page.goto('/');
  await page.waitForURL('**/setup');
  await page.getByRole('textbox', { name: NL.setup.organisationName, exact: true }).fill(ORGANISATION);
  await page.getByRole('textbox', { name: NL.setup.adminName, exact: true }).fill(admin.name);
  await page.getByRole('textbox', { name: NL.setup.email, exact: true }).fill(admin.email);
  await page.getByRole('textbox', { name: NL.setup.password, exact: true }).fill(admin.password);
  await page.getByRole('button', { name: NL.setup.submit }).click();
  const secret = await enrolViaUi(page);
  await expectHome(page, admin.name);
  return { ...admin, secret };
}

/** Password then TOTP through the sign-in page; lands on home unless `landing` (path and h1) says otherwise. */
export async function signInViaUi(
  page: Page,
  account: Account,
  landing?: { path: string; heading: string },
): Promise<void> {
  if (!account.secret) throw new Error('Account has no TOTP secret');
  await page.goto('/login');
  await page.getByRole('textbox', { name: NL.auth.email, exact: true }).fill(account.email);
  await page.getByRole('textbox', { name: NL.auth.password, exact: true }).fill(account.password);
  await page.getByRole('button', { name: NL.auth.submit, exact: true }).click();
  await page.getByRole('textbox', { name: NL.auth.code, exact: true }).fill(await totpCode(account.secret));
  await page.getByRole('button', { name: NL.auth.verify }).click();
  if (!landing) return expectHome(page, account.name);
  await page.getByRole('heading', { level: 1, name: landing.heading }).waitFor();
  if (new URL(page.url()).pathname !== landing.path)
    throw new Error(`Expected ${landing.path}, got ${page.url()}`);
}

/** Invites a colleague from the Users page; returns the one-time link shown in the modal. */
export async function inviteViaUi(
  page: Page,
  colleague: { name: string; email: string; role: string },
): Promise<string> {
  await page.getByRole('link', { name: NL.nav.users }).click();
  await page.getByRole('heading', { level: 1, name: NL.titles.users }).waitFor();
  await page.getByRole('button', { name: NL.users.invite }).first().click();
  const form = page.getByRole('dialog', { name: NL.users.inviteTitle });
  await form.getByRole('textbox', { name: NL.users.displayName, exact: true }).fill(colleague.name);
  await form.getByRole('textbox', { name: NL.users.email, exact: true }).fill(colleague.email);
  await form.getByRole('combobox', { name: NL.users.role, exact: true }).selectOption(colleague.role);
  await form.getByRole('button', { name: NL.users.sendInvite }).click();
  const linkDialog = page.getByRole('dialog', { name: NL.users.linkTitle });
  const link = await linkDialog.getByRole('textbox', { name: NL.users.link, exact: true }).inputValue();
  await linkDialog.getByRole('button', { name: NL.common.close }).click();
  await linkDialog.waitFor({ state: 'hidden' });
  return link;
}

/** Opens an invitation link, chooses a password and enrols TOTP; returns the account with its secret. */
export async function acceptInviteViaUi(page: Page, link: string, account: Account): Promise<Account> {
  await page.goto(link);
  await page.getByText(account.email).waitFor();
  await page.getByRole('textbox', { name: NL.invite.password, exact: true }).fill(account.password);
  await page.getByRole('button', { name: NL.invite.submit }).click();
  const secret = await enrolViaUi(page);
  await expectHome(page, account.name);
  return { ...account, secret };
}
