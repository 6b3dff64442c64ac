import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext } from './support/browser';
import { apiCall, makeEligibleViaApi, openCaseViaApi } from './support/cases';
import type { Colleague } from './support/cases';
import { apiStatus, fillIn, showCaseTab } from './support/consent';
import { NL } from './support/flows';
import { colleagueViaApi, setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

const MEMBER = 'Moeder Khadija';
const PLACE = 'Buurthuis De Linde, achterzaal';
const NOTE = 'Khadija vertelde voor het eerst over haar zoon.';
/** Another member, who consented to be linked to callers. */
const PEER = 'Moeder Latifa';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

/**
 * Platform Achterblijvers (issue 12): an organiser adds a member with consent and records a private
 * meeting; the counsellor of that member's own case sees nothing of it — not through the API, not on screen.
 * And a link to a peer parent made with both consents shows on the case without naming the member.
 */
test.describe('peer network (Platform Achterblijvers)', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  let coordinator: Colleague;
  let counsellor: Colleague;
  let organiser: Colleague;
  let caseId = '';

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    await setupViaApi(admin);
    const invite = (name: string, email: string, role: 'coordinator' | 'counsellor' | 'peer_organiser') =>
      colleagueViaApi(browser, server.baseUrl, admin, { name, email, role });
    coordinator = await invite('Samira Haddou', 'samira@hulplijn.example', 'coordinator');
    counsellor = await invite('Karim Bouali', 'karim@hulplijn.example', 'counsellor');
    organiser = await invite('Fatima Benali', 'fatima@hulplijn.example', 'peer_organiser');
    await adminContext.close();
    // Khadija called the helpline about her son: her case is Karim's.
    const co = coordinator.page;
    caseId = (await openCaseViaApi(co, MEMBER)).id;
    const counsellorId = await makeEligibleViaApi(co, 'Karim Bouali');
    await apiCall(co, 'POST', `/api/cases/${caseId}/assign`, { counsellorId });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('an organiser adds a member with consent and records a private meeting; the case counsellor sees none of it', async () => {
    const page = organiser.page;
    await test.step('peers-organiser', async () => {
      // The organiser's navigation offers the peer network and no cases.
      const nav = page.getByRole('navigation', { name: NL.nav.mainNav });
      await expect(nav.getByRole('link', { name: NL.nav.cases })).toHaveCount(0);
      await nav.getByRole('link', { name: NL.nav.peers }).click();
      await expect(page.getByRole('heading', { level: 1, name: NL.titles.peers })).toBeVisible();
      await expect(page.getByText(NL.peers.members.empty)).toBeVisible();

      // A member, with how and when she consented.
      await page.getByRole('button', { name: NL.peers.members.add }).click();
      const form = page.getByRole('dialog', { name: NL.peers.members.addTitle });
      await form.getByRole('textbox', { name: NL.peers.members.alias, exact: true }).fill(MEMBER);
      await form
        .getByRole('textbox', { name: NL.peers.members.email, exact: true })
        .fill('khadija@example.org');
      await form.getByRole('combobox', { name: NL.peers.members.language, exact: true }).selectOption('ary');
      await form.getByRole('button', { name: NL.peers.members.add }).click();
      // Refused without the consent method: nothing saved, the field says why.
      const method = form.getByRole('combobox', { name: NL.peers.consent.method, exact: true });
      await expect(form.locator('select[aria-invalid="true"]')).toBeVisible();
      await expect(method).toHaveAttribute('aria-invalid', 'true');
      await form
        .getByRole('combobox', { name: NL.peers.consent.method, exact: true })
        .selectOption('verbal_recorded');
      await form.getByRole('button', { name: NL.peers.members.add }).click();
      await expect(form).toBeHidden();
      await page.getByRole('button', { name: MEMBER }).click();
      const detail = page.getByRole('dialog', { name: MEMBER });
      const consents = detail.getByRole('list', { name: NL.peers.consent.title });
      await expect(consents.getByText(NL.peers.consent.kinds.membership, { exact: false })).toBeVisible();
      await expect(consents.getByText('Fatima Benali', { exact: false })).toHaveCount(1);
      await detail.getByRole('combobox', { name: NL.peers.consent.linkingMethod }).selectOption('written');
      await detail.getByRole('button', { name: NL.peers.consent.recordLinking }).click();
      await expect(detail.getByText(NL.peers.members.linkable)).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(detail).toBeHidden();

      // A private meeting, the member invited, present, and a note for organisers.
      await page.getByRole('tab', { name: NL.peers.tabs.meetings }).click();
      await page.getByRole('button', { name: NL.peers.meetings.add }).click();
      const plan = page.getByRole('dialog', { name: NL.peers.meetings.addTitle });
      await plan.getByLabel(NL.peers.meetings.heldAt).fill('2030-05-14T19:00');
      await plan
        .getByRole('textbox', { name: NL.peers.meetings.facilitator, exact: true })
        .fill('Fatima Benali');
      await plan.getByRole('textbox', { name: NL.peers.meetings.place, exact: true }).fill(PLACE);
      await plan
        .getByRole('textbox', { name: NL.peers.meetings.callNumber, exact: true })
        .fill('030-1234567');
      await plan.getByRole('button', { name: NL.peers.meetings.add }).click();
      await expect(page.getByText(PLACE)).toBeVisible();
      await page.getByRole('combobox', { name: NL.peers.meetings.inviteMembers }).fill('Khadija');
      await page.getByRole('option', { name: MEMBER }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: NL.peers.meetings.invite, exact: true }).click();
      const row = page
        .getByRole('table', { name: NL.peers.meetings.invitees })
        .getByRole('row', { name: MEMBER });
      await expect(row).toBeVisible();
      // Attendance is saved on the server at once; the box shows what the server recorded.
      await row.getByRole('checkbox').click();
      await expect(row.getByRole('checkbox')).toBeChecked();
      await page.getByRole('textbox', { name: NL.peers.meetings.note, exact: true }).fill(NOTE);
      await page.getByRole('button', { name: NL.common.save }).click();
      await expect(page.getByText(NL.peers.saved)).toBeVisible();
      // The printable invitation list names whom to call.
      await page.getByRole('link', { name: NL.peers.meetings.print }).click();
      await expect(
        page.getByRole('table', { name: NL.peers.meetings.invitees }).getByText(MEMBER),
      ).toBeVisible();
    });
    const meetingId = new URL(organiser.page.url()).pathname.split('/')[3]!;

    // The organiser reaches no case, through the API or the screen.
    expect((await apiStatus(page, 'GET', `/api/cases/${caseId}`)).status).toBe(404);
    expect((await apiStatus(page, 'GET', '/api/cases')).status).toBe(403);
    await page.goto(`/cases/${caseId}`);
    await expect(page.getByRole('heading', { level: 1, name: NL.titles.notFound })).toBeVisible();

    // Karim, the counsellor of Khadija's case: the API refuses, the screen shows nothing of the network.
    const k = counsellor.page;
    const members = await apiCall<{ items: { id: string }[] }>(page, 'GET', '/api/peers/members');
    for (const path of [
      '/api/peers/members',
      `/api/peers/members/${members.items[0]!.id}`,
      '/api/peers/meetings',
      `/api/peers/meetings/${meetingId}`,
      '/api/peers/link-requests',
    ])
      expect((await apiStatus(k, 'GET', path)).status, path).toBe(403);
    const nav = k.getByRole('navigation', { name: NL.nav.mainNav });
    await expect(nav.getByRole('link', { name: NL.nav.peers })).toHaveCount(0);
    await k.goto(`/cases/${caseId}`);
    await expect(k.getByRole('heading', { level: 1 })).toBeVisible();
    for (const tab of ['overview', 'contacts', 'persons', 'plan', 'sharing'] as const) {
      await showCaseTab(k, tab);
      const text = await k.locator('main').innerText();
      for (const secret of [
        PLACE,
        NOTE,
        '030-1234567',
        'khadija@example.org',
        NL.peers.consent.kinds.membership,
      ])
        expect(text, `${tab} shows ${secret}`).not.toContain(secret);
    }
    await expect(k.getByText(NL.peers.case.none)).toBeVisible();
    await k.goto('/peers');
    await expect(k.getByRole('heading', { level: 1, name: NL.titles.notFound })).toBeVisible();
    await expect(k.getByText(MEMBER)).toHaveCount(0);
  });

  test('links the caller to a peer parent only with both consents; the case never names the member', async () => {
    const k = counsellor.page;
    await k.goto(`/cases/${caseId}`);
    await showCaseTab(k, 'sharing');
    const section = k.getByRole('region', { name: NL.peers.case.title });
    // Without the caller's consent there is nothing to ask with: the reason is on screen, the API refuses.
    await expect(section.getByText(NL.peers.case.consentNeeded)).toBeVisible();
    await expect(section.getByRole('button', { name: NL.peers.case.request })).toHaveCount(0);
    const refused = await apiStatus(k, 'POST', `/api/cases/${caseId}/peer-link`, {
      handover: 'x',
      language: 'nl',
    });
    expect(refused).toMatchObject({ status: 409, code: 'consent_required' });

    // The caller's written consent for peer support (the consent module's own flow is consent.spec.ts's).
    const consent = await apiCall<{ id: string }>(k, 'POST', `/api/cases/${caseId}/consents`, {
      givenBy: MEMBER,
      categories: ['contact_details'],
      partnerId: null,
      partnerType: 'peer_network',
      purpose: 'peer_support',
      method: 'uploaded_form',
      givenOn: new Date().toISOString().slice(0, 10),
      language: 'nl',
    });
    await apiCall(k, 'PUT', `/api/cases/${caseId}/consents/${consent.id}/document`, {
      fileName: 'toestemming.pdf',
      data: PDF,
    });
    await k.reload();
    await showCaseTab(k, 'sharing');
    await section.getByRole('button', { name: NL.peers.case.request }).click();
    await section
      .getByRole('textbox', { name: NL.peers.case.handover })
      .fill('Umm Yusuf, 06-98765432, na 14:00');
    await section.getByRole('combobox', { name: NL.peers.case.language }).selectOption('ary');
    await section.getByRole('button', { name: NL.peers.case.send }).click();
    await expect(section.getByText(NL.peers.case.status.requested.split('{{')[0]!)).toBeVisible();

    // The organiser is told in the app, without the case or the hand-over.
    const o = organiser.page;
    await o.goto('/notifications');
    const notice = o.getByRole('listitem').filter({ hasText: NL.work.alertKinds.peer_link_request });
    await expect(notice).toBeVisible();
    expect(await notice.textContent()).not.toContain('Umm Yusuf');

    // The organiser sees the hand-over and links a member who consented (another mother, not Khadija).
    const latifa = await apiCall<{ id: string }>(o, 'POST', '/api/peers/members', {
      alias: PEER,
      language: 'ary',
      consent: { method: 'written', givenOn: new Date().toISOString().slice(0, 10) },
    });
    await apiCall(o, 'POST', `/api/peers/members/${latifa.id}/linking-consent`, {
      method: 'written',
      givenOn: new Date().toISOString().slice(0, 10),
    });
    await o.goto('/peers?tab=requests');
    const card = o.getByRole('article').filter({ hasText: 'Umm Yusuf, 06-98765432' });
    await card.getByRole('combobox', { name: NL.peers.requests.member }).selectOption({ label: PEER });
    await card.getByRole('button', { name: NL.peers.requests.confirm }).click();
    await expect(card.getByText(fillIn(NL.peers.requests.linkedTo, { alias: PEER }))).toBeVisible();

    // The case shows the link, and nothing about whom.
    await k.reload();
    await showCaseTab(k, 'sharing');
    await expect(section.getByText(NL.peers.case.status.linked.split('{{')[0]!)).toBeVisible();
    for (const tab of ['overview', 'plan', 'sharing'] as const) {
      await showCaseTab(k, tab);
      await expect(k.locator('main')).not.toContainText(PEER, { useInnerText: true });
    }
    const link = await apiCall<Record<string, unknown>>(k, 'GET', `/api/cases/${caseId}/peer-link`);
    expect(link.status).toBe('linked');
    expect(JSON.stringify(link)).not.toContain(latifa.id);
    const detail = await apiCall<{ interventions: unknown[] }>(k, 'GET', `/api/cases/${caseId}`);
    expect(JSON.stringify(detail)).not.toContain('Latifa');
    expect(detail.interventions).toHaveLength(1);
  });
});
