/**
 * Accessibility (issue 9): axe-core's WCAG 2.x A/AA rules on every page of the router, as the roles that see
 * it, in Dutch and Arabic, on a 1280 px desktop and a 390 px phone. Serious or critical violations fail; the
 * totals per page are printed (E2E_AXE_REPORT=1) for the report. One server, one set-up: each role keeps its
 * own signed-in page, and only language and viewport change between the passes.
 *
 * To cover a new screen, add a line to PAGES (path, role, and optionally what to open on it).
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext, trackErrors } from './support/browser';
import { axeSummary, axeTotals, runAxe } from './support/axe';
import type { AxeTotal } from './support/axe';
import { apiCall, makeEligibleViaApi, openCaseViaApi } from './support/cases';
import { NL } from './support/flows';
import { acceptInviteViaApi, colleagueViaApi, inviteViaApi, setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

type Role = 'admin' | 'coordinator' | 'counsellor' | 'privacy_officer' | 'peer_organiser';
type Language = 'nl' | 'ar';

interface World {
  workedCaseId: string;
  openCaseId: string;
  counsellorId: string;
  articleId: string;
  activityId: string;
  peerMeetingId: string;
}

interface PageVisit {
  name: string;
  role: Role;
  path: string | ((world: World) => string);
  /** Something to open before the check (a dialog), once the page is ready. */
  open?: (page: Page) => Promise<void>;
  /** A tab to show before the check (it stays on the page: no dialog to wait for or close). */
  tab?: number;
}

/** Every route of src/web/App.tsx, as the roles whose navigation offers it. */
const PAGES: readonly PageVisit[] = [
  { name: 'home (admin)', role: 'admin', path: '/' },
  { name: 'home (coordinator)', role: 'coordinator', path: '/' },
  { name: 'home (counsellor)', role: 'counsellor', path: '/' },
  { name: 'home (privacy officer)', role: 'privacy_officer', path: '/' },
  { name: 'profile', role: 'counsellor', path: '/profile' },
  { name: 'intake', role: 'coordinator', path: '/intake' },
  { name: 'cases (coordinator)', role: 'coordinator', path: '/cases' },
  { name: 'cases (counsellor)', role: 'counsellor', path: '/cases' },
  {
    name: 'case, matching (coordinator)',
    role: 'coordinator',
    path: (world) => `/cases/${world.openCaseId}`,
  },
  { name: 'case, worked (counsellor)', role: 'counsellor', path: (world) => `/cases/${world.workedCaseId}` },
  { name: 'taxonomies', role: 'admin', path: '/settings/taxonomies' },
  { name: 'aftercare and consent settings', role: 'admin', path: '/settings/aftercare' },
  { name: 'counsellors', role: 'coordinator', path: '/counsellors' },
  { name: 'counsellor profile', role: 'coordinator', path: (world) => `/counsellors/${world.counsellorId}` },
  { name: 'my profile (counsellor)', role: 'counsellor', path: '/my-profile' },
  { name: 'training', role: 'coordinator', path: '/training' },
  { name: 'matching weights', role: 'admin', path: '/settings/matching' },
  { name: 'places', role: 'admin', path: '/settings/places' },
  { name: 'partners (coordinator)', role: 'coordinator', path: '/partners' },
  { name: 'partners (counsellor)', role: 'counsellor', path: '/partners' },
  { name: 'activities (coordinator)', role: 'coordinator', path: '/activities' },
  {
    name: 'activities, plan dialog',
    role: 'coordinator',
    path: '/activities',
    open: (page) => page.getByRole('button', { name: PLAN_ACTIVITY }).first().click(),
  },
  { name: 'activities (counsellor)', role: 'counsellor', path: '/activities' },
  { name: 'activity (coordinator)', role: 'coordinator', path: (world) => `/activities/${world.activityId}` },
  { name: 'activity (counsellor)', role: 'counsellor', path: (world) => `/activities/${world.activityId}` },
  { name: 'emergency approvals', role: 'coordinator', path: '/emergency-approvals' },
  { name: 'disclosures', role: 'privacy_officer', path: '/disclosures' },
  { name: 'four eyes', role: 'privacy_officer', path: '/four-eyes' },
  { name: 'notifications', role: 'coordinator', path: '/notifications' },
  { name: 'reports, dashboard', role: 'coordinator', path: '/reports' },
  {
    name: 'reports, builder',
    role: 'coordinator',
    path: '/reports',
    tab: 1,
  },
  {
    name: 'reports, funder report',
    role: 'coordinator',
    path: '/reports',
    tab: 2,
  },
  { name: 'public site (admin)', role: 'admin', path: '/settings/public-site' },
  {
    name: 'public site, page editor',
    role: 'admin',
    path: '/settings/public-site',
    open: (page) =>
      page
        .getByRole('button', { name: /^(Home|الرئيسية)[,،] / })
        .first()
        .click(),
  },
  { name: 'public site (coordinator)', role: 'coordinator', path: '/settings/public-site' },
  { name: 'users', role: 'admin', path: '/users' },
  {
    name: 'users, invite dialog',
    role: 'admin',
    path: '/users',
    open: (page) => page.getByRole('button', { name: /.+/ }).filter({ hasText: INVITE }).first().click(),
  },
  { name: 'audit', role: 'privacy_officer', path: '/audit' },
  { name: 'access log', role: 'privacy_officer', path: '/access-log' },
  { name: 'handbook (counsellor)', role: 'counsellor', path: '/handbook' },
  { name: 'handbook (privacy officer)', role: 'privacy_officer', path: '/handbook' },
  {
    name: 'handbook in a case (counsellor)',
    role: 'counsellor',
    path: (world) => `/cases/${world.workedCaseId}`,
    open: (page) => page.getByRole('button', { name: HANDBOOK_SEARCH }).click(),
  },
  {
    name: 'handbook article (coordinator)',
    role: 'coordinator',
    path: (world) => `/handbook/${world.articleId}`,
  },
  {
    name: 'handbook editor (coordinator)',
    role: 'coordinator',
    path: (world) => `/handbook/${world.articleId}`,
    open: (page) => page.getByRole('button', { name: HANDBOOK_EDIT }).click(),
  },
  { name: 'not found', role: 'admin', path: '/no-such-page' },
  { name: 'home (peer-network organiser)', role: 'peer_organiser', path: '/' },
  { name: 'peer network, members', role: 'peer_organiser', path: '/peers' },
  {
    name: 'peer network, member dialog',
    role: 'peer_organiser',
    path: '/peers',
    open: (page) => page.getByRole('button', { name: 'Moeder Latifa' }).click(),
  },
  // The tabs keep the page (and its heading): open them as a person does, by clicking.
  {
    name: 'peer network, meetings',
    role: 'peer_organiser',
    path: '/peers',
    tab: 1,
  },
  {
    name: 'peer network, link requests',
    role: 'peer_organiser',
    path: '/peers',
    tab: 2,
  },
  { name: 'peer meeting', role: 'peer_organiser', path: (world) => `/peers/meetings/${world.peerMeetingId}` },
  {
    name: 'peer meeting, invitation list',
    role: 'peer_organiser',
    path: (world) => `/peers/meetings/${world.peerMeetingId}/print`,
  },
];

