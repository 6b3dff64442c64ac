/**
 * Report benchmark (issue 13): the year dashboard (all 14 panels, one request), single reports including the
 * duration measures (median, p90), a year by month exported as CSV, XLSX and PDF, and the funder report.
 *
 * Two ways to run it:
 *   npm run bench:reports                      seeds BENCH_SEED intakes over the last twelve months into a
 *   BENCH_DB=postgres npm run bench:reports    fresh PGlite or PostgreSQL (TEST_DATABASE_URL or 127.0.0.1:5432/test)
 *                                              through the app's own services, then times HTTP requests in-process
 *   BENCH_DATABASE_URL=postgres://confidant_bench_app:secret@127.0.0.1/confidant_bench \
 *   BENCH_DATABASE_OWNER_URL=postgres://postgres@127.0.0.1/confidant_bench  (the app migrates at boot; also
 *                                              finds the biggest organisation)
 *   DATA_DIR=/work/bench-data  (or MASTER_KEY=…: the seed's master key)
 *   npm run bench:reports -- [--org <organisation id>] [--year 2026]
 *                                              an already-seeded database (npm run bench:seed): times the service
 *                                              calls in one transaction each, as a request would run them (server
 *                                              time without HTTP), acting as one of the organisation's coordinators;
 *                                              without --org, the organisation with the most contacts. Also times
 *                                              each dashboard panel on its own. BENCH_N runs (60), BENCH_WARMUP (3).
 * Prints p50/p95 per measurement and appends a line to bench/results/reports.jsonl.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { DashboardQuery, ReportExport, ReportQuery } from '../src/shared/reports.schema.js';
import { systemClock } from '../src/server/lib/clock.js';
import { createTestApp, inviteAndActivate, setupOrganisation } from '../src/server/test/harness.js';
import { generateIntakes } from './generate.js';

const { values: args } = parseArgs({
  options: { org: { type: 'string' }, year: { type: 'string' } },
  allowPositionals: true,
});
const N = Number(process.env.BENCH_N ?? 60);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const EXTERNAL = args.org !== undefined || process.env.BENCH_DATABASE_URL !== undefined;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** The calls a run times: the same list in both modes. */
interface Target {
  query(body: ReportQuery): Promise<number>;
  dashboard(body: DashboardQuery): Promise<number>;
  exportReport(body: ReportExport): Promise<number>;
  funder(year: number): Promise<number>;
  /** One dashboard panel on its own (external databases only). */
  panel?(body: DashboardQuery, id: string): Promise<number>;
  close(): Promise<void>;
}

/** A fresh database seeded through the app, timed through HTTP in-process (each request from its own address). */
async function seededTarget(): Promise<{ target: Target; meta: Record<string, unknown>; period: Period }> {
  const kind = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
  const SEED = Number(process.env.BENCH_SEED ?? 6000);
  const t = await createTestApp(kind, { LOG_LEVEL: 'silent', API_RATE_LIMIT_PER_MINUTE: '1000000' });
  const now = systemClock.now();
  t.clock.set(now);
  const admin = await setupOrganisation(t);
  const coordinator = await inviteAndActivate(t, admin.agent, 'coordinator', 'bench.reports@noord.example');
  const session = (await coordinator.agent.get('/api/auth/session')).json<{
    user: { id: string };
    organisation: { id: string };
  }>();
  const actor = {
    kind: 'user' as const,
    userId: session.user.id,
    orgId: session.organisation.id,
    role: 'coordinator' as const,
    sessionId: 'bench',
  };
  const seedStart = performance.now();
  for (let month = 0; month < 12; month++) {
    t.clock.set(new Date(now.getTime() - (month * 30 + 1) * 86_400_000));
    await generateIntakes(t.deps, actor, Math.round(SEED / 12), 100 + month);
  }
  const seedSeconds = (performance.now() - seedStart) / 1000;
  // Fresh statistics, as autovacuum keeps them in a running installation: right after a bulk load the planner
  // believes every table is nearly empty and intersects whole organisation indexes per row (300 ms → 40 ms).
  await t.asOwner((db) => sql`analyze`.execute(db));
  t.clock.set(systemClock.now());
  const cookie = coordinator.agent.cookie!;
  const csrf = coordinator.agent.csrf;
  let ip = 0;
  async function post(url: string, body: unknown) {
    t.clock.set(systemClock.now());
    const start = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url,
      remoteAddress: `10.77.${Math.floor(ip / 250) % 250}.${(ip++ % 250) + 1}`,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      payload: JSON.stringify(body),
    });
    if (res.statusCode !== 200) throw new Error(`${url}: HTTP ${res.statusCode} ${res.body.slice(0, 200)}`);
    return performance.now() - start;
  }
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  return {
    target: {
      query: (body) => post('/api/reports/query', body),
      dashboard: (body) => post('/api/reports/dashboard', body),
      exportReport: (body) => post('/api/reports/export', body),
      funder: (year) => post('/api/reports/funder/export', { year }),
      close: async () => {
        await t.app.close();
        await t.close();
      },
    },
    meta: { db: kind, seededIntakes: SEED, seedSeconds: +seedSeconds.toFixed(1), timed: 'http in-process' },
    period: { from, to, year: now.getUTCFullYear() },
  };
}

