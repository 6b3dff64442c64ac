import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { openCase, staffOrganisation, type Terms } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, inviteAndActivate, signIn, type SignedIn, type TestApp } from '../../test/harness.js';
import type { EmergencyRequest } from '../../../shared/emergency.schema.js';
import type { FourEyesHealth } from '../../../shared/four-eyes.schema.js';
import type { Problem } from '../../../shared/problem.schema.js';

const kinds = await testKinds();
const DAY = 86_400_000;

describe.each(kinds)('emergency path and four eyes on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  let coord: SignedIn;
  let coord2: SignedIn;
  let couns: SignedIn;
  let analyst: SignedIn;
  let officer: SignedIn;
  let tx: Terms;
  let orgId: string;
  let municipality: string;
  let healthAtStart: { approvers: { eligible: unknown[]; independentPair: boolean } };

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ admin, coord, coord2, couns, analyst, officer, tx, orgId } = await staffOrganisation(t));
    await makeEligible(t, coord.agent, couns.userId, { maxActiveCases: 20 });
    municipality = (
      await coord.agent.post('/api/partners', {
        name: 'Gemeente Utrecht, team Zorg en Veiligheid',
        type: 'municipality',
        municipality: 'Utrecht',
      })
    ).json<{ id: string }>().id;
    healthAtStart = (await officer.agent.get('/api/four-eyes/health')).json<FourEyesHealth>();
    // Every account is new on the first day; the emergency path opens to them after the organisation minimum.
    t.clock.advance(8 * DAY);
  });
  afterAll(() => t.close());

  const as = (who: SignedIn) =>
    signIn(t, who, `10.5.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);

  /** A case opened (and so coordinated) by `by`, assigned to the counsellor. */
  async function assignedCase(by: SignedIn = coord): Promise<{ caseId: string; reference: string }> {
    const c = await as(by);
    const { caseId, reference } = await openCase(c, tx, { summary: 'Zoon trekt zich terug SUMMARY-MARKER' });
    expect((await c.post(`/api/cases/${caseId}/assign`, { counsellorId: couns.userId })).statusCode).toBe(
      204,
    );
    return { caseId, reference };
  }

  const REASON = 'Zoon heeft vertrek aangekondigd voor morgen; direct gevaar voor zijn leven.';
  const body = (over: Record<string, unknown> = {}) => ({
    requestId: randomUUID(),
    ground: 'danger_to_life',
    legalBasis: 'vital_interest',
    reason: REASON,
    partnerId: municipality,
    categories: ['contact_details', 'person_status'],
    channel: 'phone',
    informCaller: false,
    noInformReason: 'Vader is zelf betrokken; informeren brengt de moeder in gevaar.',
    ...over,
  });
  const requests = () =>
    inOrg(t.deps.db, orgId, async (trx) =>
      Number(
        (
          await trx
            .selectFrom('emergency_requests')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
  async function start(by: SignedIn, over: Record<string, unknown> = {}): Promise<string> {
    const { caseId } = await assignedCase(by);
    const res = await (await as(by)).post(`/api/cases/${caseId}/emergency`, body(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  }

  it('runs the emergency path with four eyes: nobody approves their own request', async () => {
    const { caseId } = await assignedCase();
    const c = await as(coord);
    expect((await (await as(couns)).post(`/api/cases/${caseId}/emergency`, body())).statusCode).toBe(403);
    const bad = await c.post(`/api/cases/${caseId}/emergency`, body({ noInformReason: '' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.field).toBe('noInformReason');
    const req = await c.post(`/api/cases/${caseId}/emergency`, body());
    expect(req.statusCode).toBe(201);
    expect(req.json()).toMatchObject({ status: 'pending', canDecide: false, canDisclose: false });
    const id = req.json<{ id: string }>().id;

    expect((await c.post(`/api/emergency-requests/${id}/disclose`)).statusCode).toBe(403);
    const self = await c.post(`/api/emergency-requests/${id}/decision`, { decision: 'approve' });
    expect(self.statusCode).toBe(403);
    expect(self.json<Problem>().code).toBe('not_independent');
    for (const who of [couns, analyst, officer])
      expect(
        (await (await as(who)).post(`/api/emergency-requests/${id}/decision`, { decision: 'approve' }))
          .statusCode,
      ).toBe(403);
    const second = await as(coord2);
    const queue = (await second.get('/api/emergency-requests?status=pending')).json<{ items: unknown[] }>()
      .items;
    expect(queue).toContainEqual(expect.objectContaining({ id, canDecide: true, reason: REASON }));
    expect(
      (await second.get('/api/my-work')).json<{ alerts: { kind: string }[] }>().alerts.map((a) => a.kind),
    ).toContain('emergency_request');
    await expect(
      inOrg(t.deps.db, orgId, (trx) =>
        trx
          .updateTable('emergency_requests')
          .set({ status: 'approved', decided_by: coord.userId, decided_at: t.clock.now() })
          .where('id', '=', id)
          .execute(),
      ),
    ).rejects.toThrow(/emergency_four_eyes/);

    const approved = await second.post(`/api/emergency-requests/${id}/decision`, { decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { id: coord2.userId } });
    const disclosed = await c.post(`/api/emergency-requests/${id}/disclose`);
    expect(disclosed.json()).toMatchObject({ status: 'disclosed' });
  });

  it('refuses the summary before approval with its own error, not a consent error', async () => {
    const id = await start(coord);
    const c = await as(coord);
    const res = await c.get(`/api/emergency-requests/${id}/summary`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'approval_required' });
    expect(res.json<Problem>().title).not.toMatch(/consent/i);
    expect((await c.get(`/api/emergency-requests/${id}/summary.pdf`)).json<Problem>().code).toBe(
      'approval_required',
    );
    await (await as(coord2)).post(`/api/emergency-requests/${id}/decision`, { decision: 'approve' });
    expect((await c.get(`/api/emergency-requests/${id}/summary`)).statusCode).toBe(200);
    // A lapsed approval says so, with the same code.
    t.clock.advance(25 * 3_600_000);
    const lapsed = await (await as(coord)).get(`/api/emergency-requests/${id}/summary`);
    expect(lapsed.json()).toMatchObject({
      code: 'approval_required',
      detail: expect.stringMatching(/lapsed/),
    });
  });

  it('refuses an admin who invited the requester as the second person, and the database does too', async () => {
    const id = await start(coord);
    const a = await as(admin);
    const listed = (await a.get('/api/emergency-requests?status=pending')).json<{
      items: {
        id: string;
        canDecide: boolean;
      }[];
    }>().items;
    expect(listed.find((r) => r.id === id)?.canDecide).toBe(false);
    // The admin invited the requester 8 days ago: not independent.
    const res = await a.post(`/api/emergency-requests/${id}/decision`, { decision: 'approve' });
    expect(res.statusCode).toBe(403);
    expect(res.json<Problem>().code).toBe('not_independent');
    await expect(
      inOrg(t.deps.db, orgId, (trx) =>
        trx
          .updateTable('emergency_requests')
          .set({ status: 'approved', decided_by: admin.userId, decided_at: t.clock.now() })
          .where('id', '=', id)
          .execute(),
      ),
    ).rejects.toThrow(/emergency_independence/);
    const row = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('emergency_requests')
        .select(['status', 'decided_by'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ status: 'pending', decided_by: null });
    // An untied coordinator still can.
    expect(
      (
        await (await as(coord2)).post(`/api/emergency-requests/${id}/decision`, { decision: 'approve' })
      ).json<EmergencyRequest>().status,
    ).toBe('approved');
  });

  it('ties people the other way round too: a requester who invited the approver', async () => {
    const a = await as(admin);
    // A second admin invites a coordinator, then is made a coordinator (which restarts their own window).
    const admin2 = await inviteAndActivate(t, a, 'admin');
    const invitedByAdmin2 = await inviteAndActivate(t, await as(admin2), 'coordinator');
    expect(
      (await (await as(admin)).patch(`/api/users/${admin2.userId}`, { role: 'coordinator' })).statusCode,
    ).toBe(200);
    t.clock.advance(8 * DAY);
    const id = await start(admin2);
    // The requester invited this coordinator: refused, although the approver did nothing to the requester.
    const res = await (
      await as(invitedByAdmin2)
    ).post(`/api/emergency-requests/${id}/decision`, {
      decision: 'approve',
    });
    expect(res.json<Problem>().code).toBe('not_independent');
    // The admin changed the requester's role: tied too.
    expect(
      (
        await (await as(admin)).post(`/api/emergency-requests/${id}/decision`, { decision: 'approve' })
      ).json<Problem>().code,
    ).toBe('not_independent');
    // Someone untied to the requester may decide.
    expect(
      (
        await (await as(coord2)).post(`/api/emergency-requests/${id}/decision`, { decision: 'approve' })
      ).json<EmergencyRequest>().status,
    ).toBe('approved');
  });

  it('keeps accounts new in their role off the emergency path, counting from the last role change', async () => {
    const a = await as(admin);
    const fresh = await inviteAndActivate(t, a, 'coordinator');
    const { caseId } = await assignedCase();
    const before = await requests();
    const refused = await (await as(fresh)).post(`/api/cases/${caseId}/emergency`, body());
    expect(refused.statusCode).toBe(403);
    expect(refused.json<Problem>().code).toBe('account_too_new');
    expect(await requests()).toBe(before);
    // Nor may a new account approve.
    const id = await start(coord);
    const approve = await (
      await as(fresh)
    ).post(`/api/emergency-requests/${id}/decision`, { decision: 'approve' });
    expect(approve.json<Problem>().code).toBe('account_too_new');
    // A long-standing counsellor promoted to coordinator starts the count again.
    const promoted = await inviteAndActivate(t, a, 'counsellor');
    t.clock.advance(8 * DAY);
    await (await as(admin)).patch(`/api/users/${promoted.userId}`, { role: 'coordinator' });
    const p = await as(promoted);
    expect((await p.post(`/api/cases/${caseId}/emergency`, body())).json<Problem>().code).toBe(
      'account_too_new',
    );
    // The organisation may ask for longer, never for less than a day.
    expect(
      (
        await (
          await as(admin)
        ).request('PUT', '/api/organisation/emergency-settings', {
          minAccountDays: 0,
          seriousCrimeAllowed: false,
        })
      ).statusCode,
    ).toBe(400);
    // Once the period has passed, the new coordinator may start one.
    t.clock.advance(7 * DAY);
    const own = await assignedCase(fresh);
    expect((await (await as(fresh)).post(`/api/cases/${own.caseId}/emergency`, body())).statusCode).toBe(201);
  });

  it('tells every other admin and the privacy officer of each invite, role change and MFA reset', async () => {
    const a = await as(admin);
    const admin3 = await inviteAndActivate(t, a, 'admin');
    const target = await inviteAndActivate(t, a, 'counsellor');
    await (await as(admin)).patch(`/api/users/${target.userId}`, { role: 'coordinator' });
    await (await as(admin)).post(`/api/users/${target.userId}/reset-mfa`);
    const about = (items: { event: { kind: string; subject: { id: string } } }[]) =>
      items.filter((i) => i.event.subject.id === target.userId).map((i) => i.event.kind);
    for (const watcher of [officer, admin3]) {
      const res = await (await as(watcher)).get('/api/account-alerts');
      expect(res.statusCode).toBe(200);
      expect(about(res.json<{ items: Parameters<typeof about>[0] }>().items).sort()).toEqual([
        'invite',
        'mfa_reset',
        'role_change',
      ]);
    }
    // The admin who made the change is not alerted about it; others in no watching role cannot look.
    expect(
      about(
        (await (await as(admin)).get('/api/account-alerts')).json<{ items: Parameters<typeof about>[0] }>()
          .items,
      ),
    ).toEqual([]);
    for (const who of [coord, couns, analyst])
      expect((await (await as(who)).get('/api/account-alerts')).statusCode).toBe(403);
    // An e-mail, without content, is queued for each of them.
    const jobs = await inOrg(t.deps.db, orgId, (trx) =>
      trx.selectFrom('jobs').select(['payload']).where('kind', '=', 'email.notice').execute(),
    );
    const notices = jobs.map((j) => j.payload as { userId: string; kind: string });
    expect(notices).toContainEqual({ userId: officer.userId, kind: 'account_change' });
    expect(notices).toContainEqual({ userId: admin3.userId, kind: 'account_change' });
  });

  it('gives the privacy officer a four-eyes health view without case content, and nobody else', async () => {
    expect(healthAtStart.approvers).toEqual({ eligible: [], independentPair: false });
    const { reference } = await assignedCase();
    for (const who of [admin, coord, couns, analyst])
      expect((await (await as(who)).get('/api/four-eyes/health')).statusCode).toBe(403);
    const res = await (await as(officer)).get('/api/four-eyes/health');
    expect(res.statusCode).toBe(200);
    const health = res.json<FourEyesHealth>();
    expect(health.settings).toEqual({ minAccountDays: 7, tieDays: 30, seriousCrimeAllowed: false });
    expect(health.approvers.independentPair).toBe(true);
    expect(health.approvers.eligible.map((p) => p.id)).toEqual(
      expect.arrayContaining([coord.userId, coord2.userId]),
    );
    const decided = health.requests.find(
      (r) => r.requester.id === coord.userId && r.decider?.id === coord2.userId,
    );
    expect(decided).toMatchObject({ ties: [], sameInviter: true });
    expect(decided?.requester.daysInRole).toBeGreaterThanOrEqual(8);
    expect(health.accountEvents.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['invite', 'role_change', 'mfa_reset']),
    );
    expect(health.newAccounts.length).toBeGreaterThan(0);
    const text = JSON.stringify(health);
    expect(text).not.toContain(REASON);
    expect(text).not.toContain('SUMMARY-MARKER');
    expect(text).not.toContain(reference);
  });

  it('accepts serious crime as a ground only when the organisation names it, and keeps old requests readable', async () => {
    const { caseId } = await assignedCase();
    const c = await as(coord);
    expect((await c.get('/api/organisation/emergency-settings')).json()).toEqual({
      minAccountDays: 7,
      seriousCrimeAllowed: false,
    });
    const before = await requests();
    const refused = await c.post(`/api/cases/${caseId}/emergency`, body({ ground: 'serious_crime' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json<Problem>().errors).toEqual([
      expect.objectContaining({ field: 'ground', reason: 'ground_not_allowed' }),
    ]);
    expect(await requests()).toBe(before);
    // Coordinators cannot change it; the admin can.
    const settings = { minAccountDays: 7, seriousCrimeAllowed: true };
    expect((await c.request('PUT', '/api/organisation/emergency-settings', settings)).statusCode).toBe(403);
    const a = await as(admin);
    expect((await a.request('PUT', '/api/organisation/emergency-settings', settings)).json()).toEqual(
      settings,
    );
    const ok = await (
      await as(coord)
    ).post(`/api/cases/${caseId}/emergency`, body({ ground: 'serious_crime' }));
    expect(ok.statusCode).toBe(201);
    // Switched off again: the request made meanwhile stays readable.
    await (
      await as(admin)
    ).request('PUT', '/api/organisation/emergency-settings', {
      ...settings,
      seriousCrimeAllowed: false,
    });
    const list = (await (await as(coord)).get(`/api/cases/${caseId}/emergency`)).json<{ items: unknown[] }>()
      .items;
    expect(list).toContainEqual(
      expect.objectContaining({ id: ok.json<{ id: string }>().id, ground: 'serious_crime' }),
    );
  });
});
