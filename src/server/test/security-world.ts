import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { inOrg } from '../db/database.js';
import { sealText } from '../lib/fields.js';
import { phoneIndex } from '../modules/intake/phone.js';
import { insertCallback } from '../modules/public-site/public-site.repository.js';
import type { Role } from '../../shared/roles.js';
import { day, openCase, terms, type Terms } from './cases-fixtures.js';
import { makeEligible } from './counsellor-fixtures.js';
import {
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type Agent,
  type SignedIn,
  type TestApp,
} from './harness.js';

/**
 * Two organisations on one installation, each filled through the real API with one record of every kind
 * for two counsellors ("own" and "other"), for the endpoint × role × ownership matrix and the fuzzing.
 */

/** The actors of the matrix: the five staff roles and nobody. */
export type Who = Role | 'anonymous';
export const WHO: readonly Who[] = [
  'admin',
  'coordinator',
  'counsellor',
  'analyst',
  'privacy_officer',
  'peer_organiser',
  'anonymous',
];

/** Records that belong to one counsellor's case (or, for org-wide kinds, one of two records). */
export interface Records {
  caseId: string;
  counsellorId: string;
  consentId: string;
  referralId: string;
  meetingId: string;
  emergencyId: string;
  goalId: string;
  taskId: string;
  subjectId: string;
  /** A request id already used for a create on this case (for replay checks). */
  usedRequestId: string;
  offerId: string;
  alertId: string;
  absenceId: string;
  draftId: string;
  userId: string;
  termId: string;
  partnerId: string;
  sessionId: string;
  /** A handbook article of the organisation (the starter handbook's; "other" is another one). */
  articleId: string;
  callbackId: string;
  /** An activity facilitated by this record's counsellor, one follow-up task of it, its type and place. */
  activityId: string;
  activityTaskId: string;
  activityTypeId: string;
  municipalityId: string;
  /** The peer network (organiser only): a member who consented to be linked, a private meeting, and a
   * request from this case to link its caller to a peer parent. */
  peerMemberId: string;
  peerMeetingId: string;
  peerRequestId: string;
}

export interface OrgWorld {
  orgId: string;
  admin: SignedIn;
  admin2: SignedIn;
  coord: SignedIn;
  coord2: SignedIn;
  couns: SignedIn;
  couns2: SignedIn;
  analyst: SignedIn;
  officer: SignedIn;
  organiser: SignedIn;
  tx: Terms;
  own: Records;
  other: Records;
  /** Request ids used by fixtures, to replay. */
  requestIds: string[];
  /** A training course of this organisation. */
  courseId: string;
  /** A saved version of one of the organisation's public pages (the seeded Dutch home page). */
  pageVersionId: string;
  /** Per create route (`POST /api/cases/{id}/goals`…), a request id it already used on the "own" case. */
  replay: Record<string, string>;
}

export interface World {
  t: TestApp;
  a: OrgWorld;
  b: OrgWorld;
  /** Signed-in agents of organisation A, one per role; `anonymous` has none. */
  agents: Record<Role, Agent>;
  /** Signs a fresh session in for a role of organisation A (for requests that end their session). */
  freshAgent(role: Role): Promise<Agent>;
  /** A pending invite token of organisation A, new on every call. */
  inviteToken(): Promise<string>;
}