/** An already-seeded database (DATABASE_URL): the services timed in one organisation-scoped transaction each. */
async function externalTarget(
  orgArg: string | undefined,
): Promise<{ target: Target; meta: Record<string, unknown>; period: Period }> {
  const { loadConfig } = await import('../src/server/config.js');
  const { boot } = await import('../src/server/boot.js');
  const { inOrg } = await import('../src/server/db/database.js');
  const { runReport, exportReport } = await import('../src/server/modules/reports/reports.service.js');
  const { getDashboard, dashboardPanel, PANELS } =
    await import('../src/server/modules/reports/dashboard.service.js');
  const { exportFunderReport } = await import('../src/server/modules/reports/funder-report.service.js');
  const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'warn', ...process.env };
  if (process.env.BENCH_DATABASE_URL) env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  // Without an owner URL the app role would try to migrate: name the owner to apply pending migrations.
  if (process.env.BENCH_DATABASE_OWNER_URL) env.DATABASE_OWNER_URL = process.env.BENCH_DATABASE_OWNER_URL;
  const { deps, database } = await boot(loadConfig(env));
  // The biggest organisation by contacts: counted through the owner connection (the app role sees one
  // organisation at a time).
  const orgId = orgArg ?? (await biggestOrganisation(env.DATABASE_OWNER_URL));
  const coordinator = await inOrg(deps.db, orgId, (trx) =>
    trx
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', orgId)
      .where('role', '=', 'coordinator')
      .where('status', '=', 'active')
      .orderBy('created_at')
      .executeTakeFirst(),
  );
  if (!coordinator) throw new Error(`No active coordinator in organisation ${orgId}`);
  const actor = {
    kind: 'user' as const,
    userId: coordinator.id,
    orgId,
    role: 'coordinator' as const,
    sessionId: 'bench',
  };
  // CPU time as well as wall time: on a shared machine the wall time says as much about the neighbours as
  // about the work. The database's share is read from its server process's /proc entry (same host only);
  // asking for the process id is one extra statement, outside the wall time.
  const ticks = (pid: number) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (1/100 s)
    } catch {
      return Number.NaN;
    }
  };
  const timed = async (fn: Parameters<typeof inOrg>[2]) => {
    let ms = 0;
    await inOrg(
      deps.db,
      orgId,
      async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        const pid = rows[0]!.pid;
        const cpu = process.cpuUsage();
        const dbTicks = ticks(pid);
        const start = performance.now();
        await fn(trx);
        ms = performance.now() - start;
        const used = process.cpuUsage(cpu);
        cpuSamples.push({ node: (used.user + used.system) / 1000, db: (ticks(pid) - dbTicks) * 10 });
      },
      'coordinator',
    );
    return ms;
  };
  const ctx = (trx: Parameters<Parameters<typeof inOrg>[2]>[0]) => ({
    db: trx,
    actor,
    clock: deps.clock,
    keyring: deps.keyring,
  });
  const year = Number(args.year ?? new Date().getUTCFullYear());
  return {
    target: {
      query: (body) => timed((trx) => runReport(ctx(trx), body)),
      dashboard: (body) => timed((trx) => getDashboard(ctx(trx), body)),
      exportReport: (body) => timed((trx) => exportReport(ctx(trx), body)),
      funder: (y) => timed((trx) => exportFunderReport(ctx(trx), { year: y })),
      panel: (body, id) =>
        timed((trx) =>
          dashboardPanel(
            ctx(trx),
            body,
            PANELS.find((p) => p.id === id)!,
          ),
        ),
      close: () => database.close(),
    },
    meta: {
      db: `${database.kind} (external)`,
      org: orgId,
      timed: 'service calls, one transaction each',
      loadAverage: (await import('node:os')).loadavg().map((l) => +l.toFixed(1)),
    },
    period: { from: `${year}-01-01`, to: `${year}-12-31`, year },
  };
}

