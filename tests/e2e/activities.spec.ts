import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxe } from './support/axe';
import { newContext, trackErrors } from './support/browser';
import { apiCall, termId } from './support/cases';
import type { Colleague } from './support/cases';
import { NL } from './support/flows';
import { colleagueViaApi, setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

const A = NL.activities;
const TITLE = 'Informatiebijeenkomst in het Arabisch';
const COURSE = 'Voorlichting geven';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
/**
 * Today where the helpline is (the organisation's time zone, Europe/Amsterdam by default): the public site
 * lists meetings from that day on, so between midnight there and midnight UTC a UTC date is yesterday.
 */
const HELPLINE_ZONE = 'Europe/Amsterdam';
/** The coordinator's device: UTC−11, a day behind Amsterdam from midnight to noon there. */
const DEVICE_ZONE = 'Pacific/Pago_Pago';
const helplineToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: HELPLINE_ZONE }).format(new Date());
const dutchDay = (day: string) =>
  new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** A completed session of the course for a counsellor, `days` ago. */
async function trainedViaApi(page: Page, courseId: string, userId: string, days: number) {
  const session = await apiCall<{ id: string }>(page, 'POST', '/api/training/sessions', {
    courseId,
    startsAt: daysAgo(days),
    place: 'Utrecht',
    trainer: 'SMN',
  });
  await apiCall(page, 'PUT', `/api/training/sessions/${session.id}/attendance`, {
    userId,
    attended: true,
    completed: true,
  });
}

