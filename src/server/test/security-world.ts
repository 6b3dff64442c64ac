import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inOrg } from '../db/database.js';
import type { Role } from '../../shared/roles.js';
import { day, openCase } from './cases-fixtures.js';
import { makeEligible } from './counsellor-fixtures.js';
import { signIn, type Agent, type SignedIn, type TestApp } from './harness.js';
import type { OrgWorld, World } from './security-world.records.js';
import {
  PDF,
  callbackRequest,
  emergencies,
  nextIp,
  ok,
  send,
  staff,
  trainingSession,
  type Staffed,
} from './security-world.requests.js';

/**
 * Two organisations on one installation, each filled through the real API with one record of every kind
 * for two counsellors ("own" and "other"), for the endpoint × role × ownership matrix and the fuzzing.
 */

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
