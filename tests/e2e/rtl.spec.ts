import type { Browser } from '@playwright/test';
import { expect, test } from '@playwright/test';
import ar from '../../src/web/i18n/locales/ar.json' with { type: 'json' };
import { expectNoSeriousAxe } from './support/axe';
import { newContext, trackErrors } from './support/browser';
import { apiCall, makeEligibleViaApi, openCaseViaApi } from './support/cases';
import { fillIn, partnerViaApi, recordConsentViaUi, showCaseTab } from './support/consent';
import { NL } from './support/flows';
import { savedStatus } from './support/forms';
import { colleagueViaApi, setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

test.describe('right-to-left', () => {
  let server: TestServer;
  let browser: Browser;

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('switches to Arabic (rtl, navbar on the right) and back to Dutch', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = trackErrors(page);
    await setupViaApi(page);
    const html = page.locator('html');
    // Not by name: the navigation's accessible name changes language too.
    const nav = page.getByRole('navigation');
    const main = page.locator('main');

    await page.getByRole('combobox', { name: NL.language.label }).selectOption('ar');
    await expect(nav.getByRole('link', { name: ar.nav.home })).toBeVisible();
    await expect(html).toHaveAttribute('dir', 'rtl');
    await expect(html).toHaveAttribute('lang', 'ar');
    await expect(nav.getByRole('link', { name: ar.nav.profile })).toBeVisible();
    await expect(page.getByRole('button', { name: ar.common.signOut })).toBeVisible();

    const navBox = await nav.boundingBox();
    const mainBox = await main.boundingBox();
    if (!navBox || !mainBox) throw new Error('navbar or main not rendered');
    expect(navBox.x).toBeGreaterThan(mainBox.x + mainBox.width / 2);
    expect(navBox.x + navBox.width).toBeGreaterThan(1200);

    // Saved on the server: survives a reload.
    await page.reload();
    await expect(nav.getByRole('link', { name: ar.nav.home })).toBeVisible();
    await expect(html).toHaveAttribute('dir', 'rtl');

    await page.getByRole('combobox', { name: ar.language.label }).selectOption('nl');
    await expect(nav.getByRole('link', { name: NL.nav.home })).toBeVisible();
    await expect(html).toHaveAttribute('dir', 'ltr');
    await expect(html).toHaveAttribute('lang', 'nl');
    const ltrNav = await nav.boundingBox();
    expect(ltrNav?.x).toBeLessThan(10);

    expect(errors).toEqual([]);
    await context.close();
  });
});

test.describe('right-to-left settings', () => {
  let server: TestServer;
  let browser: Browser;

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('an admin in Arabic types the aftercare days with an Arabic keyboard; they save and show with the Arabic comma', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const errors = trackErrors(page);
    await setupViaApi(page);
    await page.getByRole('combobox', { name: NL.language.label }).selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

    await page.goto('/settings/aftercare');
    const light = page.getByRole('textbox', { name: ar.supportLevels.light, exact: true });
    // The hint's own example ("30، 61، 91"): Arabic commas, and digits as an Arabic keyboard types them.
    await light.fill('٣٠، ٦١؛ ٩١');
    const form = page.locator('form').filter({ has: light });
    await form.getByRole('button', { name: ar.common.save }).click();
    await savedStatus(page, ar.aftercare.saved);

    const saved = await apiCall<{ aftercareSchedule: { light: number[] } }>(
      page,
      'GET',
      '/api/organisation/settings',
    );
    expect(saved.aftercareSchedule.light).toEqual([30, 61, 91]);
    await page.reload();
    await expect(page.getByRole('textbox', { name: ar.supportLevels.light, exact: true })).toHaveValue(
      '30، 61، 91',
    );

    expect(errors).toEqual([]);
    await context.close();
  });
});

test.describe('right-to-left on a phone', () => {
  let server: TestServer;
  let browser: Browser;

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('a counsellor on a phone, in Arabic, records consent and refers with it; every screen passes axe', async () => {
    const AR = ar;
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    await setupViaApi(admin, {
      name: 'Amina Bakker',
      email: 'amina@rtl.example',
      password: 'de zee is vandaag erg kalm',
    });
    const coordinator = await colleagueViaApi(browser, server.baseUrl, admin, {
      name: 'Yusuf Demir',
      email: 'yusuf@rtl.example',
      role: 'coordinator',
    });
    const counsellor = await colleagueViaApi(
      browser,
      server.baseUrl,
      admin,
      { name: 'Salma Idrissi', email: 'salma@rtl.example', role: 'counsellor' },
      { width: 390, height: 844 },
    );
    const partner = await partnerViaApi(coordinator.page, {
      name: 'Wijkteam Zuid',
      type: 'social_district_team',
    });
    const counsellorId = await makeEligibleViaApi(coordinator.page, 'Salma Idrissi');
    const opened = await openCaseViaApi(coordinator.page, 'أم كريم');
    await apiCall(coordinator.page, 'POST', `/api/cases/${opened.id}/assign`, { counsellorId });

    const page = counsellor.page;
    await page.locator('header select').first().selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.goto(`/cases/${opened.id}`);
    await expect(page.getByRole('heading', { level: 1 }).filter({ hasText: opened.reference })).toBeVisible();
    await expectNoSeriousAxe(page, 'case page, ar, phone');

    await showCaseTab(page, 'sharing', AR);
    const consent = await recordConsentViaUi(
      page,
      {
        partner: partner.name,
        purpose: 'care_referral',
        categories: ['concern_summary'],
        method: 'signature_typed',
        typedName: 'أم كريم',
      },
      AR,
    );
    expect(consent.status).toBe('active');
    const card = page
      .getByRole('region', { name: AR.consent.title, exact: true })
      .getByRole('listitem', { name: fillIn(AR.consent.cardLabel, { recipient: partner.name }) });
    await card
      .getByRole('button', { name: fillIn(AR.handoff.referWithFor, { recipient: partner.name }) })
      .click();
    const form = page.getByRole('form', { name: AR.referrals.formLabel });
    await expect(form.getByText(AR.handoff.prefilledTitle)).toBeVisible();
    await expectNoSeriousAxe(page, 'referral form from a consent, ar, phone');
    await form.getByRole('button', { name: AR.handoff.saveAndReview }).click();
    const dialog = page.getByRole('dialog', { name: fillIn(AR.referrals.sendTitle, { name: partner.name }) });
    await expect(dialog.getByRole('region', { name: AR.summary.title })).toBeVisible();
    await expectNoSeriousAxe(page, 'what would leave, ar, phone');
    await dialog.getByRole('button', { name: AR.referrals.sendConfirm }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page
        .getByRole('listitem', { name: fillIn(AR.referrals.cardLabel, { name: partner.name }) })
        .getByText(AR.referrals.statuses.sent, { exact: true }),
    ).toBeVisible();
    // Nothing on the phone is wider than the screen in Arabic.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    expect(counsellor.errors).toEqual([]);
    await Promise.all([adminContext.close(), coordinator.context.close(), counsellor.context.close()]);
  });
});