/** Which fixture record a path parameter names. A route with an unknown parameter fails until it is added. */
export function recordField(route: { path: string }, param: string): keyof Records {
  const direct: Record<string, keyof Records> = {
    consentId: 'consentId',
    referralId: 'referralId',
    meetingId: 'meetingId',
    emergencyId: 'emergencyId',
    absenceId: 'absenceId',
    taskId: 'activityTaskId',
  };
  const peer: [string, keyof Records][] = [
    ['/api/peers/members/', 'peerMemberId'],
    ['/api/peers/meetings/', 'peerMeetingId'],
    ['/api/peers/link-requests/', 'peerRequestId'],
  ];
  const peerHit = param === 'id' ? peer.find(([prefix]) => route.path.startsWith(prefix)) : undefined;
  if (peerHit) return peerHit[1];
  if (direct[param]) return direct[param];
  if (param === 'itemId') return route.path.includes('/goals/') ? 'goalId' : 'taskId';
  if (param !== 'id') throw new Error(`unclassified parameter {${param}} in ${route.path}`);
  const byPrefix: [string, keyof Records][] = [
    ['/api/cases/', 'caseId'],
    ['/api/users/', 'userId'],
    ['/api/taxonomies/', 'termId'],
    ['/api/intake/drafts/', 'draftId'],
    ['/api/alerts/', 'alertId'],
    ['/api/counsellors/', 'counsellorId'],
    ['/api/offers/', 'offerId'],
    ['/api/training/sessions/', 'sessionId'],
    ['/api/partners/', 'partnerId'],
    ['/api/knowledge/articles/', 'articleId'],
    ['/api/callbacks/', 'callbackId'],
    ['/api/activities/types/', 'activityTypeId'],
    ['/api/activities/hours/', 'counsellorId'],
    ['/api/activities/volunteer-record/', 'counsellorId'],
    ['/api/activities/', 'activityId'],
  ];
  const hit = byPrefix.find(([prefix]) => route.path.startsWith(prefix));
  if (!hit) throw new Error(`unclassified parameter {id} in ${route.path}`);
  return hit[1];
}

let ipCounter = 0;
/** A new client address per request: the per-IP limits of sign-in and the API must not decide a cell. */
export function nextIp(): string {
  ipCounter += 1;
  return `10.${100 + ((ipCounter >> 16) & 0x7f)}.${(ipCounter >> 8) & 0xff}.${ipCounter & 0xff}`;
}

/** One request as `agent` (or nobody), without keeping any cookie it sets: the agent's session stays as it was. */
export async function send(
  t: TestApp,
  agent: Agent | undefined,
  method: string,
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: method as 'GET',
    url,
    remoteAddress: nextIp(),
    headers: {
      ...(agent?.cookie ? { cookie: agent.cookie } : {}),
      ...(method !== 'GET' ? { 'x-csrf-token': agent?.csrf ?? 'none' } : {}),
      ...(body !== undefined && typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { payload: body as object } : {}),
  });
}

