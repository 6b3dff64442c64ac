import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, staffOrganisation, type Terms } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from '../../test/harness.js';

const kinds = await testKinds();

interface Part {
  code: string;
  params: Record<string, string | number>;
}
interface Shortlist {
  candidates: { counsellorId: string; parts: Part[] }[];
  nextBest: { counsellorId: string; parts: Part[] }[];
}

/** Issue 14: one caseload for every view, and reasons that name a background by its label. */
describe.each(kinds)('caseload and shortlist labels on %s', (kind) => {
  let t: TestApp;
  let coord: SignedIn;
  let couns: SignedIn;
  let couns2: SignedIn;
  let tx: Terms;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ coord, couns, couns2, tx } = await staffOrganisation(t));
    await makeEligible(t, coord.agent, couns.userId, { maxActiveCases: 5 });
    await makeEligible(t, coord.agent, couns2.userId, { maxActiveCases: 5 });
  }, 300_000);
  afterAll(() => t.close());

  const as = (who: SignedIn) =>
    signIn(t, who, `10.4.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);

  /** What each view says about each counsellor's caseload. */
  async function views(a: Agent, caseId: string) {
    const options = (await a.get('/api/counsellors/options')).json<{
      items: { id: string; activeCases: number }[];
    }>();
    const list = (await a.get(`/api/cases/${caseId}/shortlist`)).json<Shortlist>();
    const out: Record<string, { dialog: number; profile: number; shortlist: number }> = {};
    for (const who of [couns, couns2]) {
      const profile = (await a.get(`/api/counsellors/${who.userId}`)).json<{
        activeCases: number;
        maxActiveCases: number;
      }>();
      const capacity = [...list.candidates, ...list.nextBest]
        .find((c) => c.counsellorId === who.userId)!
        .parts.find((p) => p.code === 'capacity')!.params;
      out[who.userId] = {
        dialog: options.items.find((i) => i.id === who.userId)!.activeCases,
        profile: profile.activeCases,
        shortlist: Number(capacity.max) - Number(capacity.free),
      };
    }
    return out;
  }

  it('the assign dialog, the profile and the shortlist count the same caseload', async () => {
    const a = await as(coord);
    // Counsellor 1: one active case, and one offered and awaiting an answer (an offer holds a place).
    const active = await openCase(a, tx);
    expect(
      (await a.post(`/api/cases/${active.caseId}/assign`, { counsellorId: couns.userId })).statusCode,
    ).toBe(204);
    const offered = await openCase(a, tx);
    expect(
      (await a.post(`/api/cases/${offered.caseId}/offers`, { counsellorId: couns.userId })).statusCode,
    ).toBe(201);
    // Counsellor 2: had a case that went back to matching (no longer theirs to work).
    const back = await openCase(a, tx);
    await a.post(`/api/cases/${back.caseId}/assign`, { counsellorId: couns2.userId });
    expect((await a.post(`/api/cases/${back.caseId}/transition`, { to: 'matching' })).statusCode).toBe(204);

    const fresh = await openCase(a, tx);
    const seen = await views(a, fresh.caseId);
    expect(seen[couns.userId]).toEqual({ dialog: 2, profile: 2, shortlist: 2 });
    expect(seen[couns2.userId]).toEqual({ dialog: 0, profile: 0, shortlist: 0 });
  });

  it("names the caller's preferred background by its label in the reader's language", async () => {
    const moroccan = tx.byCode('background', 'moroccan_dutch');
    const self = await as(couns2);
    expect(
      (await self.patch(`/api/counsellors/${couns2.userId}`, { backgroundIds: [moroccan] })).statusCode,
    ).toBe(200);
    const a = await as(coord);
    const { caseId } = await openCase(a, tx, {
      preferences: { counsellorGender: null, backgroundId: moroccan, language: null },
    });
    const reason = async (agent: Agent) => {
      const list = (await agent.get(`/api/cases/${caseId}/shortlist`)).json<Shortlist>();
      return [...list.candidates, ...list.nextBest]
        .find((c) => c.counsellorId === couns2.userId)!
        .parts.find((p) => p.code === 'preferred_background')!.params;
    };
    expect(await reason(a)).toMatchObject({ backgroundId: moroccan, background: 'Marokkaans-Nederlands' });
    expect((await a.patch('/api/me', { language: 'ar' })).statusCode).toBe(200);
    expect((await reason(a)).background).toBe('مغربي هولندي');
  });
});
