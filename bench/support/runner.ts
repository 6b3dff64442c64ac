/**
 * What the HTTP benchmarks share: the server in its own process (a scratch database, or a seeded one), a
 * signed-in coordinator the way a browser gets one, an autocannon phase with the server's CPU and RSS read
 * from /proc, and markdown tables. Used by load.ts, soak.ts and public-site.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { generate } from 'otplib';
import pg from 'pg';
import { buildServer, serverEnv, serverNodeFlags } from '../../scripts/build-server.js';
import { PG_ADMIN_URL } from '../../src/server/test/databases.js';
import { freePort } from '../../tests/e2e/support/server.js';

export type Kind = 'pglite' | 'postgres';
export const PASSWORD = 'kitchen table at seven in the evening';

/**
 * A seeded database to run against instead of a scratch one (`npm run bench:seed -- --credentials FILE`):
 * BENCH_CREDENTIALS=FILE with DATA_DIR (its master key, and PGlite's pgdata), plus BENCH_DATABASE_URL and
 * BENCH_DATABASE_OWNER_URL for PostgreSQL.
 */
export interface Seeded {
  dataDir: string;
  credentials: string;
  databaseUrl?: string;
  ownerUrl?: string;
}

export function seededFromEnv(): Seeded | undefined {
  const credentials = process.env.BENCH_CREDENTIALS;
  if (!credentials) return undefined;
  const dataDir = process.env.DATA_DIR;
  if (!dataDir) throw new Error('BENCH_CREDENTIALS needs DATA_DIR (the seeded master key and database)');
  return {
    dataDir,
    credentials,
    ...(process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : {}),
    ...(process.env.BENCH_DATABASE_OWNER_URL ? { ownerUrl: process.env.BENCH_DATABASE_OWNER_URL } : {}),
  };
}

export function kindFromEnv(seeded?: Seeded): Kind {
  if (seeded) return seeded.databaseUrl ? 'postgres' : 'pglite';
  return process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
}

