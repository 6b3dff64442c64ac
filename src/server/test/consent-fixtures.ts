import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { inOrg } from '../db/database.js';
import { day, openCase, staffOrganisation, type Terms } from './cases-fixtures.js';
import { makeEligible } from './counsellor-fixtures.js';
import type { DbKind } from './databases.js';
import { createTestApp, signIn, type Agent, type SignedIn, type TestApp } from './harness.js';
import { signaturePng } from './pdf-text.js';

/** The same day six months later (the tests never start on the 29th–31st). */
export const sixMonthsOn = (d: string) => {
  const date = new Date(`${d}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 6);
  return date.toISOString().slice(0, 10);
};

/** A 1×1 PNG, and a minimal PDF: real files by their content. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\nSIGNED-FORM-MARKER\n');
export const SIGNATURE = signaturePng(60, 18).toString('base64');
export const TYPED_EVIDENCE = { present: 'Moeder Amina en haar broer', shownText: 'Ik geef toestemming.' };
export const TYPED = { method: 'signature_typed', typedName: 'Amina B.', typedEvidence: TYPED_EVIDENCE };

/** The organisation the consent suites work in: its staff, an eligible counsellor and two partners. */
export interface ConsentWorld {
  t: TestApp;
  admin: SignedIn;
  coord: SignedIn;
  coord2: SignedIn;
  couns: SignedIn;
  couns2: SignedIn;
  analyst: SignedIn;
  officer: SignedIn;
  tx: Terms;
  orgId: string;
  municipality: string;
  ggz: string;
}

/**
 * Sets up a consent suite on the enclosing `describe` (one app per database kind, closed after it) and returns
 * its world, filled before the first test, with the helpers the suites share.
 */
export function consentWorld(kind: DbKind) {
  const w = {} as ConsentWorld;
  beforeAll(async () => {
    w.t = await createTestApp(kind);
    Object.assign(w, await staffOrganisation(w.t));
    await makeEligible(w.t, w.coord.agent, w.couns.userId, { maxActiveCases: 20 });
    const partner = async (name: string, type: string) =>
      (await w.coord.agent.post('/api/partners', { name, type, municipality: 'Utrecht' })).json<{
        id: string;
      }>().id;
    w.municipality = await partner('Gemeente Utrecht, team Zorg en Veiligheid', 'municipality');
    w.ggz = await partner('GGZ Centraal', 'mental_health');
  });
  afterAll(() => w.t.close());

  const as = (who: SignedIn) =>
    signIn(w.t, who, `10.6.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);

  async function assignedCase(): Promise<{ caseId: string; c: Agent; n: Agent }> {
    const c = await as(w.coord);
    const { caseId } = await openCase(c, w.tx, { summary: 'Zoon trekt zich terug SUMMARY-MARKER' });
    expect((await c.post(`/api/cases/${caseId}/assign`, { counsellorId: w.couns.userId })).statusCode).toBe(
      204,
    );
    return { caseId, c, n: await as(w.couns) };
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
    givenOn: day(w.t),
    language: 'nl',
    ...over,
  });

  const count = (table: 'consents' | 'referrals' | 'disclosures' | 'consent_documents', caseId?: string) =>
    inOrg(w.t.deps.db, w.orgId, async (trx) => {
      let q = trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
      if (caseId && table !== 'consent_documents') q = q.where('case_id', '=', caseId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    });

  return { world: w, as, assignedCase, consentBody, count };
}
