import { randomUUID } from 'node:crypto';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, staffOrganisation, day, type Terms } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import { signaturePng } from '../../test/pdf-text.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from '../../test/harness.js';

const kinds = await testKinds();
const DAY = 86_400_000;

/**
 * Lists of a case read set-wise: the number of statements a list runs does not grow with its rows (issue 10:
 * consent facts per referral, partners and consents per meeting participant, one access-log insert per
 * emergency request were each one query per row).
 */
describe.each(kinds)('case lists read by sets, not per row, on %s', (kind) => {
  let t: TestApp;
  let coord: SignedIn;
  let coord2: SignedIn;
  let couns: SignedIn;
  let tx: Terms;
  let municipality: string;
  let ggz: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ coord, coord2, couns, tx } = await staffOrganisation(t));
    await makeEligible(t, coord.agent, couns.userId, { maxActiveCases: 20 });
    const partner = async (name: string, type: string) =>
      (await coord.agent.post('/api/partners', { name, type, municipality: 'Utrecht' })).json<{
        id: string;
      }>().id;
    municipality = await partner('Gemeente Utrecht, team Zorg en Veiligheid', 'municipality');
    ggz = await partner('GGZ Centraal', 'mental_health');
    // Every account is new on the first day; the emergency path opens to them after the organisation minimum.
    t.clock.advance(8 * DAY);
  });
  afterAll(() => t.close());

  const as = (who: SignedIn) =>
    signIn(t, who, `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);

  /**
   * The statements `fn` runs through the app's database (each as its node, to look into), leaving out the
   * session's own bookkeeping, which does not depend on the list.
   */
  async function statements(fn: () => Promise<void>): Promise<string[]> {
    const seen: string[] = [];
    const plugin: KyselyPlugin = {
      transformQuery: (args) => {
        seen.push(JSON.stringify(args.node));
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const original = t.deps.db;
    t.deps.db = original.withPlugin(plugin);
    try {
      await fn();
    } finally {
      t.deps.db = original;
    }
    return seen.filter((s) => !s.includes('"name":"sessions"') && !s.includes('auth_resolve_session'));
  }

  async function assignedCase(): Promise<{ caseId: string; n: Agent }> {
    const c = await as(coord);
    const { caseId } = await openCase(c, tx);
    expect((await c.post(`/api/cases/${caseId}/assign`, { counsellorId: couns.userId })).statusCode).toBe(
      204,
    );
    return { caseId, n: await as(couns) };
  }

  const consent = (n: Agent, caseId: string, over: Record<string, unknown>) =>
    n.post(`/api/cases/${caseId}/consents`, {
      requestId: randomUUID(),
      givenBy: 'Moeder Amina',
      categories: ['contact_details', 'concern_summary'],
      partnerId: null,
      partnerType: 'municipality',
      purpose: 'care_referral',
      method: 'signature_drawn',
      drawnSignature: signaturePng(60, 18).toString('base64'),
      givenOn: day(t),
      language: 'nl',
      ...over,
    });

  it('lists referrals with one read of the consents, however many referrals', async () => {
    const { caseId, n } = await assignedCase();
    expect((await consent(n, caseId, {})).statusCode).toBe(201);
    const propose = async () =>
      expect(
        (
          await n.post(`/api/cases/${caseId}/referrals`, {
            requestId: randomUUID(),
            partnerId: municipality,
            purpose: 'care_referral',
            categories: ['concern_summary'],
          })
        ).statusCode,
      ).toBe(201);
    const list = async (expected: number) => {
      const res = await n.get(`/api/cases/${caseId}/referrals`);
      const { items } = res.json<{ items: { coverage: { covered: boolean } }[] }>();
      expect(items).toHaveLength(expected);
      expect(items.every((r) => r.coverage.covered)).toBe(true);
    };
    await propose();
    // A first read after signing in may move the session's last-seen time: measure steady reads only.
    await list(1);
    const one = await statements(() => list(1));
    for (let i = 0; i < 3; i++) await propose();
    const four = await statements(() => list(4));
    expect(four.length).toBe(one.length);
    expect(four.filter((s) => s.includes('"name":"consents"'))).toHaveLength(1);
  });

  it('lists case meetings with one read of partners and consents, however many participants', async () => {
    const { caseId, n } = await assignedCase();
    expect((await consent(n, caseId, { purpose: 'case_meeting' })).statusCode).toBe(201);
    const meeting = async (partnerIds: string[]) =>
      expect(
        (
          await n.post(`/api/cases/${caseId}/meetings`, {
            requestId: randomUUID(),
            municipality: 'Utrecht',
            meetingOn: day(t, 3),
            partnerIds,
            categories: ['concern_summary'],
          })
        ).statusCode,
      ).toBe(201);
    await meeting([municipality]);
    const one = await statements(async () => {
      expect((await n.get(`/api/cases/${caseId}/meetings`)).json<{ items: unknown[] }>().items).toHaveLength(
        1,
      );
    });
    await meeting([municipality, ggz]);
    await meeting([ggz, municipality]);
    let items: { participants: { name: string; coverage: { covered: boolean } }[] }[] = [];
    const three = await statements(async () => {
      items = (await n.get(`/api/cases/${caseId}/meetings`)).json<{ items: typeof items }>().items;
    });
    expect(items).toHaveLength(3);
    expect(three.length).toBe(one.length);
    expect(three.filter((s) => s.includes('"name":"partners"'))).toHaveLength(1);
    expect(three.filter((s) => s.includes('"name":"consents"'))).toHaveLength(1);
    // Participants stay in name order, each with its own coverage (the consent names the municipality type).
    const pairs = items.filter((m) => m.participants.length === 2);
    expect(pairs).toHaveLength(2);
    for (const m of pairs)
      expect(m.participants.map((p) => [p.name, p.coverage.covered])).toEqual([
        ['GGZ Centraal', false],
        ['Gemeente Utrecht, team Zorg en Veiligheid', true],
      ]);
  });

  it('logs the review of a list of emergency requests in one access-log statement', async () => {
    const start = async () => {
      const { caseId } = await assignedCase();
      const res = await (
        await as(coord)
      ).post(`/api/cases/${caseId}/emergency`, {
        requestId: randomUUID(),
        ground: 'danger_to_life',
        legalBasis: 'vital_interest',
        reason: 'Zoon heeft vertrek aangekondigd voor morgen; direct gevaar voor zijn leven.',
        partnerId: municipality,
        categories: ['contact_details'],
        channel: 'phone',
        informCaller: true,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    for (let i = 0; i < 3; i++) await start();
    const reviewer = await as(coord2);
    let listed = 0;
    const run = await statements(async () => {
      const res = await reviewer.get('/api/emergency-requests');
      expect(res.statusCode, res.body).toBe(200);
      listed = res.json<{ items: unknown[] }>().items.length;
    });
    expect(listed).toBeGreaterThanOrEqual(3);
    expect(run.filter((s) => s.includes('"name":"access_log"'))).toHaveLength(1);
  });
});