export interface BenchServer {
  kind: Kind;
  base: string;
  pid: number;
  dataDir: string;
  /** The scratch PostgreSQL database (dropped by cleanup), or the seeded one. */
  pgDatabase?: string;
  /** Owner connection string of the PostgreSQL database, for the floor and pg_stat_activity. */
  ownerUrl?: string;
  /** Prometheus endpoint of the server (heap, pool), when started with metrics. */
  metricsUrl?: string;
  stop(): Promise<void>;
  /** Removes the scratch data directory and drops the scratch database (never a seeded one). */
  cleanup(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** Starts the compiled server (scripts/build-server.ts) in its own process and waits until /api/health answers. */
export async function startServer(opts: {
  kind: Kind;
  /** Names the scratch directory and database. */
  prefix: string;
  seeded?: Seeded;
  env?: Record<string, string>;
  metrics?: boolean;
  /** Extra Node flags for the server (e.g. --cpu-prof). */
  nodeFlags?: string[];
}): Promise<BenchServer> {
  const { kind, seeded } = opts;
  const dataDir = seeded?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `confidant-${opts.prefix}-`));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // A seeded server always gets its metrics port: on PGlite it is the only way to see its job queue.
  const metricsPort = opts.metrics || seeded ? await freePort() : undefined;
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: base,
    LOG_LEVEL: 'warn',
    ...(metricsPort ? { METRICS_PORT: String(metricsPort) } : {}),
    ...opts.env,
  };
  let pgDatabase: string | undefined;
  let ownerUrl: string | undefined;
  let scratch = false;
  if (kind === 'postgres') {
    if (seeded) {
      if (!seeded.databaseUrl || !seeded.ownerUrl)
        throw new Error('a seeded PostgreSQL needs BENCH_DATABASE_URL and BENCH_DATABASE_OWNER_URL');
      env.DATABASE_URL = seeded.databaseUrl;
      env.DATABASE_OWNER_URL = ownerUrl = seeded.ownerUrl;
      pgDatabase = new URL(seeded.ownerUrl).pathname.slice(1);
    } else {
      pgDatabase = `confidant_${opts.prefix}_${randomBytes(4).toString('hex')}`;
      scratch = true;
      await adminQuery(`create database ${pgDatabase}`);
      const owner = new URL(PG_ADMIN_URL);
      owner.pathname = `/${pgDatabase}`;
      const app = new URL(owner);
      app.username = `confidant_${opts.prefix}_app`;
      env.DATABASE_OWNER_URL = ownerUrl = owner.toString();
      env.DATABASE_URL = app.toString();
    }
  }
  // The compiled server, as `npm start` runs it.
  const bundle = await buildServer();
  const serverEnvironment = serverEnv({ ...process.env, ...env });
  const child: ChildProcess = spawn(
    process.execPath,
    [...serverNodeFlags(serverEnvironment), ...(opts.nodeFlags ?? []), bundle],
    { env: serverEnvironment, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    // BENCH_START_SECONDS: a big embedded database on a busy machine takes minutes to open.
    if (exited || i > Number(process.env.BENCH_START_SECONDS ?? 180) * 5)
      throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  // On a seeded database the first start runs the day's jobs: the audit checkpoint (every chain walked when
  // DATA_DIR holds no checkpoint yet: 2 min 22 s at 4.6M audit rows, requests at 80-109 req/s beside it
  // instead of 400-600) and the reports rollup. On PGlite each holds the only connection while it runs: the
  // earlier 100k runs (results/load-pglite-100k-2026-12-03T0951, T1351) measured 100-145 req/s with a p99
  // of 4-7 s, and 183-315 req/s with 260-850 ms once the jobs were done. Wait until none is due or running.
  if (seeded) await jobsSettled(ownerUrl, metricsPort);
  return {
    kind,
    base,
    pid: child.pid!,
    dataDir,
    ...(pgDatabase ? { pgDatabase } : {}),
    ...(ownerUrl ? { ownerUrl } : {}),
    ...(metricsPort ? { metricsUrl: `http://127.0.0.1:${metricsPort}/metrics` } : {}),
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
    async cleanup() {
      // BENCH_KEEP=1 keeps the scratch data and database, to look at afterwards (EXPLAIN, counts).
      if (seeded || process.env.BENCH_KEEP) {
        if (!seeded) console.log(`Kept ${dataDir}${pgDatabase ? ` and database ${pgDatabase}` : ''}`);
        return;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (scratch && pgDatabase) await adminQuery(`drop database if exists ${pgDatabase} with (force)`);
    },
  };
}

/** Jobs due or running: from the database on PostgreSQL, from the server's metrics on PGlite (one process). */
async function jobsPending(ownerUrl: string | undefined, metricsPort: number | undefined): Promise<number> {
  if (ownerUrl) {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(
        "select count(*) as n from jobs where status = 'running' or (status = 'queued' and run_at <= now())",
      );
      return Number(rows[0]!.n);
    } finally {
      await client.end();
    }
  }
  const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  if (!res.ok) throw new Error(`metrics answered ${res.status}`);
  const text = await res.text();
  if (!/^confidant_jobs\{/m.test(text)) throw new Error('metrics without confidant_jobs');
  let n = 0;
  for (const m of text.matchAll(/^confidant_jobs\{[^}]*state="(due|running)"[^}]*\} (\d+)/gm))
    n += Number(m[2]);
  return n;
}

