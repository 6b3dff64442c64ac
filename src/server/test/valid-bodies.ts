import { randomUUID } from 'node:crypto';
import { STRONG_PASSWORD } from './harness.js';
import { day, intakeBody } from './cases-fixtures.js';
import type { Records, World } from './security-world.records.js';

/** What a body builder may draw on: the world, the records of the cell, a fresh invite token. */
export interface BodyCtx {
  w: World;
  rec: Records;
  token: string;
  courseId: string;
  weights: unknown;
}

const rnd = () => randomUUID().slice(0, 8);

/**
 * A valid body per route with a body, keyed like the OpenAPI document: the matrix tests authorisation and
 * the fuzzing's probes put one bad value into an otherwise valid request, so these must pass the schema.
 */
export const BODIES: Record<string, (c: BodyCtx) => Record<string, unknown>> = {
  'POST /api/setup': () => ({
    organisationName: 'Nog een hulplijn',
    adminName: 'Tweede',
    email: `setup.${rnd()}@elders.example`,
    password: STRONG_PASSWORD,
  }),
  'POST /api/auth/login': ({ w }) => ({ email: w.a.analyst.email, password: STRONG_PASSWORD }),
  'POST /api/auth/mfa': () => ({ code: '123456' }),
  'POST /api/auth/mfa/enrol': () => ({ code: '123456' }),
  // A wrong current password: the route is reached, nobody's password changes.
  'POST /api/auth/password': () => ({
    currentPassword: 'not the current password',
    newPassword: 'another long passphrase for the test',
  }),
  'PATCH /api/me': () => ({ language: 'nl' }),
  'POST /api/users': () => ({
    email: `new.${rnd()}@noord.example`,
    displayName: 'Nieuwe collega',
    role: 'analyst',
  }),
  'PATCH /api/users/{id}': () => ({ displayName: 'Doelwit B.' }),
  'POST /api/invites/inspect': ({ token }) => ({ token }),
  'POST /api/invites/accept': ({ token }) => ({ token, password: STRONG_PASSWORD }),
  'PATCH /api/organisation/settings': () => ({ consent: { validMonths: 12, writtenDays: 14 } }),
  'PUT /api/organisation/emergency-settings': () => ({ minAccountDays: 7, seriousCrimeAllowed: false }),
  'PUT /api/organisation/retention-settings': () => ({ peerNotesDays: 120, callbackDays: 60 }),
  'POST /api/reports/query': () => ({
    measure: 'requests',
    from: '2026-01-01',
    to: '2026-12-31',
    rows: 'month',
  }),
  'POST /api/reports/export': () => ({
    measure: 'cases_opened',
    from: '2026-01-01',
    to: '2026-12-31',
    rows: 'category',
    format: 'csv',
  }),
  'PUT /api/organisation/report-settings': () => ({ threshold: 5, roundToFive: false }),
  'POST /api/reports/dashboard': () => ({ from: '2026-01-01', to: '2026-12-31' }),
  'PUT /api/reports/funder': () => ({ year: 2026, narrative: 'Een jaar van groei in vertrouwen.' }),
  'POST /api/reports/funder/export': () => ({ year: 2026 }),
  'POST /api/taxonomies': () => ({
    kind: 'category',
    code: `X${rnd()}`,
    labels: { nl: 'Overig', en: 'Other', ar: 'أخرى', tr: 'Diğer' },
  }),
  'PATCH /api/taxonomies/{id}': () => ({ sort: 50 }),
  'POST /api/intake': ({ w }) =>
    intakeBody(w.a.tx, {
      requestId: randomUUID(),
      subject: { alias: 'Y.', ageBand: '16_17', status: 'at_home' },
      signalIds: [w.a.tx.byCode('signal', 'withdrawal')],
      protectiveIds: [w.a.tx.byCode('protective', 'family_bond')],
    }),
  'POST /api/intake/lookup': () => ({ phone: '06 12 34 56 78' }),
  'POST /api/search': () => ({ term: '06 12 34 56 78' }),
  'PUT /api/intake/drafts/{id}': () => ({ data: { summary: 'concept' } }),
  'PATCH /api/cases/{id}': () => ({ urgent: false }),
  'POST /api/cases/{id}/access': () => ({ reason: 'Vervanging tijdens vakantie' }),
  'POST /api/cases/{id}/assign': ({ rec }) => ({ counsellorId: rec.counsellorId }),
  // Not a move the state machine allows from "active": reaches the service, changes nothing.
  'POST /api/cases/{id}/transition': () => ({ to: 'intake' }),
  'POST /api/cases/{id}/subjects': () => ({ requestId: randomUUID(), alias: 'Z.' }),
  'POST /api/cases/{id}/status-events': ({ w, rec }) => ({
    requestId: randomUUID(),
    subjectId: rec.subjectId,
    status: 'at_home',
    occurredOn: day(w.t),
  }),
  'POST /api/cases/{id}/observations': ({ w }) => ({
    requestId: randomUUID(),
    kind: 'protective',
    observedOn: day(w.t),
    text: 'Steunende oom',
  }),
  'POST /api/cases/{id}/goals': () => ({ requestId: randomUUID(), text: 'Weer samen eten' }),
  'POST /api/cases/{id}/log': ({ w }) => ({
    requestId: randomUUID(),
    occurredAt: w.t.clock.now().toISOString(),
    channel: 'phone',
    durationMinutes: 10,
    note: 'Kort gesprek',
  }),
  'POST /api/cases/{id}/interventions': ({ w }) => ({
    requestId: randomUUID(),
    interventionId: w.a.tx.byCode('intervention', 'I1'),
    occurredOn: day(w.t),
  }),
  'POST /api/cases/{id}/tasks': ({ w }) => ({
    requestId: randomUUID(),
    title: 'Terugbellen',
    dueOn: day(w.t, 1),
  }),
  'PATCH /api/cases/{id}/goals/{itemId}': () => ({ status: 'open' }),
  'PATCH /api/cases/{id}/tasks/{itemId}': () => ({ done: false }),
  'PATCH /api/counsellors/{id}': () => ({ remote: false }),
  'POST /api/counsellors/{id}/absences': ({ w }) => ({ fromDate: day(w.t, 90), toDate: day(w.t, 91) }),
  'POST /api/places/municipalities': () => ({ name: `Plaats ${rnd()}`, province: 'Utrecht' }),
  'POST /api/cases/{id}/offers': ({ rec }) => ({
    counsellorId: rec.counsellorId,
    reach: 'wide',
    interpreter: false,
  }),
  'POST /api/cases/{id}/waiting-list': ({ w }) => ({
    requestId: randomUUID(),
    dueOn: day(w.t, 7),
    title: 'Wachtlijst: opnieuw zoeken',
  }),
  'POST /api/offers/{id}/respond': () => ({ accept: false, reason: 'no_time' }),
  'PUT /api/matching/weights': ({ weights }) => weights as Record<string, unknown>,
  'POST /api/training/courses': () => ({ name: `Opfriscursus ${rnd()}`, kind: 'refresher' }),
  'POST /api/training/sessions': ({ w, courseId }) => ({
    courseId,
    startsAt: new Date(w.t.clock.now().getTime() + 7 * 86_400_000).toISOString(),
    place: 'Utrecht',
    trainer: 'SMN',
  }),
  'PUT /api/training/sessions/{id}/attendance': ({ rec }) => ({
    userId: rec.counsellorId,
    attended: true,
    completed: true,
  }),
  'POST /api/partners': () => ({ name: `Huisarts ${rnd()}`, type: 'gp' }),
  'POST /api/public-site/pages': () => ({
    page: 'contact',
    language: 'tr',
    title: `İletişim ${rnd()}`,
    body: 'Telefon: [088 000 0000](tel:+31880000000)',
  }),
  'POST /api/public-site/publish': ({ w }) => ({ versionId: w.a.pageVersionId }),
  'POST /api/callbacks/{id}/close': () => ({ reason: 'unreachable' }),
  'PATCH /api/partners/{id}': () => ({ municipality: 'Utrecht' }),
  'POST /api/knowledge/articles': () => ({
    category: 'method',
    language: 'nl',
    title: `Werkafspraak ${rnd()}`,
    body: 'Bel binnen een werkdag terug.',
  }),
  'PATCH /api/knowledge/articles/{id}': () => ({ termIds: [] }),
  'POST /api/knowledge/articles/{id}/versions': () => ({
    language: 'en',
    title: `Version ${rnd()}`,
    body: 'Listen first, then ask.',
  }),
  'POST /api/knowledge/search': () => ({ term: 'toestemming', language: 'nl' }),
  'POST /api/activities': ({ w, rec }) => ({
    requestId: randomUUID(),
    typeId: rec.activityTypeId,
    title: `Voorlichting ${rnd()}`,
    date: day(w.t, 7),
    startTime: '19:00',
    endTime: '20:30',
    municipalityId: rec.municipalityId,
    hostPartnerId: rec.partnerId,
    partnerIds: [rec.partnerId],
    languages: ['ar', 'nl'],
    facilitatorIds: [rec.counsellorId],
    audience: 'mothers',
  }),
  'PUT /api/activities/types/{id}/course': () => ({ courseId: null }),
  'PATCH /api/activities/{id}': () => ({ place: 'Buurthuis De Boog' }),
  'PUT /api/activities/{id}/report': () => ({ materials: 'Folder en film' }),
  'POST /api/activities/{id}/tasks': () => ({ requestId: randomUUID(), title: 'Evaluatie sturen' }),
  'PATCH /api/activities/{id}/tasks/{taskId}': () => ({ done: true }),
  'POST /api/peers/members': ({ w }) => ({
    alias: `Moeder ${rnd()}`,
    language: 'nl',
    consent: { method: 'verbal_recorded', givenOn: day(w.t) },
  }),
  'PATCH /api/peers/members/{id}': () => ({ notes: 'Wil graag in het Arabisch spreken' }),
  'POST /api/peers/members/{id}/linking-consent': ({ w }) => ({ method: 'written', givenOn: day(w.t) }),
  'POST /api/peers/members/{id}/linking-consent/withdraw': () => ({}),
  'POST /api/peers/members/{id}/withdraw': () => ({}),
  'POST /api/peers/meetings': ({ w }) => ({
    heldAt: new Date(w.t.clock.now().getTime() + 14 * 86_400_000).toISOString(),
    place: 'Buurthuis',
    facilitator: 'Fatima',
    callNumber: '030-1234567',
  }),
  'PATCH /api/peers/meetings/{id}': () => ({ note: 'Goed gesprek' }),
  'POST /api/peers/meetings/{id}/invitations': ({ rec }) => ({
    memberIds: [rec.peerMemberId],
    sendEmail: false,
  }),
  'POST /api/peers/link-requests/{id}/confirm': ({ rec }) => ({ memberId: rec.peerMemberId }),
  'POST /api/peers/link-requests/{id}/decline': () => ({}),
  'POST /api/cases/{id}/peer-link': () => ({ handover: 'Moeder, 06-12345678', language: 'nl' }),
  'POST /api/cases/{id}/consents': ({ w }) => ({
    requestId: randomUUID(),
    givenBy: 'Moeder Amina',
    categories: ['contact_details'],
    partnerId: null,
    partnerType: 'municipality',
    purpose: 'care_referral',
    method: 'signature_typed',
    typedName: 'Amina B.',
    givenOn: day(w.t),
    language: 'nl',
  }),
  'POST /api/cases/{id}/consents/{consentId}/sign': () => ({
    method: 'signature_typed',
    typedName: 'Amina B.',
  }),
  'PUT /api/cases/{id}/consents/{consentId}/document': () => ({
    fileName: 'formulier.pdf',
    data: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
  }),
  'POST /api/cases/{id}/consents/{consentId}/withdraw': () => ({ note: 'Moeder trekt in' }),
  'POST /api/cases/{id}/referrals': ({ w }) => ({
    requestId: randomUUID(),
    partnerId: w.a.own.partnerId,
    purpose: 'care_referral',
    categories: ['contact_details'],
  }),
  'POST /api/cases/{id}/referrals/{referralId}/send': () => ({ channel: 'secure_email' }),
  'POST /api/cases/{id}/referrals/{referralId}/respond': () => ({ outcome: 'accepted' }),
  'POST /api/cases/{id}/referrals/{referralId}/cancel': () => ({ reason: 'Niet meer nodig' }),
  'POST /api/cases/{id}/emergency': ({ w }) => ({
    requestId: randomUUID(),
    ground: 'danger_to_life',
    legalBasis: 'vital_interest',
    reason: 'Zoon heeft vertrek aangekondigd voor morgen; direct gevaar voor zijn leven.',
    partnerId: w.a.own.partnerId,
    categories: ['contact_details'],
    channel: 'phone',
    informCaller: true,
  }),
  'POST /api/emergency-requests/{emergencyId}/decision': () => ({ decision: 'approve' }),
  'POST /api/cases/{id}/meetings': ({ w }) => ({
    requestId: randomUUID(),
    municipality: 'Utrecht',
    meetingOn: day(w.t, 5),
    partnerIds: [w.a.own.partnerId],
    categories: ['concern_summary'],
  }),
};
