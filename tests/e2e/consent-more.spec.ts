import { readFile, rm } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { Meeting } from '../../src/shared/meetings.schema';
import { newContext } from './support/browser';
import { apiCall, makeEligibleViaApi, openCaseViaApi } from './support/cases';
import type { Colleague } from './support/cases';
import {
  apiStatus,
  chooseFile,
  dayInUi,
  fillIn,
  isApi,
  MINIMAL_PDF,
  partnerViaApi,
  pickPartner,
  recordConsentViaUi,
  uploadFiles,
  showCaseTab,
} from './support/consent';
import { NL } from './support/flows';
import { colleagueViaApi, setupViaApi } from './support/session';
import { startServer } from './support/server';
import type { TestServer } from './support/server';

const MUNICIPALITY = 'Gemeente Utrecht';
const POLICE = 'Politie Midden-Nederland';
const FAKE_PDF = 'toestemming.pdf';
const REAL_PDF = 'toestemming-getekend.pdf';

/** The parts of a case page these specs look at. */
function casePage(page: Page) {
  const consent = page.getByRole('region', { name: NL.consent.title, exact: true });
  return {
    consent,
    consentCard: (recipient: string) =>
      consent.getByRole('listitem', { name: fillIn(NL.consent.cardLabel, { recipient }) }),
    tasks: page.getByRole('region', { name: NL.tasks.title, exact: true }),
    meetings: page.getByRole('region', { name: NL.meetings.title, exact: true }),
    disclosures: page.getByRole('region', { name: NL.disclosures.caseTitle, exact: true }),
  };
}

