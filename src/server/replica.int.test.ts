import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, Report } from '../shared/reports.schema.js';
import { buildApp } from './app.js';
import { boot } from './boot.js';
import { loadConfig } from './config.js';
import type { Database } from './db/database.js';
import { REPLICA_APPLICATION_NAME } from './db/open.js';
import { ManualClock } from './lib/clock.js';
import { generateMasterKey } from './lib/crypto/master-key.js';
import { day, openCase, terms, type Terms } from './test/cases-fixtures.js';
import { createTestDatabase, PG_ADMIN_URL, testKinds, type TestDatabase } from './test/databases.js';
import { inviteAndActivate, setupOrganisation, type SignedIn, type TestApp } from './test/harness.js';

const kinds = await testKinds();
// The replica is made with the server's own binaries, as root (runuser postgres): CI runs so, and never skips
// this (testKinds() fails the run without PostgreSQL); a developer's non-root run skips it.
const canReplicate = kinds.includes('postgres') && (!!process.env.CI || process.getuid?.() === 0);
const SCRIPT = path.resolve(import.meta.dirname, '..', '..', 'scripts', 'replica.sh');
const run = promisify(execFile);

/** A free TCP port on this machine for the replica to listen on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `url` pointed at another host:port (and, when given, another database). */
function moved(url: string, port: number, database?: string): string {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Reports and dashboards on a read replica: a real streaming replica of the machine's PostgreSQL (made by
 * scripts/replica.sh with pg_basebackup), and the app booted as `npm start` boots it, with DATABASE_REPLICA_URL.
 */
