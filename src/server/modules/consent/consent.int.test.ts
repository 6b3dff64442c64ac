import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { normaliseArabic, pdfText, signaturePng } from '../../test/pdf-text.js';
import { testKinds } from '../../test/databases.js';
import { day, openCase, staffOrganisation, type Terms } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from '../../test/harness.js';
import type { Problem } from '../../../shared/problem.schema.js';

const kinds = await testKinds();

/** The same day six months later (the tests never start on the 29th–31st). */
const sixMonthsOn = (d: string) => {
  const date = new Date(`${d}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 6);
  return date.toISOString().slice(0, 10);
};

/** A 1×1 PNG, and a minimal PDF: real files by their content. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\nSIGNED-FORM-MARKER\n');
const SIGNATURE = signaturePng(60, 18).toString('base64');
const TYPED_EVIDENCE = { present: 'Moeder Amina en haar broer', shownText: 'Ik geef toestemming.' };
const TYPED = { method: 'signature_typed', typedName: 'Amina B.', typedEvidence: TYPED_EVIDENCE };

describe.each(kinds)('consent, referrals and disclosures on %s', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  let coord: SignedIn;
  let coord2: SignedIn;
  let couns: SignedIn;
  let couns2: SignedIn;
  let analyst: SignedIn;
  let officer: SignedIn;
  let tx: Terms;
  let orgId: string;
  let municipality: string;
  let ggz: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ admin, coord, coord2, couns, couns2, analyst, officer, tx, orgId } = await staffOrganisation(t));
    await makeEligible(t, coord.agent, couns.userId, { maxActiveCases: 20 });
    const partner = async (name: string, type: string) =>
      (await coord.agent.post('/api/partners', { name, type, municipality: 'Utrecht' })).json<{
        id: string;
      }>().id;
    municipality = await partner('Gemeente Utrecht, team Zorg en Veiligheid', 'municipality');
    ggz = await partner('GGZ Centraal', 'mental_health');
  });
  afterAll(() => t.close());

  const as = (who: SignedIn) =>
    signIn(t, who, `10.6.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);

  async function assignedCase(): Promise<{ caseId: string; c: Agent; n: Agent }> {
    const c = await as(coord);
    const { caseId } = await openCase(c, tx, { summary: 'Zoon trekt zich terug SUMMARY-MARKER' });
    expect((await c.post(`/api/cases/${caseId}/assign`, { counsellorId: couns.userId })).statusCode).toBe(
      204,
    );
    return { caseId, c, n: await as(couns) };
  }

  const consentBody = (over: Record<string, unknown> = {}) => ({
    requestId: randomUUID(),
    givenBy: 'Moeder Amina',
    categories: ['contact_details', 'concern_summary'],
    partnerId: null,
    partnerType: 'municipality',
    purpose: 'care_referral',
    method: 'signature_drawn',
    drawnSignature: SIGNATURE,
    givenOn: day(t),
    language: 'nl',
    ...over,
  });

  const count = (table: 'consents' | 'referrals' | 'disclosures' | 'consent_documents', caseId?: string) =>
    inOrg(t.deps.db, orgId, async (trx) => {
      let q = trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
      if (caseId && table !== 'consent_documents') q = q.where('case_id', '=', caseId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    });

  it('lets the case’s counsellor and coordinators record consent; everyone else gets 404 or a reason step', async () => {
    const { caseId, n } = await assignedCase();
    expect((await n.post(`/api/cases/${caseId}/consents`, consentBody())).statusCode).toBe(201);
    // The assigning coordinator took the case in: full access.
    expect((await (await as(coord)).get(`/api/cases/${caseId}/consents`)).statusCode).toBe(200);
    // Another coordinator must give a reason first.
    expect((await (await as(coord2)).get(`/api/cases/${caseId}/consents`)).json()).toMatchObject({
      code: 'reason_required',
    });
    for (const who of [couns2, admin, analyst, officer]) {
      const a = await as(who);
      expect((await a.get(`/api/cases/${caseId}/consents`)).statusCode, who.email).toBe(404);
      expect((await a.post(`/api/cases/${caseId}/consents`, consentBody())).statusCode, who.email).toBe(404);
      expect((await a.get(`/api/cases/${caseId}/referrals`)).statusCode, who.email).toBe(404);
      expect((await a.get(`/api/cases/${caseId}/disclosures`)).statusCode, who.email).toBe(404);
      expect((await a.get(`/api/cases/${caseId}/meetings`)).statusCode, who.email).toBe(404);
    }
    expect(await count('consents', caseId)).toBe(1);
  });

  it('refuses bad consent input with a field and a reason, and writes nothing', async () => {
    const { caseId, n } = await assignedCase();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ method: 'signature_typed', typedEvidence: TYPED_EVIDENCE }, 'typedName', 'required'],
      [{ method: 'signature_typed', typedName: 'Amina B.' }, 'typedEvidence', 'required'],
      [{ method: 'signature_drawn', drawnSignature: undefined }, 'drawnSignature', 'required'],
      [{ method: 'signature_drawn', drawnSignature: PDF.toString('base64') }, 'drawnSignature', 'not_png'],
      [{ partnerId: municipality }, 'partnerId', 'partner_or_type'],
      [{ partnerType: null }, 'partnerId', 'partner_or_type'],
      [{ givenOn: day(t, 2) }, 'givenOn', 'in_future'],
      [{ validUntil: day(t, -1) }, 'validUntil', 'before_given'],
      [{ validUntil: day(t, 800) }, 'validUntil', 'too_long'],
      [{ categories: [] }, 'categories', 'too_small'],
      [{ categories: ['ethnicity'] }, 'categories.0', 'invalid_value'],
    ];
    for (const [over, field, reason] of cases) {
      const res = await n.post(`/api/cases/${caseId}/consents`, consentBody(over));
      expect(res.statusCode, field).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<Problem>().errors, JSON.stringify(over)).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, reason })]),
      );
    }
    expect(await count('consents', caseId)).toBe(0);
  });

  it('records a consent once per request id, encrypts who gave it, and defaults to 12 months', async () => {
    const { caseId, n } = await assignedCase();
    const body = consentBody(TYPED);
    const first = await n.post(`/api/cases/${caseId}/consents`, body);
    const again = await n.post(`/api/cases/${caseId}/consents`, body);
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    expect(first.json()).toMatchObject({
      status: 'active',
      givenBy: 'Moeder Amina',
      validUntil: `${Number(day(t).slice(0, 4)) + 1}${day(t).slice(4)}`,
      writtenOn: day(t),
    });
    expect(await count('consents', caseId)).toBe(1);
    const raw = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('consents')
        .select(['given_by_enc', 'typed_name_enc'])
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    );
    expect(Buffer.from(raw.given_by_enc).toString('latin1')).not.toContain('Amina');
    expect(Buffer.from(raw.typed_name_enc!).toString('latin1')).not.toContain('Amina');
  });

  it('keeps verbal consent "pending written" with a task until it is signed in the app', async () => {
    const { caseId, n } = await assignedCase();
    const res = await n.post(
      `/api/cases/${caseId}/consents`,
      consentBody({ method: 'verbal', typedName: undefined }),
    );
    expect(res.json()).toMatchObject({
      status: 'pending_written',
      writtenOn: null,
      writtenDueOn: day(t, 14),
    });
    const task = async () =>
      (await n.get(`/api/cases/${caseId}`))
        .json<{
          tasks: { kind: string; title: string; done: boolean }[];
        }>()
        .tasks.find((x) => x.kind === 'consent_written');
    expect(await task()).toMatchObject({ title: 'Moeder Amina', done: false });
    const signed = await n.post(`/api/cases/${caseId}/consents/${res.json<{ id: string }>().id}/sign`, {
      method: 'signature_drawn',
      drawnSignature: PNG.toString('base64'),
    });
    expect(signed.json()).toMatchObject({
      status: 'active',
      hasDrawnSignature: true,
      method: 'signature_drawn',
    });
    expect(await task()).toMatchObject({ done: true });
    expect(
      (
        await n.post(`/api/cases/${caseId}/consents/${res.json<{ id: string }>().id}/sign`, {
          method: 'signature_typed',
          typedName: 'x',
          typedEvidence: TYPED_EVIDENCE,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('accepts a signed form by content only, stores it encrypted, and logs every view', async () => {
    const { caseId, n } = await assignedCase();
    const id = (
      await n.post(
        `/api/cases/${caseId}/consents`,
        consentBody({ method: 'uploaded_form', typedName: undefined }),
      )
    ).json<{ id: string }>().id;
    const url = `/api/cases/${caseId}/consents/${id}/document`;
    // A text file named .pdf is refused; so is anything over 5 MB.
    const fake = await n.request('PUT', url, {
      fileName: 'form.pdf',
      data: Buffer.from('MZ not a pdf').toString('base64'),
    });
    expect(fake.statusCode).toBe(415);
    expect(fake.json<Problem>().code).toBe('unsupported_file');
    const huge = await n.request('PUT', url, {
      fileName: 'form.pdf',
      data: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]).toString('base64'),
    });
    expect(huge.statusCode).toBe(413);
    expect(await count('consent_documents')).toBe(0);

    const ok = await n.request('PUT', url, {
      fileName: 'getekend formulier.jpg',
      data: PDF.toString('base64'),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'active',
      document: { mediaType: 'application/pdf', size: PDF.length },
    });
    const stored = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('consent_documents')
        .select(['id', 'content_enc'])
        .where('consent_id', '=', id)
        .executeTakeFirstOrThrow(),
    );
    expect(Buffer.from(stored.content_enc).toString('latin1')).not.toContain('SIGNED-FORM-MARKER');

    const view = await n.get(url);
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toBe('application/pdf');
    expect(view.headers['content-disposition']).toContain('attachment');
    expect(view.rawPayload.equals(PDF)).toBe(true);
    const logged = await inOrg(t.deps.db, orgId, (trx) =>
      trx.selectFrom('access_log').select(['actor_id']).where('entity_id', '=', stored.id).execute(),
    );
    expect(logged).toEqual([{ actor_id: couns.userId }]);
    expect((await (await as(couns2)).get(url)).statusCode).toBe(404);
    // A second upload does not replace the first.
    expect(
      (await n.request('PUT', url, { fileName: 'x.png', data: PNG.toString('base64') })).statusCode,
    ).toBe(409);
  });

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
      expect(res.json<Problem>().code).toBe('consent_required');
    }
    expect((await n.get(`${base}/summary?override=true&force=1`)).json<Problem>().code).toBe(
      'consent_required',
    );
    expect((await n.get(`${base}/summary`)).json<Problem>().code).toBe('consent_required');
    expect((await n.get(`${base}/summary.pdf`)).statusCode).toBe(409);
    expect(await count('disclosures', caseId)).toBe(0);

    // A consent for another purpose or fewer categories does not cover it either.
    await n.post(`/api/cases/${caseId}/consents`, consentBody({ purpose: 'authority_referral' }));
    await n.post(`/api/cases/${caseId}/consents`, consentBody({ categories: ['contact_details'] }));
    const still = (await n.get(`/api/cases/${caseId}/referrals`)).json<{ items: { coverage: unknown }[] }>()
      .items[0];
    expect(still?.coverage).toMatchObject({ covered: false, missingCategories: ['concern_summary'] });
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

  it('prints the consent form for this case in the caller’s language, with the organisation and the scope', async () => {
    const { caseId, n } = await assignedCase();
    const c = (
      await n.post(`/api/cases/${caseId}/consents`, consentBody({ language: 'tr', ...TYPED }))
    ).json<{ id: string }>();
    const org = (await n.get('/api/auth/session')).json<{ organisation: { name: string } }>().organisation
      .name;
    const reference = (await n.get(`/api/cases/${caseId}`)).json<{ reference: string }>().reference;
    const form = await n.get(`/api/cases/${caseId}/consents/${c.id}/form.pdf`);
    expect(form.headers['content-type']).toBe('application/pdf');
    expect(form.headers['content-disposition']).toBe('attachment; filename="consent-form.pdf"');
    const text = await pdfText(form.rawPayload);
    for (const part of [org, reference, 'Moeder Amina', 'Amina B.']) expect(text).toContain(part);
    expect(text).toMatch(/geri çek/i); // Turkish withdrawal instructions
    const arabic = await pdfText(
      (await n.get(`/api/cases/${caseId}/consents/${c.id}/form.pdf?lang=ar`)).rawPayload,
    );
    expect(arabic).toContain(reference);
    expect(normaliseArabic(arabic)).toContain(normaliseArabic('سحب'));
    expect((await (await as(couns2)).get(`/api/cases/${caseId}/consents/${c.id}/form.pdf`)).statusCode).toBe(
      404,
    );
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
    const body = summary.json<Record<string, unknown>>();
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
    expect((await n.get(`/api/cases/${caseId}/referrals/${sentId}/summary`)).json<Problem>().code).toBe(
      'consent_required',
    );
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
    expect((await n.post(`${base}/share`)).json<Problem>().code).toBe('consent_required');
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
    expect(summary.json<Record<string, unknown>>().contactDetails).toBeUndefined();
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
    type Page = { items: { id: string; caseReference: string }[]; next: string | null };
    const first = log.json<Page>();
    expect(first.items).toHaveLength(2);
    expect(first.next).toEqual(expect.any(String));
    const rest = (
      await (await as(officer)).get(`/api/disclosures?limit=200&cursor=${first.next}`)
    ).json<Page>();
    const all = [...first.items, ...rest.items];
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
    expect(all.length).toBe(await count('disclosures'));
    for (const who of [coord, couns, admin, analyst])
      expect((await (await as(who)).get('/api/disclosures')).statusCode, who.email).toBe(403);
  });

  it('takes the consent period and the days to make verbal consent written from the settings', async () => {
    const a = await as(admin);
    const bad = await a.request('PATCH', '/api/organisation/settings', {
      consent: { validMonths: 0, writtenDays: 7 },
    });
    expect(bad.json<Problem>().errors?.[0]).toMatchObject({
      field: 'consent.validMonths',
      reason: 'too_small',
    });
    const ok = await a.request('PATCH', '/api/organisation/settings', {
      consent: { validMonths: 6, writtenDays: 7 },
    });
    expect(ok.json()).toMatchObject({
      consent: { validMonths: 6, writtenDays: 7 },
      aftercareSchedule: { light: [91] },
    });
    expect(
      (
        await (
          await as(coord)
        ).request('PATCH', '/api/organisation/settings', { consent: { validMonths: 3, writtenDays: 7 } })
      ).statusCode,
    ).toBe(403);
    const { caseId, n } = await assignedCase();
    const res = await n.post(
      `/api/cases/${caseId}/consents`,
      consentBody({ method: 'verbal', typedName: undefined }),
    );
    expect(res.json()).toMatchObject({ validUntil: sixMonthsOn(day(t)), writtenDueOn: day(t, 7) });
    await a.request('PATCH', '/api/organisation/settings', { consent: { validMonths: 12, writtenDays: 14 } });
  });

  it('hides consent records from another organisation, even to a hand-written query', async () => {
    const other = randomUUID();
    const rows = await inOrg(t.deps.db, other, (trx) =>
      sql<{ n: number }>`select (select count(*) from consents)::int + (select count(*) from disclosures)::int
        + (select count(*) from referrals)::int + (select count(*) from emergency_requests)::int as n`.execute(
        trx,
      ),
    );
    expect(rows.rows[0]!.n).toBe(0);
    expect(await count('consents')).toBeGreaterThan(0);
  });
});
