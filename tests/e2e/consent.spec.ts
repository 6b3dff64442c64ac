import { readFile } from 'node:fs/promises';
import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { PDF_STRINGS } from '../../src/server/lib/pdf/strings';
import { newContext } from './support/browser';
import { apiCall, makeEligibleViaApi, openCaseViaApi } from './support/cases';
import type { Colleague } from './support/cases';
import { apiStatus, drawSignature, fillIn, partnerViaApi, pickPartner, showCaseTab } from './support/consent';
import { NL } from './support/flows';
import { colleagueViaApi, setupViaApi, signInViaApi } from './support/session';
import { startServer, testClock } from './support/server';
import { setTotpClockOffset } from './support/totp';
import type { TestServer } from './support/server';

const PHONE = { width: 390, height: 844 };
const MUNICIPALITY = 'Gemeente Utrecht';
const POLICE = 'Politie Midden-Nederland';
/** Accounts wait 7 days in their role before the emergency path opens to them. */
const EIGHT_DAYS = 8 * 86_400_000;

test.describe('consent, referrals and the emergency path', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  let samira: Colleague;
  let omar: Colleague;
  let karim: Colleague;
  let clock: Awaited<ReturnType<typeof testClock>>;

  test.beforeAll(async ({ browser: launched }) => {
    clock = await testClock();
    server = await startServer(clock.env);
    browser = launched;
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    await setupViaApi(admin);
    const invite = (name: string, email: string, role: 'coordinator' | 'counsellor', phone = false) =>
      colleagueViaApi(browser, server.baseUrl, admin, { name, email, role }, phone ? PHONE : undefined);
    samira = await invite('Samira Haddou', 'samira@hulplijn.example', 'coordinator');
    omar = await invite('Omar Yilmaz', 'omar@hulplijn.example', 'coordinator');
    karim = await invite('Karim Bouali', 'karim@hulplijn.example', 'counsellor', true);
    await adminContext.close();
    await partnerViaApi(samira.page, { name: MUNICIPALITY, type: 'municipality', municipality: 'Utrecht' });
    await partnerViaApi(samira.page, { name: POLICE, type: 'police', municipality: 'Utrecht' });
  });

  test.afterAll(async () => {
    // The worker goes on to other spec files, whose servers run on the real clock.
    setTotpClockOffset(0);
    await server?.stop();
  });

  test('a counsellor records signed consent on a phone, refers within it, and withdrawal stops the referral', async () => {
    const co = samira.page;
    const { id } = await openCaseViaApi(co, 'Moeder van R.');
    const counsellorId = await makeEligibleViaApi(co, 'Karim Bouali');
    await apiCall(co, 'POST', `/api/cases/${id}/assign`, { counsellorId });

    const page = karim.page;
    const consent = page.getByRole('region', { name: NL.consent.title, exact: true });
    const referrals = page.getByRole('region', { name: NL.referrals.title, exact: true });
    const consentCard = consent.getByRole('listitem', {
      name: fillIn(NL.consent.cardLabel, { recipient: MUNICIPALITY }),
    });
    const referralCard = referrals.getByRole('listitem', {
      name: fillIn(NL.referrals.cardLabel, { name: MUNICIPALITY }),
    });

    await test.step('consent-record', async () => {
      await page.goto(`/cases/${id}`);
      // From the case header to "record consent" by keyboard: Tab to the tab list, arrows to the sharing
      // tab, Tab into it. Counted, so that the page does not grow a longer way there unnoticed.
      await page.getByRole('heading', { level: 1 }).focus();
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          return `${el?.getAttribute('role') ?? el?.tagName ?? ''}:${el?.textContent?.trim() ?? ''}`;
        });
      let tabs = 0;
      while ((await focused()) !== `tab:${NL.caseTabs.overview}` && tabs < 30) {
        await page.keyboard.press('Tab');
        tabs++;
      }
      await page.keyboard.press('ArrowLeft'); // the list loops: logs
      await page.keyboard.press('ArrowLeft'); // consent and referrals
      expect(await focused()).toBe(`tab:${NL.caseTabs.sharing}`);
      await expect(consent.getByText(NL.consent.empty)).toBeVisible();
      let more = 0;
      while ((await focused()) !== `BUTTON:${NL.consent.record}` && more < 30) {
        await page.keyboard.press('Tab');
        more++;
      }
      console.warn(`[keyboard] header → record consent: ${tabs + more} Tab presses and 2 arrows`);
      expect(tabs + more).toBeLessThanOrEqual(12);
      await page.keyboard.press('Enter');
      const form = page.getByRole('form', { name: NL.consent.formLabel });
      // Who consents comes from the case; the form language from the conversation language (Dutch).
      await expect(form.getByRole('textbox', { name: NL.consent.givenBy })).toHaveValue('Moeder van R.');
      await expect(form.getByRole('combobox', { name: NL.consent.language })).toHaveValue('nl');
      for (const category of ['concern_summary', 'person_status'] as const)
        await form.getByRole('checkbox', { name: NL.dataCategories[category].label }).check();
      await pickPartner(
        page,
        form.getByRole('combobox', { name: NL.consent.partner, exact: true }),
        MUNICIPALITY,
      );
      await form.getByRole('radio', { name: NL.consentPurposes.authority_referral.label }).check();
      // The exact scope is on screen before the caller signs, in the words of the (Dutch) form.
      const scope = form.getByRole('region', {
        name: fillIn(NL.consent.scope.titleIn, { language: 'Nederlands' }),
      });
      await expect(
        scope.getByText(PDF_STRINGS.nl.purposes.authority_referral, { exact: true }),
      ).toBeVisible();
      await expect(scope.getByText(MUNICIPALITY, { exact: true })).toBeVisible();
      // Saving without a signature is refused on the spot.
      await form.getByRole('button', { name: NL.consent.save }).click();
      await expect(form.getByText(NL.fieldErrors.signature_missing)).toBeVisible();
      await drawSignature(page, form.getByRole('img', { name: NL.signature.label }));
      await expect(form.getByText(NL.signature.done)).toBeVisible();
      await form.getByRole('button', { name: NL.consent.save }).click();
      await expect(form).toBeHidden();
      await expect(consentCard.getByText(NL.consent.statuses.active, { exact: true })).toBeVisible();
      const print = consentCard.getByRole('link', {
        name: fillIn(NL.consent.printForm, { language: 'Nederlands' }),
      });
      expect(await print.getAttribute('href')).toMatch(/\/consents\/[0-9a-f-]+\/form\.pdf\?lang=nl$/);
    });

    const summaryHref = await test.step('consent-referral', async () => {
      // The hand-off: refer with the consent just recorded; the form comes filled in from it.
      await consentCard
        .getByRole('button', { name: fillIn(NL.handoff.referWithFor, { recipient: MUNICIPALITY }) })
        .click();
      const form = page.getByRole('form', { name: NL.referrals.formLabel });
      await expect(form.getByText(NL.handoff.prefilledTitle)).toBeVisible();
      expect(
        await form.getByRole('combobox', { name: NL.referrals.partner, exact: true }).inputValue(),
      ).toContain(MUNICIPALITY);
      await expect(form.getByRole('combobox', { name: NL.referrals.purpose })).toHaveValue(
        'authority_referral',
      );
      for (const category of ['concern_summary', 'person_status'] as const)
        expect(
          await form.getByRole('checkbox', { name: NL.dataCategories[category].label }).isChecked(),
        ).toBe(true);
      expect(
        await form.getByRole('checkbox', { name: NL.dataCategories.contact_details.label }).isChecked(),
      ).toBe(false);
      await form
        .getByRole('textbox', { name: NL.referrals.note })
        .fill('Graag contact met het sociaal team.');
      await form.getByRole('button', { name: NL.handoff.saveAndReview }).click();
      // Before "send": exactly what would leave, from the server under the checks of sending.
      const dialog = page.getByRole('dialog', {
        name: fillIn(NL.referrals.sendTitle, { name: MUNICIPALITY }),
      });
      const preview = dialog.getByRole('region', { name: NL.summary.title });
      await expect(
        preview.getByRole('heading', { name: NL.dataCategories.concern_summary.label }),
      ).toBeVisible();
      await expect(preview.getByText('Zoon trekt zich terug en praat over vertrek.')).toBeVisible();
      expect(
        await preview.getByRole('heading', { name: NL.dataCategories.contact_details.label }).count(),
      ).toBe(0);
      await expect(dialog.getByRole('button', { name: NL.referrals.sendConfirm })).toBeEnabled();
      // Not sent now: the caller asked to wait until tomorrow.
      await dialog.getByRole('button', { name: NL.common.cancel, exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(referralCard.getByText(NL.referrals.statuses.proposed, { exact: true })).toBeVisible();
      await expect(referralCard.getByText(/^Gedekt door de toestemming van /)).toBeVisible();

      // "What will be shared": only the consented sections.
      await referralCard.getByRole('button', { name: NL.sharing.showSummary }).click();
      const summary = referralCard.getByRole('region', { name: NL.summary.title });
      await expect(
        summary.getByRole('heading', { name: NL.dataCategories.concern_summary.label }),
      ).toBeVisible();
      await expect(summary.getByText('Zoon trekt zich terug en praat over vertrek.')).toBeVisible();
      expect(
        await summary.getByRole('heading', { name: NL.dataCategories.contact_details.label }).count(),
      ).toBe(0);

      // The PDF summary downloads through a plain link.
      const link = referralCard.getByRole('link', { name: NL.sharing.downloadSummary });
      const href = (await link.getAttribute('href')) ?? '';
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const file = await download.path();
      expect((await readFile(file)).subarray(0, 4).toString('latin1')).toBe('%PDF');
      const response = await page.request.get(href);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
      return href;
    });

    await test.step('consent-withdraw', async () => {
      await consentCard
        .getByRole('button', { name: fillIn(NL.consent.withdrawFor, { recipient: MUNICIPALITY }) })
        .click();
      const dialog = page.getByRole('dialog', { name: NL.consent.withdrawTitle });
      await expect(dialog.getByText(NL.consent.withdrawBody)).toBeVisible();
      await dialog
        .getByRole('textbox', { name: NL.consent.withdrawNote })
        .fill('Moeder wil eerst zelf bellen.');
      await dialog.getByRole('button', { name: NL.consent.withdrawConfirm }).click();
      await expect(dialog).toBeHidden();
      await expect(consent.getByText(fillIn(NL.consent.cancelledReferrals, { n: '1' }))).toBeVisible();
      // Nothing had been shared yet, so there is nobody to inform.
      await expect(consent.getByText(NL.consent.informTaskCreated)).toHaveCount(0);
      await expect(consentCard.getByText(NL.consent.statuses.withdrawn, { exact: true })).toBeVisible();
      await expect(referralCard.getByText(NL.referrals.statuses.cancelled, { exact: true })).toBeVisible();
      await expect(referralCard.getByText(NL.referrals.cancelledByWithdrawal)).toBeVisible();
      await expect(referralCard.getByRole('link', { name: NL.sharing.downloadSummary })).toHaveCount(0);
      await expect(referralCard.getByRole('button', { name: NL.sharing.showSummary })).toHaveCount(0);
      // The summary is no longer produced (the server answers that the referral is cancelled).
      const refused = await apiStatus(page, 'GET', summaryHref);
      expect(refused.status).toBe(409);
      expect(['consent_required', 'invalid_transition']).toContain(refused.code);
    });

    expect(karim.errors).toEqual([]);
  });

  test('an emergency request needs a second coordinator, then the disclosure is logged', async () => {
    // Both coordinators were invited today: a week on, they may use the emergency path (and sign in again).
    await clock.advance(EIGHT_DAYS);
    setTotpClockOffset(EIGHT_DAYS);
    await signInViaApi(samira.page, samira.account);
    await signInViaApi(omar.page, omar.account);
    const page = samira.page;
    const { id, reference } = await openCaseViaApi(page, 'Vader van D.');
    const emergency = page.getByRole('region', { name: NL.emergency.title, exact: true });
    const card = emergency.getByRole('listitem', {
      name: fillIn(NL.emergency.cardLabel, { reference, partner: POLICE }),
    });
    const reason =
      'Zoon heeft vanavond een vlucht naar het conflictgebied geboekt; vader vreest voor zijn leven.';

    await test.step('emergency-request', async () => {
      await page.goto(`/cases/${id}?tab=sharing`);
      await expect(emergency.getByText(NL.emergency.onlyFor)).toBeVisible();
      await emergency.getByRole('button', { name: NL.emergency.start }).click();
      const form = page.getByRole('form', { name: NL.emergency.formLabel });
      await form.getByRole('radio', { name: NL.emergency.grounds.danger_to_life }).check();
      await form.getByRole('radio', { name: NL.emergency.legalBases.vital_interest.label }).check();
      await form.getByRole('textbox', { name: NL.emergency.reason }).fill(reason);
      await pickPartner(
        page,
        form.getByRole('combobox', { name: NL.emergency.partner, exact: true }),
        POLICE,
      );
      for (const category of ['contact_details', 'person_status'] as const)
        await form.getByRole('checkbox', { name: NL.dataCategories[category].label }).check();
      await form.getByRole('combobox', { name: NL.emergency.channel }).selectOption('phone');
      await form.getByRole('button', { name: NL.emergency.submit }).click();
      await expect(form).toBeHidden();
      await expect(card.getByText(NL.emergency.statuses.pending, { exact: true })).toBeVisible();
      await expect(card.getByText(NL.emergency.waiting)).toBeVisible();
    });

    // Four eyes: no decision buttons for the requester, and the API refuses too.
    await test.step('emergency-own', async () => {
      await page.getByRole('navigation').getByRole('link', { name: NL.nav.emergencyApprovals }).click();
      await expect(page.getByRole('heading', { level: 1, name: NL.titles.emergencyApprovals })).toBeVisible();
      const own = page.getByRole('listitem', {
        name: fillIn(NL.emergency.cardLabel, { reference, partner: POLICE }),
      });
      await expect(own.getByText(NL.emergency.waiting)).toBeVisible();
      expect(
        await own.getByRole('button', { name: fillIn(NL.approvals.approveFor, { reference }) }).count(),
      ).toBe(0);
    });
    const { items } = await apiCall<{ items: { id: string; canDecide: boolean }[] }>(
      page,
      'GET',
      `/api/cases/${id}/emergency`,
    );
    expect(items).toMatchObject([{ canDecide: false }]);
    const decision = await apiStatus(page, 'POST', `/api/emergency-requests/${items[0]!.id}/decision`, {
      decision: 'approve',
      note: 'Eigen verzoek',
    });
    expect(decision.status).toBe(403);

    // The second coordinator gets an alert, follows it and approves.
    const second = omar.page;
    await test.step('emergency-approve', async () => {
      await second.goto('/');
      const alert = second
        .getByRole('region', { name: NL.work.alerts })
        .getByRole('listitem')
        .filter({ hasText: NL.work.alertKinds.emergency_request })
        .filter({ hasText: reference });
      await alert.getByRole('link', { name: NL.work.decideEmergency }).click();
      await expect(
        second.getByRole('heading', { level: 1, name: NL.titles.emergencyApprovals }),
      ).toBeVisible();
      const request = second.getByRole('listitem', {
        name: fillIn(NL.emergency.cardLabel, { reference, partner: POLICE }),
      });
      await expect(request.getByText(reason)).toBeVisible();
      await request
        .getByRole('textbox', { name: NL.approvals.note })
        .fill('Acuut gevaar, politie direct inlichten.');
      await request.getByRole('button', { name: fillIn(NL.approvals.approveFor, { reference }) }).click();
      const confirm = second.getByRole('dialog', { name: NL.approvals.approveTitle });
      await confirm.getByRole('button', { name: NL.approvals.approve, exact: true }).click();
      await expect(confirm).toBeHidden();
      await expect(request).toHaveCount(0);
    });

    // The requester records the disclosure; it appears in the case's disclosure log, with a task to tell the caller.
    await test.step('emergency-disclose', async () => {
      await page.goto(`/cases/${id}?tab=sharing`);
      await expect(card.getByText(NL.emergency.statuses.approved, { exact: true })).toBeVisible();
      await expect(
        card.getByText(fillIn(NL.emergency.approvedLine, { name: 'Omar Yilmaz', when: '' }).trim()),
      ).toBeVisible();
      await card.getByRole('button', { name: NL.emergency.disclose }).click();
      const confirm = page.getByRole('dialog', { name: NL.emergency.discloseTitle });
      await confirm.getByRole('button', { name: NL.emergency.disclose }).click();
      await expect(confirm).toBeHidden();
      await expect(card.getByText(NL.emergency.statuses.disclosed, { exact: true })).toBeVisible();
      await showCaseTab(page, 'logs');
      const log = page.getByRole('region', { name: NL.disclosures.caseTitle, exact: true });
      const row = log.getByRole('row', { name: new RegExp(POLICE) });
      await expect(row).toBeVisible();
      await expect(row).toContainText(NL.disclosures.kinds.emergency, { useInnerText: true });
      await expect(row).toContainText(NL.disclosureChannels.phone, { useInnerText: true });
      await expect(row).toContainText('Samira Haddou', { useInnerText: true });
      await showCaseTab(page, 'tasks');
      await expect(
        page
          .getByRole('region', { name: NL.tasks.title, exact: true })
          .getByText(fillIn(NL.tasks.informCaller, { partner: POLICE })),
      ).toBeVisible();
    });

    for (const person of [samira, omar]) expect(person.errors).toEqual([]);
  });
});