async function biggestOrganisation(ownerUrl: string | undefined): Promise<string> {
  if (!ownerUrl)
    throw new Error('Name the organisation (--org) or the owner connection (BENCH_DATABASE_OWNER_URL)');
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ org_id: string; n: number }>(
      'select org_id, count(*)::int as n from contacts group by org_id order by n desc limit 1',
    );
    if (!rows[0]) throw new Error('No contacts in this database: seed it first (npm run bench:seed)');
    console.error(`organisation ${rows[0].org_id}: ${rows[0].n} contacts`);
    return rows[0].org_id;
  } finally {
    await client.end();
  }
}

interface Period {
  from: string;
  to: string;
  year: number;
}

const { target, meta, period } = EXTERNAL ? await externalTarget(args.org) : await seededTarget();
const { from, to, year } = period;
const language = 'nl' as const;

/** CPU time of each timed call (external databases): the app's and the database server process's, in ms. */
const cpuSamples: { node: number; db: number }[] = [];

async function measure(name: string, fn: () => Promise<number>) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const ms: number[] = [];
  cpuSamples.length = 0;
  for (let i = 0; i < N; i++) ms.push(await fn());
  ms.sort((a, b) => a - b);
  const mean = (pick: 'node' | 'db') =>
    cpuSamples.length
      ? +(cpuSamples.reduce((sum, c) => sum + c[pick], 0) / cpuSamples.length).toFixed(1)
      : null;
  const cpu = cpuSamples.length ? { cpuApp: mean('node'), cpuDb: mean('db') } : {};
  const line = {
    name,
    n: N,
    p50: +percentile(ms, 50).toFixed(1),
    p95: +percentile(ms, 95).toFixed(1),
    ...cpu,
  };
  const cpuText = cpuSamples.length ? ` (mean CPU: app ${cpu.cpuApp} ms + database ${cpu.cpuDb} ms)` : '';
  console.error(`${name}: p50 ${line.p50} ms, p95 ${line.p95} ms${cpuText}`);
  return line;
}

const q = (body: Omit<ReportQuery, 'from' | 'to' | 'language'>): ReportQuery => ({
  ...body,
  from,
  to,
  language,
});
const { DASHBOARD_PANELS } = await import('../src/shared/reports.schema.js');
const results = [
  await measure(`year dashboard (${DASHBOARD_PANELS.length} panels, one request)`, () =>
    target.dashboard({ from, to, language }),
  ),
  await measure('one report: requests by month × channel', () =>
    target.query(q({ measure: 'requests', rows: 'month', columns: 'channel' })),
  ),
  await measure('duration: time to assignment by quarter (median, p90)', () =>
    target.query(q({ measure: 'time_to_assignment', rows: 'quarter' })),
  ),
  await measure('duration: time to first counsellor contact by category', () =>
    target.query(q({ measure: 'time_to_first_contact', rows: 'category' })),
  ),
  await measure('aftercare check-ins by timeliness', () =>
    target.query(q({ measure: 'aftercare_checkins', rows: 'timeliness' })),
  ),
];
for (const format of ['csv', 'xlsx', 'pdf'] as const)
  results.push(
    await measure(`export: a year by month as ${format.toUpperCase()}`, () =>
      target.exportReport({ measure: 'requests', from, to, rows: 'month', language, format }),
    ),
  );
results.push(await measure('funder report (PDF)', () => target.funder(year)));

if (target.panel && process.env.BENCH_PANELS !== '0')
  for (const id of DASHBOARD_PANELS)
    results.push(await measure(`panel ${id}`, () => target.panel!({ from, to, language }, id)));

const line = { at: new Date().toISOString(), ...meta, period: { from, to }, results };
console.log(JSON.stringify(line, null, 2));
fs.appendFileSync(path.join(import.meta.dirname, 'results', 'reports.jsonl'), `${JSON.stringify(line)}\n`);
await target.close();
