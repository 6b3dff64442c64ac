import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, openCase, staffOrganisation, type Staff } from '../test/cases-fixtures.js';
import { makeEligible } from '../test/counsellor-fixtures.js';
import { testKinds } from '../test/databases.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from '../test/harness.js';

const kinds = await testKinds();

/** A client request id replays a create only for someone allowed to create there, on the same case. */
describe.each(kinds)('idempotent replay on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let ip = 0;
  const as = (who: SignedIn): Promise<Agent> => signIn(t, who, `10.14.3.${++ip}`);

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    await makeEligible(t, s.coord.agent, s.couns.userId, { maxActiveCases: 20 });
  }, 300_000);
  afterAll(() => t.close());

  async function casesOfCouns(): Promise<[string, string]> {
    const c = await as(s.coord);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { caseId } = await openCase(c, s.tx);
      expect((await c.post(`/api/cases/${caseId}/assign`, { counsellorId: s.couns.userId })).statusCode).toBe(
        204,
      );
      ids.push(caseId);
    }
    return [ids[0]!, ids[1]!];
  }

  it('answers 404 to a replay on a case the actor may not see, and on a case that does not exist', async () => {
    const [caseId] = await casesOfCouns();
    const body = { requestId: randomUUID(), kind: 'signal', observedOn: day(t), text: 'Nieuwe vrienden' };
    const first = await (await as(s.couns)).post(`/api/cases/${caseId}/observations`, body);
    expect(first.statusCode).toBe(201);
    const createdId = first.json<{ id: string }>().id;

    const outsider = await as(s.couns2);
    const onHidden = await outsider.post(`/api/cases/${caseId}/observations`, body);
    expect(onHidden.statusCode).toBe(404);
    expect(onHidden.body).not.toContain(createdId);

    const onMissing = await outsider.post(`/api/cases/${randomUUID()}/observations`, body);
    expect(onMissing.statusCode).toBe(404);
    expect(onMissing.body).not.toContain(createdId);

    // Nor does an admin (no case content) learn the entity id by replaying.
    const admin = await (await as(s.admin)).post(`/api/cases/${caseId}/observations`, body);
    expect(admin.statusCode).toBe(404);
  });

  it('replays only on the case the request id was first used for', async () => {
    const [caseA, caseB] = await casesOfCouns();
    const c = await as(s.couns);
    const body = { requestId: randomUUID(), text: 'Samen eten op vrijdag' };
    const first = await c.post(`/api/cases/${caseA}/goals`, body);
    expect(first.statusCode).toBe(201);
    const again = await c.post(`/api/cases/${caseA}/goals`, body);
    expect(again.json()).toEqual(first.json());
    const elsewhere = await c.post(`/api/cases/${caseB}/goals`, body);
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.body).not.toContain(first.json<{ id: string }>().id);
  });
});
