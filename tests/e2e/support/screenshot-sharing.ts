/**
 * Screens of issue #6 for the manual visual check (called by screenshot.ts): consent, referrals, case
 * meetings, the disclosure log and the emergency path, in Dutch and Arabic, on a phone and a desktop.
 */
import type { Page } from 'playwright-core';
import ar from '../../../src/web/i18n/locales/ar.json' with { type: 'json' };
import { apiCall } from './cases';
import { NL } from './flows';

interface SharingScreens {
  admin: Page;
  coordinator: Page;
  counsellor: Page;
  officer: Page;
  caseId: string;
  languages: readonly ('nl' | 'ar')[];
  viewports: Record<string, { width: number; height: number }>;
  shoot: (page: Page, name: string) => Promise<void>;
  setLanguage: (page: Page, language: string) => Promise<void>;
  out: string;
}

const STRINGS = { nl: NL, ar } as const;

/** A signed and a verbal consent, a covered and an uncovered referral, a meeting and a pending emergency. */
async function seed(coordinator: Page, counsellor: Page, caseId: string): Promise<boolean> {
  const today = new Date().toISOString().slice(0, 10);
  const police = await apiCall<{ id: string }>(coordinator, 'POST', '/api/partners', {
    name: 'Politie Midden-Nederland',
    type: 'police',
    municipality: 'Utrecht',
  });
  const { items } = await apiCall<{ items: { id: string; name: string }[] }>(
    counsellor,
    'GET',
    '/api/partners',
  );
  const id = (name: string) => items.find((partner) => partner.name === name)?.id ?? '';
  const team = id('Sociaal wijkteam Utrecht-West');
  const ggz = id('GGZ Centraal');
  const post = (path: string, body: unknown) =>
    apiCall(counsellor, 'POST', `/api/cases/${caseId}/${path}`, body);
  await post('consents', {
    givenBy: 'Moeder van R.',
    categories: ['concern_summary', 'signals', 'person_status'],
    partnerId: team,
    purpose: 'care_referral',
    method: 'signature_typed',
    typedName: 'Moeder van R.',
    typedEvidence: { present: 'Moeder van R.; counsellor', shownText: 'Ik geef toestemming.' },
    givenOn: today,
    language: 'ar',
  });
  await post('consents', {
    givenBy: 'Moeder van R.',
    categories: ['contact_details', 'concern_summary'],
    partnerType: 'mental_health',
    purpose: 'care_referral',
    method: 'verbal',
    givenOn: today,
    language: 'nl',
  });
  // A typed name for the police: the referral waits for a coordinator's confirmation. Proposed first, so
  // that it is not the newest (the summary shown below is the newest referral's).
  await post('consents', {
    givenBy: 'Moeder van R.',
    categories: ['concern_summary'],
    partnerId: police.id,
    purpose: 'authority_referral',
    method: 'signature_typed',
    typedName: 'Moeder van R.',
    typedEvidence: { present: 'Moeder van R.; haar broer', shownText: 'Ik geef toestemming.' },
    givenOn: today,
    language: 'ar',
  });
  await post('referrals', {
    partnerId: police.id,
    purpose: 'authority_referral',
    categories: ['concern_summary'],
    note: '',
  });
  const sent = await post('referrals', {
    partnerId: team,
    purpose: 'care_referral',
    categories: ['concern_summary', 'signals'],
    note: 'Graag een gesprek met moeder en zoon.',
  });
  // Sent, so the disclosure logs have a row.
  await post(`referrals/${(sent as { id: string }).id}/send`, { channel: 'secure_email' });
  await post('referrals', {
    partnerId: ggz,
    purpose: 'care_referral',
    categories: ['contact_details'],
    note: '',
  });
  // Proposed and covered by the signed consent: "send" opens the preview of what would leave.
  await post('referrals', {
    partnerId: team,
    purpose: 'care_referral',
    categories: ['concern_summary'],
    note: '',
  });
  await post('meetings', {
    municipality: 'Utrecht',
    meetingOn: today,
    partnerIds: [team, police.id],
    categories: ['concern_summary'],
    note: 'Casusoverleg in het Zorg- en Veiligheidshuis',
  });
  // The emergency path waits a week for new accounts (four eyes): on a fresh installation it is refused.
  return apiCall(coordinator, 'POST', `/api/cases/${caseId}/emergency`, {
    ground: 'danger_to_life',
    legalBasis: 'vital_interest',
    reason: 'Zoon heeft een vlucht naar het conflictgebied geboekt; vader vreest voor zijn leven.',
    partnerId: police.id,
    categories: ['contact_details', 'person_status'],
    channel: 'phone',
    informCaller: true,
    noInformReason: '',
  }).then(
    () => true,
    () => false,
  );
}

