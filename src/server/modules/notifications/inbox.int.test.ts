import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList } from '../../../shared/notifications.schema.js';
import { day, openCase, staffOrganisation, type Staff } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import {
  Agent,
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';
import { jobHandlers } from '../jobs/handlers.js';
import { runDueJobs } from '../jobs/jobs.service.js';

const kinds = await testKinds();

describe.each(kinds)('in-app notifications on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let zuid: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    // A second organisation on the same installation: set-up runs once, so release the claim first.
    await t.asOwner((db) => sql`delete from installation`.execute(db));
    const zuidAdmin = await setupOrganisation(t, 'Steunpunt Zuid', 'admin@zuid.example');
    zuid = await inviteAndActivate(t, zuidAdmin.agent, 'coordinator', 'coord@zuid.example');
    await makeEligible(t, s.coord.agent, s.couns.userId, { maxActiveCases: 20 });
    await makeEligible(t, s.coord.agent, s.couns2.userId, { maxActiveCases: 20 });
  });
  afterAll(() => t.close());

  const as = (who: SignedIn) =>
    signIn(t, who, `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
  const inbox = async (agent: Agent) => (await agent.get('/api/notifications')).json<NotificationList>();
  const unread = async (agent: Agent) =>
    (await agent.get('/api/notifications/unread-count')).json<{ unread: number }>().unread;
  const drain = async () => {
    while ((await runDueJobs(t.deps, jobHandlers, 'inbox')) > 0) {
      /* drain */
    }
  };

  async function offered(counsellor: SignedIn) {
    const c = await as(s.coord);
    const { caseId, reference } = await openCase(c, s.tx, {
      callerAlias: 'Umm Yusuf',
      summary: 'Zoon praat over uitreizen',
    });
    expect(
      (await c.post(`/api/cases/${caseId}/offers`, { counsellorId: counsellor.userId })).statusCode,
    ).toBe(201);
    const k = await as(counsellor);
    const offers = (await k.get('/api/offers')).json<{ items: { id: string; caseId: string }[] }>();
    return { caseId, reference, offerId: offers.items.find((o) => o.caseId === caseId)!.id, k };
  }

  /** The alert is in every coordinator's list with the reference only, and in nobody else's. */
  async function expectCoordinatorsAlerted(kindName: string, caseId: string, reference: string) {
    for (const coordinator of [s.coord, s.coord2]) {
      const list = await inbox(await as(coordinator));
      const item = list.items.find((i) => i.caseId === caseId && i.kind === kindName);
      expect(item, `${kindName} for ${coordinator.email}`).toMatchObject({
        caseReference: reference,
        readAt: null,
      });
      const body = JSON.stringify(list);
      for (const secret of ['Umm Yusuf', 'uitreizen']) expect(body).not.toContain(secret);
    }
    for (const other of [s.couns2, s.admin, s.analyst, s.officer, zuid]) {
      const list = await inbox(await as(other));
      expect(list.items.filter((i) => i.caseId === caseId && i.kind === kindName)).toEqual([]);
    }
  }

  it('tells the coordinators when a counsellor accepts an offer', async () => {
    const { caseId, reference, offerId, k } = await offered(s.couns);
    expect((await k.post(`/api/offers/${offerId}/respond`, { accept: true })).statusCode).toBe(204);
    await expectCoordinatorsAlerted('offer_accepted', caseId, reference);
  });

  it('tells the coordinators when a counsellor declines an offer', async () => {
    const { caseId, reference, offerId, k } = await offered(s.couns);
    const res = await k.post(`/api/offers/${offerId}/respond`, { accept: false, reason: 'no_time' });
    expect(res.statusCode).toBe(204);
    await expectCoordinatorsAlerted('offer_declined', caseId, reference);
  });

  it('tells the coordinators when an offer expires unanswered', async () => {
    const { caseId, reference } = await offered(s.couns);
    await drain();
    t.clock.advance(24 * 3_600_000 + 1000);
    await drain();
    await expectCoordinatorsAlerted('offer_expired', caseId, reference);
  });

  it('tells the assigned counsellor when a task is due, and nobody else', async () => {
    const c = await as(s.coord);
    const { caseId, reference } = await openCase(c, s.tx);
    expect((await c.post(`/api/cases/${caseId}/assign`, { counsellorId: s.couns.userId })).statusCode).toBe(
      204,
    );
    const k = await as(s.couns);
    const task = await k.post(`/api/cases/${caseId}/tasks`, {
      title: 'Moeder terugbellen',
      dueOn: day(t, 1),
    });
    expect(task.statusCode).toBe(201);
    await drain();
    expect((await inbox(await as(s.couns))).items.filter((i) => i.caseId === caseId)).toEqual([]);
    t.clock.advance(2 * 86_400_000);
    await drain();
    const list = await inbox(await as(s.couns));
    expect(list.items).toContainEqual(
      expect.objectContaining({ kind: 'task_due', caseId, caseReference: reference, readAt: null }),
    );
    expect(JSON.stringify(list)).not.toContain('terugbellen');
    for (const other of [s.couns2, s.coord, zuid]) {
      const items = (await inbox(await as(other))).items;
      expect(items.filter((i) => i.kind === 'task_due' && i.caseId === caseId)).toEqual([]);
    }
  });

  it('counts unread notifications, marks one and then all read, only for their addressee', async () => {
    const me = await as(s.coord);
    const before = await inbox(me);
    expect(before.unread).toBeGreaterThanOrEqual(3);
    expect(await unread(me)).toBe(before.unread);
    expect(before.items.filter((i) => i.readAt === null)).toHaveLength(before.unread);
    const first = before.items.find((i) => i.readAt === null)!;

    // Someone else cannot touch it, in this organisation or another.
    for (const other of [s.coord2, zuid]) {
      expect((await (await as(other)).post(`/api/alerts/${first.id}/read`)).statusCode).toBe(404);
    }
    expect(await unread(me)).toBe(before.unread);

    expect((await me.post(`/api/alerts/${first.id}/read`)).statusCode).toBe(204);
    expect(await unread(me)).toBe(before.unread - 1);
    expect((await inbox(me)).items.find((i) => i.id === first.id)!.readAt).not.toBeNull();

    const coord2Before = await unread(await as(s.coord2));
    const all = await me.post('/api/notifications/read-all');
    expect(all.statusCode).toBe(200);
    expect(await unread(me)).toBe(0);
    expect((await inbox(me)).items.every((i) => i.readAt !== null)).toBe(true);
    // The other coordinator's copies stay unread.
    expect(await unread(await as(s.coord2))).toBe(coord2Before);
    expect(coord2Before).toBeGreaterThan(0);

    const log = (await (await as(s.officer)).get(`/api/audit?entityId=${s.coord.userId}`)).json<{
      items: { action: string }[];
    }>();
    expect(log.items.map((i) => i.action)).toContain('notification.read_all');
  });

  it('answers 401 without a session', async () => {
    const anon = new Agent(t);
    expect((await anon.get('/api/notifications/unread-count')).statusCode).toBe(401);
    expect((await anon.get('/api/notifications')).statusCode).toBe(401);
  });
});