/** Waits until the server has no job due or running (BENCH_JOBS_SECONDS at most, 600 by default). */
async function jobsSettled(ownerUrl: string | undefined, metricsPort: number | undefined): Promise<void> {
  for (let waited = 0; ; waited++) {
    const n = await jobsPending(ownerUrl, metricsPort);
    if (n === 0) return;
    if (waited >= Number(process.env.BENCH_JOBS_SECONDS ?? 600)) {
      console.log(`Measuring anyway: ${n} jobs still due or running (BENCH_JOBS_SECONDS)`);
      return;
    }
    if (waited % 30 === 0) console.log(`Waiting for the server's jobs (${n} due or running)…`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** A browser's session: cookie and CSRF token, sent by `call` and by every autocannon request. */
export class Session {
  cookie = '';
  csrf = 'bench';
  constructor(readonly base: string) {}

  async call(method: string, url: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    const json = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    if (typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return json;
  }

  headers(): Record<string, string> {
    return { cookie: this.cookie, 'x-csrf-token': this.csrf, 'content-type': 'application/json' };
  }
}

const totp = (secret: string) =>
  generate({ secret: secret.replace(/\s+/g, ''), epoch: Math.floor(Date.now() / 1000) });

/** On a fresh server: sets up an organisation, invites a coordinator and signs in as them (password + TOTP). */
export async function setUpCoordinator(base: string): Promise<Session> {
  const admin = new Session(base);
  await admin.call('POST', '/api/setup', {
    organisationName: 'Hulplijn Bench',
    adminName: 'Bench Admin',
    email: 'admin@bench.example',
    password: PASSWORD,
  });
  let enrolment = (await admin.call('GET', '/api/auth/mfa/enrolment')) as { manualKey: string };
  await admin.call('POST', '/api/auth/mfa/enrol', { code: await totp(enrolment.manualKey) });
  const invite = (await admin.call('POST', '/api/users', {
    email: 'coordinator@bench.example',
    displayName: 'Bench Coordinator',
    role: 'coordinator',
  })) as { inviteUrl: string };
  const coordinator = new Session(base);
  await coordinator.call('POST', '/api/invites/accept', {
    token: invite.inviteUrl.split('#')[1],
    password: PASSWORD,
  });
  enrolment = (await coordinator.call('GET', '/api/auth/mfa/enrolment')) as { manualKey: string };
  await coordinator.call('POST', '/api/auth/mfa/enrol', { code: await totp(enrolment.manualKey) });
  return coordinator;
}

interface SeedCredentials {
  organisation: string;
  password: string;
  staff: { role: string; email: string; totpSecret: string }[];
}

/** On a seeded database: signs in as a coordinator of the organisation with the most staff (the biggest). */
export async function signInSeeded(base: string, credentialsFile: string): Promise<Session> {
  const orgs = JSON.parse(fs.readFileSync(credentialsFile, 'utf8')) as SeedCredentials[];
  const org = orgs.reduce((a, b) => (b.staff.length > a.staff.length ? b : a));
  const who = org.staff.find((s) => s.role === 'coordinator');
  if (!who) throw new Error(`no coordinator in ${org.organisation}`);
  const session = new Session(base);
  await session.call('POST', '/api/auth/login', { email: who.email, password: org.password });
  await session.call('POST', '/api/auth/mfa', { code: await totp(who.totpSecret) });
  return session;
}

// --- the server's CPU time and memory, from /proc ----------------------------------------------------
const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

/** User + system CPU time of a process, in ms. */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * User + system CPU time of every PostgreSQL process on this machine (postmaster, backends, WAL writer,
 * checkpointer), in ms: the database's share of a phase when it runs here. Backends that end during a phase
 * take their time with them, so this is a lower bound (the app's pool keeps its backends).
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

/** The machine's busy and total CPU time since boot, in ticks (from /proc/stat), for a phase's busy share. */
export function machineTicks(): { busy: number; total: number } {
  const fields = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + (fields[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/** Resident set size of a process, in MB. */
export function rssMb(pid: number): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

/** The machine's 1-minute load average, to print beside every number measured on a shared machine. */
export const load1 = () => +os.loadavg()[0]!.toFixed(1);

/** Heap and external memory of the server, from its Prometheus endpoint (MB). */
export async function heapMb(
  metricsUrl: string,
): Promise<{ heapUsed: number; heapTotal: number; external: number }> {
  const text = await (await fetch(metricsUrl, { signal: AbortSignal.timeout(5000) })).text();
  const value = (name: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
    return line ? Number(line.split(' ').at(-1)) / 1024 / 1024 : NaN;
  };
  return {
    heapUsed: value('confidant_nodejs_heap_size_used_bytes'),
    heapTotal: value('confidant_nodejs_heap_size_total_bytes'),
    external: value('confidant_nodejs_external_memory_bytes'),
  };
}

/** The value at percentile p (0–100) of ascending samples. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export type HttpRequest = { method: 'GET' | 'POST'; path: string; body?: string };

export interface PhaseRow {
  operation: string;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  cpuMsPerReq: number;
  /** CPU of the machine's PostgreSQL processes per request (NaN on PGlite, which runs inside the server). */
  dbCpuMsPerReq: number;
  /** CPU of the load generator itself (this process) per request: it shares the machine. */
  clientCpuMsPerReq: number;
  /** How busy the machine's CPUs were during the phase, in % of all of them. */
  machineBusyPct: number;
  peakRssMb: number;
  errors: number;
  /** Responses other than 2xx, by status code, e.g. "503×4". */
  non2xx: string;
  load: number;
}

const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 0);
const slow: number[] = [];
let started = performance.now();

/** One autocannon run; every response's latency is kept (autocannon's own summary has no p95). */
export function cannon(opts: {
  base: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  make: () => HttpRequest | { path: string };
  samples?: number[];
  /** Responses counted by status code. */
  statuses?: Map<number, number>;
}): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.base,
        connections: opts.connections,
        duration: opts.seconds,
        // A request still unanswered after this counts as a timeout (an error), not as a latency.
        timeout: Number(process.env.BENCH_TIMEOUT ?? 30),
        ...(opts.headers ? { headers: opts.headers } : {}),
        // A fresh headers object per request: autocannon writes a POST's Content-Length into the one it is
        // given, which a GET built from the same object afterwards would then carry without a body.
        requests: [{ setupRequest: (req) => ({ ...req, headers: { ...opts.headers }, ...opts.make() }) }],
      },
      (error, result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
    const samples = opts.samples;
    const statuses = opts.statuses;
    instance.on('response', (_client, status: number, _bytes, ms: number) => {
      samples?.push(ms);
      // BENCH_SLOW_MS: when each response slower than this completed (a stall clusters, starvation spreads).
      if (SLOW_MS && ms > SLOW_MS) slow.push(Math.round(performance.now() - started));
      statuses?.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
}

/**
 * Drives one operation: a warm-up, then `seconds` measured, with the server's CPU per request and its peak
 * RSS (sampled every 250 ms). Latency is request sent → response complete, per response.
 */
export async function phase(
  server: Pick<BenchServer, 'base' | 'pid'>,
  opts: {
    operation: string;
    connections: number;
    seconds: number;
    warmup: number;
    headers?: Record<string, string>;
    make: (i: number) => HttpRequest | { path: string };
    /** Also count the machine's PostgreSQL processes' CPU (when the server runs on PostgreSQL). */
    postgres?: boolean;
  },
): Promise<PhaseRow> {
  let i = 0;
  const make = () => opts.make(i++);
  const common = {
    base: server.base,
    connections: opts.connections,
    make,
    ...(opts.headers ? { headers: opts.headers } : {}),
  };
  if (opts.warmup > 0) await cannon({ ...common, seconds: opts.warmup });
  let peak = rssMb(server.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 250);
  const cpuBefore = cpuMs(server.pid);
  const dbBefore = opts.postgres ? postgresCpuMs() : NaN;
  const clientBefore = process.cpuUsage();
  const ticksBefore = machineTicks();
  const samples: number[] = [];
  const statuses = new Map<number, number>();
  started = performance.now();
  slow.length = 0;
  const result = await cannon({ ...common, seconds: opts.seconds, samples, statuses });
  if (SLOW_MS)
    console.log(
      `${opts.operation}: ${slow.length} responses slower than ${SLOW_MS} ms, completed at ms`,
      slow.join(' '),
    );
  clearInterval(sampler);
  const cpu = cpuMs(server.pid) - cpuBefore;
  const dbCpu = opts.postgres ? postgresCpuMs() - dbBefore : NaN;
  const client = process.cpuUsage(clientBefore);
  const ticks = machineTicks();
  samples.sort((a, b) => a - b);
  const at = (p: number) => +percentile(samples, p).toFixed(1);
  return {
    operation: opts.operation,
    reqPerSec: Math.round(result.requests.total / opts.seconds),
    p50: at(50),
    p95: at(95),
    p99: at(99),
    cpuMsPerReq: +(cpu / Math.max(1, result.requests.total)).toFixed(2),
    dbCpuMsPerReq: +(dbCpu / Math.max(1, result.requests.total)).toFixed(2),
    clientCpuMsPerReq: +((client.user + client.system) / 1000 / Math.max(1, result.requests.total)).toFixed(
      2,
    ),
    machineBusyPct: Math.round(
      (100 * (ticks.busy - ticksBefore.busy)) / Math.max(1, ticks.total - ticksBefore.total),
    ),
    peakRssMb: Math.round(peak),
    errors: result.non2xx + result.errors + result.timeouts,
    non2xx: statusesOtherThan2xx(statuses),
    load: load1(),
  };
}

/** "503×4, 429×2": the responses other than 2xx, by status. */
export function statusesOtherThan2xx(statuses: Map<number, number>): string {
  return [...statuses.entries()]
    .filter(([status]) => status < 200 || status >= 300)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ');
}

/** A markdown table; NaN, null and undefined print as —. */
export function markdownTable(columns: string[], rows: (string | number | null | undefined)[][]): string {
  // NaN comes back from JSON as null.
  const cell = (v: string | number | null | undefined) =>
    v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v)) ? '—' : String(v);
  return [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export const PHASE_COLUMNS = [
  'operation',
  'req/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'server CPU ms/req',
  'database CPU ms/req',
  'load generator CPU ms/req',
  'machine busy %',
  'peak RSS MB',
  'errors',
  'load avg',
];
export const phaseCells = (r: PhaseRow) => [
  r.operation,
  r.reqPerSec,
  r.p50,
  r.p95,
  r.p99,
  r.cpuMsPerReq,
  r.dbCpuMsPerReq,
  r.clientCpuMsPerReq,
  r.machineBusyPct,
  r.peakRssMb,
  r.non2xx ? `${r.errors} (${r.non2xx})` : r.errors,
  r.load,
];

/** Writes a file under bench/results/ and returns its path. */
export function writeResult(name: string, text: string): string {
  fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
  const file = path.join('bench', 'results', name);
  fs.writeFileSync(file, text);
  return file;
}

/** 2026-12-03T0842 — for result file names. */
export const stamp = (d = new Date()) => d.toISOString().slice(0, 16).replace(/:/g, '');

/**
 * Samples the PostgreSQL backends connected to one database (pg_stat_activity) every `ms`, from a connection
 * of its own (not counted), and keeps the largest count seen per user, application and state.
 */
export function backendSampler(ownerUrl: string, database: string, ms = 500) {
  const client = new pg.Client({ connectionString: ownerUrl });
  const peak = new Map<string, number>();
  let peakTotal = 0;
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  const sample = async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await client.query<{ who: string; n: number }>(
        `select coalesce(usename, '?') || ' / ' || coalesce(nullif(application_name, ''), '-') || ' / ' ||
                coalesce(state, '-') as who, count(*)::int as n
           from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() group by 1`,
        [database],
      );
      let total = 0;
      for (const r of rows) {
        peak.set(r.who, Math.max(peak.get(r.who) ?? 0, r.n));
        total += r.n;
      }
      peakTotal = Math.max(peakTotal, total);
    } finally {
      busy = false;
    }
  };
  return {
    async start() {
      await client.connect();
      timer = setInterval(() => void sample(), ms);
    },
    async stop() {
      clearInterval(timer);
      await client.end();
      return { peakTotal, byWho: [...peak.entries()].sort((a, b) => b[1] - a[1]) };
    },
  };
}
