import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBJECT_STATUSES } from '../../../shared/cases.schema.js';
import { testKinds } from '../../test/databases.js';
import { statementsOf } from '../../test/driver-statements.js';
import { intakeBody, terms, type Terms } from '../../test/cases-fixtures.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  halfSignIn,
  signIn,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';

const kinds = await testKinds();

describe.each(kinds)('statements per created contact on %s', (kind) => {
  let t: TestApp;
  let coordinator: SignedIn;
  let tx: Terms;
  const extra = kind === 'postgres' ? 1 : 0;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const admin = await setupOrganisation(t);
    coordinator = await inviteAndActivate(t, admin.agent, 'coordinator');
    tx = await terms(coordinator.agent);
    // Warm the caches (the organisation's data key) and the known caller, as on a running server.
    expect(
      (await coordinator.agent.post('/api/intake', intakeBody(tx, { outcome: 'info_only' }))).statusCode,
    ).toBe(200);
  });
  afterAll(() => t.close());

  /** The statements of one POST /api/intake, at the driver: BEGIN and COMMIT included. */
  async function count(body: Record<string, unknown>): Promise<string[]> {
    const statements = await statementsOf(async () => {
      const res = await coordinator.agent.post('/api/intake', body);
      expect(res.statusCode, res.body).toBe(200);
    });
    // One transaction: the session is looked up by one autocommit statement before it.
    expect(
      statements.filter((s) => /^begin/i.test(s)),
      statements.join('\n'),
    ).toHaveLength(1);
    return statements;
  }

  /*
   * The regression guard of issue 15. Counted are the statements the drivers send for one POST /api/intake,
   * BEGIN and COMMIT included; on PostgreSQL the shared per-IP API rate limit adds one autocommit upsert.
   *
   * An advice-only call of a known caller — 7 (12 statements in two transactions before issue 15):
   *   the session, its user and organisation (1, autocommit) · BEGIN · the organisation and role for
   *     row-level security (1) ·
   *   1 look-up of an earlier save of the request id, the caller by phone index and every named term
   *     (was: an advisory lock, the earlier save, category, relation, caller: 5) ·
   *   1 insert of the contact (a concurrent double submit waits on its unique request id instead of a lock) ·
   *   1 insert of the audit entries, unchained, each with its own MAC (was 2 while the request chained them:
   *     lock the head, then the entries and the head; the linker does that now, off the request path) · COMMIT
   *
   * A call that opens a case with two signals and a relative with a status — 15 (35 in two transactions
   * before issue 15): the same 1 + BEGIN + 1 + 1, the case reference counter and the case, the
   * contact, its observations (one insert), the contact-log entry, the organisation's time zone and language
   * (one look-up), the case's observations (one insert), the relative and their status — and 1 for all seven
   * audit entries (were 14: 2 each) · COMMIT.
   */
  it('creates an advice-only contact of a known caller in 7 statements, one transaction', async () => {
    const statements = await count(intakeBody(tx, { requestId: randomUUID(), outcome: 'info_only' }));
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(7 + extra);
  });

  it('opens a case with signals and a relative in 15 statements, one transaction', async () => {
    const statements = await count(
      intakeBody(tx, {
        requestId: randomUUID(),
        outcome: 'open_case',
        signalIds: [tx.byCode('signal', 'withdrawal'), tx.byCode('signal', 'online_content')],
        subject: { alias: 'Y.', ageBand: '16_17', status: SUBJECT_STATUSES[0] },
      }),
    );
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(15 + extra);
  });

  it('keeps every session and CSRF rule on saving a call, and gives every connection back', async () => {
    const url = '/api/intake';
    const body = () => intakeBody(tx, { requestId: randomUUID(), outcome: 'info_only' });
    const contacts = () =>
      t.asOwner(async (db) =>
        Number(
          (
            await db
              .selectFrom('contacts')
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
    const before = await contacts();
    const post = (headers: Record<string, string>, payload: unknown = body()) =>
      t.app.inject({ method: 'POST', url, remoteAddress: '10.9.1.1', headers, payload: payload as object });
    // No cookie: refused before the body is read, even a body that is not valid.
    const anonymous = await post({ 'x-csrf-token': 'none' }, { nonsense: true });
    expect([anonymous.statusCode, anonymous.json<{ code: string }>().code]).toEqual([401, 'unauthenticated']);
    // No CSRF header, or the wrong one: refused, with or without a session.
    const agent = await signIn(t, coordinator, '10.9.1.2');
    const cookie = agent.cookie!;
    expect((await post({ cookie })).json<{ code: string }>().code).toBe('csrf_failed');
    expect((await post({ cookie, 'x-csrf-token': 'x'.repeat(43) })).statusCode).toBe(403);
    // A live session with a body that is not valid: the field problem, and nothing saved.
    const invalid = await agent.post(url, { ...body(), channel: 'pigeon' });
    expect(invalid.statusCode).toBe(400);
    // Signed out: refused.
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await post({ cookie, 'x-csrf-token': agent.csrf })).statusCode).toBe(401);
    // Idle past the limit: refused, and the session stays ended.
    const idle = await signIn(t, coordinator, '10.9.1.3');
    t.clock.advance(t.config.sessionIdleMs + 1000);
    expect((await idle.post(url, body())).statusCode).toBe(401);
    t.clock.advance(-(t.config.sessionIdleMs + 1000));
    expect((await idle.post(url, body())).statusCode).toBe(401);
    // Half signed in (password, no second factor): not yet.
    const half = await halfSignIn(t, coordinator, '10.9.1.4');
    const pending = await post({ cookie: half.cookie, 'x-csrf-token': half.csrf });
    expect([pending.statusCode, pending.json<{ code: string }>().code]).toEqual([401, 'mfa_required']);
    expect(await contacts()).toBe(before);
    // More concurrent writes than the pool has connections (PostgreSQL: 10): all saved, none twice, and the
    // refused requests above gave their transactions back.
    const live = await signIn(t, coordinator, '10.9.1.5');
    const saved = await Promise.all(Array.from({ length: 24 }, () => live.post(url, body())));
    expect(saved.map((r) => r.statusCode)).toEqual(Array.from({ length: 24 }, () => 200));
    expect(await contacts()).toBe(before + 24);
  }, 60_000);
});