const INVITE = /Collega uitnodigen|دعوة زميل/;
const HANDBOOK_SEARCH = /^(Zoeken in het handboek|البحث في الدليل)$/;
const HANDBOOK_EDIT = /^(Bewerken|تحرير)$/;
const PLAN_ACTIVITY = /^(Activiteit plannen|التخطيط لنشاط)$/;
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
const LANGUAGES: readonly Language[] = ['nl', 'ar'];
const PASSES = LANGUAGES.flatMap((language) =>
  (Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]).map((size) => ({ language, size })),
);

/** Waits for the page's heading and for its spinners to go, then for transitions to finish. */
async function settle(page: Page) {
  await expect(page.locator('h1:not([data-stale])').first()).toBeVisible();
  // Visible spinners only: a section in a tab that is not shown may still be loading, and axe skips it.
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Loader-root')].every(
      (el) => el.offsetParent === null,
    ),
  );
  await page.waitForTimeout(150);
}

/**
 * Client-side navigation (as a click on a link does): the document, and so the injected axe, stays. The old
 * heading is marked first, so that `settle` waits for the new page's.
 */
async function navigate(page: Page, path: string) {
  if (new URL(page.url()).pathname === path) return;
  await page.evaluate((to) => {
    document.querySelectorAll('h1').forEach((h1) => h1.setAttribute('data-stale', ''));
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function setLanguage(page: Page, language: Language) {
  if ((await page.locator('html').getAttribute('lang')) === language) return;
  await page.locator('header select').first().selectOption(language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

const blocking = (total: AxeTotal) =>
  total.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${total.label}: ${violation.id} (${violation.impact}) ${violation.help}\n    ${violation.targets.join('\n    ')}`,
    );

test.describe('accessibility (axe, WCAG 2.2 A/AA)', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  const pages = {} as Record<Role, Page>;
  const errors: string[][] = [];
  const world: World = {
    workedCaseId: '',
    openCaseId: '',
    counsellorId: '',
    articleId: '',
    activityId: '',
    peerMeetingId: '',
  };
  /** Set-up page results, taken before the installation exists, per pass. */
  const setupResults = new Map<string, AxeTotal>();

  test.beforeAll(async ({ browser: launched }) => {
    // The worker may have run other specs that use axe (rtl.spec.ts): count and print only this file's checks.
    axeTotals.length = 0;
    server = await startServer();
    browser = launched;
    for (const { language, size } of PASSES) {
      const context = await newContext(browser, server.baseUrl, { viewport: VIEWPORTS[size] });
      await context.addInitScript((lang) => localStorage.setItem('confidant.lang', lang), language);
      const page = await context.newPage();
      await page.goto('/setup');
      await settle(page);
      setupResults.set(`${language}-${size}`, await runAxe(page, `set-up ${language} ${size}`));
      await context.close();
    }

    const adminContext = await newContext(browser, server.baseUrl);
    pages.admin = await adminContext.newPage();
    errors.push(trackErrors(pages.admin));
    await setupViaApi(pages.admin);
    for (const [role, name] of [
      ['coordinator', 'Samira Haddou'],
      ['counsellor', 'Youssef El Amrani'],
      ['peer_organiser', 'Fatima Benali'],
    ] as const) {
      const colleague = await colleagueViaApi(browser, server.baseUrl, pages.admin, {
        name,
        email: `${role}@hulplijn.example`,
        role,
      });
      pages[role] = colleague.page;
      errors.push(colleague.errors);
    }
    const officer = {
      name: 'Fatma Yilmaz',
      email: 'fatma@hulplijn.example',
      password: 'privacy gaat boven alles',
    };
    const link = await inviteViaApi(pages.admin, { ...officer, role: 'privacy_officer' });
    pages.privacy_officer = await (await newContext(browser, server.baseUrl)).newPage();
    errors.push(trackErrors(pages.privacy_officer));
    await acceptInviteViaApi(pages.privacy_officer, link, officer);

    // Something on every list: a worked case of the counsellor, an unassigned one, a partner, an absence.
    const co = pages.coordinator;
    world.counsellorId = await makeEligibleViaApi(co, 'Youssef El Amrani');
    const worked = await openCaseViaApi(co, 'Moeder van R.');
    world.workedCaseId = worked.id;
    await apiCall(co, 'POST', `/api/cases/${worked.id}/assign`, { counsellorId: world.counsellorId });
    world.openCaseId = (await openCaseViaApi(co, 'Vader van S.', { municipality: 'Utrecht' })).id;
    await apiCall(co, 'POST', '/api/partners', {
      name: 'Sociaal wijkteam Utrecht-West',
      type: 'social_district_team',
      municipality: 'Utrecht',
    });
    const today = new Date().toISOString().slice(0, 10);
    await apiCall(co, 'POST', `/api/cases/${worked.id}/log`, {
      requestId: crypto.randomUUID(),
      occurredAt: new Date().toISOString(),
      channel: 'phone',
      durationMinutes: 20,
      withWhom: 'moeder',
      note: 'Moeder is rustiger.',
    });
    await apiCall(co, 'POST', `/api/cases/${worked.id}/tasks`, { title: 'Moeder terugbellen', dueOn: today });
    world.articleId = (
      await apiCall<{ items: { id: string }[] }>(co, 'GET', '/api/knowledge/articles?language=nl')
    ).items[0]!.id;
    // An information meeting the counsellor facilitates, held today, with its report and a follow-up task.
    const types = await apiCall<{ items: { termId: string; code: string }[] }>(
      co,
      'GET',
      '/api/activities/types',
    );
    const places = await apiCall<{ items: { id: string; name: string }[] }>(
      co,
      'GET',
      '/api/places/municipalities',
    );
    world.activityId = (
      await apiCall<{ id: string }>(co, 'POST', '/api/activities', {
        typeId: types.items.find((t) => t.code === 'info_meeting')!.termId,
        title: 'Voorlichting: signalen herkennen',
        date: today,
        startTime: '19:00',
        endTime: '21:00',
        place: 'Buurthuis De Boog',
        municipalityId: places.items.find((p) => p.name === 'Utrecht')!.id,
        languages: ['ar', 'nl'],
        facilitatorIds: [world.counsellorId],
        audience: 'parents',
        isPublic: true,
      })
    ).id;
    await apiCall(co, 'PUT', `/api/activities/${world.activityId}/report`, {
      attendees: 23,
      evaluation: 'Goed.',
    });
    await apiCall(co, 'POST', `/api/activities/${world.activityId}/tasks`, { title: 'Folders nabestellen' });
    // The peer network: a member who may be linked, a meeting she is invited to, and a request to link.
    const po = pages.peer_organiser;
    const member = await apiCall<{ id: string }>(po, 'POST', '/api/peers/members', {
      alias: 'Moeder Latifa',
      phone: '06 11 22 33 44',
      language: 'ary',
      consent: { method: 'written', givenOn: today },
    });
    await apiCall(po, 'POST', `/api/peers/members/${member.id}/linking-consent`, {
      method: 'written',
      givenOn: today,
    });
    world.peerMeetingId = (
      await apiCall<{ id: string }>(po, 'POST', '/api/peers/meetings', {
        heldAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
        place: 'Buurthuis De Linde',
        facilitator: 'Fatima Benali',
        callNumber: '030-1234567',
      })
    ).id;
    await apiCall(po, 'POST', `/api/peers/meetings/${world.peerMeetingId}/invitations`, {
      memberIds: [member.id],
      sendEmail: false,
    });
  });

  test.afterAll(async () => {
    if (process.env.E2E_AXE_REPORT) console.warn(`axe totals (c/s/m/minor nodes):\n${axeSummary()}`);
    await server?.stop();
  });

  for (const { language, size } of PASSES) {
    test(`no serious or critical violations in ${language} on ${size}`, async () => {
      const found: string[] = [...blocking(setupResults.get(`${language}-${size}`)!)];

      // Public pages of an existing installation, signed out.
      const context = await newContext(browser, server.baseUrl, { viewport: VIEWPORTS[size] });
      await context.addInitScript((lang) => localStorage.setItem('confidant.lang', lang), language);
      const visitor = await context.newPage();
      await visitor.goto('/login');
      await settle(visitor);
      found.push(...blocking(await runAxe(visitor, `sign-in ${language} ${size}`)));
      await visitor.goto('/invite#not-a-real-token-but-long-enough');
      await expect(visitor.getByRole('alert')).toBeVisible();
      found.push(...blocking(await runAxe(visitor, `invite (invalid) ${language} ${size}`)));
      await context.close();

      for (const page of Object.values(pages)) {
        await page.setViewportSize(VIEWPORTS[size]);
        await setLanguage(page, language);
      }
      for (const visit of PAGES) {
        const page = pages[visit.role];
        const started = Date.now();
        await navigate(page, typeof visit.path === 'string' ? visit.path : visit.path(world));
        await settle(page);
        if (visit.tab !== undefined) {
          await page.getByRole('tab').nth(visit.tab).click();
          await expect(page.getByRole('tabpanel')).toBeVisible();
          await settle(page);
        }
        if (visit.open) {
          await visit.open(page);
          await expect(page.getByRole('dialog')).toBeVisible();
          await page.waitForTimeout(300);
        }
        found.push(...blocking(await runAxe(page, `${visit.name} ${language} ${size}`)));
        // E2E_AXE_SHOTS=dir: a full-page screenshot of each check, to look at (clipping, right-to-left).
        if (process.env.E2E_AXE_SHOTS) {
          const file = `${visit.name}-${language}-${size}`.replace(/[^a-z0-9-]+/gi, '_');
          await page.screenshot({ path: `${process.env.E2E_AXE_SHOTS}/${file}.png`, fullPage: true });
        }
        if (visit.open) {
          await page.keyboard.press('Escape');
          await expect(page.getByRole('dialog')).toBeHidden();
        }
        if (process.env.E2E_AXE_REPORT)
          console.warn(`${visit.name} ${language} ${size}: ${Date.now() - started} ms`);
      }
      expect(found).toEqual([]);
    });
  }

  test('a changed dialog form asks before Escape discards it, and focus returns to the button that opened it', async () => {
    const page = pages.coordinator;
    await page.setViewportSize(VIEWPORTS.desktop);
    await setLanguage(page, 'nl');
    await page.goto('/partners');
    await settle(page);
    const opener = page.getByRole('button', { name: NL.partners.add });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: NL.partners.addTitle });
    await dialog.getByRole('textbox', { name: NL.partners.name, exact: true }).fill('Wijkteam Noord');
    await page.keyboard.press('Escape');
    const question = dialog.getByRole('alert').filter({ hasText: NL.common.discardTitle });
    await expect(question).toBeVisible();
    // "Keep editing" has focus: Enter goes back to the form, with the typing intact.
    await page.keyboard.press('Enter');
    await expect(question).toBeHidden();
    await expect(dialog.getByRole('textbox', { name: NL.partners.name, exact: true })).toHaveValue(
      'Wijkteam Noord',
    );
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: NL.common.discard, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    // Unchanged, Escape closes at once.
    await opener.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row', { name: /Wijkteam Noord/ })).toHaveCount(0);
  });

  test(`checked ${PAGES.length + 3} pages per pass without page errors`, () => {
    expect(axeTotals.length).toBe(PASSES.length * (PAGES.length + 3));
    for (const list of errors) expect(list).toEqual([]);
  });
});
