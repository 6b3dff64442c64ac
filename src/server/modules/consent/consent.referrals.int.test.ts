import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { testKinds } from '../../test/databases.js';
import { day, type Terms } from '../../test/cases-fixtures.js';
import type { SignedIn, TestApp } from '../../test/harness.js';
import { consentWorld } from '../../test/consent-fixtures.js';

const kinds = await testKinds();

/** What consent allows to leave the organisation: referrals, summaries, case meetings, and the disclosure log. */
describe.each(kinds)('consent: referrals and disclosures on %s', (kind) => {
  const { world, as, assignedCase, consentBody, count } = consentWorld(kind);
  let t: TestApp;
  let admin: SignedIn;
  let coord: SignedIn;
  let couns: SignedIn;
  let analyst: SignedIn;
  let officer: SignedIn;
  let tx: Terms;
  let orgId: string;
  let municipality: string;
  let ggz: string;
  beforeAll(() => ({ t, admin, coord, couns, analyst, officer, tx, orgId, municipality, ggz } = world));

  it('refuses to send a referral or produce its summary without covering consent — an override is ignored', async () => {
    const { caseId, n } = await assignedCase();
    const ref = await n.post(`/api/cases/${caseId}/referrals`, {
      requestId: randomUUID(),
      partnerId: municipality,
      purpose: 'care_referral',
      categories: ['contact_details', 'concern_summary'],
    });
    expect(ref.statusCode).toBe(201);
    expect(ref.json()).toMatchObject({
      status: 'proposed',
      allowedMoves: ['cancelled'],
      coverage: { covered: false, gaps: ['no_consent'] },
    });
    const base = `/api/cases/${caseId}/referrals/${ref.json<{ id: string }>().id}`;
    for (const body of [
      { channel: 'secure_email' },
      { channel: 'secure_email', override: true, force: true, skipConsent: true, emergency: true },
    ]) {
      const res = await n.post(`${base}/send`, body);
      expect(res.statusCode).toBe(409);
      expect(res.json<{ code: string }>().code).toBe('consent_required');
    }
    expect((await n.get(`${base}/summary?override=true&force=1`)).json<{ code: string }>().code).toBe(
      'consent_required',
    );
    expect((await n.get(`${base}/summary`)).json<{ code: string }>().code).toBe('consent_required');
    expect((await n.get(`${base}/summary.pdf`)).statusCode).toBe(409);
    expect(await count('disclosures', caseId)).toBe(0);

    // A consent for another purpose or fewer categories does not cover it either.
    await n.post(`/api/cases/${caseId}/consents`, consentBody({ purpose: 'authority_referral' }));
    await n.post(`/api/cases/${caseId}/consents`, consentBody({ categories: ['contact_details'] }));
    const still = (await n.get(`/api/cases/${caseId}/referrals`)).json<{ items: { coverage: unknown }[] }>()
      .items[0];
    expect(still!.coverage).toMatchObject({ covered: false, missingCategories: ['concern_summary'] });
    expect((await n.post(`${base}/send`, { channel: 'secure_email' })).statusCode).toBe(409);

    // With covering consent (by partner type), it is sent and the disclosure is logged once.
    const c = await n.post(`/api/cases/${caseId}/consents`, consentBody());
    const sent = await n.post(`${base}/send`, { channel: 'secure_email' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({
      status: 'sent',
      consentId: c.json<{ id: string }>().id,
      channel: 'secure_email',
    });
    expect((await n.post(`${base}/send`, { channel: 'secure_email' })).statusCode).toBe(409);
    // Sending a care referral is intervention I8 on the case.
    const interventions = (await n.get(`/api/cases/${caseId}`)).json<{
      interventions: {
        interventionId: string;
      }[];
    }>().interventions;
    expect(interventions.map((i) => i.interventionId)).toEqual([tx.byCode('intervention', 'I8')]);
    const log = (await n.get(`/api/cases/${caseId}/disclosures`)).json<{ items: unknown[] }>().items;
    expect(log).toEqual([
      expect.objectContaining({
        kind: 'referral',
        recipient: 'Gemeente Utrecht, team Zorg en Veiligheid',
        categories: ['contact_details', 'concern_summary'],
        channel: 'secure_email',
        consentId: c.json<{ id: string }>().id,
        disclosedBy: expect.any(String),
      }),
    ]);
  });

  it('sends nothing to a partner retired from the directory, consent or not', async () => {
    const { caseId, n } = await assignedCase();
    const c = await as(coord);
    const gone = (await c.post('/api/partners', { name: 'Gemeente Oud', type: 'municipality' })).json<{
      id: string;
    }>().id;
    await n.post(`/api/cases/${caseId}/consents`, consentBody());
    const ref = (
      await n.post(`/api/cases/${caseId}/referrals`, {
        partnerId: gone,
        purpose: 'care_referral',
        categories: ['contact_details'],
      })
    ).json<{ id: string }>().id;
    expect((await c.request('PATCH', `/api/partners/${gone}`, { active: false })).statusCode).toBe(200);
    const res = await n.post(`/api/cases/${caseId}/referrals/${ref}/send`, { channel: 'phone' });
    expect(res.statusCode).toBe(409);
    expect(await count('disclosures', caseId)).toBe(0);
  });

  it('puts only the consented categories in the summary, and serves it as a PDF', async () => {
    const { caseId, n } = await assignedCase();
    await n.post(`/api/cases/${caseId}/observations`, {
      kind: 'signal',
      observedOn: day(t),
      text: 'SIGNAL-MARKER nieuwe vrienden',
    });
    await n.post(
      `/api/cases/${caseId}/consents`,
      consentBody({ categories: ['contact_details', 'signals'] }),
    );
    const ref = await n.post(`/api/cases/${caseId}/referrals`, {
      partnerId: municipality,
      purpose: 'care_referral',
      categories: ['contact_details'],
    });
    const base = `/api/cases/${caseId}/referrals/${ref.json<{ id: string }>().id}`;
    const summary = await n.get(`${base}/summary`);
    expect(summary.statusCode).toBe(200);
    const body = summary.json<{
      categories: unknown;
      contactDetails: unknown;
      signals: unknown;
      concernSummary: unknown;
    }>();
    expect(body.categories).toEqual(['contact_details']);
    expect(body.contactDetails).toMatchObject({ callerAlias: expect.any(String) });
    expect(body.signals).toBeUndefined();
    expect(body.concernSummary).toBeUndefined();
    expect(summary.body).not.toContain('SIGNAL-MARKER');
    expect(summary.body).not.toContain('SUMMARY-MARKER');
    const pdf = await n.get(`${base}/summary.pdf?lang=ar`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const accessed = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('access_log')
        .select('purpose')
        .where('entity_id', '=', ref.json<{ id: string }>().id)
        .execute(),
    );
    expect(accessed.length).toBe(2);
  });

  it('shares a case-meeting summary only when every participant is covered, once, one disclosure each', async () => {
    const { caseId, n } = await assignedCase();
    const m = await n.post(`/api/cases/${caseId}/meetings`, {
      requestId: randomUUID(),
      municipality: 'Utrecht',
      meetingOn: day(t, 3),
      partnerIds: [municipality, ggz],
      categories: ['concern_summary'],
      note: 'Casusoverleg Veiligheidshuis',
    });
    expect(m.statusCode).toBe(201);
    expect(m.json()).toMatchObject({ covered: false, sharedAt: null });
    const base = `/api/cases/${caseId}/meetings/${m.json<{ id: string }>().id}`;
    await n.post(
      `/api/cases/${caseId}/consents`,
      consentBody({ purpose: 'case_meeting', categories: ['concern_summary'] }),
    );
    // The municipality is covered, GGZ is not: nothing is shared.
    expect((await n.post(`${base}/share`)).json<{ code: string }>().code).toBe('consent_required');
    expect((await n.get(`${base}/summary`)).statusCode).toBe(409);
    await n.post(
      `/api/cases/${caseId}/consents`,
      consentBody({
        purpose: 'case_meeting',
        partnerType: null,
        partnerId: ggz,
        categories: ['concern_summary', 'signals'],
      }),
    );
    const summary = await n.get(`${base}/summary`);
    expect(summary.json()).toMatchObject({
      purpose: 'case_meeting',
      concernSummary: { summary: expect.stringContaining('SUMMARY-MARKER') },
    });
    expect(summary.json<{ contactDetails?: unknown }>().contactDetails).toBeUndefined();
    expect((await n.post(`${base}/share`)).json()).toMatchObject({
      covered: true,
      sharedAt: expect.any(String),
    });
    await n.post(`${base}/share`);
    const log = (await n.get(`/api/cases/${caseId}/disclosures`)).json<{
      items: {
        kind: string;
        recipient: string;
      }[];
    }>().items;
    expect(log.map((d) => d.recipient).sort()).toEqual([
      'GGZ Centraal',
      'Gemeente Utrecht, team Zorg en Veiligheid',
    ]);
  });

  it('shows the whole disclosure log to the privacy officer only, page by page', async () => {
    const log = await (await as(officer)).get('/api/disclosures?limit=2');
    expect(log.statusCode).toBe(200);
    const first = log.json<{ items: unknown[]; next: string }>();
    expect(first.items).toHaveLength(2);
    expect(first.next).toEqual(expect.any(String));
    const rest = (await (await as(officer)).get(`/api/disclosures?limit=200&cursor=${first.next}`)).json<{
      items: unknown[];
    }>();
    const all = [...first.items, ...rest.items] as { id: string; caseReference: string }[];
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
    expect(all.length).toBe(await count('disclosures'));
    for (const who of [coord, couns, admin, analyst])
      expect((await (await as(who)).get('/api/disclosures')).statusCode, who.email).toBe(403);
  });
});
