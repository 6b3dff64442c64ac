import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import { testKinds } from '../../test/databases.js';
import { createTestApp, setupOrganisation, type TestApp } from '../../test/harness.js';
import { enqueue, runDueJobs, type JobHandler } from './jobs.service.js';

const kinds = await testKinds();

describe.each(kinds)('job queue on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  const ran: string[] = [];
  const handlers: Record<string, JobHandler> = {
    'test.note': async (_ctx, payload) => {
      ran.push(String(payload.n));
    },
    'test.flaky': async (_ctx, payload) => {
      ran.push(`flaky-${String(payload.n)}`);
      throw new Error('temporary failure');
    },
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    await setupOrganisation(t);
    orgId = await t.asOwner(
      async (db) => (await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id,
    );
  });
  afterAll(() => t.close());

  const put = (kind: string, n: number, runAt: Date, dedupeKey?: string) =>
    inOrg(t.deps.db, orgId, (trx) =>
      enqueue(
        { db: trx, actor: { kind: 'system', orgId }, clock: t.clock },
        { kind, payload: { n }, runAt, ...(dedupeKey ? { dedupeKey } : {}), maxAttempts: 2 },
      ),
    );

  it('runs due jobs once, leaves future ones, and deduplicates by key', async () => {
    const now = t.clock.now();
    await put('test.note', 1, now, 'note-1');
    await put('test.note', 1, now, 'note-1');
    await put('test.note', 2, new Date(now.getTime() + 3_600_000));
    expect(await runDueJobs(t.deps, handlers, 'w1')).toBe(1);
    expect(ran).toEqual(['1']);
    expect(await runDueJobs(t.deps, handlers, 'w1')).toBe(0);
    t.clock.advance(3_600_000);
    expect(await runDueJobs(t.deps, handlers, 'w1')).toBe(1);
    expect(ran).toEqual(['1', '2']);
  });

  it('survives a restart: a queued job runs on the reopened database', async () => {
    await put('test.note', 3, t.clock.now());
    await t.restart();
    expect(await runDueJobs(t.deps, handlers, 'w2')).toBe(1);
    expect(ran.at(-1)).toBe('3');
  });

  it('never gives one job to two workers', async () => {
    for (let n = 10; n < 20; n++) await put('test.note', n, t.clock.now());
    const before = ran.length;
    const counts = await Promise.all([
      runDueJobs(t.deps, handlers, 'a', 5),
      runDueJobs(t.deps, handlers, 'b', 5),
      runDueJobs(t.deps, handlers, 'c', 5),
    ]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(10);
    const done = ran.slice(before);
    expect(new Set(done).size).toBe(10);
  });

  it('retries a failing job with back-off, then marks it failed', async () => {
    await put('test.flaky', 7, t.clock.now());
    await runDueJobs(t.deps, handlers, 'w3');
    expect(await runDueJobs(t.deps, handlers, 'w3')).toBe(0);
    t.clock.advance(31_000);
    await runDueJobs(t.deps, handlers, 'w3');
    expect(ran.filter((r) => r === 'flaky-7')).toHaveLength(2);
    t.clock.advance(3_600_000);
    expect(await runDueJobs(t.deps, handlers, 'w3')).toBe(0);
    const row = await inOrg(t.deps.db, orgId, (trx) =>
      trx
        .selectFrom('jobs')
        .select(['status', 'attempts', 'last_error'])
        .where('kind', '=', 'test.flaky')
        .executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ status: 'failed', attempts: 2, last_error: 'temporary failure' });
  });

  it('takes over a job whose worker died, after its lease ends', async () => {
    await put('test.note', 42, t.clock.now());
    const { sql } = await import('kysely');
    // Worker "dead" claims the job and never finishes it.
    await sql`select * from jobs_claim('dead', 10, 300, ${t.clock.now()})`.execute(t.deps.db);
    expect(await runDueJobs(t.deps, handlers, 'alive')).toBe(0);
    t.clock.advance(301_000);
    expect(await runDueJobs(t.deps, handlers, 'alive')).toBe(1);
    expect(ran.at(-1)).toBe('42');
  });
});