export async function sharingScreens(options: SharingScreens): Promise<void> {
  const { admin, coordinator: co, counsellor: cp, officer: po, caseId, shoot, out } = options;
  const emergency = await seed(co, cp, caseId);
  // The fixed header would cover the top of a scrolled-to section: hide it for these shots.
  const section = async (page: Page, id: string, name: string) => {
    const locator = page.locator(`#${id}`);
    await locator.scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await locator.screenshot({
      path: `${out}/${name}.png`,
      style: 'header { visibility: hidden !important; }',
    });
  };
  for (const language of options.languages) {
    const text = STRINGS[language];
    for (const page of [admin, co, cp, po]) await options.setLanguage(page, language);
    for (const [size, viewport] of Object.entries(options.viewports)) {
      for (const page of [admin, co, cp, po]) await page.setViewportSize(viewport);
      // The case page: header, reach panel, tabs and the timeline of the overview.
      await cp.goto(`/cases/${caseId}`);
      await cp.locator('#timeline li').first().waitFor();
      await shoot(cp, `case-overview-${language}-${size}`);
      await cp.goto(`/cases/${caseId}?tab=sharing`);
      await cp.locator('#consent li').first().waitFor();
      await shoot(cp, `case-sharing-tab-${language}-${size}`);
      await cp.locator('#referrals li').first().waitFor();
      await cp.locator('#meetings li').first().waitFor();
      await cp.waitForLoadState('networkidle');
      await section(cp, 'consent', `consent-section-${language}-${size}`);
      await section(cp, 'referrals', `referrals-section-${language}-${size}`);
      await section(cp, 'meetings', `meetings-section-${language}-${size}`);
      // Before "send": the preview of exactly what would leave.
      await cp.locator('#referrals').getByRole('button', { name: text.referrals.moves.sent }).first().click();
      await cp.getByRole('dialog').getByRole('region').first().waitFor();
      await cp.waitForTimeout(300);
      await cp.getByRole('dialog').screenshot({ path: `${out}/referral-preview-${language}-${size}.png` });
      await cp.keyboard.press('Escape');
      await cp.getByRole('dialog').waitFor({ state: 'detached' });
      await cp.locator('#referrals').getByRole('button', { name: text.sharing.showSummary }).first().click();
      await cp.locator('#referrals').getByRole('region').first().waitFor();
      await section(cp, 'referrals', `referrals-summary-${language}-${size}`);
      await cp.locator('#consent').getByRole('button', { name: text.consent.record }).click();
      await cp.getByRole('form', { name: text.consent.formLabel }).waitFor();
      await section(cp, 'consent', `consent-form-${language}-${size}`);
      await cp.goto(`/cases/${caseId}?tab=logs`);
      await cp.locator('#disclosures').waitFor();
      await section(cp, 'disclosures', `disclosures-case-${language}-${size}`);
      if (!emergency) continue;

      await co.goto(`/cases/${caseId}?tab=sharing`);
      await co.locator('#emergency li').first().waitFor();
      await section(co, 'emergency', `emergency-section-${language}-${size}`);
      await co.locator('#emergency').getByRole('button', { name: text.emergency.start }).click();
      await section(co, 'emergency', `emergency-form-${language}-${size}`);

      await co.goto('/emergency-approvals');
      await co.getByRole('listitem').first().waitFor();
      await shoot(co, `emergency-approvals-own-${language}-${size}`);
      await admin.goto('/emergency-approvals');
      await admin.getByRole('listitem').first().waitFor();
      await shoot(admin, `emergency-approvals-${language}-${size}`);
      await admin.goto('/');
      await admin.getByRole('heading', { level: 1 }).waitFor();
      await shoot(admin, `admin-home-emergency-${language}-${size}`);
      await admin.goto('/settings/aftercare');
      await admin.getByRole('heading', { level: 2 }).last().waitFor();
      await shoot(admin, `settings-consent-${language}-${size}`);
      await po.goto('/disclosures');
      await po.getByRole('heading', { level: 1 }).waitFor();
      await shoot(po, `disclosures-log-${language}-${size}`);
    }
  }
}
