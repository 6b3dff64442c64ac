import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { inOrg } from '../../db/database.js';
import { testKinds } from '../../test/databases.js';
import { day, openCase, staffOrganisation, type Terms } from '../../test/cases-fixtures.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from '../../test/harness.js';
import { runDueJobs } from '../jobs/jobs.service.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { jobHandlers } from '../jobs/handlers.js';

const kinds = await testKinds();

describe.each(kinds)('cases on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  let coord: SignedIn;
  let coord2: SignedIn;
  let couns: SignedIn;
  let couns2: SignedIn;
  let analyst: SignedIn;
  let officer: SignedIn;
  let tx: Terms;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ admin, coord, coord2, couns, couns2, analyst, officer, tx, orgId } = await staffOrganisation(t));
    await makeEligible(t, coord.agent, couns.userId, { maxActiveCases: 20 });
    await makeEligible(t, coord.agent, couns2.userId);
  });
  afterAll(() => t.close());

  const as = (who: SignedIn) =>
    signIn(t, who, `10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);

  async function assignedCase(): Promise<{ caseId: string; c: Agent }> {
    const c = await as(coord);
    const { caseId } = await openCase(c, tx);
    expect((await c.post(`/api/cases/${caseId}/assign`, { counsellorId: couns.userId })).statusCode).toBe(
      204,
    );
    return { caseId, c };
  }

  it('shows a case to its counsellor and coordinators only; others get 404 (UI and API alike)', async () => {
    const { caseId } = await assignedCase();
    expect((await (await as(couns)).get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    expect((await (await as(coord)).get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    for (const who of [couns2, admin, analyst, officer]) {
      const res = await (await as(who)).get(`/api/cases/${caseId}`);
      expect(res.statusCode, who.email).toBe(404);
    }
    expect(
      (
        await (
          await as(couns2)
        ).post(`/api/cases/${caseId}/log`, {
          requestId: randomUUID(),
          occurredAt: new Date().toISOString(),
          channel: 'phone',
          durationMinutes: 5,
          note: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const list = (await (await as(couns2)).get('/api/cases')).json<{ items: { id: string }[] }>();
    expect(list.items.map((i) => i.id)).not.toContain(caseId);
    expect((await (await as(analyst)).get('/api/cases')).statusCode).toBe(403);
    expect((await (await as(admin)).get('/api/cases')).statusCode).toBe(403);
  });

  it('asks another coordinator for a reason, logs it, and then opens the case', async () => {
    const { caseId } = await assignedCase();
    const other = await as(coord2);
    const denied = await other.get(`/api/cases/${caseId}`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'reason_required' });
    expect((await other.post(`/api/cases/${caseId}/access`, { reason: 'no' })).statusCode).toBe(400);
    expect(
      (await other.post(`/api/cases/${caseId}/access`, { reason: 'Supervisie: counsellor is met vakantie' }))
        .statusCode,
    ).toBe(204);
    expect((await other.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    const po = await as(officer);
    const log = (await po.get(`/api/access-log?entity=case&entityId=${caseId}`)).json<{
      items: { actorId: string; purpose: string; reason: string | null }[];
    }>();
    expect(log.items).toContainEqual(
      expect.objectContaining({
        actorId: coord2.userId,
        purpose: 'access_granted',
        reason: 'Supervisie: counsellor is met vakantie',
      }),
    );
    expect(log.items.filter((i) => i.purpose === 'view').map((i) => i.actorId)).toEqual(
      expect.arrayContaining([coord2.userId]),
    );
  });

  it('logs every read of a case', async () => {
    const { caseId } = await assignedCase();
    const c = await as(couns);
    await c.get(`/api/cases/${caseId}`);
    await c.get(`/api/cases/${caseId}`);
    const rows = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('access_log')
        .select(['actor_id', 'purpose'])
        .where('entity', '=', 'case')
        .where('entity_id', '=', caseId)
        .where('actor_id', '=', couns.userId)
        .execute(),
    );
    expect(rows).toHaveLength(2);
  });

  it('records the work of a case, encrypted, and shows it back', async () => {
    const { caseId } = await assignedCase();
    const c = await as(couns);
    const subject = (
      await c.post(`/api/cases/${caseId}/subjects`, {
        alias: 'Y.',
        relationId: tx.byCode('relation', 'sibling'),
        ageBand: '16_17',
        gender: 'male',
        municipality: 'Utrecht',
      })
    ).json<{ id: string }>();
    expect(
      (
        await c.post(`/api/cases/${caseId}/status-events`, {
          subjectId: subject.id,
          status: 'concerns_reported',
          occurredOn: day(t, -10),
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await c.post(`/api/cases/${caseId}/status-events`, {
          subjectId: subject.id,
          status: 'at_home',
          occurredOn: day(t),
        })
      ).statusCode,
    ).toBe(201);
    await c.post(`/api/cases/${caseId}/observations`, {
      kind: 'signal',
      observedOn: day(t, -3),
      text: 'Breekt contact met vrienden af',
    });
    await c.post(`/api/cases/${caseId}/observations`, {
      kind: 'protective',
      observedOn: day(t),
      text: 'Goede band met oma',
    });
    const goal = (await c.post(`/api/cases/${caseId}/goals`, { text: 'Moeder voelt zich gesteund' })).json<{
      id: string;
    }>();
    expect((await c.patch(`/api/cases/${caseId}/goals/${goal.id}`, { status: 'achieved' })).statusCode).toBe(
      200,
    );
    const log = {
      requestId: randomUUID(),
      occurredAt: t.clock.now().toISOString(),
      channel: 'phone',
      durationMinutes: 20,
      withWhom: 'moeder',
      note: 'Moeder is rustiger, zoon wil de imam spreken',
    };
    const first = (await c.post(`/api/cases/${caseId}/log`, log)).json<{ id: string }>();
    expect((await c.post(`/api/cases/${caseId}/log`, log)).json<{ id: string }>().id).toBe(first.id);
    await c.post(`/api/cases/${caseId}/interventions`, {
      interventionId: tx.byCode('intervention', 'I3'),
      occurredOn: day(t),
    });
    const bad = await c.post(`/api/cases/${caseId}/interventions`, {
      interventionId: tx.byCode('category', 'C1'),
      occurredOn: day(t),
    });
    expect(bad.json()).toMatchObject({ errors: [{ field: 'interventionId', reason: 'unknown_term' }] });
    await c.post(`/api/cases/${caseId}/tasks`, {
      title: 'Terugbellen na gesprek met imam',
      dueOn: day(t, 3),
    });
    const detail = (await c.get(`/api/cases/${caseId}`)).json<
      Record<string, unknown[]> & {
        abilities: Record<string, boolean>;
      }
    >();
    expect(detail.statusEvents).toHaveLength(2);
    expect(detail.observations).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'protective', text: 'Goede band met oma' })]),
    );
    expect(detail.goals).toEqual([expect.objectContaining({ status: 'achieved' })]);
    expect((detail.log as { intake: boolean }[]).filter((l) => !l.intake)).toEqual([
      expect.objectContaining({ note: log.note, durationMinutes: 20 }),
    ]);
    expect(detail.interventions).toHaveLength(1);
    expect(detail.tasks).toEqual([
      expect.objectContaining({ title: 'Terugbellen na gesprek met imam', kind: 'follow_up' }),
    ]);
    expect(detail.abilities).toMatchObject({ canEdit: true, canAssign: false });
    const raw = await t.asOwner(
      async (db) =>
        (
          await db
            .selectFrom('case_log')
            .select('note_enc')
            .where('id', '=', first.id)
            .executeTakeFirstOrThrow()
        ).note_enc,
    );
    expect(Buffer.from(raw).toString('latin1')).not.toContain('imam');
  });

  it('enforces the state machine and who may move a case', async () => {
    const c = await as(coord);
    const { caseId } = await openCase(c, tx);
    const tryMove = (a: Agent, to: string, extra: object = {}) =>
      a.post(`/api/cases/${caseId}/transition`, { to, ...extra });
    expect((await tryMove(c, 'aftercare')).json()).toMatchObject({ code: 'invalid_transition' });
    expect((await tryMove(c, 'matching')).statusCode).toBe(204);
    await c.post(`/api/cases/${caseId}/assign`, { counsellorId: couns.userId });
    const counsellor = await as(couns);
    expect((await tryMove(counsellor, 'matching')).json()).toMatchObject({ code: 'invalid_transition' });
    const closure = tx.byCode('closure', 'goal_reached');
    expect((await tryMove(counsellor, 'aftercare', { closureId: closure })).json()).toMatchObject({
      errors: [{ field: 'supportLevel' }],
    });
    await counsellor.patch(`/api/cases/${caseId}`, { supportLevel: 'moderate' });
    expect((await tryMove(counsellor, 'aftercare')).json()).toMatchObject({
      errors: [{ field: 'closureId' }],
    });
    expect((await tryMove(counsellor, 'aftercare', { closureId: closure })).statusCode).toBe(204);
    const detail = (await counsellor.get(`/api/cases/${caseId}`)).json<{
      state: string;
      allowedTransitions: string[];
      tasks: { kind: string; dueOn: string }[];
    }>();
    expect(detail.state).toBe('aftercare');
    expect(detail.allowedTransitions).toEqual([]);
    expect(detail.tasks.filter((x) => x.kind === 'aftercare').map((x) => x.dueOn)).toEqual([
      day(t, 30),
      day(t, 61),
      day(t, 91),
    ]);
    expect((await tryMove(c, 'active')).statusCode).toBe(204);
    expect((await c.get(`/api/cases/${caseId}`)).json<{ state: string }>().state).toBe('active');
  });

  it('records a hand-over to the municipality with which one and when', async () => {
    const { caseId } = await assignedCase();
    const c = await as(couns);
    const handover = tx.byCode('closure', 'handover_municipality');
    const missing = await c.post(`/api/cases/${caseId}/transition`, { to: 'closed', closureId: handover });
    expect(
      missing
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['handoverMunicipality', 'handoverOn']);
    expect(
      (
        await c.post(`/api/cases/${caseId}/transition`, {
          to: 'closed',
          closureId: handover,
          handoverMunicipality: 'Utrecht',
          handoverOn: day(t),
        })
      ).statusCode,
    ).toBe(204);
    const detail = (await (await as(coord)).get(`/api/cases/${caseId}`)).json<{
      handoverMunicipality: string;
      state: string;
    }>();
    expect(detail).toMatchObject({ state: 'closed', handoverMunicipality: 'Utrecht' });
  });

  it('reminds the counsellor on the day an aftercare check is due, through a durable job', async () => {
    const { caseId } = await assignedCase();
    const c = await as(couns);
    await c.patch(`/api/cases/${caseId}`, { supportLevel: 'light' });
    await c.post(`/api/cases/${caseId}/transition`, {
      to: 'aftercare',
      closureId: tx.byCode('closure', 'goal_reached'),
    });
    await runDueJobs(t.deps, jobHandlers, 'test');
    const before = (await (await as(couns)).get('/api/my-work')).json<{
      alerts: { caseId: string; kind: string }[];
    }>().alerts;
    expect(before.filter((a) => a.caseId === caseId)).toEqual([]);
    t.clock.advance(92 * 86_400_000);
    while ((await runDueJobs(t.deps, jobHandlers, 'test')) > 0) {
      /* drain */
    }
    const work = (await (await as(couns)).get('/api/my-work')).json<{
      alerts: { caseId: string; kind: string }[];
      tasks: { caseId: string; overdue: boolean }[];
    }>();
    expect(work.alerts).toContainEqual(expect.objectContaining({ caseId, kind: 'task_due' }));
    expect(work.tasks).toContainEqual(expect.objectContaining({ caseId, overdue: true }));
    const coordWork = (await (await as(coord)).get('/api/my-work')).json<{
      overdueAftercare: { caseId: string }[];
    }>();
    expect(coordWork.overdueAftercare.map((x) => x.caseId)).toContain(caseId);
  });

  it('filters, sorts and pages the case list on the server', async () => {
    const c = await as(coord);
    const urgentOne = await openCase(c, tx, { immediateDanger: true, municipality: 'Zeist' });
    for (let i = 0; i < 4; i++) {
      t.clock.advance(60_000);
      await openCase(c, tx, { municipality: 'Zeist' });
    }
    const zeist = (await c.get('/api/cases?municipality=zeist&limit=2')).json<{
      items: { id: string; openedAt: string }[];
      next: string;
    }>();
    expect(zeist.items).toHaveLength(2);
    const page2 = (await c.get(`/api/cases?municipality=zeist&limit=2&after=${zeist.next}`)).json<{
      items: { id: string; openedAt: string }[];
      next: string;
    }>();
    const page3 = (await c.get(`/api/cases?municipality=zeist&limit=2&after=${page2.next}`)).json<{
      items: { id: string }[];
      next: string | null;
    }>();
    const ids = [...zeist.items, ...page2.items, ...page3.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(5);
    expect(page3.next).toBeNull();
    expect(zeist.items[0]!.openedAt >= zeist.items[1]!.openedAt).toBe(true);
    const urgent = (await c.get('/api/cases?urgent=true&municipality=Zeist')).json<{
      items: { id: string }[];
    }>();
    expect(urgent.items.map((i) => i.id)).toEqual([urgentOne.caseId]);
    const asc = (await c.get('/api/cases?municipality=Zeist&sort=opened_asc&limit=1')).json<{
      items: { id: string }[];
    }>();
    expect(asc.items[0]!.id).toBe(urgentOne.caseId);
    expect((await c.get('/api/cases?state=nonsense')).statusCode).toBe(400);
  });

  it('keeps historical records when an admin relabels or retires a term', async () => {
    const c = await as(coord);
    const catId = tx.byCode('category', 'C7');
    const { caseId } = await openCase(c, tx, { categoryId: catId });
    const a = await as(admin);
    const labels = {
      nl: 'Zorg om broers en zussen',
      en: 'Worry about siblings',
      ar: 'القلق على الإخوة',
      tr: 'Kardeşler için endişe',
    };
    expect((await a.patch(`/api/taxonomies/${catId}`, { labels, active: false })).statusCode).toBe(200);
    expect((await c.get(`/api/cases/${caseId}`)).json<{ categoryId: string }>().categoryId).toBe(catId);
    const refused = await c.post('/api/intake', {
      ...(await import('../../test/cases-fixtures.js')).intakeBody(tx, { categoryId: catId }),
    });
    expect(refused.json()).toMatchObject({ errors: [{ field: 'categoryId', reason: 'unknown_term' }] });
    expect((await c.patch(`/api/taxonomies/${catId}`, { active: true })).statusCode).toBe(403);
    const created = await a.post('/api/taxonomies', { kind: 'category', code: 'C11', labels });
    expect(created.statusCode).toBe(201);
    expect((await a.post('/api/taxonomies', { kind: 'category', code: 'c11', labels })).statusCode).toBe(409);
  });

  it('cancels the open aftercare check-ins when a case is reopened', async () => {
    const c = await as(coord);
    const { caseId } = await openCase(c, tx);
    await c.post(`/api/cases/${caseId}/assign`, { counsellorId: couns.userId });
    await c.patch(`/api/cases/${caseId}`, { supportLevel: 'moderate' });
    await c.post(`/api/cases/${caseId}/transition`, {
      to: 'aftercare',
      closureId: tx.byCode('closure', 'goal_reached'),
    });
    expect((await c.get(`/api/cases/${caseId}`)).json<{ tasks: unknown[] }>().tasks).toHaveLength(3);
    await c.post(`/api/cases/${caseId}/transition`, { to: 'active' });
    expect((await c.get(`/api/cases/${caseId}`)).json<{ tasks: unknown[] }>().tasks).toHaveLength(0);
    await c.post(`/api/cases/${caseId}/transition`, {
      to: 'aftercare',
      closureId: tx.byCode('closure', 'goal_reached'),
    });
    expect((await c.get(`/api/cases/${caseId}`)).json<{ tasks: unknown[] }>().tasks).toHaveLength(3);
  });

  it('adds nothing twice when a save is retried with the same request id', async () => {
    const { caseId } = await assignedCase();
    const c = await as(couns);
    const requestId = randomUUID();
    const body = { requestId, kind: 'protective', observedOn: day(t), text: 'Gaat weer naar voetbal' };
    const [x, y] = await Promise.all([
      c.post(`/api/cases/${caseId}/observations`, body),
      c.post(`/api/cases/${caseId}/observations`, body),
    ]);
    const again = await c.post(`/api/cases/${caseId}/observations`, body);
    expect(
      new Set([x.json<{ id: string }>().id, y.json<{ id: string }>().id, again.json<{ id: string }>().id])
        .size,
    ).toBe(1);
    const detail = (await c.get(`/api/cases/${caseId}`)).json<{ observations: unknown[] }>();
    expect(detail.observations).toHaveLength(1);
    const reused = await c.post(`/api/cases/${caseId}/goals`, { requestId, text: 'Iets anders' });
    expect(reused.statusCode).toBe(409);
  });
});
