import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext, trackErrors } from './browser';
import { acceptInviteViaUi, inviteViaUi } from './flows';
import type { Account } from './flows';

export type Role = 'coordinator' | 'counsellor' | 'analyst' | 'peer_organiser';

export interface Colleague {
  account: Account;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** The admin invites a colleague; the colleague activates the account in a browser context of their own. */
export async function colleagueViaUi(
  browser: Browser,
  baseUrl: string,
  admin: Page,
  person: { name: string; email: string; role: Role },
  viewport?: { width: number; height: number },
): Promise<Colleague> {
  const link = await inviteViaUi(admin, person);
  const context = await newContext(browser, baseUrl, viewport ? { viewport } : {});
  const page = await context.newPage();
  const errors = trackErrors(page);
  const account = await acceptInviteViaUi(page, link, {
    name: person.name,
    email: person.email,
    password: `de rivier stroomt langzaam naar de zee ${person.email.length}`,
  });
  return { account, context, page, errors };
}

/** JSON API calls with the page's session cookie and its CSRF token (the API fixture of the specs). */
export async function apiCall<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  path: string,
  body?: unknown,
): Promise<T> {
  const session = await page.request.get('/api/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.fetch(path, {
    method,
    headers: { 'X-CSRF-Token': csrfToken },
    ...(body === undefined ? {} : { data: body }),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

export async function termId(page: Page, kind: string, code: string): Promise<string> {
  const { items } = await apiCall<{ items: { id: string; kind: string; code: string }[] }>(
    page,
    'GET',
    '/api/taxonomies',
  );
  const term = items.find((item) => item.kind === kind && item.code === code);
  if (!term) throw new Error(`No ${kind} ${code}`);
  return term.id;
}

/** A coordinator opens a case through the intake API; returns its id and reference. */
export async function openCaseViaApi(
  page: Page,
  alias: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; reference: string }> {
  const result = await apiCall<{ caseId: string; caseReference: string }>(page, 'POST', '/api/intake', {
    requestId: randomUUID(),
    channel: 'phone',
    language: 'nl',
    callerAlias: alias,
    categoryId: await termId(page, 'category', 'C1'),
    summary: 'Zoon trekt zich terug en praat over vertrek.',
    immediateDanger: false,
    callback: { mayCallBack: true, mayLeaveMessage: false },
    confidentialityExplained: true,
    outcome: 'open_case',
    ...extra,
  });
  return { id: result.caseId, reference: result.caseReference };
}

export async function caseCount(page: Page): Promise<number> {
  const { items } = await apiCall<{ items: unknown[] }>(page, 'GET', '/api/cases?limit=100');
  return items.length;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A coordinator makes a counsellor pass matching's hard filters (active, trained, valid VOG, capacity,
 * availability, Dutch), through the API as in the server's own fixtures; direct assignment checks them too.
 */
export async function makeEligibleViaApi(coordinator: Page, counsellorName: string): Promise<string> {
  const { items } = await apiCall<{ items: { id: string; name: string }[] }>(
    coordinator,
    'GET',
    '/api/counsellors/options',
  );
  const userId = items.find((item) => item.name === counsellorName)?.id;
  if (!userId) throw new Error(`No counsellor ${counsellorName}`);
  await apiCall(coordinator, 'PATCH', `/api/counsellors/${userId}`, {
    status: 'active',
    languages: [{ code: 'nl', level: 'native' }],
    availability: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    vogIssuedOn: day(-100),
    vogExpiresOn: day(900),
    maxActiveCases: 4,
  });
  const course = await apiCall<{ id: string }>(coordinator, 'POST', '/api/training/courses', {
    name: 'Basistraining vertrouwenspersoon',
    kind: 'basic',
    validityMonths: 24,
  });
  const session = await apiCall<{ id: string }>(coordinator, 'POST', '/api/training/sessions', {
    courseId: course.id,
    startsAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    place: 'Utrecht',
    trainer: 'SMN',
  });
  await apiCall(coordinator, 'PUT', `/api/training/sessions/${session.id}/attendance`, {
    userId,
    attended: true,
    completed: true,
  });
  return userId;
}
