import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import type { Database } from './db/database.js';
import { inOrg } from './db/database.js';
import { openDatabase } from './db/open.js';
import type { Deps } from './lib/deps.js';
import { verifyAndCheckpoint } from './modules/audit/audit.service.js';
import { enqueue, type JobHandler } from './modules/jobs/jobs.service.js';
import { startWorker } from './modules/jobs/jobs.worker.js';
import { intakeBody, terms } from './test/cases-fixtures.js';
import { testKinds } from './test/databases.js';
import {
  Agent,
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  type SignedIn,
  type TestApp,
} from './test/harness.js';

const kinds = await testKinds();
const LIMIT = 40;

/** Two app instances on one PostgreSQL: nothing an instance keeps in memory may matter to the other. */
describe.skipIf(!kinds.includes('postgres'))('two app instances on one PostgreSQL', () => {
  let a: TestApp;
  let second: Database;
  let depsB: Deps;
  let appB: FastifyInstance;
  let admin: SignedIn;
  let coord: SignedIn;
  let coord2: SignedIn;
  let orgId: string;

  /** The same browser (cookie and CSRF token), talking to instance B. */
  const onB = (agent: Agent, ip = agent.ip): Agent => {
    const other = new Agent({ ...a, app: appB }, ip);
    other.cookie = agent.cookie;
    other.csrf = agent.csrf;
    return other;
  };

  beforeAll(async () => {
    a = await createTestApp('postgres', {
      API_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      JOBS_POLL_MS: '50',
    });
    second = await openDatabase(a.tdb.openConfig, pino({ level: 'silent' }));
    depsB = { ...a.deps, db: second.db };
    appB = await buildApp(depsB, { databaseKind: 'postgres', web: false });
    await appB.ready();
    admin = await setupOrganisation(a);
    coord = await inviteAndActivate(a, admin.agent, 'coordinator');
    coord2 = await inviteAndActivate(a, admin.agent, 'coordinator');
    const session = (await admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>();
    orgId = session.organisation.id;
  });
  afterAll(async () => {
    await appB?.close();
    await second?.close();
    await a?.close();
  });

  it('accepts on B a session that was created on A, and ends it on both at sign-out', async () => {
    const viaB = onB(coord.agent);
    const res = await viaB.get('/api/auth/session');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ user: { id: string } }>().user.id).toBe(coord.userId);

    const signedOut = await inviteAndActivate(a, admin.agent, 'analyst');
    const viaBToo = onB(signedOut.agent);
    expect((await viaBToo.get('/api/auth/session')).statusCode).toBe(200);
    expect((await signedOut.agent.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    const after = await viaBToo.get('/api/my-work');
    expect(after.statusCode).toBe(401);
  });

  it('delivers an in-app alert raised through A to a coordinator reading through B', async () => {
    const tx = await terms(coord.agent);
    const intake = await coord.agent.post('/api/intake', intakeBody(tx, { immediateDanger: true }));
    expect(intake.statusCode).toBe(200);
    const caseId = intake.json<{ caseId: string }>().caseId;

    const viaB = onB(coord2.agent);
    const work = (await viaB.get('/api/my-work')).json<{
      alerts: { id: string; caseId: string | null }[];
    }>();
    const alert = work.alerts.find((x) => x.caseId === caseId);
    expect(alert).toBeDefined();
    expect((await viaB.post(`/api/alerts/${alert!.id}/read`)).statusCode).toBe(204);
    const onA = (await coord2.agent.get('/api/my-work')).json<{ alerts: { id: string }[] }>();
    expect(onA.alerts.map((x) => x.id)).not.toContain(alert!.id);
  });

  it('runs each job exactly once with a worker in each instance', async () => {
    const ran: number[] = [];
    const handlers: Record<string, JobHandler> = {
      'test.once': async (_ctx, payload) => {
        ran.push(Number(payload.n));
        // Long enough that both workers are polling while jobs are being worked.
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
    };
    for (let n = 0; n < 40; n++) {
      await inOrg(a.deps.db, orgId, (trx) =>
        enqueue(
          { db: trx, actor: { kind: 'system', orgId }, clock: a.clock },
          { kind: 'test.once', payload: { n }, runAt: a.clock.now() },
        ),
      );
    }
    const workers = [startWorker(a.deps, handlers), startWorker(depsB, handlers)];
    try {
      const deadline = Date.now() + 30_000;
      while (ran.length < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      // Give a double run the chance to show itself.
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    expect(ran).toHaveLength(40);
    expect(new Set(ran).size).toBe(40);
  });

  it('links every audit and access-log entry exactly once with a linker in each instance', async () => {
    const tx = await terms(coord.agent);
    const onBoth = [coord.agent, onB(coord2.agent)];
    // Writes and logged reads through both instances, while both linkers run.
    const workers = [
      startWorker(a.deps, {}, { linkEveryMs: 20 }),
      startWorker(depsB, {}, { linkEveryMs: 20 }),
    ];
    try {
      const caseIds: string[] = [];
      await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          const res = await onBoth[i % 2]!.post('/api/intake', intakeBody(tx, { outcome: 'open_case' }));
          expect(res.statusCode).toBe(200);
          caseIds.push(res.json<{ caseId: string }>().caseId);
        }),
      );
      await Promise.all(
        caseIds.map(async (id, i) =>
          expect((await onBoth[i % 2]!.get(`/api/cases/${id}`)).statusCode).toBe(200),
        ),
      );
      const waiting = () =>
        inOrg(a.deps.db, orgId, async (trx) => ({
          audit: (await trx.selectFrom('audit_log').select('id').where('seq', 'is', null).execute()).length,
          access: (
            await trx
              .selectFrom('access_log')
              .select('id')
              .where('seq', 'is', null)
              .where('mac', 'is not', null)
              .execute()
          ).length,
        }));
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const w = await waiting();
        if (w.audit === 0 && w.access === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await waiting()).toEqual({ audit: 0, access: 0 });
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    // One chain, no place given twice, every entry in it: verified without linking anything more.
    const result = await inOrg(a.deps.db, orgId, (trx) =>
      verifyAndCheckpoint(trx, a.deps.keyring, orgId, {
        dataDir: a.config.dataDir,
        now: a.clock.now(),
        write: false,
        link: false,
      }),
    );
    expect(result).toMatchObject({ ok: true, waiting: 0, accessLog: { ok: true, waiting: 0 } });
    const total = await inOrg(a.deps.db, orgId, async (trx) => ({
      audit: (await trx.selectFrom('audit_log').select('id').execute()).length,
      access: (await trx.selectFrom('access_log').select('id').execute()).length,
    }));
    expect(result.checked).toBe(total.audit);
    expect(result.accessLog.checked).toBe(total.access);
  });

  it('shares the per-IP API rate limit between the instances', async () => {
    // The limit counts per minute of wall-clock time. Rather than sleep into a fresh minute and hope the
    // requests finish inside it (a busy machine can take longer), an attempt that straddled a minute boundary
    // is thrown away and repeated from a new address; the assertions hold for one attempt inside one window.
    const minute = () => Math.floor(Date.now() / 60_000);
    for (let attempt = 1; ; attempt++) {
      const startedIn = minute();
      const client = new Agent(a, `10.77.${attempt}.1`);
      const viaB = onB(client);
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT; i++) {
        statuses.push((await (i % 2 === 0 ? client : viaB).get('/api/health')).statusCode);
      }
      const overOnA = await client.get('/api/health');
      const overOnB = await viaB.get('/api/health');
      if (minute() !== startedIn && attempt < 3) continue;
      expect(minute()).toBe(startedIn);
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(overOnA.statusCode).toBe(429);
      expect(overOnB.statusCode).toBe(429);
      expect(overOnB.headers['content-type']).toContain('application/problem+json');
      // Another address is not affected.
      expect((await new Agent(a, `10.77.${attempt}.2`).get('/api/health')).statusCode).toBe(200);
      return;
    }
  });
});
