/**
 * Manual visual check: `npx tsx tests/e2e/support/screenshot.ts` starts a fresh server (or uses
 * SCREENSHOT_BASE_URL, which must point at a not-yet-set-up installation), walks the main pages in Dutch and
 * Arabic on a 390 px phone and a 1280 px desktop, and writes PNGs to /tmp/shots.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchBrowser, newContext } from './browser';
import { apiCall, colleagueViaUi, makeEligibleViaApi, openCaseViaApi } from './cases';
import { acceptInviteViaUi, inviteViaUi, NL, setupViaUi } from './flows';
import { sharingScreens } from './screenshot-sharing';
import { startServer } from './server';

const OUT = process.env.SCREENSHOT_DIR ?? '/tmp/shots';
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
const LANGUAGES = ['nl', 'ar'] as const;
/**
 * `SCREENSHOT_ONLY=sharing` shoots only the consent, referral and emergency screens (after the same set-up);
 * `SCREENSHOT_ONLY=intake` only the intake form and the no-match panel.
 */
const ONLY = process.env.SCREENSHOT_ONLY;
const EVERYTHING = ONLY ? [] : LANGUAGES;

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
}

async function setLanguage(page: Page, language: string) {
  await page.locator('header select').first().selectOption(language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const external = process.env.SCREENSHOT_BASE_URL;
  const server = external ? undefined : await startServer();
  const baseUrl = external ?? server!.baseUrl;
  const browser = await launchBrowser();
  try {
    // Public pages, before anything exists.
    for (const language of EVERYTHING) {
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        const context = await newContext(browser, baseUrl, { viewport });
        await context.addInitScript((lang) => localStorage.setItem('confidant.lang', lang), language);
        const page = await context.newPage();
        await page.goto('/setup');
        await page.getByRole('button').last().waitFor();
        await shoot(page, `setup-${language}-${size}`);
        await context.close();
      }
    }

    const adminContext = await newContext(browser, baseUrl);
    const admin = await adminContext.newPage();
    await setupViaUi(admin);
    const officer = {
      name: 'Fatma Yilmaz',
      email: 'fatma@hulplijn.example',
      password: 'privacy gaat boven alles hier',
    };
    const link = await inviteViaUi(admin, { ...officer, role: 'privacy_officer' });
    const coordinator = await colleagueViaUi(browser, baseUrl, admin, {
      name: 'Samira Haddou',
      email: 'samira@hulplijn.example',
      role: 'coordinator',
    });
    const counsellor = await colleagueViaUi(browser, baseUrl, admin, {
      name: 'Youssef El Amrani',
      email: 'youssef@hulplijn.example',
      role: 'counsellor',
    });
    // Some case work to look at: a worked case assigned to the counsellor, an unassigned and urgent one.
    const co = coordinator.page;
    const worked = await openCaseViaApi(co, 'Moeder van R.');
    await openCaseViaApi(co, 'Vader van S.');
    const counsellorId = await makeEligibleViaApi(co, 'Youssef El Amrani');
    await apiCall(co, 'POST', `/api/cases/${worked.id}/assign`, { counsellorId });
    // Matching: a second counsellor, a case with stated preferences offered to the first (shortlist, offers).
    await colleagueViaUi(browser, baseUrl, admin, {
      name: 'Leyla Demir',
      email: 'leyla@hulplijn.example',
      role: 'counsellor',
    });
    await makeEligibleViaApi(co, 'Leyla Demir');
    await apiCall(co, 'POST', '/api/partners', {
      name: 'Sociaal wijkteam Utrecht-West',
      type: 'social_district_team',
      municipality: 'Utrecht',
      languages: ['nl', 'ary'],
      secureContact: 'Beveiligde mail via Zivver',
      contactPerson: 'Petra de Vries',
    });
    await apiCall(co, 'POST', '/api/partners', {
      name: 'GGZ Centraal',
      type: 'mental_health',
      municipality: 'Amersfoort',
    });
    const { items: places } = await apiCall<{ items: { id: string; name: string }[] }>(
      co,
      'GET',
      '/api/places/municipalities',
    );
    await apiCall(co, 'PATCH', `/api/counsellors/${counsellorId}`, {
      gender: 'male',
      languages: [
        { code: 'nl', level: 'good' },
        { code: 'rif', level: 'native' },
      ],
      homeMunicipalityId: places.find((place) => place.name === 'Utrecht')?.id ?? null,
      servesProvinces: ['Utrecht', 'Noord-Holland'],
    });
    await apiCall(co, 'POST', `/api/counsellors/${counsellorId}/absences`, {
      fromDate: '2031-07-01',
      toDate: '2031-07-21',
      note: 'Vakantie',
    });
    const matched = await openCaseViaApi(co, 'Moeder van T.', {
      municipality: 'Utrecht',
      preferences: { language: 'rif', counsellorGender: 'male' },
    });
    const offered = await openCaseViaApi(co, 'Zus van K.', { municipality: 'Zeist', language: 'rif' });
    await apiCall(co, 'POST', `/api/cases/${offered.id}/offers`, { counsellorId });
    const item = (kind: string, body: unknown) =>
      apiCall(co, 'POST', `/api/cases/${worked.id}/${kind}`, body);
    const today = new Date().toISOString().slice(0, 10);
    await item('log', {
      requestId: crypto.randomUUID(),
      occurredAt: new Date().toISOString(),
      channel: 'phone',
      durationMinutes: 20,
      withWhom: 'moeder',
      note: 'Moeder is rustiger; zoon wil met de imam praten.',
    });
    await item('observations', { kind: 'signal', observedOn: today, text: 'Trekt zich terug van vrienden' });
    await item('observations', { kind: 'protective', observedOn: today, text: 'Goede band met oom' });
    await item('goals', { text: 'Contact tussen moeder en zoon herstellen' });
    await item('tasks', { title: 'Moeder terugbellen', dueOn: today });
    const subject = await item('subjects', { alias: 'R.', ageBand: '16_17', gender: 'male' });
    await item('status-events', {
      subjectId: (subject as { id: string }).id,
      status: 'at_home',
      occurredOn: today,
    });
    const officerContext = await newContext(browser, baseUrl);
    const po = await officerContext.newPage();
    for (const page of [admin, po])
      page.on('pageerror', (error) => console.error('page error:', error.message));
    await acceptInviteViaUi(po, link, officer);

    // Public pages once the installation exists.
    for (const language of EVERYTHING) {
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        const context = await newContext(browser, baseUrl, { viewport });
        await context.addInitScript((lang) => localStorage.setItem('confidant.lang', lang), language);
        const page = await context.newPage();
        await page.goto('/login');
        await page.getByRole('button').last().waitFor();
        await shoot(page, `login-${language}-${size}`);
        await page.goto('/invite#not-a-real-token-but-long-enough');
        await page.getByRole('alert').waitFor();
        await shoot(page, `invite-invalid-${language}-${size}`);
        await context.close();
      }
    }

    for (const language of EVERYTHING) {
      await setLanguage(admin, language);
      await setLanguage(po, language);
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        await admin.setViewportSize(viewport);
        await po.setViewportSize(viewport);
        for (const [path, name] of [
          ['/', 'home'],
          ['/users', 'users'],
          ['/profile', 'profile'],
          ['/nope', 'not-found'],
        ] as const) {
          await admin.goto(path);
          await shoot(admin, `${name}-${language}-${size}`);
        }
        await admin.goto('/users');
        await admin
          .getByRole('button', { name: /.+/ })
          .filter({ hasText: /Collega uitnodigen|دعوة زميل/ })
          .first()
          .click();
        await admin.getByRole('dialog').waitFor();
        await shoot(admin, `users-invite-modal-${language}-${size}`);
        await admin.keyboard.press('Escape');
        if (size === 'phone') {
          await admin.goto('/');
          await admin.getByRole('button', { name: /navigatie|التنقل/i }).click();
          await shoot(admin, `navbar-open-${language}-${size}`);
        }
        await po.goto('/audit');
        await po.getByRole('table').waitFor();
        await po.getByRole('button', { name: /Auditketen controleren|التحقق من سلسلة التدقيق/ }).click();
        await po.getByRole('status').filter({ hasText: /\d/ }).first().waitFor();
        await shoot(po, `audit-${language}-${size}`);
        await po.goto('/access-log');
        await shoot(po, `access-log-${language}-${size}`);
      }
    }

    // Case work pages: coordinator (intake, cases, case) and counsellor (home, case on a phone).
    const cp = counsellor.page;
    for (const language of EVERYTHING) {
      await setLanguage(co, language);
      await setLanguage(cp, language);
      await setLanguage(admin, language);
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        for (const page of [co, cp, admin]) await page.setViewportSize(viewport);
        for (const [page, path, name] of [
          [co, '/', 'coordinator-home'],
          [co, '/intake', 'intake'],
          [co, '/cases', 'cases'],
          [cp, '/', 'counsellor-home'],
          [cp, `/cases/${worked.id}`, 'case'],
          [admin, '/settings/taxonomies', 'taxonomies'],
          [admin, '/settings/aftercare', 'aftercare'],
          [co, `/cases/${matched.id}`, 'shortlist'],
          [co, '/counsellors', 'counsellors'],
          [co, `/counsellors/${counsellorId}`, 'counsellor-profile'],
          [cp, '/my-profile', 'my-profile'],
          [co, '/training', 'training'],
          [admin, '/settings/matching', 'weights'],
          [admin, '/settings/places', 'places'],
          [co, '/partners', 'partners'],
          [cp, '/partners', 'partners-counsellor'],
        ] as const) {
          await page.goto(path);
          await page.getByRole('heading', { level: 1 }).waitFor();
          await shoot(page, `${name}-${language}-${size}`);
        }
        await co.goto('/intake');
        await co.getByRole('radio').nth(7).check();
        await shoot(co, `intake-danger-${language}-${size}`);
        await cp.goto('/');
        await cp
          .getByRole('button', { name: /Afwijzen|رفض/ })
          .first()
          .click();
        await cp.getByRole('dialog').waitFor();
        await shoot(cp, `offer-decline-modal-${language}-${size}`);
        await cp.keyboard.press('Escape');
        await cp.goto(`/cases/${worked.id}`);
        await cp.getByRole('button', { name: /Afsluiten met nazorg|إغلاق مع متابعة لاحقة/ }).click();
        await cp.getByRole('dialog').waitFor();
        await shoot(cp, `case-close-modal-${language}-${size}`);
      }
    }

    // Search (Ctrl+K) and the case list with aliases: `SCREENSHOT_ONLY=search` shoots only these.
    if (!ONLY || ONLY === 'search') {
      await openCaseViaApi(co, 'أم كريم', { phone: '06 12 34 56 01' });
      for (const language of LANGUAGES) {
        await setLanguage(co, language);
        for (const [size, viewport] of Object.entries(VIEWPORTS)) {
          await co.setViewportSize(viewport);
          await co.goto('/cases');
          await co.getByRole('heading', { level: 1 }).waitFor();
          await shoot(co, `cases-alias-${language}-${size}`);
          if (size === 'phone')
            await co
              .getByRole('button', { name: NL.search.open })
              .or(co.getByRole('button', { name: 'بحث' }))
              .first()
              .click();
          else await co.keyboard.press('Control+k');
          const dialog = co.getByRole('dialog');
          const input = dialog.getByRole('combobox');
          await input.waitFor();
          await shoot(co, `search-empty-${language}-${size}`);
          await input.fill(worked.reference.slice(0, 6));
          await dialog.getByRole('option').first().waitFor();
          await co.keyboard.press('ArrowDown');
          await shoot(co, `search-results-${language}-${size}`);
          await input.fill('0031 6 12345601');
          await dialog.getByRole('option').filter({ hasText: 'أم كريم' }).waitFor();
          await shoot(co, `search-phone-${language}-${size}`);
          await input.fill('niemand bekend');
          await dialog.getByRole('status').filter({ hasText: /.{5}/ }).waitFor();
          await co.waitForTimeout(400);
          await shoot(co, `search-none-${language}-${size}`);
          await co.keyboard.press('Escape');
        }
      }
    }

    // Intake with the relative, signals and the call timer; a case nobody can take (Somali, in Utrecht).
    if (!ONLY || ONLY === 'intake') {
      const nobody = await openCaseViaApi(co, 'Zus van A.', { municipality: 'Utrecht', language: 'so' });
      for (const language of LANGUAGES) {
        await setLanguage(co, language);
        for (const [size, viewport] of Object.entries(VIEWPORTS)) {
          await co.setViewportSize(viewport);
          await co.goto('/intake');
          await co.getByRole('heading', { level: 1 }).waitFor();
          await co.getByRole('textbox').first().fill('Moeder van S.');
          await co.locator('select:has(option[value="16_17"])').selectOption('16_17');
          await co.locator('select:has(option[value="departed"])').selectOption('departed');
          for (const index of [0, 6, 9]) {
            const box = co.locator('input[type=checkbox]').nth(index);
            for (let attempt = 0; attempt < 3 && !(await box.isChecked()); attempt += 1)
              await box.click().catch(() => undefined);
          }
          await co.waitForTimeout(1500);
          await shoot(co, `intake-relative-${language}-${size}`);
          await co.goto(`/cases/${nobody.id}`);
          await co.getByRole('heading', { level: 1 }).waitFor();
          await co.locator('#no-match-title').waitFor();
          await shoot(co, `no-match-${language}-${size}`);
        }
      }
    }

    if (!ONLY || ONLY === 'sharing') {
      await sharingScreens({
        admin,
        coordinator: co,
        counsellor: counsellor.page,
        officer: po,
        caseId: worked.id,
        languages: LANGUAGES,
        viewports: VIEWPORTS,
        shoot,
        setLanguage,
        out: OUT,
      });
    }

    await setLanguage(admin, 'nl');
    await admin.getByRole('button', { name: NL.common.signOut }).click();
    await admin.waitForURL('**/login');
    await shoot(admin, 'login-signed-out-nl-desktop');
  } finally {
    await browser.close();
    await server?.stop();
  }
  console.warn(`Screenshots written to ${OUT}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