/** Picks an option of a Mantine Select or MultiSelect by its visible label. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
}

test.describe('community activities', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let coordinator: Colleague;
  const counsellors: Record<'valid' | 'expired', { name: string; id: string }> = {
    valid: { name: 'Samira Haddou', id: '' },
    expired: { name: 'Fatima Ouali', id: '' },
  };

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
    admin = await (await newContext(browser, server.baseUrl)).newPage();
    await setupViaApi(admin);
    // The coordinator's device is twelve hours behind the helpline (Europe/Amsterdam): the intake offers
    // meetings up to the helpline's today, as the public site lists them from that day on. Before noon in
    // Amsterdam the device's own date is yesterday, and a meeting planned today was missing from the intake.
    coordinator = await colleagueViaApi(
      browser,
      server.baseUrl,
      admin,
      { name: 'Youssef El Amrani', email: 'youssef@hulplijn.example', role: 'coordinator' },
      undefined,
      DEVICE_ZONE,
    );
    for (const [key, person] of Object.entries(counsellors)) {
      const colleague = await colleagueViaApi(browser, server.baseUrl, admin, {
        name: person.name,
        email: `${key}@hulplijn.example`,
        role: 'counsellor',
      });
      person.id = (
        await apiCall<{ user: { id: string } }>(colleague.page, 'GET', '/api/auth/session')
      ).user.id;
      await colleague.context.close();
    }
    // Both took the course; Fatima's (valid for a year) ran out about a month ago.
    const co = coordinator.page;
    const course = await apiCall<{ id: string }>(co, 'POST', '/api/training/courses', {
      name: COURSE,
      kind: 'specialised',
      validityMonths: 12,
    });
    await trainedViaApi(co, course.id, counsellors.valid.id, 30);
    await trainedViaApi(co, course.id, counsellors.expired.id, 400);
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('a coordinator plans an information meeting in Arabic in Utrecht, records 23 attendees, and a later contact names it', async () => {
    const page = coordinator.page;
    await test.step('activities', async () => {
      await page
        .getByRole('navigation', { name: NL.nav.mainNav })
        .getByRole('link', { name: NL.nav.activities })
        .click();
      await expect(page.getByRole('heading', { level: 1, name: NL.titles.activities })).toBeVisible();
      await expect(page.getByText(A.empty)).toBeVisible();

      // Information meetings require the course.
      await page.getByRole('button', { name: A.typeCourses.open }).click();
      const types = page.getByRole('dialog', { name: A.typeCourses.title });
      const info = types.getByRole('combobox', {
        name: A.typeCourses.courseFor.replace('{{type}}', 'Voorlichtingsbijeenkomst'),
      });
      const saved = page.waitForResponse((r) => r.url().includes('/course') && r.ok());
      await info.selectOption({ label: COURSE });
      await saved;
      await page.keyboard.press('Escape');
      await expect(types).toBeHidden();

      await page.getByRole('button', { name: A.plan, exact: true }).click();
      const form = page.getByRole('dialog', { name: A.planTitle });
      await form
        .getByRole('combobox', { name: A.type, exact: true })
        .selectOption({ label: 'Voorlichtingsbijeenkomst' });
      await form.getByRole('textbox', { name: A.titleLabel, exact: true }).fill(TITLE);
      const today = helplineToday();
      await form.locator('input[type=date]').fill(today);
      await choose(page, form, A.municipality, 'Utrecht');
      await choose(page, form, A.languages, NL.conversationLanguages.ar);
      await form.getByRole('textbox', { name: A.place }).fill('Buurthuis De Boog');

      // The picker: Samira can be ticked; Fatima cannot, and the reason stands beside her name.
      const samira = form.getByRole('checkbox', { name: new RegExp(counsellors.valid.name) });
      const fatima = form.getByRole('checkbox', { name: new RegExp(counsellors.expired.name) });
      await expect(samira).toBeVisible();
      await expect(fatima).toBeDisabled();
      const options = await apiCall<{ items: { userId: string; expiredOn: string | null }[] }>(
        page,
        'GET',
        `/api/activities/facilitator-options?typeId=${await termId(page, 'activity_type', 'info_meeting')}&date=${today}`,
      );
      const expiredOn = options.items.find((o) => o.userId === counsellors.expired.id)!.expiredOn!;
      const reason = A.refusal.training_expired
        .replace('{{course}}', COURSE)
        .replace('{{date}}', dutchDay(expiredOn));
      await expect(form.getByText(reason)).toBeVisible();
      await samira.check();
      await form.getByRole('switch', { name: A.isPublic }).check();
      await form.getByRole('button', { name: A.plan, exact: true }).click();
      await expect(form).toBeHidden();
      await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
      const activityId = new URL(page.url()).pathname.split('/').pop()!;

      // The server refuses Fatima too, with the reason, whoever asks it directly.
      const refused = await apiCall(page, 'PATCH', `/api/activities/${activityId}`, {
        facilitatorIds: [counsellors.valid.id, counsellors.expired.id],
      }).catch((error: Error) => error.message);
      expect(refused).toContain('400');
      expect(refused).toContain(`training \\"${COURSE}\\" expired on ${expiredOn}`);

      // Afterwards: 23 attendees, a number and no names.
      await page.getByRole('textbox', { name: A.attendees }).fill('23');
      await page.getByRole('textbox', { name: A.evaluation }).fill('Veel vragen over sociale media.');
      await page.getByRole('button', { name: A.report.save }).click();
      await expect(page.getByRole('status').filter({ hasText: A.report.saved })).toBeVisible();
      const detail = await apiCall<{
        attendees: number;
        languages: string[];
        municipality: string;
        facilitators: { name: string }[];
      }>(page, 'GET', `/api/activities/${activityId}`);
      expect(detail).toMatchObject({ attendees: 23, languages: ['ar'], municipality: 'Utrecht' });
      expect(detail.facilitators.map((f) => f.name)).toEqual([counsellors.valid.name]);

      // A later call: the caller heard of the helpline at that meeting.
      await page.goto('/intake');
      await page.getByRole('textbox', { name: NL.intake.callerAlias }).fill('Moeder van K.');
      await page.getByRole('combobox', { name: NL.intake.category }).click();
      await page.getByRole('option', { name: /C9/ }).click();
      await page
        .getByRole('textbox', { name: NL.intake.summary })
        .fill('Wil weten hoe ze met haar zoon over sociale media praat.');
      await page.getByRole('combobox', { name: NL.intake.sourceActivity }).click();
      await page.getByRole('option', { name: new RegExp(TITLE) }).click();
      await page.getByRole('radio', { name: NL.intake.outcomes.info_only }).check();
      await page.getByRole('checkbox', { name: NL.intake.confidentiality }).check();
      const intake = page.waitForResponse(
        (r) => r.url().endsWith('/api/intake') && r.request().method() === 'POST',
      );
      await page.getByRole('button', { name: NL.intake.save }).click();
      expect((await intake).status()).toBe(200);

      // One request followed: below the default threshold of 5, the page shows "<5".
      await page.goto(`/activities/${activityId}`);
      await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
      await expect(page.getByText('<5', { exact: true })).toBeVisible();
      await expect(page.getByText(A.requestsSuppressed.replace('{{n}}', '5'))).toBeVisible();
      const after = await apiCall<{ requestsFollowed: unknown }>(
        page,
        'GET',
        `/api/activities/${activityId}`,
      );
      expect(after.requestsFollowed).toEqual({ value: null, suppressed: true, threshold: 5 });

      // The month calendar shows it on its day.
      await page.goto('/activities');
      await page.locator('label').filter({ hasText: A.views.month }).click();
      await expect(page.getByRole('radio', { name: A.views.month })).toBeChecked();
      await expect(page.getByRole('link', { name: new RegExp(TITLE) })).toBeVisible();
    });
    expect(coordinator.errors).toEqual([]);
  });

  test('the published meeting appears on the public site in Arabic and Dutch; a private one never does', async () => {
    const page = coordinator.page;
    const today = helplineToday();
    // A meeting not marked for the public site, planned the same day in the same town.
    await apiCall(page, 'POST', '/api/activities', {
      typeId: await termId(page, 'activity_type', 'info_meeting'),
      title: 'Besloten moedergroep',
      date: today,
      startTime: '10:00',
      endTime: '12:00',
      place: 'Bij een moeder thuis',
      municipalityId: (
        await apiCall<{ items: { id: string; name: string }[] }>(page, 'GET', '/api/places/municipalities')
      ).items.find((m) => m.name === 'Utrecht')!.id,
      languages: ['ar'],
      facilitatorIds: [counsellors.valid.id],
      audience: 'mothers',
      isPublic: false,
    });
    const context = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 } });
    const visitor = await context.newPage();
    const errors = trackErrors(visitor);
    await test.step('activities-public', async () => {
      // The home page keeps its list for a few seconds: wait until the new meeting shows.
      await expect
        .poll(
          async () => {
            await visitor.goto('/ar/');
            return visitor.getByText(TITLE).count();
          },
          { timeout: 20_000, intervals: [1_000] },
        )
        .toBe(1);
      await expect(visitor.locator('html')).toHaveAttribute('dir', 'rtl');
      const section = visitor.getByRole('region', { name: 'لقاءات التوعية القادمة' });
      await expect(section.getByText(TITLE)).toBeVisible();
      await expect(section.getByText('اللغة: العربية')).toBeVisible();
      await expectNoSeriousAxe(visitor, 'public /ar/ with a meeting (390px)');
      await visitor.goto('/nl/');
      const nl = visitor.getByRole('region', { name: 'Komende voorlichtingsbijeenkomsten' });
      await expect(nl.getByText(TITLE)).toBeVisible();
      await expect(nl.getByText(/Utrecht/)).toBeVisible();
      for (const path of ['/ar/', '/nl/']) {
        await visitor.goto(path);
        const body = await visitor.content();
        expect(body, path).not.toContain('Besloten moedergroep');
        expect(body, path).not.toContain('Buurthuis De Boog');
        expect(body, path).not.toContain('Bij een moeder thuis');
      }
      expect(await context.cookies()).toEqual([]);
      expect(errors).toEqual([]);
    });
    await context.close();

    // The facilitator's hours count towards her volunteer record, on her profile for the coordinator.
    await test.step('activities-volunteer-record', async () => {
      await page.goto(`/counsellors/${counsellors.valid.id}`);
      const record = page.getByRole('region', { name: A.volunteerRecord.title });
      await expect(record).toBeVisible();
      const year = String(new Date().getFullYear());
      const row = record.getByRole('row', { name: new RegExp(`^${year}`) });
      await expect(row).toBeVisible();
      // Two meetings of 19:00–21:00 and 10:00–12:00 (the defaults of the form, and the private one).
      expect(await row.getByRole('cell').first().textContent()).toBe('2');
    });
    expect(coordinator.errors).toEqual([]);
  });
});
