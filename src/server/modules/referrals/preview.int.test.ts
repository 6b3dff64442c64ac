import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { day, openCase, staffOrganisation, type Staff } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from '../../test/harness.js';
import { signaturePng } from '../../test/pdf-text.js';

const kinds = await testKinds();

describe.each(kinds)('the referral preview (what "send" would hand over) on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let caseId: string;
  let referralId: string;
  let partnerId: string;
  let ip = 0;
  const as = (who: SignedIn) => signIn(t, who, `10.9.4.${++ip}`);

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    await makeEligible(t, s.coord.agent, s.couns.userId, { maxActiveCases: 20 });
    ({ caseId } = await openCase(s.coord.agent, s.tx, { summary: 'Zoon trekt zich terug' }));
    const c = await as(s.coord);
    expect((await c.post(`/api/cases/${caseId}/assign`, { counsellorId: s.couns.userId })).statusCode).toBe(
      204,
    );
    partnerId = (
      await c.post('/api/partners', {
        name: 'GGZ Centraal',
        type: 'mental_health',
        municipality: 'Utrecht',
      })
    ).json<{ id: string }>().id;
    const proposed = await (
      await as(s.couns)
    ).post(`/api/cases/${caseId}/referrals`, {
      requestId: randomUUID(),
      partnerId,
      purpose: 'care_referral',
      categories: ['concern_summary'],
    });
    expect(proposed.statusCode).toBe(201);
    referralId = proposed.json<{ id: string }>().id;
  }, 600_000);
  afterAll(() => t.close());

  const preview = (agent: Agent, id = referralId) =>
    agent.get(`/api/cases/${caseId}/referrals/${id}/preview?lang=nl`);
  const send = (agent: Agent) =>
    agent.post(`/api/cases/${caseId}/referrals/${referralId}/send`, { channel: 'secure_email' });

  /** Everything a send would write: the referral's state, disclosures, interventions, the audit chain. */
  const written = () =>
    inOrg(t.deps.db, s.orgId, async (trx) => {
      const count = async (table: 'disclosures' | 'case_interventions' | 'audit_log' | 'referrals') =>
        Number(
          (
            await trx
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const referral = await trx
        .selectFrom('referrals')
        .select(['status', 'sent_at', 'consent_id', 'channel'])
        .where('id', '=', referralId)
        .executeTakeFirstOrThrow();
      return {
        referral,
        referrals: await count('referrals'),
        disclosures: await count('disclosures'),
        interventions: await count('case_interventions'),
        audit: await count('audit_log'),
      };
    });

  it('is refused without consent exactly like send, and writes nothing', async () => {
    const n = await as(s.couns);
    const before = await written();
    const refusedPreview = await preview(n);
    expect(refusedPreview.statusCode).toBe(409);
    expect(await written()).toEqual(before);
    const refusedSend = await send(n);
    expect(refusedSend.statusCode).toBe(refusedPreview.statusCode);
    const strip = (body: string) => {
      const { code, detail } = JSON.parse(body) as { code: string; detail: string };
      return { code, detail };
    };
    expect(strip(refusedPreview.body)).toEqual(strip(refusedSend.body));
    expect(strip(refusedPreview.body).code).toBe('consent_required');
  });

  it('with consent, shows the summary that would leave, and still sends, discloses and audits nothing', async () => {
    const n = await as(s.couns);
    const consent = await n.post(`/api/cases/${caseId}/consents`, {
      requestId: randomUUID(),
      givenBy: 'Moeder Amina',
      categories: ['concern_summary', 'person_status'],
      partnerId,
      partnerType: null,
      purpose: 'care_referral',
      givenOn: day(t),
      language: 'nl',
      method: 'signature_drawn',
      drawnSignature: signaturePng(60, 18).toString('base64'),
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const before = await written();
    const res = await preview(n);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      recipient: 'GGZ Centraal',
      purpose: 'care_referral',
      basis: { kind: 'consent', consentId: consent.json<{ id: string }>().id },
    });
    // Only the categories of the referral, not everything the consent would allow.
    expect(res.body).not.toContain('person_status');
    expect(await written()).toEqual(before);
    expect(before.referral).toMatchObject({ status: 'proposed', sent_at: null, consent_id: null });
    const log = (
      await (await as(s.officer)).get(`/api/access-log?entity=referral&entityId=${referralId}`)
    ).json<{
      items: { actorId: string; purpose: string }[];
    }>().items;
    expect(log).toContainEqual(expect.objectContaining({ actorId: s.couns.userId, purpose: 'preview' }));
  });

  it('is not found for another counsellor and roles without case work, for a missing referral too', async () => {
    for (const who of [s.couns2, s.admin, s.analyst, s.officer]) {
      expect((await preview(await as(who))).statusCode, who.email).toBe(404);
    }
    expect((await preview(await as(s.couns), randomUUID())).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/referrals/${referralId}/preview` }))
        .statusCode,
    ).toBe(401);
  });

  it('once sent, previews are refused like a second send', async () => {
    const n = await as(s.couns);
    expect((await send(n)).statusCode).toBe(200);
    const again = await send(n);
    const res = await preview(n);
    expect(res.statusCode).toBe(again.statusCode);
    expect(res.json<{ code: string }>().code).toBe(again.json<{ code: string }>().code);
  });
});
