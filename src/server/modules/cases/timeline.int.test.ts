import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timeline } from '../../../shared/timeline.schema.js';
import { inOrg } from '../../db/database.js';
import { day, openCase, staffOrganisation, terms, type Staff } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';
import { signaturePng } from '../../test/pdf-text.js';
import { getTimeline } from './timeline.service.js';

const kinds = await testKinds();

describe.each(kinds)('the case timeline on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let caseId: string;
  let otherOrgCase: string;
  let otherOrgCoord: SignedIn;
  let ip = 0;
  const as = (who: SignedIn) => signIn(t, who, `10.9.3.${++ip}`);

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    await makeEligible(t, s.coord.agent, s.couns.userId, { maxActiveCases: 20 });
    ({ caseId } = await openCase(s.coord.agent, s.tx, { summary: 'Zoon trekt zich terug' }));
    // Another organisation on the same installation, with a case of its own.
    await t.asOwner((db) => sql`delete from installation`.execute(db));
    const adminB = await setupOrganisation(t, 'Steunpunt Zuid', 'admin@zuid.example');
    otherOrgCoord = await inviteAndActivate(t, adminB.agent, 'coordinator', 'coord@zuid.example');
    ({ caseId: otherOrgCase } = await openCase(otherOrgCoord.agent, await terms(otherOrgCoord.agent)));
  }, 600_000);
  afterAll(() => t.close());

  const timeline = async (who: SignedIn, id = caseId, query = '') => {
    const res = await (await as(who)).get(`/api/cases/${id}/timeline${query}`);
    return { status: res.statusCode, body: res.json<Timeline & { code?: string }>() };
  };

  it('merges the intake call, state changes, statuses, interventions, consents and referrals, newest first', async () => {
    const c = await as(s.coord);
    expect((await c.post(`/api/cases/${caseId}/assign`, { counsellorId: s.couns.userId })).statusCode).toBe(
      204,
    );
    const n = await as(s.couns);
    const subject = await n.post(`/api/cases/${caseId}/subjects`, { requestId: randomUUID(), alias: 'Y.' });
    expect(subject.statusCode).toBe(201);
    t.clock.advance(60_000);
    const status = await n.post(`/api/cases/${caseId}/status-events`, {
      requestId: randomUUID(),
      subjectId: subject.json<{ id: string }>().id,
      status: 'abroad',
      occurredOn: day(t),
      note: 'Vertrokken naar het buitenland',
    });
    expect(status.statusCode).toBe(201);
    t.clock.advance(60_000);
    const added = await n.post(`/api/cases/${caseId}/interventions`, {
      requestId: randomUUID(),
      interventionId: s.tx.byCode('intervention', 'I1'),
      occurredOn: day(t),
    });
    expect(added.statusCode).toBe(201);
    t.clock.advance(60_000);
    const partner = (
      await c.post('/api/partners', {
        name: 'GGZ Centraal',
        type: 'mental_health',
        municipality: 'Utrecht',
      })
    ).json<{ id: string }>().id;
    const consent = await n.post(`/api/cases/${caseId}/consents`, {
      requestId: randomUUID(),
      givenBy: 'Moeder Amina',
      categories: ['concern_summary'],
      partnerId: partner,
      partnerType: null,
      purpose: 'care_referral',
      givenOn: day(t),
      language: 'nl',
      method: 'signature_drawn',
      drawnSignature: signaturePng(60, 18).toString('base64'),
    });
    expect(consent.statusCode, consent.body).toBe(201);
    t.clock.advance(60_000);
    const referral = await n.post(`/api/cases/${caseId}/referrals`, {
      requestId: randomUUID(),
      partnerId: partner,
      purpose: 'care_referral',
      categories: ['concern_summary'],
    });
    expect(referral.statusCode).toBe(201);
    t.clock.advance(60_000);
    expect((await c.post(`/api/cases/${caseId}/transition`, { to: 'matching' })).statusCode).toBeLessThan(
      300,
    );

    const { status: code, body } = await timeline(s.couns);
    expect(code).toBe(200);
    const kinds = body.items.map((e) => e.kind);
    expect(kinds).toEqual([
      'state',
      'referral',
      'consent',
      'intervention',
      'subject_status',
      'assigned',
      'contact',
      'opened',
    ]);
    expect(body.items[0]).toMatchObject({ kind: 'state', from: 'active', to: 'matching' });
    expect(body.items.find((e) => e.kind === 'contact')).toMatchObject({ intake: true, channel: 'phone' });
    expect(body.items.find((e) => e.kind === 'assigned')).toMatchObject({ to: 'active' });
    expect(body.items.find((e) => e.kind === 'consent')).toMatchObject({ partnerName: 'GGZ Centraal' });
    // Typed facts only: no free text of the case travels with the timeline.
    expect(JSON.stringify(body)).not.toContain('Vertrokken');
    expect(JSON.stringify(body)).not.toContain('Zoon trekt');
    expect(JSON.stringify(body)).not.toContain('Amina');
    expect(body.next).toBeNull();
  });

  it('pages with a cursor: "show more" continues where the first page stopped, without gaps or repeats', async () => {
    const all = (await timeline(s.coord)).body.items.map((e) => e.id);
    const first = await timeline(s.coord, caseId, '?limit=3');
    expect(first.body.items.map((e) => e.id)).toEqual(all.slice(0, 3));
    expect(first.body.next).toEqual(expect.any(String));
    const second = await timeline(s.coord, caseId, `?limit=3&before=${first.body.next}`);
    expect(second.body.items.map((e) => e.id)).toEqual(all.slice(3, 6));
    const bad = await timeline(s.coord, caseId, '?before=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ field: 'before', reason: 'invalid_cursor' }] });
  });

  it('is read like the case: the counsellor and coordinator, a reason for another coordinator, 404 for the rest, and logged', async () => {
    expect((await timeline(s.coord)).status).toBe(200);
    expect((await timeline(s.couns)).status).toBe(200);
    const other = await timeline(s.coord2);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('reason_required');
    for (const who of [s.admin, s.analyst, s.officer, s.couns2]) {
      expect((await timeline(who)).status, who.email).toBe(404);
    }
    // Another organisation's case does not exist here, and ours does not exist there.
    expect((await timeline(s.coord, otherOrgCase)).status).toBe(404);
    expect((await timeline(otherOrgCoord, caseId)).status).toBe(404);
    expect((await timeline(s.coord, randomUUID())).status).toBe(404);
    const log = (await (await as(s.officer)).get(`/api/access-log?entity=case&entityId=${caseId}`)).json<{
      items: { actorId: string; purpose: string; outcome: string }[];
    }>().items;
    expect(log).toContainEqual(
      expect.objectContaining({ actorId: s.couns.userId, purpose: 'timeline', outcome: 'read' }),
    );
    expect(log).toContainEqual(
      expect.objectContaining({ actorId: s.couns2.userId, purpose: 'timeline', outcome: 'denied' }),
    );
  });

  it('takes the same number of queries for a case with many entries as for one with few (no query per entry)', async () => {
    const { caseId: busy } = await openCase(s.coord.agent, s.tx);
    const c = await as(s.coord);
    for (let i = 0; i < 12; i++) {
      t.clock.advance(60_000);
      const res = await c.post(`/api/cases/${busy}/log`, {
        requestId: randomUUID(),
        occurredAt: t.clock.now().toISOString(),
        channel: 'phone',
        durationMinutes: 10,
        withWhom: 'Moeder',
        note: `Gesprek ${i}`,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const { caseId: quiet } = await openCase(s.coord.agent, s.tx);
    const session = (await c.get('/api/auth/session')).json<{ user: { id: string } }>();
    const count = async (id: string) => {
      let queries = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => {
          queries++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const page = await inOrg(t.deps.db, s.orgId, (trx) =>
        getTimeline(
          {
            db: trx.withPlugin(counter),
            actor: {
              kind: 'user',
              userId: session.user.id,
              orgId: s.orgId,
              role: 'coordinator',
              sessionId: 'x',
            },
            clock: t.clock,
            keyring: t.deps.keyring,
          },
          id,
          { limit: 100 },
        ),
      );
      return { queries, entries: page.items.length };
    };
    const many = await count(busy);
    const few = await count(quiet);
    expect(many.entries).toBeGreaterThan(few.entries + 10);
    expect(many.queries).toBe(few.queries);
  });
});