function ok(res: LightMyRequestResponse, what: string, status = [200, 201, 204]): LightMyRequestResponse {
  if (!status.includes(res.statusCode)) throw new Error(`${what} failed: ${res.statusCode} ${res.body}`);
  return res;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function trainingSession(
  t: TestApp,
  coord: Agent,
  label: string,
): Promise<{ id: string; courseId: string }> {
  const course = ok(
    await coord.post('/api/training/courses', {
      name: `Basistraining ${label}`,
      kind: 'basic',
      validityMonths: 24,
    }),
    'course',
  ).json<{ id: string }>();
  const session = ok(
    await coord.post('/api/training/sessions', {
      courseId: course.id,
      startsAt: new Date(t.clock.now().getTime() - 30 * 86_400_000).toISOString(),
      place: 'Utrecht',
      trainer: 'SMN',
    }),
    'session',
  ).json<{ id: string }>().id;
  return { id: session, courseId: course.id };
}

/** One organisation, set up and staffed through the API; coord2 is invited by a second admin (see four eyes). */
async function staff(t: TestApp, name: string, domain: string, full: boolean) {
  const admin = await setupOrganisation(t, name, `admin@${domain}`);
  const invite = (by: SignedIn, role: Role) =>
    inviteAndActivate(t, by.agent, role, `${role}.${randomUUID().slice(0, 8)}@${domain}`);
  const admin2 = await invite(admin, 'admin');
  const s = {
    admin,
    admin2,
    coord: await invite(admin, 'coordinator'),
    coord2: await invite(admin2, 'coordinator'),
    couns: await invite(admin, 'counsellor'),
    couns2: await invite(admin, 'counsellor'),
    // Organisation B only owns records: it needs no analyst or privacy officer of its own to sign in.
    analyst: full ? await invite(admin, 'analyst') : admin,
    officer: full ? await invite(admin, 'privacy_officer') : admin,
    organiser: await invite(admin, 'peer_organiser'),
  };
  const session = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>();
  return { ...s, orgId: session.organisation.id, tx: await terms(s.coord.agent) };
}

type Staffed = Awaited<ReturnType<typeof staff>>;

async function build(t: TestApp, s: Staffed, domain: string): Promise<OrgWorld> {
  const c = s.coord.agent;
  const requestIds: string[] = [];
  const replay: Record<string, string> = {};
  const rid = () => {
    const id = randomUUID();
    requestIds.push(id);
    return id;
  };
  const training = await trainingSession(t, c, domain);
  const sessionId = training.id;
  const sessionId2 = (await trainingSession(t, c, `${domain} 2`)).id;
  for (const who of [s.couns, s.couns2]) {
    await makeEligible(t, c, who.userId, { maxActiveCases: 20 }, false);
    ok(
      await c.request('PUT', `/api/training/sessions/${sessionId}/attendance`, {
        userId: who.userId,
        attended: true,
        completed: true,
      }),
      'attendance',
    );
  }
  const partner = async (name: string, type: string) =>
    ok(await c.post('/api/partners', { name, type, municipality: 'Utrecht' }), 'partner').json<{
      id: string;
    }>().id;
  const municipality = await partner(`Gemeente Utrecht (${domain})`, 'municipality');
  const ggz = await partner(`GGZ Centraal (${domain})`, 'mental_health');
  const targetUser = async () =>
    ok(
      await s.admin.agent.post('/api/users', {
        email: `target.${randomUUID().slice(0, 8)}@${domain}`,
        displayName: 'Doelwit',
        role: 'counsellor',
      }),
      'invite',
    ).json<{ user: { id: string } }>().user.id;

  const utrecht = ok(await c.get('/api/places/municipalities'), 'places')
    .json<{
      items: { id: string; name: string }[];
    }>()
    .items.find((m) => m.name === 'Utrecht')!.id;
  /** An activity of `typeCode` facilitated by `who`, with one follow-up task. */
  const activity = async (who: SignedIn, typeCode: string, partnerId: string) => {
    const typeId = s.tx.byCode('activity_type', typeCode);
    const id = ok(
      await c.post('/api/activities', {
        typeId,
        title: `Voorlichting ${typeCode}`,
        date: day(t),
        startTime: '19:00',
        endTime: '21:00',
        municipalityId: utrecht,
        partnerIds: [partnerId],
        languages: ['nl'],
        facilitatorIds: [who.userId],
        audience: 'parents',
      }),
      'activity',
    ).json<{ id: string }>().id;
    const taskId = ok(
      await c.post(`/api/activities/${id}/tasks`, { title: 'Folders nabestellen' }),
      'activity task',
    ).json<{
      id: string;
    }>().id;
    return { activityId: id, activityTaskId: taskId, activityTypeId: typeId, municipalityId: utrecht };
  };

  const records = async (
    who: SignedIn,
    drafter: SignedIn,
    termCode: string,
    partnerId: string,
    session: string,
    activityType: string,
  ) => {
    const intakeRequest = rid();
    replay['POST /api/intake'] ??= intakeRequest;
    const { caseId } = await openCase(c, s.tx, { requestId: intakeRequest });
    ok(await c.post(`/api/cases/${caseId}/assign`, { counsellorId: who.userId }), 'assign');
    const n = who.agent;
    const created = async (url: string, body: Record<string, unknown>) => {
      const key = `POST ${url.replace(caseId, '{id}')}`;
      if (typeof body.requestId === 'string') replay[key] ??= body.requestId;
      return ok(await n.post(url, body), url).json<{ id: string }>().id;
    };
    const consentId = await created(`/api/cases/${caseId}/consents`, {
      requestId: rid(),
      givenBy: 'Moeder Amina',
      categories: ['contact_details', 'concern_summary'],
      partnerId: null,
      partnerType: 'municipality',
      purpose: 'care_referral',
      method: 'uploaded_form',
      givenOn: day(t),
      language: 'nl',
    });
    ok(
      await n.request('PUT', `/api/cases/${caseId}/consents/${consentId}/document`, {
        fileName: 'formulier.pdf',
        data: PDF.toString('base64'),
      }),
      'document',
    );
    const referralId = await created(`/api/cases/${caseId}/referrals`, {
      requestId: rid(),
      partnerId: municipality,
      purpose: 'care_referral',
      categories: ['contact_details', 'concern_summary'],
    });
    const meetingId = await created(`/api/cases/${caseId}/meetings`, {
      requestId: rid(),
      municipality: 'Utrecht',
      meetingOn: day(t, 3),
      partnerIds: [municipality],
      categories: ['concern_summary'],
      note: 'Casusoverleg',
    });
    const goalId = await created(`/api/cases/${caseId}/goals`, {
      requestId: rid(),
      text: 'Contact herstellen',
    });
    const taskId = await created(`/api/cases/${caseId}/tasks`, {
      requestId: rid(),
      title: 'Terugbellen',
      dueOn: day(t, 2),
    });
    const subjectId = await created(`/api/cases/${caseId}/subjects`, { requestId: rid(), alias: 'Y.' });
    await created(`/api/cases/${caseId}/status-events`, {
      requestId: rid(),
      subjectId,
      status: 'at_home',
      occurredOn: day(t),
    });
    await created(`/api/cases/${caseId}/observations`, {
      requestId: rid(),
      kind: 'protective',
      observedOn: day(t),
      text: 'Steunende oom',
    });
    await created(`/api/cases/${caseId}/interventions`, {
      requestId: rid(),
      interventionId: s.tx.byCode('intervention', 'I1'),
      occurredOn: day(t),
    });
    // The caller's written consent to be put in touch with the peer network, and the request it allows.
    const peerConsentId = await created(`/api/cases/${caseId}/consents`, {
      requestId: rid(),
      givenBy: 'Moeder Amina',
      categories: ['contact_details'],
      partnerId: null,
      partnerType: 'peer_network',
      purpose: 'peer_support',
      method: 'uploaded_form',
      givenOn: day(t),
      language: 'nl',
    });
    ok(
      await n.request('PUT', `/api/cases/${caseId}/consents/${peerConsentId}/document`, {
        fileName: 'formulier.pdf',
        data: PDF.toString('base64'),
      }),
      'peer consent document',
    );
    ok(
      await n.post(`/api/cases/${caseId}/peer-link`, {
        requestId: rid(),
        handover: 'Moeder Amina, 06-12345678, ochtends',
        language: 'ary',
      }),
      'peer link request',
    );
    const o = s.organiser.agent;
    const peerMemberId = ok(
      await o.post('/api/peers/members', {
        requestId: rid(),
        alias: `Moeder ${termCode}`,
        email: `lid.${termCode.toLowerCase()}@${domain}`,
        language: 'ary',
        consent: { method: 'written', givenOn: day(t) },
      }),
      'peer member',
    ).json<{ id: string }>().id;
    ok(
      await o.post(`/api/peers/members/${peerMemberId}/linking-consent`, {
        method: 'written',
        givenOn: day(t),
      }),
      'linking consent',
    );
    const peerMeetingId = ok(
      await o.post('/api/peers/meetings', {
        requestId: rid(),
        heldAt: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString(),
        place: 'Buurthuis, achterzaal',
        facilitator: 'Fatima',
        callNumber: '030-1234567',
      }),
      'peer meeting',
    ).json<{ id: string }>().id;
    const requests = ok(await o.get('/api/peers/link-requests'), 'link requests').json<{
      items: { id: string; handover: string }[];
    }>();
    const peerRequestId = requests.items[0]!.id;
    const usedRequestId = rid();
    await created(`/api/cases/${caseId}/log`, {
      requestId: usedRequestId,
      occurredAt: t.clock.now().toISOString(),
      channel: 'phone',
      durationMinutes: 20,
      note: 'Gesprek met moeder',
    });
    // An unassigned case offered to this counsellor: the offer and its alert.
    const { caseId: offered } = await openCase(c, s.tx, { requestId: rid() });
    const offerId = ok(
      await c.post(`/api/cases/${offered}/offers`, { counsellorId: who.userId }),
      'offer',
    ).json<{
      id: string;
    }>().id;
    const absenceId = ok(
      await c.post(`/api/counsellors/${who.userId}/absences`, { fromDate: day(t, 60), toDate: day(t, 61) }),
      'absence',
    ).json<{ id: string }>().id;
    const draftId = randomUUID();
    ok(
      await drafter.agent.request('PUT', `/api/intake/drafts/${draftId}`, { data: { summary: 'concept' } }),
      'draft',
    );
    const alertId = await inOrg(t.deps.db, s.orgId, async (trx) => {
      const row = await trx
        .selectFrom('alerts')
        .select('id')
        .where('user_id', '=', who.userId)
        .where('case_id', '=', offered)
        .executeTakeFirstOrThrow();
      return row.id;
    });
    return {
      caseId,
      counsellorId: who.userId,
      consentId,
      referralId,
      meetingId,
      goalId,
      taskId,
      subjectId,
      usedRequestId,
      offerId,
      alertId,
      absenceId,
      draftId,
      userId: await targetUser(),
      termId: s.tx.byCode('category', termCode),
      partnerId,
      sessionId: session,
      emergencyId: '',
      articleId: '',
      callbackId: await callbackRequest(t, s.orgId),
      ...(await activity(who, activityType, partnerId)),
      peerMemberId,
      peerMeetingId,
      peerRequestId,
    };
  };
  const own = await records(s.couns, s.coord, 'C10', municipality, sessionId, 'info_meeting');
  const other = await records(s.couns2, s.coord2, 'C9', ggz, sessionId2, 'empowerment');
  const articles = ok(await c.get('/api/knowledge/articles'), 'handbook').json<{ items: { id: string }[] }>()
    .items;
  own.articleId = articles[0]!.id;
  other.articleId = articles[1]!.id;
  const pageVersionId = await inOrg(t.deps.db, s.orgId, async (trx) => {
    const row = await trx
      .selectFrom('public_page_versions')
      .select('id')
      .where('page', '=', 'home')
      .where('language', '=', 'nl')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return { ...s, own, other, requestIds, replay, courseId: training.courseId, pageVersionId };
}

/**
 * Emergency requests need a requester and an approver who are independent of each other and of the admin
 * actor, on accounts older than a week: coord2 (invited by admin2) asks, coord approves.
 */
async function emergencies(t: TestApp, w: OrgWorld): Promise<void> {
  const c2 = await signIn(t, w.coord2, nextIp());
  const c = await signIn(t, w.coord, nextIp());
  for (const rec of [w.own, w.other]) {
    ok(
      await c2.post(`/api/cases/${rec.caseId}/access`, { reason: 'Spoed: dienstdoend coördinator' }),
      'grant',
    );
    const requestId = randomUUID();
    w.requestIds.push(requestId);
    w.replay['POST /api/cases/{id}/emergency'] ??= requestId;
    const id = ok(
      await c2.post(`/api/cases/${rec.caseId}/emergency`, {
        requestId,
        ground: 'danger_to_life',
        legalBasis: 'vital_interest',
        reason: 'Zoon heeft vertrek aangekondigd voor morgen; direct gevaar voor zijn leven.',
        partnerId: rec.partnerId,
        categories: ['contact_details'],
        channel: 'phone',
        informCaller: true,
      }),
      'emergency',
    ).json<{ id: string }>().id;
    ok(await c.post(`/api/emergency-requests/${id}/decision`, { decision: 'approve' }), 'approve');
    rec.emergencyId = id;
  }
  // The clock moved on: these sessions replace the expired ones, for fixtures made during the tests.
  w.coord.agent = c;
  w.coord2.agent = c2;
}

/** A callback request as the public form leaves one (sealed, phone indexed), in an organisation's queue. */
async function callbackRequest(t: TestApp, orgId: string): Promise<string> {
  return inOrg(t.deps.db, orgId, async (trx) => {
    const ctx = { db: trx, actor: { kind: 'system' as const, orgId }, keyring: t.deps.keyring };
    const id = randomUUID();
    await insertCallback(trx, {
      id,
      org_id: orgId,
      language: 'ar',
      alias_enc: await sealText(ctx, 'callback_requests', 'alias', id, 'Umm Y.'),
      phone_enc: await sealText(ctx, 'callback_requests', 'phone', id, '+31612345678'),
      phone_hmac: await phoneIndex(ctx, '+31612345678'),
      safe_times_enc: await sealText(ctx, 'callback_requests', 'safe_times', id, 'ochtend'),
      may_leave_message: false,
      question_enc: null,
      status: 'open',
      created_at: t.clock.now(),
    });
    return id;
  });
}

/** Builds both organisations and signs in one agent per role of organisation A. */
export async function buildWorld(t: TestApp): Promise<World> {
  const sa = await staff(t, 'Hulplijn Noord', 'noord.example', true);
  // A second organisation on the same installation: set-up runs once, so release the claim and run it again.
  await t.asOwner((db) => sql`delete from installation`.execute(db));
  const sb = await staff(t, 'Steunpunt Zuid', 'zuid.example', false);
  const a = await build(t, sa, 'noord.example');
  const b = await build(t, sb, 'zuid.example');
  // New coordinator accounts may not use the emergency path in their first week.
  t.clock.advance(8 * 86_400_000);
  await emergencies(t, a);
  await emergencies(t, b);
  const byRole: Record<Role, SignedIn> = {
    admin: a.admin,
    coordinator: a.coord,
    counsellor: a.couns,
    analyst: a.analyst,
    privacy_officer: a.officer,
    peer_organiser: a.organiser,
  };
  const agents = {} as Record<Role, Agent>;
  for (const role of Object.keys(byRole) as Role[]) agents[role] = await signIn(t, byRole[role], nextIp());
  return {
    t,
    a,
    b,
    agents,
    freshAgent: (role) => signIn(t, byRole[role], nextIp()),
    async inviteToken() {
      const res = ok(
        await send(t, agents.admin, 'POST', '/api/users', {
          email: `invitee.${randomUUID().slice(0, 8)}@noord.example`,
          displayName: 'Nieuw',
          role: 'analyst',
        }),
        'invite',
      );
      return res.json<{ inviteUrl: string }>().inviteUrl.split('#')[1]!;
    },
  };
}

/** The tenant tables whose row counts must not move when a state-changing request fails. */
export const SNAPSHOT_TABLES = [
  'users',
  'invites',
  'audit_log',
  'taxonomy_terms',
  'callers',
  'cases',
  'contacts',
  'intake_drafts',
  'case_subjects',
  'subject_status_events',
  'case_observations',
  'case_goals',
  'case_log',
  'case_interventions',
  'tasks',
  'alerts',
  'case_access_grants',
  'municipalities',
  'counsellor_absences',
  'case_offers',
  'courses',
  'training_sessions',
  'training_attendance',
  'request_receipts',
  'partners',
  'callback_requests',
  'public_page_versions',
  'consents',
  'consent_documents',
  'referrals',
  'emergency_requests',
  'case_meetings',
  'disclosures',
  'jobs',
  'activity_type_courses',
  'activities',
  'activity_facilitators',
  'activity_partners',
  'activity_tasks',
] as const;

/** Row counts of the tenant tables in both organisations, in one query per organisation. */
export async function snapshot(w: World): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const org of [w.a.orgId, w.b.orgId]) {
    const row = await inOrg(w.t.deps.db, org, async (trx) => {
      const cols = sql.join(
        SNAPSHOT_TABLES.map((tb) => sql`(select count(*) from ${sql.table(tb)})::int as ${sql.ref(tb)}`),
      );
      return (await sql<Record<string, number>>`select ${cols}`.execute(trx)).rows[0]!;
    });
    for (const [k, v] of Object.entries(row)) out[`${org === w.a.orgId ? 'a' : 'b'}.${k}`] = Number(v);
  }
  return out;
}

/** The tables whose counts differ between two snapshots. */
export function changed(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(before).filter((k) => before[k] !== after[k]);
}
