import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../db/database.js';
import { openCase, staffOrganisation, type Staff } from '../test/cases-fixtures.js';
import { makeEligible } from '../test/counsellor-fixtures.js';
import { testKinds } from '../test/databases.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from '../test/harness.js';

const kinds = await testKinds();

describe.each(kinds)('access log written by route declaration on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let caseId: string;
  let coord: Agent;
  let couns: Agent;

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    await makeEligible(t, s.coord.agent, s.couns.userId);
    coord = await signIn(t, s.coord, '10.9.0.1');
    couns = await signIn(t, s.couns, '10.9.0.2');
    ({ caseId } = await openCase(coord, s.tx));
    expect(
      (await coord.post(`/api/cases/${caseId}/assign`, { counsellorId: s.couns.userId })).statusCode,
    ).toBe(204);
  });
  afterAll(() => t.close());

  /** The access rows of one actor, entity and record, newest last. */
  const rows = (who: SignedIn, entity: string, entityId: string) =>
    inOrg(t.deps.db, s.orgId, (trx) =>
      trx
        .selectFrom('access_log')
        .select(['purpose', 'outcome', 'mac'])
        .where('actor_id', '=', who.userId)
        .where('entity', '=', entity)
        .where('entity_id', '=', entityId)
        .orderBy('id')
        .execute(),
    );

  it('writes one row for each read of case content that had none', async () => {
    const reads: [SignedIn, Agent, 'GET' | 'POST', string, unknown, string, string, string][] = [
      [s.coord, coord, 'GET', `/api/cases/${caseId}/referrals`, undefined, 'case', caseId, 'referrals'],
      [s.coord, coord, 'GET', `/api/cases/${caseId}/meetings`, undefined, 'case', caseId, 'meetings'],
      [s.coord, coord, 'GET', `/api/cases/${caseId}/emergency`, undefined, 'case', caseId, 'emergency'],
      [s.coord, coord, 'GET', `/api/cases/${caseId}/disclosures`, undefined, 'case', caseId, 'disclosures'],
      [s.coord, coord, 'GET', `/api/cases/${caseId}/offers`, undefined, 'case', caseId, 'offers'],
      [s.coord, coord, 'GET', '/api/emergency-requests', undefined, 'emergency_request', '*', 'review'],
      [
        s.coord,
        coord,
        'POST',
        '/api/intake/lookup',
        { phone: '06 12 34 56 78' },
        'phone_lookup',
        '*',
        'repeat_caller',
      ],
      [s.couns, couns, 'GET', '/api/my-work', undefined, 'my_work', '*', 'worklist'],
      [s.couns, couns, 'GET', '/api/offers', undefined, 'offer', '*', 'list'],
    ];
    for (const [who, agent, method, url, body, entity, entityId, purpose] of reads) {
      const before = (await rows(who, entity, entityId)).filter((r) => r.purpose === purpose).length;
      const res = await agent.request(method, url, body);
      expect(res.statusCode, url).toBe(200);
      const after = (await rows(who, entity, entityId)).filter((r) => r.purpose === purpose);
      expect(after.length - before, url).toBe(1);
      expect(after.at(-1), url).toMatchObject({ outcome: 'read' });
      // Authenticated from the start by its own MAC; the linker chains it afterwards.
      expect(after.at(-1)!.mac, url).not.toBeNull();
    }
  });

  it('logs a read once when the service already records it', async () => {
    const before = (await rows(s.coord, 'case', caseId)).length;
    expect((await coord.get(`/api/cases/${caseId}`)).statusCode).toBe(200);
    const added = (await rows(s.coord, 'case', caseId)).slice(before);
    expect(added).toEqual([expect.objectContaining({ purpose: 'view', outcome: 'read' })]);
  });

  it('logs a refused attempt on another counsellor’s case as denied (reads and writes)', async () => {
    const other = await signIn(t, s.couns2, '10.9.0.3');
    expect((await other.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/cases/${caseId}/referrals`)).statusCode).toBe(404);
    const write = await other.post(`/api/cases/${caseId}/log`, {
      requestId: randomUUID(),
      occurredAt: new Date().toISOString(),
      channel: 'phone',
      durationMinutes: 5,
      note: 'x',
    });
    expect(write.statusCode).toBe(404);
    expect(await rows(s.couns2, 'case', caseId)).toEqual([
      expect.objectContaining({ purpose: 'view', outcome: 'denied' }),
      expect.objectContaining({ purpose: 'referrals', outcome: 'denied' }),
      expect.objectContaining({ purpose: 'edit', outcome: 'denied' }),
    ]);
    // A permitted write is in the audit chain, not the access log.
    const own = await couns.post(`/api/cases/${caseId}/log`, {
      requestId: randomUUID(),
      occurredAt: new Date().toISOString(),
      channel: 'phone',
      durationMinutes: 5,
      note: 'gesprek',
    });
    expect(own.statusCode).toBe(201);
    expect((await rows(s.couns, 'case', caseId)).filter((r) => r.purpose === 'edit')).toEqual([]);
  });
});
