import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { newContext } from './support/browser';
import { apiCall, makeEligibleViaApi, openCaseViaApi } from './support/cases';
import type { Colleague } from './support/cases';
import { NL } from './support/flows';
import { colleagueViaApi, setupViaApi, signInViaApi } from './support/session';
import { startServer, testClock } from './support/server';
import type { TestServer } from './support/server';
import { setTotpClockOffset } from './support/totp';

const PHONE = { width: 390, height: 844 };
const DAY_AND_AN_HOUR = 25 * 3_600_000; // past the default 24-hour answer time

const fill = (text: string, values: Record<string, string>) =>
  Object.entries(values).reduce((out, [key, value]) => out.replace(`{{${key}}}`, value), text);

/** The coordinator offers the case to a counsellor from the shortlist on the case page. */
async function offerFromShortlist(page: Page, caseId: string, reference: string, name: string) {
  await page.goto(`/cases/${caseId}`);
  await expect(
    page.getByRole('heading', { level: 1, name: fill(NL.case.title, { reference }) }),
  ).toBeVisible();
  const matching = page.getByRole('region', { name: NL.matching.title });
  await expect(matching.getByRole('list', { name: NL.matching.shortlist })).toBeVisible();
  await matching.getByRole('button', { name: fill(NL.matching.offerTo, { name }) }).click();
  await expect(matching.getByRole('cell', { name: NL.matching.offerStatus.pending })).toBeVisible();
  return matching;
}

