/**
 * Accounts and sessions through the API, for the specs that are not about signing in: the same requests the
 * web app sends (set-up or invite, password, TOTP), made with the browser context's own request client, so
 * the session cookie the server sets lands in that context's cookie jar and its pages are signed in. No
 * typing, no waiting for a fresh TOTP step: set-up.spec, invite.spec and the UI helpers in flows.ts keep
 * driving the sign-in screens themselves.
 */
import type { APIResponse, Browser, Page } from '@playwright/test';
import { newContext, trackErrors } from './browser';
import type { Colleague, Role } from './cases';
import { ADMIN, expectHome, ORGANISATION } from './flows';
import type { Account } from './flows';
import { secretFromManualKey, totpCode } from './totp';

/**
 * Set-up, invitation and sign-in hash a password on purpose slowly (Argon2): on a busy two-core machine one
 * request took longer than the 15 s the contexts give an action, so these get a minute.
 */
const AUTH_REQUEST_TIMEOUT = 60_000;

async function json<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A state-changing request with the CSRF token of the session the previous answer gave. */
async function post<T>(page: Page, path: string, csrfToken: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, {
    headers: { 'X-CSRF-Token': csrfToken },
    data,
    timeout: AUTH_REQUEST_TIMEOUT,
  });
  return json<T>(response, `POST ${path}`);
}

/** Enrols TOTP for the half-signed-in session (stage `enrol`): reads the key, confirms a code. */
async function enrol(page: Page, csrfToken: string): Promise<string> {
  const { manualKey } = await json<{ manualKey: string }>(
    await page.request.get('/api/auth/mfa/enrolment', { timeout: AUTH_REQUEST_TIMEOUT }),
    'GET /api/auth/mfa/enrolment',
  );
  const secret = secretFromManualKey(manualKey);
  await post(page, '/api/auth/mfa/enrol', csrfToken, { code: await totpCode(secret) });
  return secret;
}

/** Opens home in the page and checks it greets the account: the cookie works in the browser too. */
async function openHome(page: Page, account: Account): Promise<void> {
  await page.goto('/');
  await expectHome(page, account.name);
}

/** First-run set-up through the API, signed in in the page's context; returns the admin with its secret. */
export async function setupViaApi(page: Page, admin: Account = ADMIN): Promise<Account> {
  const { csrfToken } = await post<{ csrfToken: string }>(page, '/api/setup', 'none', {
    organisationName: ORGANISATION,
    adminName: admin.name,
    email: admin.email,
    password: admin.password,
  });
  const secret = await enrol(page, csrfToken);
  const account = { ...admin, secret };
  await openHome(page, account);
  return account;
}

/** The signed-in admin (or any page allowed to) invites a colleague; returns the one-time link. */
export async function inviteViaApi(
  admin: Page,
  colleague: { name: string; email: string; role: Role | 'privacy_officer' },
): Promise<string> {
  const session = await json<{ csrfToken: string }>(
    await admin.request.get('/api/auth/session', { timeout: AUTH_REQUEST_TIMEOUT }),
    'GET /api/auth/session',
  );
  const { inviteUrl } = await post<{ inviteUrl: string }>(admin, '/api/users', session.csrfToken, {
    email: colleague.email,
    displayName: colleague.name,
    role: colleague.role,
  });
  return inviteUrl;
}

/** Accepts an invitation link in the page's context (password, TOTP enrolment); returns the account. */
export async function acceptInviteViaApi(page: Page, link: string, account: Account): Promise<Account> {
  const token = decodeURIComponent(new URL(link).hash.replace(/^#/, ''));
  const { csrfToken } = await post<{ csrfToken: string }>(page, '/api/invites/accept', 'none', {
    token,
    password: account.password,
  });
  const secret = await enrol(page, csrfToken);
  const enrolled = { ...account, secret };
  await openHome(page, enrolled);
  return enrolled;
}

/** The admin invites a colleague, who activates the account through the API in a context of their own. */
export async function colleagueViaApi(
  browser: Browser,
  baseUrl: string,
  admin: Page,
  person: { name: string; email: string; role: Role },
  viewport?: { width: number; height: number },
  timezoneId?: string,
): Promise<Colleague> {
  const link = await inviteViaApi(admin, person);
  const context = await newContext(browser, baseUrl, {
    ...(viewport ? { viewport } : {}),
    ...(timezoneId ? { timezoneId } : {}),
  });
  const page = await context.newPage();
  const errors = trackErrors(page);
  const account = await acceptInviteViaApi(page, link, {
    name: person.name,
    email: person.email,
    password: `de rivier stroomt langzaam naar de zee ${person.email.length}`,
  });
  return { account, context, page, errors };
}

/** Signs in again (password, then a TOTP code) in the page's context and opens home. */
export async function signInViaApi(page: Page, account: Account): Promise<void> {
  if (!account.secret) throw new Error('Account has no TOTP secret');
  const login = await post<{ stage: string; csrfToken: string }>(page, '/api/auth/login', 'none', {
    email: account.email,
    password: account.password,
  });
  if (login.stage !== 'mfa') throw new Error(`Expected the TOTP step after the password, got ${login.stage}`);
  await post(page, '/api/auth/mfa', login.csrfToken, { code: await totpCode(account.secret) });
  await openHome(page, account);
}
