import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { openCase, terms, type Terms } from '../../test/cases-fixtures.js';
import { testKinds } from '../../test/databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type Agent,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';
import { signaturePng } from '../../test/pdf-text.js';

const SIGNATURE = signaturePng(40, 12).toString('base64');

/**
 * Model-based test: random sequences of consent, referral, withdrawal, time and emergency operations run
 * against the real API, next to a deliberately simple model of the rules. After every step the API must
 * agree with the model on whether a disclosure was allowed, and the database must hold exactly the
 * disclosures the model allowed — so no sequence yields a disclosure without a covering, active consent or
 * an approved emergency request.
 */
const kinds = await testKinds();

const CATEGORIES = ['contact_details', 'concern_summary', 'signals'] as const;
const PURPOSES = ['care_referral', 'authority_referral'] as const;
type Cat = (typeof CATEGORIES)[number];
type Purpose = (typeof PURPOSES)[number];
type Target = { partner: 0 | 1 } | { type: 'municipality' | 'mental_health' };

type Op =
  | { op: 'consent'; target: Target; purpose: Purpose; categories: Cat[]; verbal: boolean }
  | { op: 'sign'; i: number }
  | { op: 'withdraw'; i: number }
  | { op: 'days'; n: number }
  | { op: 'propose'; partner: 0 | 1; purpose: Purpose; categories: Cat[] }
  | { op: 'send'; i: number }
  | { op: 'summary'; i: number }
  | { op: 'emergency'; partner: 0 | 1; categories: Cat[] }
  | { op: 'decide'; i: number; self: boolean; approve: boolean }
  | { op: 'disclose'; i: number };

const cats = fc.subarray([...CATEGORIES], { minLength: 1 });
const idx = fc.nat({ max: 4 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('consent' as const),
    target: fc.oneof(
      fc.record({ partner: fc.constantFrom(0 as const, 1 as const) }),
      fc.record({ type: fc.constantFrom('municipality' as const, 'mental_health' as const) }),
    ),
    purpose: fc.constantFrom(...PURPOSES),
    categories: cats,
    verbal: fc.boolean(),
  }),
  fc.record({ op: fc.constant('sign' as const), i: idx }),
  fc.record({ op: fc.constant('withdraw' as const), i: idx }),
  fc.record({ op: fc.constant('days' as const), n: fc.constantFrom(1, 200, 400) }),
  fc.record({
    op: fc.constant('propose' as const),
    partner: fc.constantFrom(0 as const, 1 as const),
    purpose: fc.constantFrom(...PURPOSES),
    categories: cats,
  }),
  fc.record({ op: fc.constant('send' as const), i: idx }),
  fc.record({ op: fc.constant('summary' as const), i: idx }),
  fc.record({
    op: fc.constant('emergency' as const),
    partner: fc.constantFrom(0 as const, 1 as const),
    categories: cats,
  }),
  fc.record({ op: fc.constant('decide' as const), i: idx, self: fc.boolean(), approve: fc.boolean() }),
  fc.record({ op: fc.constant('disclose' as const), i: idx }),
);

interface ModelConsent {
  id: string;
  target: Target;
  purpose: Purpose;
  categories: Cat[];
  givenOn: string;
  validUntil: string;
  written: boolean;
  withdrawn: boolean;
}
interface ModelReferral {
  id: string;
  partner: 0 | 1;
  purpose: Purpose;
  categories: Cat[];
  status: 'proposed' | 'sent' | 'cancelled';
}
interface ModelEmergency {
  id: string;
  status: 'pending' | 'approved' | 'rejected' | 'disclosed';
  approvedAt: number;
}

