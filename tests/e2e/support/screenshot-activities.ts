/**
 * Manual visual check of the activity screens: `npx tsx tests/e2e/support/screenshot-activities.ts` starts a
 * fresh server, plans a few activities, and writes PNGs (nl and ar, 390 px phone and 1280 px desktop) to
 * SCREENSHOT_DIR (default /tmp/shots).
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchBrowser, newContext } from './browser';
import { apiCall, colleagueViaUi, makeEligibleViaApi } from './cases';
import { NL, setupViaUi } from './flows';
import { startServer } from './server';

const OUT = process.env.SCREENSHOT_DIR ?? '/tmp/shots';
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const admin = await (await newContext(browser, server.baseUrl)).newPage();
    await setupViaUi(admin);
    const coordinator = await colleagueViaUi(browser, server.baseUrl, admin, {
      name: 'Samira Haddou',
      email: 'samira@hulplijn.example',
      role: 'coordinator',
    });
    const counsellor = await colleagueViaUi(browser, server.baseUrl, admin, {
      name: 'Youssef El Amrani',
      email: 'youssef@hulplijn.example',
      role: 'counsellor',
    });
    await colleagueViaUi(browser, server.baseUrl, admin, {
      name: 'Fatima Ouali',
      email: 'fatima@hulplijn.example',
      role: 'counsellor',
    });
    const co = coordinator.page;
    const youssef = await makeEligibleViaApi(co, 'Youssef El Amrani');
    const fatima = await makeEligibleViaApi(co, 'Fatima Ouali');
    const course = await apiCall<{ id: string }>(co, 'POST', '/api/training/courses', {
      name: 'Voorlichting geven',
      kind: 'specialised',
      validityMonths: 12,
    });
    for (const [userId, days] of [
      [youssef, 30],
      [fatima, 400],
    ] as const) {
      const session = await apiCall<{ id: string }>(co, 'POST', '/api/training/sessions', {
        courseId: course.id,
        startsAt: new Date(Date.now() - days * 86_400_000).toISOString(),
        place: 'Utrecht',
        trainer: 'SMN',
      });
      await apiCall(co, 'PUT', `/api/training/sessions/${session.id}/attendance`, {
        userId,
        attended: true,
        completed: true,
      });
    }
    const types = await apiCall<{ items: { termId: string; code: string }[] }>(
      co,
      'GET',
      '/api/activities/types',
    );
    const type = (code: string) => types.items.find((t) => t.code === code)!.termId;
    await apiCall(co, 'PUT', `/api/activities/types/${type('info_meeting')}/course`, { courseId: course.id });
    const places = await apiCall<{ items: { id: string; name: string }[] }>(
      co,
      'GET',
      '/api/places/municipalities',
    );
    const place = (name: string) => places.items.find((p) => p.name === name)!.id;
    const partner = await apiCall<{ id: string }>(co, 'POST', '/api/partners', {
      name: 'Moskee Al-Fath',
      type: 'theologian_mosque',
      municipality: 'Utrecht',
    });
    const plan = (body: Record<string, unknown>) =>
      apiCall<{ id: string }>(co, 'POST', '/api/activities', {
        startTime: '19:00',
        endTime: '21:00',
        languages: ['ar', 'nl'],
        audience: 'parents',
        facilitatorIds: [youssef],
        ...body,
      });
    const meeting = await plan({
      typeId: type('info_meeting'),
      title: 'Informatiebijeenkomst in het Arabisch',
      date: day(0),
      place: 'Buurthuis De Boog',
      municipalityId: place('Utrecht'),
      hostPartnerId: partner.id,
      isPublic: true,
    });
    await plan({
      typeId: type('mothers_programme'),
      title: 'Moederprogramma, bijeenkomst 3',
      date: day(2),
      municipalityId: place('Amersfoort'),
      audience: 'mothers',
    });
    await plan({
      typeId: type('workshop_authorities'),
      title: 'Workshop hulplijnmethode gemeente Zeist',
      date: day(5),
      startTime: '10:00',
      endTime: '12:30',
      municipalityId: place('Zeist'),
      languages: ['nl'],
      audience: 'local_authority',
      facilitatorIds: [],
    });
    await apiCall(co, 'PUT', `/api/activities/${meeting.id}/report`, {
      attendees: 23,
      materials: 'Folder, korte film',
      evaluation: 'Veel vragen over sociale media.',
    });
    await apiCall(co, 'POST', `/api/activities/${meeting.id}/tasks`, {
      title: 'Folders nabestellen',
      dueOn: day(7),
    });

    for (const language of ['nl', 'ar'] as const) {
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        for (const page of [co, counsellor.page]) {
          await page.setViewportSize(viewport);
          await page.evaluate((lang) => localStorage.setItem('confidant.lang', lang), language);
        }
        const tag = `${language}-${size}`;
        await co.goto('/activities');
        await co.locator('header select').first().selectOption(language);
        await co.getByRole('table').waitFor();
        await shoot(co, `activities-list-${tag}`);
        await co
          .locator('label')
          .filter({ hasText: language === 'nl' ? NL.activities.views.month : 'شهر' })
          .click();
        await shoot(co, `activities-month-${tag}`);
        await co
          .locator('label')
          .filter({ hasText: language === 'nl' ? NL.activities.views.week : 'أسبوع' })
          .click();
        await shoot(co, `activities-week-${tag}`);
        await co.goto(`/activities/${meeting.id}`);
        await co.getByRole('heading', { level: 1 }).waitFor();
        await shoot(co, `activity-${tag}`);
        await co.goto('/activities');
        await co
          .getByRole('button', { name: language === 'nl' ? NL.activities.plan : 'التخطيط لنشاط' })
          .click();
        const form = co.getByRole('dialog');
        await form.getByRole('combobox').first().selectOption({ index: 1 });
        await form.locator('input[type=date]').fill(day(0));
        await form.getByRole('checkbox').first().waitFor();
        await shoot(co, `activity-plan-${tag}`);
        await co.keyboard.press('Escape');
        await counsellor.page.goto('/');
        await counsellor.page.locator('header select').first().selectOption(language);
        await counsellor.page.getByRole('heading', { level: 2 }).last().waitFor();
        await shoot(counsellor.page, `home-counsellor-${tag}`);
        await co.goto(`/counsellors/${youssef}`);
        await co.getByRole('heading', { level: 1 }).waitFor();
        await shoot(co, `counsellor-hours-${tag}`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