describe.skipIf(!canReplicate)('a read replica for reports and dashboards', () => {
  let tdb: TestDatabase;
  let dir: string | undefined;
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let t: TestApp;
  let primary: pg.Client;
  let replica: pg.Client;
  let coord: SignedIn;
  let tx: Terms;
  let phone = 0;

  const caughtUp = async () => {
    const { rows } = await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    const deadline = Date.now() + 20_000;
    for (;;) {
      const done = await replica.query<{ ok: boolean }>(
        'select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok',
        [rows[0]!.lsn],
      );
      if (done.rows[0]!.ok) return;
      if (Date.now() > deadline) throw new Error('the replica did not catch up within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const contactsOn = async (client: pg.Client) =>
    (await client.query<{ n: number }>('select count(*)::int as n from contacts')).rows[0]!.n;
  const period = () => ({ from: day(t, -7), to: day(t, 1), language: 'en' as const });
  const requests = async () => {
    const res = await coord.agent.post('/api/reports/query', { measure: 'requests', ...period() });
    expect(res.statusCode).toBe(200);
    return res.json<Report>().total;
  };
  const dashboardRequests = async () => {
    const res = await coord.agent.post('/api/reports/dashboard', period());
    expect(res.statusCode).toBe(200);
    return res.json<Dashboard>().panels.find((p) => p.id === 'requests_by_province')!.report.total;
  };
  const createContact = async () => {
    await openCase(coord.agent, tx, { phone: `06 4${String(++phone).padStart(7, '0')}` });
  };

  beforeAll(async () => {
    // The test database exists before the base backup, so the replica starts with it.
    tdb = await createTestDatabase('postgres');
    const port = await freePort();
    dir = path.join(os.tmpdir(), `confidant-replica-${randomBytes(4).toString('hex')}`);
    const admin = new URL(PG_ADMIN_URL);
    await run('bash', [SCRIPT, 'start', dir, String(port)], {
      env: { ...process.env, PRIMARY_HOST: admin.hostname, PRIMARY_PORT: admin.port || '5432' },
    });
    const appUrl = tdb.openConfig.databaseUrl!;
    const ownerUrl = tdb.openConfig.databaseOwnerUrl!;
    const dbName = new URL(appUrl).pathname.slice(1);
    // Superuser connections to the same database on each side, to look behind the app's back.
    primary = new pg.Client({ connectionString: moved(PG_ADMIN_URL, Number(admin.port || 5432), dbName) });
    replica = new pg.Client({ connectionString: moved(PG_ADMIN_URL, port, dbName) });
    await primary.connect();
    await replica.connect();
    expect((await replica.query<{ r: boolean }>('select pg_is_in_recovery() as r')).rows[0]?.r).toBe(true);

    const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: tdb.openConfig.dataDir,
      DATABASE_URL: appUrl,
      DATABASE_OWNER_URL: ownerUrl,
      DATABASE_REPLICA_URL: moved(appUrl, port),
      MASTER_KEY: generateMasterKey().key.toString('base64'),
    });
    const booted = await boot(config, clock);
    database = booted.database;
    expect(booted.deps.replica).toBeDefined();
    app = await buildApp(booted.deps, { databaseKind: 'postgres', web: false });
    await app.ready();
    const unsupported = () => Promise.reject(new Error('not in this test'));
    t = {
      kind: 'postgres',
      app,
      deps: booted.deps,
      clock,
      tdb,
      config,
      close: unsupported,
      restart: unsupported,
      suspend: unsupported,
      asOwner: unsupported,
    };
    const admin2 = await setupOrganisation(t);
    coord = await inviteAndActivate(t, admin2.agent, 'coordinator');
    tx = await terms(coord.agent);
    // Five contacts: at the disclosure threshold, so their count is published.
    for (let i = 0; i < 5; i++) await createContact();
  }, 120_000);

  afterAll(async () => {
    await replica?.query('select pg_wal_replay_resume()').catch(() => undefined);
    await app?.close();
    await database?.close();
    await primary?.end();
    await replica?.end();
    if (dir) await run('bash', [SCRIPT, 'stop', dir]);
    await tdb?.destroy();
  }, 60_000);

  it('answers reports and dashboards from the replica, and writes to the primary', async () => {
    await caughtUp();
    expect(await requests()).toEqual({ kind: 'count', value: 5 });
    expect(await dashboardRequests()).toEqual({ kind: 'count', value: 5 });
    // The app's replica pool is connected to the replica, in this database, as the runtime role.
    const sessions = await replica.query<{ usename: string }>(
      'select usename from pg_stat_activity where application_name = $1 and datname = current_database()',
      [REPLICA_APPLICATION_NAME],
    );
    expect(sessions.rows.length).toBeGreaterThan(0);
    expect(sessions.rows.every((r) => r.usename === new URL(t.config.databaseUrl!).username)).toBe(true);

    // Hold the replica still: what is written now reaches the primary only.
    await replica.query('select pg_wal_replay_pause()');
    for (;;) {
      const { rows } = await replica.query<{ s: string }>('select pg_get_wal_replay_pause_state() as s');
      if (rows[0]!.s === 'paused') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await createContact();
    expect(await contactsOn(primary)).toBe(6);
    expect(await contactsOn(replica)).toBe(5);
    // The report and the dashboard still say 5: they were read from the replica.
    expect(await requests()).toEqual({ kind: 'count', value: 5 });
    expect(await dashboardRequests()).toEqual({ kind: 'count', value: 5 });

    // An export reads from the replica and audits on the primary, in the request's transaction.
    const exported = await coord.agent.post('/api/reports/export', {
      measure: 'requests',
      ...period(),
      format: 'csv',
    });
    expect(exported.statusCode).toBe(200);
    const audited = async (client: pg.Client) =>
      (
        await client.query<{ n: number }>(
          "select count(*)::int as n from audit_log where action = 'report.export' and entity_id like 'requests/%/csv'",
        )
      ).rows[0]!.n;
    expect(await audited(primary)).toBe(1);
    expect(await audited(replica)).toBe(0);

    // Once replay has caught up, the report shows the new contact.
    await replica.query('select pg_wal_replay_resume()');
    await caughtUp();
    expect(await requests()).toEqual({ kind: 'count', value: 6 });
    expect(await dashboardRequests()).toEqual({ kind: 'count', value: 6 });
    expect(await audited(replica)).toBe(1);
  }, 60_000);
});