test.describe('consent made written later, signed forms and case meetings', () => {
  // The tests share one server and its accounts (some also what an earlier test made): in order, one worker,
  // and a failure skips the rest rather than starting a fresh server for them.
  test.describe.configure({ mode: 'serial' });

  let server: TestServer;
  let browser: Browser;
  let samira: Colleague;
  let karim: Colleague;
  let karimId: string;
  let files: Awaited<ReturnType<typeof uploadFiles>>;

  test.beforeAll(async ({ browser: launched }) => {
    server = await startServer();
    browser = launched;
    files = await uploadFiles({
      // A text file renamed to .pdf: the browser calls it application/pdf, the server reads its content.
      [FAKE_PDF]: Buffer.from('Dit is geen pdf, alleen tekst met een andere naam.\n'),
      [REAL_PDF]: MINIMAL_PDF,
    });
    const adminContext = await newContext(browser, server.baseUrl);
    const admin = await adminContext.newPage();
    await setupViaApi(admin);
    samira = await colleagueViaApi(browser, server.baseUrl, admin, {
      name: 'Samira Haddou',
      email: 'samira@hulplijn.example',
      role: 'coordinator',
    });
    karim = await colleagueViaApi(browser, server.baseUrl, admin, {
      name: 'Karim Bouali',
      email: 'karim@hulplijn.example',
      role: 'counsellor',
    });
    await adminContext.close();
    await partnerViaApi(samira.page, { name: MUNICIPALITY, type: 'municipality', municipality: 'Utrecht' });
    await partnerViaApi(samira.page, { name: POLICE, type: 'police', municipality: 'Utrecht' });
    karimId = await makeEligibleViaApi(samira.page, 'Karim Bouali');
  });

  test.afterAll(async () => {
    await server?.stop();
    if (files) await rm(files.dir, { recursive: true, force: true });
  });

  /** A case of the coordinator's, assigned to Karim (the set-up, not the point). */
  async function karimsCase(alias: string): Promise<string> {
    const { id } = await openCaseViaApi(samira.page, alias);
    await apiCall(samira.page, 'POST', `/api/cases/${id}/assign`, { counsellorId: karimId });
    return id;
  }

  test('verbal consent waits for a signature, with a task, until the caller signs in the app', async () => {
    const alias = 'Moeder van A.';
    const id = await karimsCase(alias);
    const page = karim.page;
    const { consent, consentCard, tasks } = casePage(page);
    const card = consentCard(MUNICIPALITY);
    const taskName = fillIn(NL.tasks.consentWritten, { who: alias });
    const myTasks = page.getByRole('region', { name: NL.work.myTasks, exact: true });

    await test.step('verbal-record', async () => {
      await page.goto(`/cases/${id}?tab=sharing`);
      await expect(consent.getByText(NL.consent.empty)).toBeVisible();
      const saved = await recordConsentViaUi(page, {
        partner: MUNICIPALITY,
        purpose: 'care_referral',
        categories: ['concern_summary'],
        method: 'verbal',
      });
      // Due within the organisation's default of 14 days.
      expect(saved).toMatchObject({ status: 'pending_written', writtenOn: null, method: 'verbal' });
      const dueOn = new Date(Date.parse(`${saved.givenOn}T00:00:00Z`) + 14 * 86_400_000);
      expect(saved.writtenDueOn).toBe(dueOn.toISOString().slice(0, 10));
      const due = await dayInUi(page, saved.writtenDueOn ?? '');
      await expect(consent.getByRole('status').getByText(NL.consent.savedPending)).toBeVisible();
      await expect(
        card.getByText(fillIn(NL.consent.pendingDue, { date: due }), { exact: true }),
      ).toBeVisible();
      await expect(card.getByText(fillIn(NL.consent.pendingHintDue, { date: due }))).toBeVisible();
      await showCaseTab(page, 'tasks');
      const task = tasks.getByRole('checkbox', { name: taskName });
      await expect(task).toBeVisible();
      await expect(task).not.toBeChecked();
      await expect(tasks.getByText(`${NL.tasks.due}: ${due}`)).toBeVisible();
    });

    // The task is on the counsellor's own list too, and leads back to the case.
    await test.step('verbal-my-work', async () => {
      await page.goto('/');
      await myTasks.getByRole('link', { name: taskName }).click();
      await page.waitForURL(`**/cases/${id}#tasks`);
    });

    await test.step('verbal-sign', async () => {
      // The link opened the tasks tab (#tasks); the consent is on the sharing tab.
      await expect(page.getByRole('tab', { name: NL.caseTabs.tasks })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await showCaseTab(page, 'sharing');
      await card.getByRole('button', { name: NL.consent.sign }).click();
      const dialog = page.getByRole('dialog', { name: NL.consent.signTitle });
      await dialog.getByRole('radio', { name: NL.consentMethods.signature_typed.label }).check();
      // An empty name (and nobody named as present) is refused on the spot.
      await dialog.getByRole('button', { name: NL.consent.signSave }).click();
      await expect(dialog.getByText(NL.fieldErrors.required).first()).toBeVisible();
      await dialog.getByRole('textbox', { name: NL.typedEvidence.present }).fill('Fatima Amrani; ik');
      await dialog.getByRole('textbox', { name: NL.signature.typedName }).fill('Fatima Amrani');
      const signed = page.waitForResponse(isApi('POST', /\/consents\/[^/]+\/sign$/));
      await dialog.getByRole('button', { name: NL.consent.signSave }).click();
      expect((await signed).status()).toBe(200);
      await expect(dialog).toBeHidden();
      await expect(card.getByText(NL.consent.statuses.active, { exact: true })).toBeVisible();
      await expect(card.getByText(fillIn(NL.consent.typedAs, { name: 'Fatima Amrani' }))).toBeVisible();
      await expect(card.getByText(NL.consentMethods.signature_typed.label, { exact: true })).toBeVisible();
      // Its evidence is on the card: who was present, and that a coordinator has yet to confirm it.
      await card.getByText(fillIn(NL.typedEvidence.presentLine, { present: 'Fatima Amrani; ik' })).waitFor();
      await expect(card.getByText(NL.typedEvidence.awaiting)).toBeVisible();
      await expect(card.getByRole('button', { name: NL.consent.sign })).toHaveCount(0);
      // The task is done (ticked off on the case) and no longer open on the counsellor's list.
      await showCaseTab(page, 'tasks');
      await expect(tasks.getByRole('checkbox', { name: taskName, checked: true })).toBeVisible();
      await page.goto('/');
      // "My tasks" is only rendered once my work has loaded, so an absent link is a real absence.
      await expect(myTasks).toBeVisible();
      await expect(myTasks.getByRole('link', { name: taskName })).toHaveCount(0);
    });

    expect(karim.errors).toEqual([]);
  });

  test('a signed form is checked by its content: a renamed text file is refused, a real PDF is kept', async () => {
    const id = await karimsCase('Vader van B.');
    const page = karim.page;
    const { consent, consentCard } = casePage(page);
    const card = consentCard(MUNICIPALITY);
    const document = card.getByRole('link', {
      name: fillIn(NL.consentDocument.download, { name: REAL_PDF }),
    });

    await test.step('upload-refused', async () => {
      await page.goto(`/cases/${id}?tab=sharing`);
      await expect(consent.getByText(NL.consent.empty)).toBeVisible();
      const upload = page.waitForResponse(isApi('PUT', /\/consents\/[^/]+\/document$/));
      const saved = await recordConsentViaUi(page, {
        partner: MUNICIPALITY,
        purpose: 'authority_referral',
        categories: ['concern_summary', 'person_status'],
        method: 'uploaded_form',
        file: files.paths[FAKE_PDF],
      });
      expect((await upload).status()).toBe(415);
      // The consent is recorded, but not written: the form did not go in, and the user is told why.
      expect(saved.status).toBe('pending_written');
      await expect(consent.getByRole('status').getByText(NL.consent.saved)).toBeVisible();
      await expect(consent.getByText(NL.consentDocument.uploadFailed)).toBeVisible();
      await expect(consent.getByRole('alert').getByText(NL.errors.unsupported_file)).toBeVisible();
      const due = await dayInUi(page, saved.writtenDueOn ?? '');
      await expect(
        card.getByText(fillIn(NL.consent.pendingDue, { date: due }), { exact: true }),
      ).toBeVisible();
      const refused = fillIn(NL.consentDocument.download, { name: FAKE_PDF });
      await expect(card.getByRole('link', { name: refused })).toHaveCount(0);
    });

    await test.step('upload-pdf', async () => {
      const upload = page.waitForResponse(isApi('PUT', /\/consents\/[^/]+\/document$/));
      await chooseFile(
        page,
        card.getByRole('button', { name: NL.consentDocument.upload }),
        files.paths[REAL_PDF] ?? '',
      );
      expect((await upload).status()).toBe(200);
      await expect(card.getByText(NL.consent.statuses.active, { exact: true })).toBeVisible();
      await expect(document).toBeVisible();
      await expect(card.getByRole('button', { name: NL.consentDocument.upload })).toHaveCount(0);

      // The download is the stored file itself, under a neutral name (the stored one may name a person).
      const [download] = await Promise.all([page.waitForEvent('download'), document.click()]);
      expect(download.suggestedFilename()).toBe('signed-consent-form.pdf');
      expect(Buffer.compare(await readFile(await download.path()), MINIMAL_PDF)).toBe(0);
      const response = await page.request.get((await document.getAttribute('href')) ?? '');
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
    });

    expect(karim.errors).toEqual([]);
  });

  test('a case meeting is shared only once every participant is covered, and logged per participant', async () => {
    const page = samira.page;
    const { id } = await openCaseViaApi(page, 'Moeder van M.');
    const { meetings, disclosures } = casePage(page);
    const consent = (partner: string) =>
      recordConsentViaUi(page, {
        partner,
        purpose: 'case_meeting',
        categories: ['concern_summary', 'signals'],
        method: 'signature_typed',
        typedName: 'Mariam El Idrissi',
      });
    const coveredPrefix = NL.coverage.coveredBy.split('{{from}}')[0] ?? '';
    let meeting: Meeting | undefined;
    let card = meetings.getByRole('listitem').first();
    const participant = (name: string) =>
      card
        .getByRole('list', { name: NL.meetings.participants })
        .getByRole('listitem')
        .filter({ hasText: name });

    await test.step('meeting-one-consent', async () => {
      await page.goto(`/cases/${id}?tab=sharing`);
      await expect(meetings.getByText(NL.meetings.empty)).toBeVisible();
      await consent(MUNICIPALITY);

      await meetings.getByRole('button', { name: NL.meetings.add }).click();
      const form = page.getByRole('form', { name: NL.meetings.formLabel });
      await form.getByRole('textbox', { name: NL.meetings.municipality, exact: true }).fill('Utrecht');
      const meetingOn = await form
        .getByRole('textbox', { name: NL.meetings.meetingOn, exact: true })
        .inputValue();
      const picker = form.getByRole('combobox', { name: NL.meetings.participants });
      for (const partner of [MUNICIPALITY, POLICE]) await pickPartner(page, picker, partner);
      await page.keyboard.press('Escape');
      await form.getByRole('checkbox', { name: NL.dataCategories.concern_summary.label }).check();
      const created = page.waitForResponse(isApi('POST', /\/cases\/[^/]+\/meetings$/));
      await form.getByRole('button', { name: NL.meetings.save }).click();
      meeting = (await (await created).json()) as Meeting;
      await expect(form).toBeHidden();

      const title = fillIn(NL.meetings.cardTitle, {
        municipality: 'Utrecht',
        date: await dayInUi(page, meetingOn),
      });
      card = meetings.getByRole('listitem', { name: title });
      await expect(card.getByText(NL.meetings.notAllCoveredShort, { exact: true })).toBeVisible();
      await expect(participant(MUNICIPALITY).getByRole('status').getByText(coveredPrefix)).toBeVisible();
      // The closest consent is the municipality's: the gap named is that it is for another organisation.
      await expect(
        participant(POLICE).getByText(`${NL.coverage.notCovered}: ${NL.coverage.gaps.other_partner}`),
      ).toBeVisible();
      await expect(card.getByText(NL.meetings.notAllCovered)).toBeVisible();
      await expect(card.getByRole('button', { name: NL.meetings.share })).toHaveCount(0);
      await expect(card.getByRole('link', { name: NL.sharing.downloadSummary })).toHaveCount(0);
      await showCaseTab(page, 'logs');
      await expect(disclosures.getByText(NL.disclosures.caseEmpty)).toBeVisible();
    });

    // Nor does the server share or summarise it when asked directly.
    const base = `/api/cases/${id}/meetings/${meeting?.id ?? ''}`;
    for (const [method, path] of [
      ['POST', `${base}/share`],
      ['GET', `${base}/summary?lang=nl`],
    ] as const) {
      expect(await apiStatus(page, method, path)).toEqual({ status: 409, code: 'consent_required' });
    }

    await test.step('meeting-shared', async () => {
      await consent(POLICE);
      await expect(card.getByText(NL.meetings.allCoveredShort, { exact: true })).toBeVisible();
      await expect(participant(POLICE).getByRole('status').getByText(coveredPrefix)).toBeVisible();
      await card.getByRole('button', { name: NL.meetings.share }).click();
      const dialog = page.getByRole('dialog', { name: NL.meetings.shareTitle });
      await expect(dialog.getByText(fillIn(NL.meetings.shareBody, { n: '2' }))).toBeVisible();
      const shared = page.waitForResponse(isApi('POST', /\/meetings\/[^/]+\/share$/));
      await dialog.getByRole('button', { name: NL.meetings.share }).click();
      expect((await shared).status()).toBe(200);
      await expect(dialog).toBeHidden();
      await expect(card.getByText(NL.meetings.shared, { exact: true })).toBeVisible();
      await expect(card.getByRole('button', { name: NL.meetings.share })).toHaveCount(0);

      // One row per participant, each under that participant's consent.
      await showCaseTab(page, 'logs');
      const log = disclosures.getByRole('table', { name: NL.disclosures.caseTitle });
      const rows = log.getByRole('row').filter({ hasText: NL.disclosures.kinds.case_meeting });
      await expect(rows.nth(1)).toBeVisible();
      await expect(rows).toHaveCount(2);
      for (const partner of [MUNICIPALITY, POLICE]) {
        const text = await rows.filter({ hasText: partner }).innerText();
        expect(text).toContain(NL.disclosures.basisConsent);
        expect(text).toContain(NL.disclosureChannels.meeting);
        expect(text).toContain(NL.dataCategories.concern_summary.label);
        expect(text).not.toContain(NL.dataCategories.signals.label);
        expect(text).toContain('Samira Haddou');
      }
    });

    expect(samira.errors).toEqual([]);
  });
});