describe.each(kinds)('disclosure model on %s', (kind) => {
  let t: TestApp;
  let coord: SignedIn;
  let coord2: SignedIn;
  let tx: Terms;
  let orgId: string;
  const partners: { id: string; type: 'municipality' | 'mental_health' }[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const admin = await setupOrganisation(t);
    coord = await inviteAndActivate(t, admin.agent, 'coordinator');
    coord2 = await inviteAndActivate(t, admin.agent, 'coordinator');
    tx = await terms(coord.agent);
    orgId = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>().organisation
      .id;
    for (const [name, type] of [
      ['Gemeente Rotterdam', 'municipality'],
      ['GGZ Rijnmond', 'mental_health'],
    ] as const) {
      const res = await coord.agent.post('/api/partners', { name, type });
      partners.push({ id: res.json<{ id: string }>().id, type });
    }
    // New accounts wait a week before the emergency path (four eyes): start the model after that week.
    t.clock.advance(8 * 86_400_000);
  });
  afterAll(() => t.close());

  let signIns = 0;
  const today = () => t.clock.now().toISOString().slice(0, 10);
  const plusYear = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;

  function covered(consents: ModelConsent[], partner: 0 | 1, purpose: Purpose, categories: Cat[]): boolean {
    const day = today();
    return consents.some(
      (c) =>
        c.written &&
        !c.withdrawn &&
        c.givenOn <= day &&
        day <= c.validUntil &&
        c.purpose === purpose &&
        ('partner' in c.target ? c.target.partner === partner : c.target.type === partners[partner]!.type) &&
        categories.every((x) => c.categories.includes(x)),
    );
  }

  it('never produces a disclosure without a covering, active consent or an approved emergency request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 14 }), async (ops) => {
        // The coordinator who takes the call keeps the case (unassigned): full access, whatever the date.
        // A new address for every sign-in: the sign-in routes allow 30 a minute from one address.
        const fresh = async () => ({
          c: await signIn(t, coord, `10.9.${++signIns % 250}.2`),
          c2: await signIn(t, coord2, `10.9.${signIns % 250}.3`),
        });
        let a: { c: Agent; c2: Agent } = await fresh();
        const { caseId } = await openCase(a.c, tx);
        const consents: ModelConsent[] = [];
        const referrals: ModelReferral[] = [];
        const emergencies: ModelEmergency[] = [];
        let allowed = 0;

        for (const op of ops) {
          switch (op.op) {
            case 'consent': {
              const res = await a.c.post(`/api/cases/${caseId}/consents`, {
                givenBy: 'Vader',
                categories: op.categories,
                partnerId: 'partner' in op.target ? partners[op.target.partner]!.id : null,
                partnerType: 'type' in op.target ? op.target.type : null,
                purpose: op.purpose,
                // Drawn: a typed name to the authorities also waits for a coordinator (referrals.int.test.ts).
                method: op.verbal ? 'verbal' : 'signature_drawn',
                ...(op.verbal ? {} : { drawnSignature: SIGNATURE }),
                givenOn: today(),
              });
              expect(res.statusCode).toBe(201);
              consents.push({
                id: res.json<{ id: string }>().id,
                target: op.target,
                purpose: op.purpose,
                categories: op.categories,
                givenOn: today(),
                validUntil: plusYear(today()),
                written: !op.verbal,
                withdrawn: false,
              });
              break;
            }
            case 'sign': {
              const m = consents[op.i];
              if (!m) break;
              const res = await a.c.post(`/api/cases/${caseId}/consents/${m.id}/sign`, {
                method: 'signature_drawn',
                drawnSignature: SIGNATURE,
              });
              expect(res.statusCode).toBe(!m.written && !m.withdrawn ? 200 : 409);
              if (!m.withdrawn) m.written = true;
              break;
            }
            case 'withdraw': {
              const m = consents[op.i];
              if (!m) break;
              const res = await a.c.post(`/api/cases/${caseId}/consents/${m.id}/withdraw`, {});
              expect(res.statusCode).toBe(m.withdrawn ? 409 : 200);
              // Pending referrals this consent covered, and no other consent covers, are cancelled.
              const before = m.withdrawn ? [] : [{ ...m }];
              m.withdrawn = true;
              for (const r of referrals)
                if (
                  r.status === 'proposed' &&
                  covered(before, r.partner, r.purpose, r.categories) &&
                  !covered(consents, r.partner, r.purpose, r.categories)
                )
                  r.status = 'cancelled';
              break;
            }
            case 'days':
              t.clock.advance(op.n * 86_400_000);
              a = await fresh();
              break;
            case 'propose': {
              const res = await a.c.post(`/api/cases/${caseId}/referrals`, {
                requestId: randomUUID(),
                partnerId: partners[op.partner]!.id,
                purpose: op.purpose,
                categories: op.categories,
              });
              expect(res.statusCode).toBe(201);
              expect(res.json<{ coverage: { covered: boolean } }>().coverage.covered).toBe(
                covered(consents, op.partner, op.purpose, op.categories),
              );
              referrals.push({ id: res.json<{ id: string }>().id, ...op, status: 'proposed' });
              break;
            }
            case 'send': {
              const r = referrals[op.i];
              if (!r) break;
              const res = await a.c.post(`/api/cases/${caseId}/referrals/${r.id}/send`, {
                channel: 'phone',
                override: true,
              });
              const ok = r.status === 'proposed' && covered(consents, r.partner, r.purpose, r.categories);
              expect(res.statusCode, JSON.stringify({ r, consents, day: today() })).toBe(ok ? 200 : 409);
              if (ok) {
                r.status = 'sent';
                allowed++;
              }
              break;
            }
            case 'summary': {
              const r = referrals[op.i];
              if (!r) break;
              const res = await a.c.get(`/api/cases/${caseId}/referrals/${r.id}/summary`);
              const ok = r.status !== 'cancelled' && covered(consents, r.partner, r.purpose, r.categories);
              expect(res.statusCode).toBe(ok ? 200 : 409);
              if (ok) expect(res.json<{ categories: string[] }>().categories).toEqual(r.categories);
              break;
            }
            case 'emergency': {
              const res = await a.c.post(`/api/cases/${caseId}/emergency`, {
                ground: 'danger_to_life',
                legalBasis: 'vital_interest',
                reason: 'Acuut levensgevaar volgens de beller, vandaag nog.',
                partnerId: partners[op.partner]!.id,
                categories: op.categories,
                channel: 'phone',
                informCaller: true,
              });
              expect(res.statusCode).toBe(201);
              emergencies.push({ id: res.json<{ id: string }>().id, status: 'pending', approvedAt: 0 });
              break;
            }
            case 'decide': {
              const e = emergencies[op.i];
              if (!e) break;
              const who = op.self ? a.c : a.c2;
              const res = await who.post(`/api/emergency-requests/${e.id}/decision`, {
                decision: op.approve ? 'approve' : 'reject',
                note: 'besluit na overleg',
              });
              const ok = !op.self && e.status === 'pending';
              expect(res.statusCode).toBe(ok ? 200 : op.self ? 403 : 409);
              if (ok) {
                e.status = op.approve ? 'approved' : 'rejected';
                e.approvedAt = t.clock.now().getTime();
              }
              break;
            }
            case 'disclose': {
              const e = emergencies[op.i];
              if (!e) break;
              const res = await a.c.post(`/api/emergency-requests/${e.id}/disclose`);
              // An approval allows the disclosure for 24 hours only.
              const ok = e.status === 'approved' && t.clock.now().getTime() - e.approvedAt <= 24 * 3_600_000;
              expect(res.statusCode).toBe(ok ? 200 : e.status === 'pending' ? 403 : 409);
              if (ok) {
                e.status = 'disclosed';
                allowed++;
              }
              break;
            }
          }
          const rows = await inOrg(t.deps.db, orgId, (trx) =>
            trx
              .selectFrom('disclosures')
              .select(['consent_id', 'emergency_id'])
              .where('case_id', '=', caseId)
              .execute(),
          );
          expect(rows.length).toBe(allowed);
          for (const row of rows) expect(row.consent_id !== null || row.emergency_id !== null).toBe(true);
        }
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 12) },
    );
  });
});
