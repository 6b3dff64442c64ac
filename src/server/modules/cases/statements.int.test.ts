import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { testKinds } from '../../test/databases.js';
import { statementsOf } from '../../test/driver-statements.js';
import { day, openCase, staffOrganisation, type Terms } from '../../test/cases-fixtures.js';
import {
  createTestApp,
  halfSignIn,
  signIn,
  type Agent,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';

/**
 * A regression guard for issue 15 (reading fast): how many SQL statements the hot reads send, counted at the
 * driver (BEGIN and COMMIT included), for one request each, on a case with a few items of every kind.
 *
 * Opening a case, in one transaction:
 *   BEGIN · the session, its user and organisation, with the RLS settings set in the same statement (1) ·
 *   the case with its caller, counsellor and any access grant (1) · every item list of the case (1) ·
 *   the access row, unchained with its own MAC (1, modules/audit) · COMMIT                     = 6
 * A page of the case list (filtered or not), in one transaction:
 *   BEGIN · session (1) · the organisation's time zone (1) · the page (1) · access row (1) · COMMIT = 6
 * On PostgreSQL the shared per-IP API rate limit adds one autocommit upsert to every request (+1).
 * Before issue 15 these were 19 statements in 2 transactions (open a case) and 12 in 2 (a list page); with
 * the access row chained in the request (a head lock, then the row and the head) 7 and 7.
 */
const LIMITS = {
  openCase: 6,
  listPage: 6,
};

const kinds = await testKinds();

describe.each(kinds)('statements per read on %s', (kind) => {
  let t: TestApp;
  let coord: SignedIn;
  let tx: Terms;
  let c: Agent;
  let caseId: string;
  const extra = kind === 'postgres' ? 1 : 0;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ({ coord, tx } = await staffOrganisation(t));
    c = await signIn(t, coord, '10.9.0.1');
    for (let i = 0; i < 3; i++) await openCase(c, tx);
    ({ caseId } = await openCase(c, tx));
    const add = async (path: string, body: Record<string, unknown>) => {
      const res = await c.post(`/api/cases/${caseId}/${path}`, { requestId: randomUUID(), ...body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const subjectId = await add('subjects', { alias: 'Z.' });
    await add('status-events', { subjectId, status: 'at_home', occurredOn: day(t) });
    await add('observations', { kind: 'protective', observedOn: day(t), text: 'Steunende oom' });
    await add('goals', { text: 'Weer samen eten' });
    await add('log', {
      occurredAt: t.clock.now().toISOString(),
      channel: 'phone',
      durationMinutes: 10,
      note: 'Kort gesprek',
    });
    await add('interventions', { interventionId: tx.byCode('intervention', 'I1'), occurredOn: day(t) });
    await add('tasks', { title: 'Terugbellen', dueOn: day(t, 1) });
  });
  afterAll(() => t.close());

  async function count(url: string): Promise<string[]> {
    expect((await c.get(url)).statusCode).toBe(200); // warm: keys cached, session touched
    return statementsOf(async () => {
      const res = await c.get(url);
      expect(res.statusCode, res.body).toBe(200);
    });
  }

  it('opens a case in one transaction of a few statements', async () => {
    const statements = await count(`/api/cases/${caseId}`);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(LIMITS.openCase + extra);
    expect(
      statements.filter((s) => /^begin/i.test(s)),
      statements.join('\n'),
    ).toHaveLength(1);
  });

  it('reads a page of the case list in one transaction of a few statements', async () => {
    for (const url of [
      '/api/cases?limit=25',
      '/api/cases?state=intake&municipality=Utrecht&sort=activity_desc',
    ]) {
      const statements = await count(url);
      expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(LIMITS.listPage + extra);
      expect(
        statements.filter((s) => /^begin/i.test(s)),
        statements.join('\n'),
      ).toHaveLength(1);
    }
  });

  it('serves many reads at once: a request never holds a connection while it waits for another', async () => {
    // More concurrent reads than the pool has connections (PostgreSQL: 10), with the shared rate limit
    // counting on a connection of its own: a request transaction opened before that count would deadlock.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        c.get(i % 2 ? `/api/cases/${caseId}` : '/api/cases?limit=25').then((r) => r.statusCode),
      ),
    );
    expect(results.every((code) => code === 200)).toBe(true);
  }, 30_000);

  it('keeps every session rule on the reads that resolve their session in their own transaction', async () => {
    const url = `/api/cases/${caseId}`;
    const anonymous = await t.app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(401);
    // Signed out: refused at once.
    const out = await signIn(t, coord, '10.9.0.2');
    const cookie = out.cookie!;
    expect((await out.get(url)).statusCode).toBe(200);
    expect((await out.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie } })).statusCode).toBe(401);
    // Idle past the limit: refused, and the session stays ended.
    const idle = await signIn(t, coord, '10.9.0.3');
    t.clock.advance(t.config.sessionIdleMs + 1000);
    expect((await idle.get(url)).statusCode).toBe(401);
    t.clock.advance(-(t.config.sessionIdleMs + 1000));
    expect((await idle.get(url)).statusCode).toBe(401);
    // Half signed in (password, no second factor): not yet.
    const half = await halfSignIn(t, coord, '10.9.0.4');
    const pending = await t.app.inject({ method: 'GET', url, headers: { cookie: half.cookie } });
    expect(pending.statusCode).toBe(401);
    expect(pending.json()).toMatchObject({ code: 'mfa_required' });
    // And the pool is whole afterwards: the refused requests gave their transactions back.
    expect((await c.get(url)).statusCode).toBe(200);
  });
});
