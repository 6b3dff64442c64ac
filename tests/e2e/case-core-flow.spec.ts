/**
 * The core flow on the case page (issue 9): how to reach the family (number only after "show"), the intake
 * call in the contact log, and the consent text read to the caller in the form language (Arabic, RTL).
 */
import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { PDF_STRINGS } from '../../src/server/lib/pdf/strings';
import { newContext } from './support/browser';
import { apiCall, makeEligibleViaApi, openCaseViaApi } from './support/cases';
import type { Colleague } from './support/cases';
import { fillIn } from './support/consent';
import { NL } from './support/flows';
import { colleagueViaApi, setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

const PHONE_DIGITS = '612345678';

test.describe('the case page for a phone call', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  let coordinator: Colleague;
  let counsellor: Colleague;
  let caseId: string;
  let reference: string;

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
    const admin = await (await newContext(browser, server.baseUrl)).newPage();
    await setupViaApi(admin);
    const invite = (name: string, email: string, role: 'coordinator' | 'counsellor') =>
      colleagueViaApi(browser, server.baseUrl, admin, { name, email, role });
    coordinator = await invite('Samira Haddou', 'samira@hulplijn.example', 'coordinator');
    counsellor = await invite('Karim Bouali', 'karim@hulplijn.example', 'counsellor');
    const co = coordinator.page;
    ({ id: caseId, reference } = await openCaseViaApi(co, 'Moeder van R.', {
      language: 'ar',
      phone: '06 12 34 56 78',
      durationMinutes: 17,
      callback: { mayCallBack: true, mayLeaveMessage: false, safeTimes: 'na 14:00', safeChannel: 'whatsapp' },
    }));
    const counsellorId = await makeEligibleViaApi(co, 'Karim Bouali');
    await apiCall(co, 'PATCH', `/api/counsellors/${counsellorId}`, {
      languages: [
        { code: 'nl', level: 'native' },
        { code: 'ar', level: 'good' },
      ],
    });
    await apiCall(co, 'POST', `/api/cases/${caseId}/assign`, { counsellorId });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('the counsellor sees how to reach the family, and the number only after "show"', async () => {
    const page = counsellor.page;
    await test.step('reach', async () => {
      await page.goto(`/cases/${caseId}`);
      await expect(
        page.getByRole('heading', { level: 1, name: fillIn(NL.case.title, { reference }) }),
      ).toBeVisible();
      const reach = page.getByRole('region', { name: NL.reach.title });
      await expect(reach.getByText('na 14:00')).toBeVisible();
      await expect(reach.getByText(NL.channels.whatsapp, { exact: true })).toBeVisible();
      await expect(reach.getByText(NL.conversationLanguages.ar, { exact: true })).toBeVisible();
      // Not on screen by default: not in the page at all.
      expect(await page.content()).not.toContain(PHONE_DIGITS);
      await reach.getByRole('button', { name: NL.reach.showPhone }).click();
      const number = reach.getByRole('link', { name: '+31612345678' });
      await expect(number).toBeVisible();
      await expect(number).toHaveAttribute('href', 'tel:+31612345678');
      await reach.getByRole('button', { name: NL.reach.hidePhone }).click();
      await expect(number).toHaveCount(0);
      expect(await page.content()).not.toContain(PHONE_DIGITS);
    });
  });

  test('the coordinator who took the call can show the number too', async () => {
    const page = coordinator.page;
    await test.step('reach-coordinator', async () => {
      await page.goto(`/cases/${caseId}`);
      const reach = page.getByRole('region', { name: NL.reach.title });
      await reach.getByRole('button', { name: NL.reach.showPhone }).click();
      await expect(reach.getByRole('link', { name: '+31612345678' })).toBeVisible();
    });
  });

  test('the intake call is the first entry of the contact log', async () => {
    const page = counsellor.page;
    await test.step('intake-log', async () => {
      // The tab is in the address: a link straight to the contacts tab opens it.
      await page.goto(`/cases/${caseId}?tab=contacts`);
      const log = page.getByRole('region', { name: NL.log.title });
      const entry = log.getByText(NL.log.intakeCall);
      await expect(entry).toBeVisible();
      const title = await entry.textContent();
      expect(title).toContain(NL.channels.phone);
      expect(title).toContain(fillIn(NL.log.minutes, { n: '17' }));
      await expect(log.getByText('Samira Haddou')).toBeVisible();
    });
  });

  test('search: Ctrl+K, a reference and Enter land on the case; the term stays out of the address bar', async () => {
    const page = coordinator.page;
    await test.step('search', async () => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.keyboard.press('Control+k');
      const dialog = page.getByRole('dialog', { name: NL.search.title });
      const input = dialog.getByRole('combobox', { name: NL.search.label });
      await expect(input).toBeVisible();
      await expect(input).toBeFocused();
      await input.pressSequentially(reference);
      await expect(
        dialog.getByRole('option', { name: new RegExp(reference) }).getByText('Moeder van R.'),
      ).toBeVisible();
      await page.keyboard.press('Enter');
      await expect(
        page.getByRole('heading', { level: 1, name: fillIn(NL.case.title, { reference }) }),
      ).toBeVisible();
      expect(new URL(page.url()).pathname).toBe(`/cases/${caseId}`);
      expect(page.url()).not.toContain(reference);
      // "/" opens it too when no field has focus; Escape closes it.
      await page.keyboard.press('/');
      await expect(dialog).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    });
  });

  test('the consent text is read in the form language: Arabic, right to left', async () => {
    const page = counsellor.page;
    await test.step('consent-arabic', async () => {
      await page.goto(`/cases/${caseId}`);
      await page.getByRole('tab', { name: NL.caseTabs.sharing }).click();
      await page
        .getByRole('region', { name: NL.consent.title, exact: true })
        .getByRole('button', { name: NL.consent.record })
        .click();
      const form = page.getByRole('form', { name: NL.consent.formLabel });
      // The caller spoke Arabic at intake: the form language follows; choose it explicitly anyway.
      await form.getByRole('combobox', { name: NL.consent.language }).selectOption('ar');
      await form.getByRole('checkbox', { name: NL.dataCategories.signals.label }).check();
      await form.getByRole('radio', { name: NL.consentPurposes.care_referral.label }).check();
      const scope = form.getByRole('region', {
        name: fillIn(NL.consent.scope.titleIn, { language: 'العربية' }),
      });
      const text = scope.locator('[lang="ar"]');
      await expect(text.getByText(PDF_STRINGS.ar.consent.intro)).toBeVisible();
      await expect(text).toHaveAttribute('dir', 'rtl');
      await expect(text.getByText(PDF_STRINGS.ar.purposes.care_referral, { exact: true })).toBeVisible();
      await expect(
        text.getByText(PDF_STRINGS.ar.categories.signals.explanation, { exact: false }),
      ).toBeVisible();
      // Nothing of the Dutch form text in it, while the UI around it stays Dutch.
      expect(await text.textContent()).not.toContain(PDF_STRINGS.nl.consent.intro);
      await expect(form.getByRole('button', { name: NL.consent.save })).toBeVisible();
    });
    for (const person of [coordinator, counsellor]) expect(person.errors).toEqual([]);
  });
});
