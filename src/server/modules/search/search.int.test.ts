import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { testKinds } from '../../test/databases.js';
import { openCase, staffOrganisation, terms, type Staff, type Terms } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import {
  Agent,
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  signIn,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';
import { indexCallerAliases } from './alias-backfill.js';

const kinds = await testKinds();

interface Found {
  items: { caseId: string; reference: string; callerAlias: string; matchedBy: string; state: string }[];
  more: boolean;
}

describe.each(kinds)('search on %s', (kind) => {
  let t: TestApp;
  let s: Staff;
  let coordB: SignedIn;
  let txB: Terms;
  // Case 1: counsellor 1's, caller "Umm Karîm" with a phone; case 2: counsellor 2's; case 3: unassigned.
  const cases: Record<'one' | 'two' | 'three' | 'otherOrg', { caseId: string; reference: string }> =
    {} as never;

  beforeAll(async () => {
    t = await createTestApp(kind);
    s = await staffOrganisation(t);
    await makeEligible(t, s.coord.agent, s.couns.userId);
    await makeEligible(t, s.coord.agent, s.couns2.userId);
    const c = s.coord.agent;
    cases.one = await openCase(c, s.tx, { callerAlias: 'Umm Karîm', phone: '06 12 34 56 01' });
    cases.two = await openCase(c, s.tx, { callerAlias: 'Abu Yusuf', phone: '+31 6 12345602' });
    cases.three = await openCase(c, s.tx, { callerAlias: 'Moeder van S.', phone: '' });
    for (const [key, who] of [
      ['one', s.couns],
      ['two', s.couns2],
    ] as const) {
      const res = await c.post(`/api/cases/${cases[key].caseId}/assign`, { counsellorId: who.userId });
      expect(res.statusCode).toBe(204);
    }
    // Another organisation with the same alias, the same phone number and the same first reference (set-up
    // runs once per installation: the owner releases the claim first).
    await t.asOwner((db) => sql`delete from installation`.execute(db));
    const adminB = await setupOrganisation(t, 'Hulplijn Zuid', 'admin@zuid.example');
    coordB = await inviteAndActivate(t, adminB.agent, 'coordinator', 'coord@zuid.example');
    txB = await terms(coordB.agent);
    cases.otherOrg = await openCase(coordB.agent, txB, { callerAlias: 'Umm Karim', phone: '0612345601' });
  });
  afterAll(() => t.close());

  const as = (who: SignedIn) =>
    signIn(t, who, `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`);
  const find = async (agent: Agent, term: string) => {
    const res = await agent.post('/api/search', { term });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Found>();
  };
  const ids = (found: Found) => found.items.map((i) => i.caseId);

  it('finds a case by its whole reference or its beginning, and never another organisation’s', async () => {
    const coord = await as(s.coord);
    expect(cases.one.reference).toBe(cases.otherOrg.reference);
    const exact = await find(coord, cases.one.reference);
    expect(exact.items[0]).toMatchObject({
      caseId: cases.one.caseId,
      reference: cases.one.reference,
      callerAlias: 'Umm Karîm',
      state: 'active',
      matchedBy: 'reference',
    });
    expect(ids(exact)).not.toContain(cases.otherOrg.caseId);
    const prefix = await find(coord, cases.one.reference.slice(0, 6));
    expect(ids(prefix)).toEqual(expect.arrayContaining([cases.one.caseId, cases.two.caseId]));
    expect(ids(prefix)).not.toContain(cases.otherOrg.caseId);
    // A pattern character in the term is matched literally, not as a wildcard.
    expect((await find(coord, '%')).items).toEqual([]);
    expect((await find(coord, '2026_0')).items).toEqual([]);
    const b = await find(await as(coordB), cases.one.reference);
    expect(ids(b)).toEqual([cases.otherOrg.caseId]);
  });

  it('finds the same caller by phone number in three notations, through the keyed hash only', async () => {
    const coord = await as(s.coord);
    for (const phone of ['+31 6 12 34 56 01', '06-12345601', '0031612345601']) {
      const found = await find(coord, phone);
      expect(ids(found), phone).toEqual([cases.one.caseId]);
      expect(found.items[0]!.matchedBy).toBe('phone');
    }
    expect(ids(await find(await as(coordB), '06-12345601'))).toEqual([cases.otherOrg.caseId]);
    expect((await find(coord, '06-12345699')).items).toEqual([]);
  });

  it('finds a caller by alias regardless of case, diacritics and spacing; exact match only', async () => {
    const coord = await as(s.coord);
    for (const alias of ['umm karim', 'UMM   KARÎM', ' Umm Kàrim ']) {
      const found = await find(coord, alias);
      expect(ids(found), alias).toEqual([cases.one.caseId]);
      expect(found.items[0]).toMatchObject({ matchedBy: 'alias', callerAlias: 'Umm Karîm' });
    }
    expect((await find(coord, 'Karim')).items).toEqual([]);
    expect(ids(await find(coord, 'moeder van s.'))).toEqual([cases.three.caseId]);
  });

  it('shows each role what the case list shows it: a counsellor only their own cases', async () => {
    const couns = await as(s.couns);
    const couns2 = await as(s.couns2);
    const coord2 = await as(s.coord2);
    for (const term of [cases.one.reference, 'umm karim', '06-12345601']) {
      expect(ids(await find(couns, term)), term).toEqual([cases.one.caseId]);
      expect(ids(await find(couns2, term)), term).toEqual([]);
      // Another coordinator finds it, as in the case list; opening it still asks for a reason.
      expect(ids(await find(coord2, term)), term).toEqual([cases.one.caseId]);
    }
    expect(ids(await find(couns2, 'abu yusuf'))).toEqual([cases.two.caseId]);
    expect(ids(await find(couns, 'abu yusuf'))).toEqual([]);
    // The unassigned case is nobody's: no counsellor finds it.
    expect(ids(await find(couns, cases.three.reference))).toEqual([]);
    for (const who of [s.admin, s.analyst, s.officer]) {
      const res = await (await as(who)).post('/api/search', { term: 'umm karim' });
      expect(res.statusCode, who.email).toBe(403);
    }
    expect((await new Agent(t).post('/api/search', { term: 'umm karim' })).statusCode).toBe(401);
  });

  it('refuses an empty or overlong term with a field error', async () => {
    const coord = await as(s.coord);
    for (const term of ['', '   ', 'x'.repeat(101)]) {
      const res = await coord.post('/api/search', { term });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ errors: [{ field: 'term' }] });
    }
  });

  it('logs that a search happened, never the term: not in the access log, the audit log or the request log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logApp = await buildApp(
      { ...t.deps, log: pino({ level: 'trace' }, sink) },
      { databaseKind: kind, web: false },
    );
    await logApp.ready();
    try {
      const coord = await as(s.coord);
      const logged = new Agent({ ...t, app: logApp }, coord.ip);
      logged.cookie = coord.cookie;
      logged.csrf = coord.csrf;
      const term = 'Umm Karîm';
      expect(ids((await logged.post('/api/search', { term })).json<Found>())).toEqual([cases.one.caseId]);
      expect((await logged.post('/api/search', { term: '06-12345601' })).statusCode).toBe(200);
      const log = lines.join('\n');
      expect(log).toContain('/api/search');
      for (const secret of ['Karîm', 'Karim', '12345601', '12-345601']) expect(log).not.toContain(secret);
    } finally {
      await logApp.close();
    }
    // No way to put the term in a URL: there is no GET, and a query string is not read.
    const coord = await as(s.coord);
    expect((await coord.get('/api/search?term=umm%20karim')).statusCode).toBe(404);
    expect((await coord.post('/api/search?term=umm%20karim', {})).statusCode).toBe(400);

    const rows = await t.asOwner(async (db) => ({
      access: await db
        .selectFrom('access_log')
        .select(['actor_id', 'entity', 'entity_id', 'purpose', 'reason'])
        .where('org_id', '=', s.orgId)
        .execute(),
      audit: await db.selectFrom('audit_log').selectAll().where('org_id', '=', s.orgId).execute(),
    }));
    expect(rows.access).toContainEqual(
      expect.objectContaining({
        actor_id: s.coord.userId,
        entity: 'case',
        entity_id: '*',
        purpose: 'search',
      }),
    );
    const stored = JSON.stringify(rows, (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    for (const secret of ['Karîm', 'Karim', 'karim', '12345601']) expect(stored).not.toContain(secret);
  });

  it('shows the caller’s alias and the category in the case list', async () => {
    const res = await (await as(s.couns)).get('/api/cases');
    const items = res.json<{ items: { id: string; callerAlias?: string; categoryId: string }[] }>().items;
    expect(items).toEqual([
      expect.objectContaining({
        id: cases.one.caseId,
        callerAlias: 'Umm Karîm',
        categoryId: s.tx.byCode('category', 'C1'),
      }),
    ]);
  });

  it('indexes at start-up the aliases of callers saved before search existed', async () => {
    await t.asOwner(async (db) => {
      await db.updateTable('callers').set({ alias_hmac: null }).execute();
    });
    expect((await find(await as(s.coord), 'umm karim')).items).toEqual([]);
    // Three callers in organisation A, one in B.
    expect(await indexCallerAliases(t.deps)).toBe(4);
    expect(ids(await find(await as(s.coord), 'umm karim'))).toEqual([cases.one.caseId]);
    expect(ids(await find(await as(coordB), 'umm karim'))).toEqual([cases.otherOrg.caseId]);
    expect(await indexCallerAliases(t.deps)).toBe(0);
  });

  it('limits how fast one person can search', async () => {
    const coord2 = await as(s.coord2);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i += 1)
      statuses.push((await coord2.post('/api/search', { term: `abu ${i}` })).statusCode);
    expect(statuses.filter((c) => c === 200).length).toBeLessThanOrEqual(60);
    expect(statuses).toContain(429);
  });
});
