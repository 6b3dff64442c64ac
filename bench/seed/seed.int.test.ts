import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../src/server/db/database.js';
import { verifyOrganisation } from '../../src/server/modules/audit/audit.verify.js';
import { hashPassword } from '../../src/server/modules/auth/password.js';
import { normalisePhone } from '../../src/server/modules/intake/phone.js';
import { testKinds } from '../../src/server/test/databases.js';
import { createTestApp, signIn, STRONG_PASSWORD, type TestApp } from '../../src/server/test/harness.js';
import { seed, type SeededOrg } from './generator.js';
import { SUMMARIES } from './vocabulary.js';

const kinds = await testKinds();

/** What seed 7 makes with these options, on either database: rows per table of each organisation. */
const EXPECTED = [
  {
    callers: 145,
    contacts: 181,
    case_log: 167,
    case_subjects: 36,
    subject_status_events: 22,
    cases: 36,
    case_interventions: 62,
    tasks: 17,
    consents: 12,
    referrals: 7,
    disclosures: 7,
    contact_observations: 32,
    case_observations: 32,
    audit_log: 707,
  },
  {
    callers: 97,
    contacts: 119,
    case_log: 85,
    case_subjects: 19,
    subject_status_events: 9,
    cases: 19,
    case_interventions: 19,
    consents: 5,
    referrals: 3,
    disclosures: 3,
    contact_observations: 7,
    case_observations: 7,
    audit_log: 348,
  },
];