test.describe('matching', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  let advanceClock: (ms: number) => Promise<void>;
  let coordinator: Colleague;
  let karim: Colleague;

  test.beforeAll(async ({ browser: launched }) => {
    const clock = await testClock();
    advanceClock = clock.advance;
    server = await startServer(clock.env);
    browser = launched;
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    await setupViaApi(admin);
    const invite = (name: string, email: string, role: 'coordinator' | 'counsellor', phone = false) =>
      colleagueViaApi(browser, server.baseUrl, admin, { name, email, role }, phone ? PHONE : undefined);
    coordinator = await invite('Samira Haddou', 'samira@hulplijn.example', 'coordinator');
    karim = await invite('Karim Bouali', 'karim@hulplijn.example', 'counsellor', true);
    await invite('Leyla Demir', 'leyla@hulplijn.example', 'counsellor');
    await adminContext.close();

    // Both pass the hard filters; only Karim speaks Tarifit and lives in Utrecht.
    const co = coordinator.page;
    const { items: places } = await apiCall<{ items: { id: string; name: string }[] }>(
      co,
      'GET',
      '/api/places/municipalities',
    );
    const placeId = (name: string) => places.find((place) => place.name === name)!.id;
    const karimId = await makeEligibleViaApi(co, 'Karim Bouali');
    const leylaId = await makeEligibleViaApi(co, 'Leyla Demir');
    await apiCall(co, 'PATCH', `/api/counsellors/${karimId}`, {
      languages: [
        { code: 'nl', level: 'good' },
        { code: 'rif', level: 'native' },
      ],
      homeMunicipalityId: placeId('Utrecht'),
    });
    // Leyla lives in Amsterdam and also works in the province of Utrecht: in the caller's region.
    await apiCall(co, 'PATCH', `/api/counsellors/${leylaId}`, {
      homeMunicipalityId: placeId('Amsterdam'),
      servesProvinces: ['Utrecht'],
    });
  });

  test.afterAll(async () => {
    setTotpClockOffset(0);
    await server?.stop();
  });

  // The caller speaks Dutch with the coordinator and asked for a Tarifit-speaking counsellor.
  const caller = { municipality: 'Utrecht', preferences: { language: 'rif' } };

  test('ranks the Tarifit speaker first, offers the case, and the counsellor accepts on a phone', async () => {
    const co = coordinator.page;
    const { id, reference } = await openCaseViaApi(co, 'Moeder van Y.', caller);

    await test.step('matching-shortlist', async () => {
      await co.goto(`/cases/${id}`);
      const list = co
        .getByRole('region', { name: NL.matching.title })
        .getByRole('list', { name: NL.matching.shortlist });
      const first = list.locator(':scope > li').first();
      await expect(first.getByText('Karim Bouali')).toBeVisible();
      await expect(list.locator(':scope > li')).toHaveCount(2);
      await expect(
        first.getByText(fill(NL.matching.parts.preferred_language, { language: 'Tarifit' })),
      ).toBeVisible();
      await expect(first.getByText(NL.matching.parts.same_municipality)).toBeVisible();
      await expect(first.getByText(fill(NL.matching.parts.capacity, { free: '4', max: '4' }))).toBeVisible();
      await expect(list.locator(':scope > li').nth(1).getByText('Tarifit')).toHaveCount(0);
      await offerFromShortlist(co, id, reference, 'Karim Bouali');
      await expect(co.getByText(fill(NL.matching.pendingWith, { name: 'Karim Bouali' }))).toBeVisible();
    });

    const page = karim.page;
    await test.step('matching-accept', async () => {
      await page.goto('/');
      const offers = page.getByRole('region', { name: NL.offers.title });
      await expect(offers.getByText('Moeder van Y.')).toBeVisible();
      await expect(offers.getByText('Utrecht')).toBeVisible();
      await offers.getByRole('button', { name: fill(NL.offers.acceptFor, { reference }) }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: fill(NL.case.title, { reference }) }),
      ).toBeVisible();
      expect(new URL(page.url()).pathname).toBe(`/cases/${id}`);
      await expect(page.getByText(`${NL.cases.counsellor}: Karim Bouali`)).toBeVisible();
      await expect(page.getByText(NL.caseStates.active, { exact: true }).first()).toBeVisible();
    });

    // The history on the coordinator's side.
    await co.reload();
    await co
      .getByRole('region', { name: NL.matching.title })
      .getByRole('button', { name: NL.matching.show })
      .click();
    await expect(co.getByRole('cell', { name: NL.matching.offerStatus.accepted })).toBeVisible();
  });

  test('nobody speaks Somali: the coordinator reads why, in counts, and takes a way out', async () => {
    const co = coordinator.page;
    const { id } = await openCaseViaApi(co, 'Zus van A.', { language: 'so', municipality: 'Utrecht' });
    await test.step('matching-no-match', async () => {
      await co.goto(`/cases/${id}`);
      const matching = co.getByRole('region', { name: NL.matching.title });
      const panel = matching.getByRole('region', { name: NL.matching.nobody });
      const reasons = panel.getByRole('list', { name: NL.matching.noMatch.reasons });
      const reason = (text: string) => reasons.getByRole('listitem').filter({ hasText: text }).waitFor();
      await reason(fill(NL.matching.noMatch.language, { language: 'Somalisch', n: '0', total: '2' }));
      await reason(fill(NL.matching.noMatch.region, { place: 'Utrecht', n: '2', total: '2' }));
      await reason(fill(NL.matching.noMatch.both, { n: '0' }));
      // Never the empty "see the candidates below".
      await expect(matching.getByText(NL.matching.nobodyHint)).toHaveCount(0);

      // The waiting list: a dated task for the coordinator.
      await panel.getByRole('button', { name: NL.matching.noMatch.waitingList }).click();
      await expect(
        panel.getByRole('status').filter({ hasText: NL.matching.noMatch.waiting.split('{{')[0]! }),
      ).toBeVisible();
      const work = await apiCall<{ tasks: { title: string }[] }>(co, 'GET', `/api/cases/${id}`);
      expect(work.tasks.map((task) => task.title)).toEqual([NL.matching.noMatch.taskTitle]);

      // A counsellor with an interpreter: both pass, and the offer records the interpreter.
      const interpreterLabel = fill(NL.matching.noMatch.interpreter, { language: 'Somalisch' });
      await panel
        .getByRole('group', { name: interpreterLabel })
        .getByRole('button', { name: NL.matching.noMatch.show })
        .click();
      const list = matching.getByRole('list', { name: NL.matching.shortlist });
      await expect(list).toBeVisible();
      await expect(list.locator(':scope > li')).toHaveCount(2);
      await expect(matching.getByText(NL.matching.widened.interpreter)).toBeVisible();
      await matching
        .getByRole('button', { name: fill(NL.matching.offerTo, { name: 'Leyla Demir' }) })
        .click();
      await expect(
        matching.getByText(fill(NL.matching.viaInterpreter, { language: 'Somalisch' })),
      ).toBeVisible();
    });
  });

  test('an unanswered offer expires after the deadline and comes back to the coordinator', async () => {
    const co = coordinator.page;
    const { id, reference } = await openCaseViaApi(co, 'Vader van Z.', caller);
    await test.step('matching-offer-2', () => offerFromShortlist(co, id, reference, 'Karim Bouali'));

    // A day and an hour later (server clock): the job expires the offer and alerts the coordinators.
    await advanceClock(DAY_AND_AN_HOUR);
    setTotpClockOffset(DAY_AND_AN_HOUR);
    await test.step('matching-expired', async () => {
      // Every session has been idle for a day: sign in again.
      await signInViaApi(co, coordinator.account);
      const alerts = co.getByRole('region', { name: NL.work.alerts });
      const expired = alerts
        .getByRole('listitem')
        .filter({ hasText: NL.work.alertKinds.offer_expired })
        .filter({ hasText: reference });
      const deadline = Date.now() + 20_000;
      while ((await expired.count()) === 0) {
        if (Date.now() > deadline) throw new Error('No "offer expired" alert within 20 s');
        await co.waitForTimeout(500);
        await co.reload();
        await expect(alerts).toBeVisible();
      }
      await expired.getByRole('link', { name: reference }).click();
      await expect(
        co.getByRole('heading', { level: 1, name: fill(NL.case.title, { reference }) }),
      ).toBeVisible();
      await expect(
        co
          .getByRole('region', { name: NL.matching.title })
          .getByRole('cell', { name: NL.matching.offerStatus.expired }),
      ).toBeVisible();
    });

    for (const person of [coordinator, karim]) expect(person.errors).toEqual([]);
  });
});
