import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { testKinds } from '../../test/databases.js';
import { day } from '../../test/cases-fixtures.js';
import type { TestApp } from '../../test/harness.js';
import { consentWorld } from '../../test/consent-fixtures.js';

const kinds = await testKinds();

/** Withdrawing consent, and the database's own refusal of a disclosure without a covering, active consent. */
describe.each(kinds)('consent: withdrawal on %s', (kind) => {
  const { world, assignedCase, consentBody, count } = consentWorld(kind);
  let t: TestApp;
  let orgId: string;
  let municipality: string;
  let ggz: string;
  beforeAll(() => ({ t, orgId, municipality, ggz } = world));

  it('on withdrawal cancels the pending referrals it covered and asks to inform partners already reached', async () => {
    const { caseId, n } = await assignedCase();
    const c = (await n.post(`/api/cases/${caseId}/consents`, consentBody())).json<{ id: string }>();
    const propose = async () =>
      (
        await n.post(`/api/cases/${caseId}/referrals`, {
          partnerId: municipality,
          purpose: 'care_referral',
          categories: ['contact_details'],
        })
      ).json<{ id: string }>().id;
    const sentId = await propose();
    await n.post(`/api/cases/${caseId}/referrals/${sentId}/send`, { channel: 'phone' });
    const pendingId = await propose();
    // A referral to GGZ is not covered by this consent and stays as it is.
    const other = (
      await n.post(`/api/cases/${caseId}/referrals`, {
        partnerId: ggz,
        purpose: 'care_referral',
        categories: ['signals'],
      })
    ).json<{ id: string }>().id;

    const res = await n.post(`/api/cases/${caseId}/consents/${c.id}/withdraw`, { note: 'belde op' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      consent: { status: 'withdrawn', withdrawnOn: day(t), withdrawalNote: 'belde op' },
      cancelledReferrals: [pendingId],
      informTaskId: expect.any(String),
    });
    const items = (await n.get(`/api/cases/${caseId}/referrals`)).json<{
      items: {
        id: string;
        status: string;
      }[];
    }>().items;
    const status = (id: string) => items.find((r) => r.id === id)?.status;
    expect([status(sentId), status(pendingId), status(other)]).toEqual(['sent', 'cancelled', 'proposed']);
    expect(items.find((r) => r.id === pendingId)).toMatchObject({
      cancelCause: 'consent_withdrawn',
      cancelReason: null,
    });
    const tasks = (await n.get(`/api/cases/${caseId}`)).json<{ tasks: { kind: string; title: string }[] }>()
      .tasks;
    expect(tasks).toContainEqual(
      expect.objectContaining({
        kind: 'inform_partners',
        title: 'Gemeente Utrecht, team Zorg en Veiligheid',
      }),
    );
    // Immediately: the summary of the sent referral cannot be produced any more.
    expect(
      (await n.get(`/api/cases/${caseId}/referrals/${sentId}/summary`)).json<{ code: string }>().code,
    ).toBe('consent_required');
    expect((await n.post(`/api/cases/${caseId}/consents/${c.id}/withdraw`, {})).statusCode).toBe(409);
  });

  it('never lets the database log a disclosure without a basis, even through the app’s own connection', async () => {
    const { caseId, n } = await assignedCase();
    const c = (await n.post(`/api/cases/${caseId}/consents`, consentBody())).json<{ id: string }>();
    await n.post(`/api/cases/${caseId}/consents/${c.id}/withdraw`, {});
    const attempt = (values: { consent_id: string | null; categories: string[]; partner: string }) =>
      inOrg(t.deps.db, orgId, (trx) =>
        sql`insert into disclosures (id, org_id, case_id, kind, partner_id, recipient, purpose, categories, channel,
              consent_id, disclosed_on, disclosed_at)
            values (${randomUUID()}, ${orgId}, ${caseId}, 'referral', ${values.partner}, 'x', 'care_referral',
              ${values.categories}, 'phone', ${values.consent_id}, ${day(t)}, now())`.execute(trx),
      );
    await expect(
      attempt({ consent_id: c.id, categories: ['contact_details'], partner: municipality }),
    ).rejects.toThrow(/covering, active consent/);
    const live = (await n.post(`/api/cases/${caseId}/consents`, consentBody())).json<{ id: string }>();
    await expect(
      attempt({ consent_id: live.id, categories: ['signals'], partner: municipality }),
    ).rejects.toThrow(/covering/);
    await expect(
      attempt({ consent_id: live.id, categories: ['contact_details'], partner: ggz }),
    ).rejects.toThrow(/covering/);
    await expect(
      attempt({ consent_id: null, categories: ['contact_details'], partner: municipality }),
    ).rejects.toThrow();
    // A consent's scope cannot be widened afterwards, and a withdrawal cannot be undone.
    await expect(
      inOrg(t.deps.db, orgId, (trx) =>
        trx
          .updateTable('consents')
          .set({ categories: ['contact_details', 'signals'] })
          .where('id', '=', live.id)
          .execute(),
      ),
    ).rejects.toThrow(/scope is fixed/);
    await expect(
      inOrg(t.deps.db, orgId, (trx) =>
        trx
          .updateTable('consents')
          .set({ withdrawn_at: null, withdrawn_on: null })
          .where('id', '=', c.id)
          .execute(),
      ),
    ).rejects.toThrow(/withdrawal is final/);
    // The log is append-only.
    await expect(
      inOrg(t.deps.db, orgId, (trx) => sql`delete from disclosures`.execute(trx)),
    ).rejects.toThrow();
    expect(await count('disclosures', caseId)).toBe(0);
  });

  // The emergency path and its four eyes are tested in emergency/emergency.int.test.ts.
});