describe.each(kinds)('seeded data on %s', (kind) => {
  let t: TestApp;
  let orgs: SeededOrg[];

  beforeAll(async () => {
    t = await createTestApp(kind, { API_RATE_LIMIT_PER_MINUTE: '100000' });
    orgs = await seed(t.deps, {
      dialect: kind,
      contacts: 300,
      orgs: 2,
      counsellors: 20,
      seed: 7,
      years: 1,
      now: t.clock.now(),
      passwordHash: await hashPassword(STRONG_PASSWORD),
    });
  });
  afterAll(() => t.close());

  const coordinatorOf = async (org: SeededOrg, ip: string) => {
    const c = org.staff.find((s) => s.role === 'coordinator')!;
    return signIn(
      t,
      { agent: undefined as never, userId: c.userId, email: c.email, secret: c.totpSecret },
      ip,
    );
  };

  it('makes the same records for the same seed, and they are all in the database', async () => {
    const total = (table: string) => orgs.reduce((n, o) => n + (o.counts[table] ?? 0), 0);
    expect(total('contacts')).toBe(300);
    expect(orgs.map((o) => o.counts)).toEqual(EXPECTED);
    const counted = await t.asOwner(async (db) => {
      const out: Record<string, number> = {};
      for (const table of [
        'contacts',
        'cases',
        'callers',
        'case_log',
        'consents',
        'referrals',
        'disclosures',
      ])
        out[table] = Number(
          (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n,
        );
      return out;
    });
    for (const [table, n] of Object.entries(counted)) expect(n, table).toBe(total(table));
    // About one contact in five has its own case; most are information only.
    expect(total('cases') / total('contacts')).toBeGreaterThan(0.12);
    expect(total('cases') / total('contacts')).toBeLessThan(0.28);
  });

  it('leaves every organisation with an intact audit chain', async () => {
    for (const org of orgs) {
      const result = await inOrg(t.deps.db, org.orgId, (trx) =>
        verifyOrganisation(trx, t.deps.keyring, org.orgId, undefined, t.clock.now()),
      );
      expect(result.ok, org.name).toBe(true);
      const rows = await inOrg(t.deps.db, org.orgId, (trx) =>
        trx
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow(),
      );
      // Every entry written, from the organisation's creation to the last case event, is in the walk.
      expect(result.checked).toBe(Number(rows.n));
      expect(result.checked).toBeGreaterThan(org.counts.audit_log!);
    }
  });

  it('lets a coordinator list and open cases, decrypted by the app', async () => {
    const org = orgs[0]!;
    const agent = await coordinatorOf(org, '10.40.0.1');
    const list = await agent.get('/api/cases?limit=20');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { id: string; reference: string }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    // One this coordinator took in (a case assigned to someone else asks them for a reason first).
    const coordinatorId = org.staff.find((s) => s.role === 'coordinator')!.userId;
    const own = await inOrg(t.deps.db, org.orgId, (trx) =>
      trx
        .selectFrom('cases')
        .select('id')
        .where('coordinator_id', '=', coordinatorId)
        .where('counsellor_id', 'is not', null)
        .orderBy('opened_at', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow(),
    );
    const res = await agent.get(`/api/cases/${own.id}`);
    expect(res.statusCode).toBe(200);
    const detail = res.json<{ summary: string; reference: string }>();
    expect(SUMMARIES).toContain(detail.summary);
    const timeline = await agent.get(`/api/cases/${own.id}/timeline`);
    expect(timeline.statusCode).toBe(200);
    expect(timeline.json<{ items: unknown[] }>().items.length).toBeGreaterThan(1);
  });

  it("keeps organisations apart: another organisation's case answers 404 and is invisible to queries", async () => {
    const [a, b] = orgs as [SeededOrg, SeededOrg];
    const otherCase = await inOrg(t.deps.db, b.orgId, (trx) =>
      trx.selectFrom('cases').select('id').limit(1).executeTakeFirstOrThrow(),
    );
    const agent = await coordinatorOf(a, '10.40.0.2');
    expect((await agent.get(`/api/cases/${otherCase.id}`)).statusCode).toBe(404);
    const seen = await inOrg(t.deps.db, a.orgId, (trx) =>
      trx.selectFrom('cases').select('id').where('org_id', '=', b.orgId).execute(),
    );
    expect(seen).toEqual([]);
  });

  it('marks a demo organisation as demo data in the session, and a seeded one not', async () => {
    const [demo] = await seed(t.deps, {
      dialect: kind,
      contacts: 20,
      orgs: 1,
      counsellors: 2,
      seed: 1,
      years: 1,
      now: t.clock.now(),
      demo: true,
      onePerRole: true,
      orgNames: ['Demo Hulplijn'],
      passwordHash: await hashPassword(STRONG_PASSWORD),
    });
    expect(demo!.staff.map((s) => s.role).sort()).toEqual([
      'admin',
      'analyst',
      'coordinator',
      'privacy_officer',
    ]);
    const session = async (org: SeededOrg, ip: string) =>
      (await (await coordinatorOf(org, ip)).get('/api/auth/session')).json<{
        organisation: { name: string; demo?: boolean };
      }>().organisation;
    expect(await session(demo!, '10.40.0.5')).toMatchObject({ name: 'Demo Hulplijn', demo: true });
    expect((await session(orgs[0]!, '10.40.0.6')).demo).toBe(false);
  });

  it('recognises a seeded repeat caller by phone number', async () => {
    const org = orgs[0]!;
    expect(org.repeatCallerPhone).not.toBeNull();
    expect(normalisePhone(org.repeatCallerPhone!)).toMatch(/^\+316\d{8}$/);
    const agent = await coordinatorOf(org, '10.40.0.3');
    const known = await agent.post('/api/intake/lookup', { phone: org.repeatCallerPhone });
    expect(known.statusCode).toBe(200);
    expect(known.json<{ known: boolean }>().known).toBe(true);
    const unknown = await agent.post('/api/intake/lookup', { phone: '0612000000' });
    expect(unknown.json<{ known: boolean }>().known).toBe(false);
    // The other organisation's keys make a different index: its coordinator does not know this caller.
    const other = await coordinatorOf(orgs[1]!, '10.40.0.4');
    const elsewhere = await other.post('/api/intake/lookup', { phone: org.repeatCallerPhone });
    expect(elsewhere.json<{ known: boolean }>().known).toBe(false);
  });
});
