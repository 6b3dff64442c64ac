import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.js';
import { inOrg } from '../../db/database.js';
import type { MailMessage } from '../../lib/mailer.js';
import { day, openCase, staffOrganisation, type Staff } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type Agent,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';
import { jobHandlers } from '../jobs/handlers.js';
import { runDueJobs } from '../jobs/jobs.service.js';

const kinds = await testKinds();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

describe.each(kinds)('peer network (Platform Achterblijvers) on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let organiser: SignedIn;
  let orgB: { orgId: string; organiser: Agent };
  let caseId: string;
  const sent: MailMessage[] = [];
  let ip = 0;
  const as = async (who: SignedIn): Promise<Agent> => signIn(t, who, `10.12.${kinds.indexOf(kind)}.${++ip}`);
  const byRole = (role: Role): SignedIn =>
    ({
      admin: s.admin,
      coordinator: s.coord,
      counsellor: s.couns,
      analyst: s.analyst,
      privacy_officer: s.officer,
      peer_organiser: organiser,
    })[role];
  const drain = async () => {
    // Set here: on PGlite, `asOwner` rebuilds the app and its deps.
    t.deps.mailer = { send: async (m) => void sent.push(m) };
    while ((await runDueJobs(t.deps, jobHandlers, 'peers-test')) > 0) {
      /* until the queue is empty */
    }
  };
  const member = (over: Record<string, unknown> = {}) => ({
    alias: 'Moeder Khadija',
    phone: '06 11 22 33 44',
    email: 'khadija@example.org',
    language: 'ary',
    notes: 'Zoon vertrokken in 2014; wil anderen steunen.',
    consent: { method: 'written', givenOn: day(t) },
    ...over,
  });
  const countPeerRows = (table: 'peer_members' | 'peer_meetings' | 'peer_link_requests') =>
    t.asOwner(async (db) =>
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0]!.n,
      ),
    );

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    organiser = await inviteAndActivate(t, s.admin.agent, 'peer_organiser');
    await makeEligible(t, s.coord.agent, s.couns.userId);
    ({ caseId } = await openCase(s.coord.agent, s.tx, { callerAlias: 'Umm Yusuf' }));
    expect(
      (await s.coord.agent.post(`/api/cases/${caseId}/assign`, { counsellorId: s.couns.userId })).statusCode,
    ).toBe(204);
    // A second organisation with its own organiser and member.
    await t.asOwner((db) => sql`delete from installation`.execute(db));
    const adminB = await setupOrganisation(t, 'Steunpunt Zuid', 'admin@zuid.example');
    const orgOrganiser = await inviteAndActivate(t, adminB.agent, 'peer_organiser', 'org.b@zuid.example');
    const session = (await adminB.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>();
    orgB = { orgId: session.organisation.id, organiser: orgOrganiser.agent };
    expect(
      (await orgB.organiser.post('/api/peers/members', member({ alias: 'Lid van Zuid' }))).statusCode,
    ).toBe(201);
  }, 120_000);
  afterAll(() => t?.close());

  it('opens the peer network to its organiser only, and no case to the organiser', async () => {
    for (const role of ROLES) {
      const a = await as(byRole(role));
      const allowed = role === 'peer_organiser';
      expect((await a.get('/api/peers/members')).statusCode, role).toBe(allowed ? 200 : 403);
      expect((await a.get('/api/peers/meetings')).statusCode, role).toBe(allowed ? 200 : 403);
      expect((await a.get('/api/peers/link-requests')).statusCode, role).toBe(allowed ? 200 : 403);
      expect((await a.post('/api/peers/members', member({ alias: `Lid ${role}` }))).statusCode, role).toBe(
        allowed ? 201 : 403,
      );
    }
    const o = await as(organiser);
    expect((await o.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await o.get(`/api/cases/${caseId}/peer-link`)).statusCode).toBe(403);
    expect((await o.get('/api/cases')).statusCode).toBe(403);
    expect((await o.post('/api/search', { term: 'Umm Yusuf' })).statusCode).toBe(403);
  });

  it('makes someone an organiser only through the Users page: audited, and the privacy officer alerted', async () => {
    const admin = await as(s.admin);
    const named = await inviteAndActivate(t, admin, 'analyst', 'named.staff@noord.example');
    const res = await admin.patch(`/api/users/${named.userId}`, { role: 'peer_organiser' });
    expect(res.json()).toMatchObject({ role: 'peer_organiser' });
    const po = await as(s.officer);
    const alerts = (await po.get('/api/account-alerts')).json<{
      items: { event: { kind: string; toRole: string | null; subject: { id: string } } }[];
    }>();
    expect(alerts.items.map((a) => a.event)).toContainEqual(
      expect.objectContaining({
        kind: 'role_change',
        toRole: 'peer_organiser',
        subject: expect.objectContaining({ id: named.userId }),
      }),
    );
    const audit = (await po.get(`/api/audit?entity=user&entityId=${named.userId}`)).json<{
      items: { action: string; changedFields: string[] }[];
    }>();
    expect(audit.items).toContainEqual(
      expect.objectContaining({ action: 'user.update', changedFields: ['role'] }),
    );
    // The new organiser reaches the network at once, and still no case.
    const agent = await as(named);
    expect((await agent.get('/api/peers/members')).statusCode).toBe(200);
    expect((await agent.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('records a member with their membership consent, seals it, and keeps other organisations out', async () => {
    const o = await as(organiser);
    const created = await o.post('/api/peers/members', member());
    expect(created.statusCode).toBe(201);
    const m = created.json<{
      id: string;
      consents: { kind: string; method: string; recordedBy: string }[];
    }>();
    expect(m).toMatchObject({
      alias: 'Moeder Khadija',
      status: 'active',
      hasEmail: true,
      canBeLinked: false,
    });
    expect(m.consents).toEqual([
      expect.objectContaining({ kind: 'membership', method: 'written', recordedBy: 'Test peer_organiser' }),
    ]);
    // Sealed at rest: no alias, phone, e-mail or note in clear anywhere in the row.
    const raw = await t.asOwner(async (db) =>
      JSON.stringify((await sql`select * from peer_members where id = ${m.id}`.execute(db)).rows),
    );
    for (const secret of ['Khadija', '06 11', 'example.org', 'vertrokken']) expect(raw).not.toContain(secret);
    // Another organisation's organiser finds nothing.
    expect((await orgB.organiser.get(`/api/peers/members/${m.id}`)).statusCode).toBe(404);
    const theirs = (await orgB.organiser.get('/api/peers/members')).json<{ items: { alias: string }[] }>();
    expect(theirs.items.map((i) => i.alias)).toEqual(['Lid van Zuid']);
    expect((await orgB.organiser.patch(`/api/peers/members/${m.id}`, { notes: 'x' })).statusCode).toBe(404);
  });

  it('refuses hostile input with the field and the reason, and writes nothing', async () => {
    const o = await as(organiser);
    const before = await countPeerRows('peer_members');
    const bad = await o.post('/api/peers/members', {
      alias: 'A\u0000B',
      email: 'not-an-address',
      language: 'klingon',
      consent: { method: 'telepathy', givenOn: day(t) },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = bad.json<{ errors: { field: string; reason?: string }[] }>().errors;
    expect(fields.map((e) => e.field).sort()).toEqual(['alias', 'consent.method', 'email', 'language']);
    expect(fields.find((e) => e.field === 'alias')?.reason).toBe('invalid_characters');
    const future = await o.post(
      '/api/peers/members',
      member({ consent: { method: 'written', givenOn: day(t, 3) } }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json<{ errors: { field: string; reason: string }[] }>().errors).toEqual([
      expect.objectContaining({ field: 'consent.givenOn', reason: 'in_future' }),
    ]);
    expect(await countPeerRows('peer_members')).toBe(before);
  });

  it('links a caller to a peer parent only with both consents, and the case never learns whom', async () => {
    const n = await as(s.couns);
    const o = await as(organiser);
    const ask = { handover: 'Umm Yusuf, 06-98765432, na 14:00', language: 'ary' };
    // No consent of the caller: refused with the reason, nothing written, no override.
    const refused = await n.post(`/api/cases/${caseId}/peer-link`, ask);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'consent_required',
      errors: [{ field: 'consent', reason: 'no_peer_consent' }],
    });
    expect(
      (await n.post(`/api/cases/${caseId}/peer-link`, { ...ask, override: true, force: true })).statusCode,
    ).toBe(409);
    expect(await countPeerRows('peer_link_requests')).toBe(0);
    // Verbal consent is not written consent yet: still refused.
    const consent = (
      await n.post(`/api/cases/${caseId}/consents`, {
        givenBy: 'Umm Yusuf',
        categories: ['contact_details'],
        partnerId: null,
        partnerType: 'peer_network',
        purpose: 'peer_support',
        method: 'uploaded_form',
        givenOn: day(t),
        language: 'nl',
      })
    ).json<{ id: string }>();
    expect((await n.post(`/api/cases/${caseId}/peer-link`, ask)).statusCode).toBe(409);
    await n.request('PUT', `/api/cases/${caseId}/consents/${consent.id}/document`, {
      fileName: 'toestemming.pdf',
      data: PDF,
    });
    const asked = await n.post(`/api/cases/${caseId}/peer-link`, ask);
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'requested', consentCovered: true, canRequest: false });
    expect((await n.post(`/api/cases/${caseId}/peer-link`, ask)).statusCode).toBe(409);

    // The organiser is told in the app, once for this request: a kind, no case and no hand-over.
    const notices = await o.get('/api/notifications');
    const peerNotices = notices
      .json<{ items: { kind: string; caseId: string | null; caseReference: string | null }[] }>()
      .items.filter((i) => i.kind === 'peer_link_request');
    expect(peerNotices).toEqual([expect.objectContaining({ caseId: null, caseReference: null })]);
    expect(notices.body).not.toContain(caseId);
    expect(notices.body).not.toContain('06-98765432');
    const theirNotices = (await n.get('/api/notifications')).json<{ items: { kind: string }[] }>();
    expect(theirNotices.items.map((i) => i.kind)).not.toContain('peer_link_request');

    // The organiser sees the hand-over the caller agreed to, not the case.
    const list = await o.get('/api/peers/link-requests');
    expect(list.body).not.toContain(caseId);
    const request = list.json<{ items: { id: string; handover: string; status: string }[] }>().items[0]!;
    expect(request).toMatchObject({ handover: ask.handover, status: 'requested' });
    // The member has not consented to be linked: refused, with the reason.
    const m = (await o.post('/api/peers/members', member({ alias: 'Moeder Samira', email: '' }))).json<{
      id: string;
    }>();
    const noMemberConsent = await o.post(`/api/peers/link-requests/${request.id}/confirm`, {
      memberId: m.id,
    });
    expect(noMemberConsent.statusCode).toBe(409);
    expect(noMemberConsent.json()).toMatchObject({
      errors: [{ field: 'memberId', reason: 'no_member_consent' }],
    });
    // Another organisation's member cannot be linked.
    const theirs = (await orgB.organiser.get('/api/peers/members')).json<{ items: { id: string }[] }>();
    expect(
      (await o.post(`/api/peers/link-requests/${request.id}/confirm`, { memberId: theirs.items[0]!.id }))
        .statusCode,
    ).toBe(400);
    expect((await orgB.organiser.post(`/api/peers/link-requests/${request.id}/decline`, {})).statusCode).toBe(
      404,
    );
    expect(
      (
        await o.post(`/api/peers/members/${m.id}/linking-consent`, {
          method: 'verbal_recorded',
          givenOn: day(t),
        })
      ).json(),
    ).toMatchObject({ canBeLinked: true });
    const linked = await o.post(`/api/peers/link-requests/${request.id}/confirm`, { memberId: m.id });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ status: 'linked', member: { id: m.id, alias: 'Moeder Samira' } });

    // The case shows "linked to a peer parent" and intervention I4, and nothing about the member.
    const status = await n.get(`/api/cases/${caseId}/peer-link`);
    expect(status.json()).toMatchObject({ status: 'linked' });
    const kase = await n.get(`/api/cases/${caseId}`);
    const i4 = s.tx.byCode('intervention', 'I4');
    expect(
      kase.json<{ interventions: { interventionId: string }[] }>().interventions.map((i) => i.interventionId),
    ).toContain(i4);
    for (const res of [status, kase, await n.get(`/api/cases/${caseId}/timeline`)]) {
      expect(res.body).not.toContain('Samira');
      expect(res.body).not.toContain(m.id);
    }
    // Another counsellor's case is not theirs to ask for.
    const other = await as(s.couns2);
    expect((await other.get(`/api/cases/${caseId}/peer-link`)).statusCode).toBe(404);
    expect((await other.post(`/api/cases/${caseId}/peer-link`, ask)).statusCode).toBe(404);
  });

  it('cancels an open request when the caller withdraws the consent it rested on', async () => {
    const c = await as(s.coord);
    const { caseId: second } = await openCase(c, s.tx, { callerAlias: 'Abu Adam' });
    const consent = (
      await c.post(`/api/cases/${second}/consents`, {
        givenBy: 'Abu Adam',
        categories: ['contact_details'],
        partnerId: null,
        partnerType: 'peer_network',
        purpose: 'peer_support',
        method: 'uploaded_form',
        givenOn: day(t),
        language: 'nl',
      })
    ).json<{ id: string }>();
    await c.request('PUT', `/api/cases/${second}/consents/${consent.id}/document`, {
      fileName: 'f.pdf',
      data: PDF,
    });
    expect(
      (await c.post(`/api/cases/${second}/peer-link`, { handover: 'Abu Adam', language: 'nl' })).statusCode,
    ).toBe(201);
    expect((await c.post(`/api/cases/${second}/consents/${consent.id}/withdraw`, {})).statusCode).toBe(200);
    expect((await c.get(`/api/cases/${second}/peer-link`)).json()).toMatchObject({
      status: 'cancelled',
      consentCovered: false,
      canRequest: false,
    });
    const o = await as(organiser);
    const items = (await o.get('/api/peers/link-requests')).json<{
      items: { id: string; status: string }[];
    }>().items;
    const cancelled = items.find((i) => i.status === 'cancelled')!;
    const members = (await o.get('/api/peers/members')).json<{
      items: { id: string; canBeLinked: boolean }[];
    }>().items;
    const linkable = members.find((m) => m.canBeLinked)!;
    expect(
      (await o.post(`/api/peers/link-requests/${cancelled.id}/confirm`, { memberId: linkable.id }))
        .statusCode,
    ).toBe(409);
  });

  it('keeps peer and case data apart in the database itself, in both directions', async () => {
    const orgId = s.orgId;
    const count = (role: string | undefined, table: string) =>
      inOrg(
        t.deps.db,
        orgId,
        async (trx) =>
          Number(
            (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx))
              .rows[0]!.n,
          ),
        role,
      );
    // The organiser's transaction reads no case data, whatever the SQL.
    for (const table of [
      'cases',
      'callers',
      'contacts',
      'consents',
      'case_log',
      'case_interventions',
      'tasks',
    ])
      expect(await count('peer_organiser', table), table).toBe(0);
    expect(await count('peer_organiser', 'peer_members')).toBeGreaterThan(0);
    expect(await count('peer_organiser', 'peer_links')).toBe(1);
    // Case workers' (and everyone else's) transactions read no peer data.
    for (const role of ['counsellor', 'coordinator', 'admin', 'privacy_officer', 'analyst', undefined]) {
      for (const table of [
        'peer_members',
        'peer_member_consents',
        'peer_meetings',
        'peer_meeting_invites',
        'peer_links',
      ])
        expect(await count(role, table), `${role} ${table}`).toBe(0);
    }
    expect(await count('counsellor', 'cases')).toBeGreaterThan(0);
    expect(await count('coordinator', 'peer_link_requests')).toBeGreaterThan(0);
    expect(await count('analyst', 'peer_link_requests')).toBe(0);
    // Nor can they write there, or the organiser write into a case.
    await expect(
      inOrg(
        t.deps.db,
        orgId,
        (trx) => sql`update cases set updated_at = now() returning id`.execute(trx),
        'peer_organiser',
      ).then((r) => r.rows.length),
    ).resolves.toBe(0);
    await expect(
      inOrg(
        t.deps.db,
        orgId,
        (trx) =>
          sql`insert into peer_meetings (id, org_id, held_at, place_enc, facilitator, call_number, created_by, created_at, updated_at)
              values (gen_random_uuid(), ${orgId}, now(), '\\x00', 'x', '1', ${s.couns.userId}, now(), now())`.execute(
            trx,
          ),
        'counsellor',
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('plans a private meeting: place and note only for the organiser, an e-mail without content', async () => {
    const o = await as(organiser);
    const members = (await o.get('/api/peers/members')).json<{
      items: { id: string; alias: string; hasEmail: boolean }[];
    }>().items;
    const withMail = members.find((m) => m.alias === 'Moeder Khadija')!;
    const without = members.find((m) => m.alias === 'Moeder Samira')!;
    const created = await o.post('/api/peers/meetings', {
      heldAt: '2026-03-20T18:30:00+01:00',
      place: 'Moskee Al-Fath, zaal boven',
      facilitator: 'Fatima B.',
      callNumber: '030-7654321',
      note: 'Eerste keer voor twee nieuwe moeders',
    });
    expect(created.statusCode).toBe(201);
    const meeting = created.json<{ id: string }>();
    const raw = await t.asOwner(async (db) =>
      JSON.stringify((await sql`select * from peer_meetings where id = ${meeting.id}`.execute(db)).rows),
    );
    expect(raw).not.toContain('Al-Fath');
    expect(raw).not.toContain('nieuwe moeders');
    await drain();
    sent.length = 0;
    const invited = await o.post(`/api/peers/meetings/${meeting.id}/invitations`, {
      memberIds: [withMail.id, without.id],
    });
    expect(invited.statusCode).toBe(200);
    expect(invited.json<{ invited: number }>().invited).toBe(2);
    await drain();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe('khadija@example.org');
    expect(sent[0]!.text).toContain('030-7654321');
    for (const secret of ['Al-Fath', 'Khadija', '18:30', '20', 'Fatima', 'Achterblijvers', 'Confidant'])
      expect(`${sent[0]!.subject} ${sent[0]!.text}`).not.toContain(secret);
    // Inviting again mails nobody twice.
    await o.post(`/api/peers/meetings/${meeting.id}/invitations`, { memberIds: [withMail.id] });
    await drain();
    expect(sent).toHaveLength(1);
    // Attendance for invited members only.
    const stranger = members.find((m) => m.alias !== 'Moeder Khadija' && m.alias !== 'Moeder Samira')!;
    const bad = await o.patch(`/api/peers/meetings/${meeting.id}`, {
      attendance: [{ memberId: stranger.id, attended: true }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { reason: string }[] }>().errors[0]!.reason).toBe('not_invited');
    const done = await o.patch(`/api/peers/meetings/${meeting.id}`, {
      attendance: [{ memberId: withMail.id, attended: true }],
    });
    expect(done.json()).toMatchObject({
      place: 'Moskee Al-Fath, zaal boven',
      note: 'Eerste keer voor twee nieuwe moeders',
      invited: 2,
      attended: 1,
    });
    for (const role of ['counsellor', 'coordinator', 'admin', 'privacy_officer'] as const)
      expect((await (await as(byRole(role))).get(`/api/peers/meetings/${meeting.id}`)).statusCode).toBe(403);
    expect((await orgB.organiser.get(`/api/peers/meetings/${meeting.id}`)).statusCode).toBe(404);
  });

  it('ends a membership on withdrawal and erases the member’s notes after the retention period', async () => {
    const o = await as(organiser);
    const members = (await o.get('/api/peers/members')).json<{ items: { id: string; alias: string }[] }>()
      .items;
    const khadija = members.find((m) => m.alias === 'Moeder Khadija')!;
    const withdrawn = await o.post(`/api/peers/members/${khadija.id}/withdraw`, {});
    expect(withdrawn.statusCode).toBe(200);
    const body = withdrawn.json<{
      status: string;
      notesEraseOn: string;
      consents: { withdrawnOn: string | null }[];
      notes: string;
    }>();
    expect(body.status).toBe('withdrawn');
    expect(body.notesEraseOn).toBe(day(t, 90));
    expect(body.consents.every((c) => c.withdrawnOn !== null)).toBe(true);
    expect(body.notes).toContain('vertrokken');
    expect((await o.patch(`/api/peers/members/${khadija.id}`, { notes: 'x' })).statusCode).toBe(409);
    await drain();
    expect((await o.get(`/api/peers/members/${khadija.id}`)).json()).toMatchObject({ notesErased: false });
    t.clock.advance(91 * 86_400_000);
    await drain();
    const later = await as(organiser);
    expect((await later.get(`/api/peers/members/${khadija.id}`)).json()).toMatchObject({
      notes: '',
      notesErased: true,
      status: 'withdrawn',
    });
    const po = await as(s.officer);
    const audit = (await po.get(`/api/audit?entity=peer_member&entityId=${khadija.id}`)).json<{
      items: { action: string }[];
    }>();
    expect(audit.items.map((i) => i.action).sort()).toEqual([
      'peer.member_add',
      'peer.member_withdraw',
      'peer.notes_erase',
    ]);
  });

  it('erases withdrawn members’ notes after the period the admin sets (30–365 days, audited)', async () => {
    const admin = await as(s.admin);
    const bad = await admin.request('PUT', '/api/organisation/retention-settings', {
      peerNotesDays: 29,
      callbackDays: 400,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['callbackDays', 'peerNotesDays']);
    const coord = await as(s.coord);
    expect(
      (
        await coord.request('PUT', '/api/organisation/retention-settings', {
          peerNotesDays: 30,
          callbackDays: 60,
        })
      ).statusCode,
    ).toBe(403);
    expect((await coord.get('/api/organisation/retention-settings')).json()).toEqual({
      peerNotesDays: 90,
      callbackDays: 60,
    });

    const o = await as(organiser);
    const m = (await o.post('/api/peers/members', member({ alias: 'Vader Rachid', email: '' }))).json<{
      id: string;
    }>();
    const withdrawn = (await o.post(`/api/peers/members/${m.id}/withdraw`, {})).json<{
      notesEraseOn: string;
    }>();
    expect(withdrawn.notesEraseOn).toBe(day(t, 90));
    // The admin shortens the period: the member withdrawn already gets the new erasure day.
    const saved = await admin.request('PUT', '/api/organisation/retention-settings', {
      peerNotesDays: 30,
      callbackDays: 60,
    });
    expect(saved.json()).toEqual({ peerNotesDays: 30, callbackDays: 60 });
    await drain();
    expect((await o.get(`/api/peers/members/${m.id}`)).json()).toMatchObject({
      notesEraseOn: day(t, 30),
      notesErased: false,
    });
    t.clock.advance(31 * 86_400_000);
    await drain();
    expect((await (await as(organiser)).get(`/api/peers/members/${m.id}`)).json()).toMatchObject({
      notes: '',
      notesErased: true,
    });
    // A member withdrawn now gets the new period straight away.
    const later = await as(organiser);
    const next = (await later.post('/api/peers/members', member({ alias: 'Moeder Nadia', email: '' }))).json<{
      id: string;
    }>();
    expect(
      (await later.post(`/api/peers/members/${next.id}/withdraw`, {})).json<{ notesEraseOn: string }>()
        .notesEraseOn,
    ).toBe(day(t, 30));
    const po = await as(s.officer);
    const audit = (await po.get(`/api/audit?entity=organisation`)).json<{
      items: { action: string; changedFields: string[] }[];
    }>();
    expect(audit.items).toContainEqual(
      expect.objectContaining({
        action: 'organisation.retention_settings_update',
        changedFields: ['peer_notes_retention_days'],
      }),
    );
    expect(audit.items.map((i) => i.action)).toContain('peer.erasures_reschedule');
  });
});
