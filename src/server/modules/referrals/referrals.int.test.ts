import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { testKinds } from '../../test/databases.js';
import { day, openCase, staffOrganisation, type Terms } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from '../../test/harness.js';
import { signaturePng } from '../../test/pdf-text.js';
import type { Problem } from '../../../shared/problem.schema.js';

const kinds = await testKinds();

const SHOWN =
  'Ik, Moeder Amina, geef toestemming om mijn zorgen en de situatie van mijn zoon te delen met de politie.';
const EVIDENCE = { present: 'Moeder Amina; haar broer Youssef', shownText: SHOWN };
const SIGNATURE = signaturePng(60, 18).toString('base64');

describe.each(kinds)('referrals: typed signatures, partner answers, withdrawals on %s', (kind) => {
  let t: TestApp;
  let coord: SignedIn;
  let couns: SignedIn;
  let officer: SignedIn;
  let tx: Terms;
  let orgId: string;
  let police: string;
  let ggz: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ coord, couns, officer, tx, orgId } = await staffOrganisation(t));
    await makeEligible(t, coord.agent, couns.userId, { maxActiveCases: 20 });
    const partner = async (name: string, type: string) =>
      (await coord.agent.post('/api/partners', { name, type, municipality: 'Utrecht' })).json<{
        id: string;
      }>().id;
    police = await partner('Politie Utrecht, wijkteam Overvecht', 'police');
    ggz = await partner('GGZ Centraal', 'mental_health');
  });
  afterAll(() => t.close());

  let ip = 0;
  const as = (who: SignedIn) => signIn(t, who, `10.8.1.${++ip}`);

  async function assignedCase(): Promise<{ caseId: string; c: Agent; n: Agent }> {
    const c = await as(coord);
    const { caseId } = await openCase(c, tx, { summary: 'Zoon trekt zich terug' });
    expect((await c.post(`/api/cases/${caseId}/assign`, { counsellorId: couns.userId })).statusCode).toBe(
      204,
    );
    return { caseId, c, n: await as(couns) };
  }

  const consent = (over: Record<string, unknown>) => ({
    requestId: randomUUID(),
    givenBy: 'Moeder Amina',
    categories: ['concern_summary', 'person_status'],
    partnerId: null,
    partnerType: null,
    purpose: 'authority_referral',
    givenOn: day(t),
    language: 'nl',
    ...over,
  });
  const typed = { method: 'signature_typed', typedName: 'Amina B.', typedEvidence: EVIDENCE };
  const drawn = { method: 'signature_drawn', drawnSignature: SIGNATURE };

  const propose = async (n: Agent, caseId: string, partnerId: string, purpose: string) => {
    const res = await n.post(`/api/cases/${caseId}/referrals`, {
      partnerId,
      purpose,
      categories: ['concern_summary'],
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; awaitingConfirmation: boolean; allowedMoves: string[] }>();
  };

  const countRows = (table: 'disclosures' | 'case_interventions', caseId: string) =>
    inOrg(t.deps.db, orgId, async (trx) =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('case_id', '=', caseId)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );

  const alertsOf = (userId: string, caseId: string) =>
    inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('alerts')
        .select('kind')
        .where('user_id', '=', userId)
        .where('case_id', '=', caseId)
        .execute(),
    ).then((rows) => rows.map((r) => r.kind));

  it('keeps the evidence of a typed name, and sends nothing to the police until a coordinator who did not take it confirms', async () => {
    const { caseId, c, n } = await assignedCase();
    const created = await n.post(`/api/cases/${caseId}/consents`, consent({ partnerId: police, ...typed }));
    expect(created.statusCode).toBe(201);
    const c1 = created.json<{ id: string }>();
    expect(c1).toMatchObject({
      status: 'active',
      needsConfirmation: true,
      canConfirm: false,
      typedEvidence: {
        present: EVIDENCE.present,
        device: 'lightMyRequest',
        shownText: SHOWN,
        shownTextSha256: createHash('sha256').update(SHOWN).digest('hex'),
        signedAt: t.clock.now().toISOString(),
        signedBy: 'Test counsellor',
        confirmedBy: null,
        confirmedAt: null,
      },
    });
    // Sealed like all free text: neither who was present nor the text is readable in the row.
    const raw = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('consents')
        .select(['typed_present_enc', 'typed_shown_text_enc'])
        .where('id', '=', c1.id)
        .executeTakeFirstOrThrow(),
    );
    expect(Buffer.from(raw.typed_present_enc!).toString('latin1')).not.toContain('Youssef');
    expect(Buffer.from(raw.typed_shown_text_enc!).toString('latin1')).not.toContain('politie');
    // The coordinators are told that one of them is needed.
    expect(await alertsOf(coord.userId, caseId)).toContain('consent_confirmation');

    const referral = await propose(n, caseId, police, 'authority_referral');
    expect(referral).toMatchObject({ awaitingConfirmation: true });
    expect(referral.allowedMoves).not.toContain('sent');
    const send = await n.post(`/api/cases/${caseId}/referrals/${referral.id}/send`, { channel: 'phone' });
    expect(send.statusCode).toBe(409);
    expect(send.headers['content-type']).toContain('application/problem+json');
    expect(send.json<Problem>().code).toBe('confirmation_required');
    expect((await n.get(`/api/cases/${caseId}/referrals/${referral.id}/summary`)).json<Problem>().code).toBe(
      'confirmation_required',
    );
    // Nothing was written: no disclosure, no I9 intervention, the referral still proposed.
    expect(await countRows('disclosures', caseId)).toBe(0);
    expect(await countRows('case_interventions', caseId)).toBe(0);
    expect(
      (await n.get(`/api/cases/${caseId}/referrals`)).json<{ items: { status: string }[] }>().items[0]
        ?.status,
    ).toBe('proposed');
    // Not even the app's own connection can log such a disclosure.
    await expect(
      inOrg(t.deps.db, orgId, (trx) =>
        sql`insert into disclosures (id, org_id, case_id, kind, referral_id, partner_id, recipient, purpose,
              categories, channel, consent_id, disclosed_on, disclosed_at)
            values (${randomUUID()}, ${orgId}, ${caseId}, 'referral', ${referral.id}, ${police}, 'x',
              'authority_referral', ${['concern_summary']}, 'phone', ${c1.id}, ${day(t)}, now())`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/typed signature/);

    // Whoever took the signature cannot confirm it, not even through the database.
    expect((await n.post(`/api/cases/${caseId}/consents/${c1.id}/confirm`)).statusCode).toBe(403);
    await expect(
      inOrg(t.deps.db, orgId, (trx) =>
        trx
          .updateTable('consents')
          .set({ typed_confirmed_by: couns.userId, typed_confirmed_at: new Date() })
          .where('id', '=', c1.id)
          .execute(),
      ),
    ).rejects.toThrow(/consents_typed_confirmed_by_another/);

    const listed = (await c.get(`/api/cases/${caseId}/consents`)).json<{ items: unknown[] }>().items[0];
    expect(listed).toMatchObject({ canConfirm: true });
    const confirmed = await c.post(`/api/cases/${caseId}/consents/${c1.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      needsConfirmation: false,
      canConfirm: false,
      typedEvidence: { confirmedBy: 'Test coordinator', confirmedAt: t.clock.now().toISOString() },
    });
    expect((await c.post(`/api/cases/${caseId}/consents/${c1.id}/confirm`)).statusCode).toBe(403);

    const sent = await n.post(`/api/cases/${caseId}/referrals/${referral.id}/send`, { channel: 'phone' });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', consentId: c1.id });

    // The evidence is in the case's disclosure log; the privacy officer's log leaves out who was present.
    const evidence = {
      device: 'lightMyRequest',
      shownTextSha256: createHash('sha256').update(SHOWN).digest('hex'),
      signedBy: 'Test counsellor',
      confirmedBy: 'Test coordinator',
    };
    expect(
      (await n.get(`/api/cases/${caseId}/disclosures`)).json<{ items: unknown[] }>().items[0],
    ).toMatchObject({
      consentId: c1.id,
      typedSignature: { ...evidence, present: EVIDENCE.present },
    });
    const log = (await (await as(officer)).get('/api/disclosures')).json<{
      items: {
        consentId: string;
        typedSignature: unknown;
      }[];
    }>().items;
    expect(log.find((d) => d.consentId === c1.id)?.typedSignature).toMatchObject({
      ...evidence,
      present: null,
    });
  });

  it('lets a typed name cover a care referral without a second person, and asks nobody to confirm it', async () => {
    const { caseId, n } = await assignedCase();
    const c1 = (
      await n.post(
        `/api/cases/${caseId}/consents`,
        consent({ partnerType: 'mental_health', purpose: 'care_referral', ...typed }),
      )
    ).json<{ id: string }>();
    expect(c1).toMatchObject({ needsConfirmation: false, canConfirm: false });
    expect(await alertsOf(coord.userId, caseId)).not.toContain('consent_confirmation');
    const referral = await propose(n, caseId, ggz, 'care_referral');
    expect(referral.awaitingConfirmation).toBe(false);
    const sent = await n.post(`/api/cases/${caseId}/referrals/${referral.id}/send`, { channel: 'phone' });
    expect(sent.json()).toMatchObject({ status: 'sent', consentId: c1.id });
  });

  it('a drawn signature to the police needs no confirmation; a confirmed one is preferred over an unconfirmed one', async () => {
    const { caseId, n } = await assignedCase();
    await n.post(`/api/cases/${caseId}/consents`, consent({ partnerId: police, ...typed }));
    const drawnConsent = (
      await n.post(`/api/cases/${caseId}/consents`, consent({ partnerId: police, ...drawn }))
    ).json<{ id: string }>();
    const referral = await propose(n, caseId, police, 'authority_referral');
    expect(referral.awaitingConfirmation).toBe(false);
    const sent = await n.post(`/api/cases/${caseId}/referrals/${referral.id}/send`, { channel: 'phone' });
    expect(sent.json()).toMatchObject({ status: 'sent', consentId: drawnConsent.id });
  });

  it('keeps the partner’s answer, sealed, through accepted and completed; a cancellation keeps its reason', async () => {
    const { caseId, n } = await assignedCase();
    await n.post(
      `/api/cases/${caseId}/consents`,
      consent({ partnerType: 'mental_health', purpose: 'care_referral', ...drawn }),
    );
    const url = (id: string, action: string) => `/api/cases/${caseId}/referrals/${id}/${action}`;
    const first = await propose(n, caseId, ggz, 'care_referral');
    await n.post(url(first.id, 'send'), { channel: 'secure_email' });
    const accepted = await n.post(url(first.id, 'respond'), {
      outcome: 'accepted',
      note: 'Intake op 12 maart bij team Jeugd-ANSWER-MARKER',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      responseNote: 'Intake op 12 maart bij team Jeugd-ANSWER-MARKER',
    });
    const row = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('referrals')
        .select('response_note_enc')
        .where('id', '=', first.id)
        .executeTakeFirstOrThrow(),
    );
    expect(Buffer.from(row.response_note_enc!).toString('latin1')).not.toContain('ANSWER-MARKER');
    // An answer without a note keeps the earlier one; a new note replaces it.
    expect((await n.post(url(first.id, 'respond'), { outcome: 'completed' })).json()).toMatchObject({
      status: 'completed',
      responseNote: 'Intake op 12 maart bij team Jeugd-ANSWER-MARKER',
    });
    const second = await propose(n, caseId, ggz, 'care_referral');
    await n.post(url(second.id, 'send'), { channel: 'phone' });
    expect(
      (
        await n.post(url(second.id, 'respond'), { outcome: 'declined', note: 'Wachtlijst van 6 maanden' })
      ).json(),
    ).toMatchObject({ status: 'declined', responseNote: 'Wachtlijst van 6 maanden' });

    const third = await propose(n, caseId, ggz, 'care_referral');
    const cancelled = await n.post(url(third.id, 'cancel'), { reason: 'Moeder wil eerst zelf bellen' });
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      cancelCause: 'manual',
      cancelReason: 'Moeder wil eerst zelf bellen',
      responseNote: '',
    });
    const items = (await n.get(`/api/cases/${caseId}/referrals`)).json<{
      items: {
        id: string;
        responseNote: string;
      }[];
    }>().items;
    expect(items.find((r) => r.id === first.id)?.responseNote).toBe(
      'Intake op 12 maart bij team Jeugd-ANSWER-MARKER',
    );
    // A note on a move that is not allowed is not kept either.
    expect(
      (await n.post(url(third.id, 'respond'), { outcome: 'accepted', note: 'te laat' })).statusCode,
    ).toBe(409);
  });

  it('tells the counsellor when a withdrawal recorded by someone else cancels a proposed referral', async () => {
    const { caseId, c, n } = await assignedCase();
    const c1 = (
      await n.post(
        `/api/cases/${caseId}/consents`,
        consent({ partnerType: 'mental_health', purpose: 'care_referral', ...drawn }),
      )
    ).json<{ id: string }>();
    await propose(n, caseId, ggz, 'care_referral');
    expect(await alertsOf(couns.userId, caseId)).not.toContain('referral_cancelled');
    const res = await c.post(`/api/cases/${caseId}/consents/${c1.id}/withdraw`, {
      note: 'belde de hulplijn',
    });
    expect(res.json<{ cancelledReferrals: string[] }>().cancelledReferrals).toHaveLength(1);
    expect(await alertsOf(couns.userId, caseId)).toEqual(['referral_cancelled']);
    // Who withdrew it knows already.
    expect(await alertsOf(coord.userId, caseId)).not.toContain('referral_cancelled');
    const work = (await n.get('/api/my-work')).json<{ alerts: { kind: string; caseId: string }[] }>();
    expect(work.alerts).toContainEqual(expect.objectContaining({ kind: 'referral_cancelled', caseId }));
  });
  it('lets the privacy officer filter the disclosure log by case reference and export it as CSV, audited', async () => {
    const { caseId, n } = await assignedCase();
    await n.post(
      `/api/cases/${caseId}/consents`,
      consent({ partnerType: 'mental_health', purpose: 'care_referral', ...typed }),
    );
    const referral = await propose(n, caseId, ggz, 'care_referral');
    await n.post(`/api/cases/${caseId}/referrals/${referral.id}/send`, { channel: 'phone' });
    const reference = (await n.get(`/api/cases/${caseId}`)).json<{ reference: string }>().reference;

    const o = await as(officer);
    const filtered = (await o.get(`/api/disclosures?caseReference=${reference}`)).json<{
      items: {
        caseReference: string;
      }[];
    }>().items;
    expect(filtered.length).toBe(1);
    expect(filtered.every((d) => d.caseReference === reference)).toBe(true);
    expect(
      (await o.get('/api/disclosures?caseReference=1999-9999')).json<{ items: unknown[] }>().items,
    ).toEqual([]);

    const res = await o.get(`/api/disclosures/export.csv?caseReference=${reference}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('disclosed_at,case_reference,kind,recipient,categories,channel,basis,disclosed_by');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${reference},referral,`);
    expect(lines[1]).toContain(',phone,consent,');
    // No case content: the summary text never appears.
    expect(res.body).not.toMatch(/trekt zich terug/);

    const audited = (await o.get('/api/audit?entity=disclosure_log')).json<{ items: { action: string }[] }>()
      .items;
    expect(audited.map((e) => e.action)).toContain('disclosure.export');
    for (const who of [coord, couns]) {
      const denied = await (await as(who)).get('/api/disclosures/export.csv');
      expect(denied.statusCode).toBe(403);
    }
  });
});
