import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { normaliseArabic, pdfText } from '../../test/pdf-text.js';
import { testKinds } from '../../test/databases.js';
import { day } from '../../test/cases-fixtures.js';
import type { SignedIn, TestApp } from '../../test/harness.js';
import { sixMonthsOn, PNG, PDF, TYPED_EVIDENCE, TYPED, consentWorld } from '../../test/consent-fixtures.js';

const kinds = await testKinds();

/** Recording consent: who may, what is refused, verbal then written, the signed form and the printed one. */
describe.each(kinds)('consent: recording, documents and settings on %s', (kind) => {
  const { world, as, assignedCase, consentBody, count } = consentWorld(kind);
  let t: TestApp;
  let admin: SignedIn;
  let coord: SignedIn;
  let coord2: SignedIn;
  let couns: SignedIn;
  let couns2: SignedIn;
  let analyst: SignedIn;
  let officer: SignedIn;
  let orgId: string;
  let municipality: string;
  beforeAll(
    () => ({ t, admin, coord, coord2, couns, couns2, analyst, officer, orgId, municipality } = world),
  );

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
      expect(
        res.json<{ errors: { field: string; reason: string }[] }>().errors,
        JSON.stringify(over),
      ).toEqual(expect.arrayContaining([expect.objectContaining({ field, reason })]));
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
    expect(fake.json<{ code: string }>().code).toBe('unsupported_file');
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

  it('takes the consent period and the days to make verbal consent written from the settings', async () => {
    const a = await as(admin);
    const bad = await a.request('PATCH', '/api/organisation/settings', {
      consent: { validMonths: 0, writtenDays: 7 },
    });
    expect(bad.json<{ errors: { field: string; reason: string }[] }>().errors[0]).toMatchObject({
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
