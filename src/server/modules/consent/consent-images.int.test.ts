import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { sealBytes } from '../../lib/fields.js';
import { PDF_STRINGS } from '../../lib/pdf/strings.js';
import { testKinds } from '../../test/databases.js';
import { day, openCase, staffOrganisation, type Terms } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from '../../test/harness.js';
import { HOSTILE_PNGS, plainPng } from '../../test/hostile-images.js';
import { normaliseArabic, pdfImages, pdfText, signaturePng } from '../../test/pdf-text.js';
import type { Problem } from '../../../shared/problem.schema.js';

const kinds = await testKinds();

/**
 * Images from outside on every path that takes one: a drawn signature (create and sign) and a signed form
 * upload. A hostile image is refused with a field and a reason and nothing is written; one stored before
 * images were checked prints as a note, and the server goes on serving.
 */
describe.each(kinds)('images in consent on %s', (kind) => {
  let t: TestApp;
  let coord: SignedIn;
  let couns: SignedIn;
  let tx: Terms;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ coord, couns, tx, orgId } = await staffOrganisation(t));
    await makeEligible(t, coord.agent, couns.userId, { maxActiveCases: 20 });
  });
  afterAll(() => t.close());

  async function assignedCase(): Promise<{ caseId: string; n: Agent }> {
    const c = await signIn(t, coord, '10.7.0.1');
    const { caseId } = await openCase(c, tx, { summary: 'Zorgen om zoon' });
    await c.post(`/api/cases/${caseId}/assign`, { counsellorId: couns.userId });
    return { caseId, n: await signIn(t, couns, '10.7.0.2') };
  }

  const drawnBody = (png: Buffer, over: Record<string, unknown> = {}) => ({
    requestId: randomUUID(),
    givenBy: 'Moeder Amina',
    categories: ['contact_details'],
    partnerType: 'municipality',
    purpose: 'care_referral',
    method: 'signature_drawn',
    drawnSignature: png.toString('base64'),
    givenOn: day(t),
    language: 'nl',
    ...over,
  });

  const consentCount = (caseId: string) =>
    inOrg(t.deps.db, orgId, async (trx) =>
      Number(
        (
          await trx
            .selectFrom('consents')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('case_id', '=', caseId)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );

  it.each([
    ['huge dimensions in the header', 'dimensions'],
    ['8000×8000 pixels', 'dimensions'],
    ['truncated image data', 'corrupt'],
    ['a wrong CRC', 'corrupt'],
    ['image data that inflates far beyond its header (zip bomb)', 'corrupt'],
  ])(
    'refuses a drawn signature with %s (400 %s) on create and sign, and writes nothing',
    async (name, reason) => {
      const { caseId, n } = await assignedCase();
      const png = HOSTILE_PNGS[name]!();
      const created = await n.post(`/api/cases/${caseId}/consents`, drawnBody(png));
      expect(created.statusCode).toBe(400);
      expect(created.headers['content-type']).toContain('application/problem+json');
      expect(created.json<Problem>().errors).toEqual([
        expect.objectContaining({ field: 'drawnSignature', reason }),
      ]);
      expect(await consentCount(caseId)).toBe(0);

      const verbal = (
        await n.post(
          `/api/cases/${caseId}/consents`,
          drawnBody(png, { method: 'verbal', drawnSignature: undefined }),
        )
      ).json<{ id: string }>();
      const signed = await n.post(`/api/cases/${caseId}/consents/${verbal.id}/sign`, {
        method: 'signature_drawn',
        drawnSignature: png.toString('base64'),
      });
      expect(signed.statusCode).toBe(400);
      expect(signed.json<Problem>().errors).toEqual([
        expect.objectContaining({ field: 'drawnSignature', reason }),
      ]);
      const after = (await n.get(`/api/cases/${caseId}/consents`)).json<{ items: unknown[] }>().items[0];
      expect(after).toMatchObject({ status: 'pending_written', hasDrawnSignature: false });
    },
  );

  it('refuses a hostile PNG or JPEG as the signed form with a field and a reason, and stores nothing', async () => {
    const { caseId, n } = await assignedCase();
    const id = (
      await n.post(`/api/cases/${caseId}/consents`, drawnBody(signaturePng(), { method: 'uploaded_form' }))
    ).json<{ id: string }>().id;
    const jpeg = Buffer.from([
      ...[0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
      ...[0xff, 0xc0, 0, 11, 8, 0xff, 0xff, 0xff, 0xff, 1, 1, 0x11, 0],
      ...[0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0, 0xff, 0xd9],
    ]);
    for (const [file, reason] of [
      [HOSTILE_PNGS['huge dimensions in the header']!(), 'dimensions'],
      [HOSTILE_PNGS['truncated image data']!(), 'corrupt'],
      [jpeg, 'dimensions'],
    ] as const) {
      const res = await n.request('PUT', `/api/cases/${caseId}/consents/${id}/document`, {
        fileName: 'form.png',
        data: file.toString('base64'),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors).toEqual([expect.objectContaining({ field: 'data', reason })]);
    }
    const stored = await inOrg(t.deps.db, orgId, (trx) =>
      trx.selectFrom('consent_documents').select('id').where('consent_id', '=', id).execute(),
    );
    expect(stored).toEqual([]);
    // A sound scan of a whole page is still welcome.
    const ok = await n.request('PUT', `/api/cases/${caseId}/consents/${id}/document`, {
      fileName: 'form.png',
      data: plainPng(1240, 1754).toString('base64'),
    });
    expect(ok.statusCode).toBe(200);
  });

  it('stores a drawn signature as plain RGB and prints it', async () => {
    const { caseId, n } = await assignedCase();
    const created = await n.post(`/api/cases/${caseId}/consents`, drawnBody(signaturePng(1800, 360)));
    expect(created.statusCode).toBe(201);
    const form = await n.get(`/api/cases/${caseId}/consents/${created.json<{ id: string }>().id}/form.pdf`);
    expect(form.statusCode).toBe(200);
    expect(await pdfImages(form.rawPayload)).toHaveLength(1);
  });

  it('prints a hostile signature stored before the check as a note, and keeps serving', async () => {
    const { caseId, n } = await assignedCase();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (await n.post(`/api/cases/${caseId}/consents`, drawnBody(signaturePng()))).json<{ id: string }>().id,
      );
    const hostile = [
      HOSTILE_PNGS['huge dimensions in the header']!(),
      HOSTILE_PNGS['truncated image data']!(),
      HOSTILE_PNGS['image data that inflates far beyond its header (zip bomb)']!(),
    ];
    // As the database owner, the way such a row got there before uploads were checked.
    await t.asOwner(async (db) => {
      for (const [i, id] of ids.entries()) {
        const sealed = await sealBytes(
          { db, keyring: t.deps.keyring, actor: { orgId } },
          'consents',
          'drawn_signature',
          id,
          hostile[i]!,
        );
        await db.updateTable('consents').set({ drawn_signature_enc: sealed }).where('id', '=', id).execute();
      }
    });
    // The app was rebuilt on the owner's way out (PGlite): sign in again.
    const agent = kind === 'pglite' ? await signIn(t, couns, '10.7.0.3') : n;
    for (const id of ids) {
      for (const lang of ['nl', 'ar'] as const) {
        const form = await agent.get(`/api/cases/${caseId}/consents/${id}/form.pdf?lang=${lang}`);
        expect(form.statusCode).toBe(200);
        expect(await pdfImages(form.rawPayload)).toHaveLength(0);
        expect(normaliseArabic(await pdfText(form.rawPayload))).toContain(
          normaliseArabic(PDF_STRINGS[lang].signature.unreadable),
        );
      }
    }
    expect((await agent.get('/api/health')).statusCode).toBe(200);
    expect((await agent.get(`/api/cases/${caseId}/consents`)).statusCode).toBe(200);
  });
});
