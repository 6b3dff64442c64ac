/**
 * Throughput under concurrency, over real HTTP, against the real server in its own process:
 *   npm run bench:load                       (embedded PGlite)
 *   BENCH_DB=postgres npm run bench:load     (PostgreSQL at TEST_DATABASE_URL or 127.0.0.1:5432/test)
 * Starts the server, signs in a coordinator (password + TOTP, as a browser would), seeds intakes through the
 * API, then drives each operation with autocannon (BENCH_CONNECTIONS, default 50) for BENCH_SECONDS after a
 * warm-up, measuring the server's CPU per request and its peak RSS from /proc. The same rows are then read
 * and written by a plain SQL client in one process — the floor — so the app's overhead is a ratio of one run.
 * Writes a markdown table to bench/results/load-<database>-<date>.md.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import autocannon from 'autocannon';
import { generate } from 'otplib';
import pg from 'pg';
import { intakeBody, type Terms } from '../src/server/test/cases-fixtures.js';
import { PG_ADMIN_URL } from '../src/server/test/databases.js';
import { freePort } from '../tests/e2e/support/server.js';

const kind = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const SEED = Number(process.env.BENCH_SEED ?? 2000);
/** Comma-separated operations to drive (create, open, list, filtered); all when unset. */
const ONLY = process.env.BENCH_ONLY?.split(',');
const PASSWORD = 'kitchen table at seven in the evening';

// --- the server, in its own process ------------------------------------------------------------------
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-load-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let pgDatabase: string | undefined;
const env: Record<string, string> = {
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  PUBLIC_URL: base,
  LOG_LEVEL: 'warn',
  API_RATE_LIMIT_PER_MINUTE: '100000000',
  SESSION_IDLE_MINUTES: '600',
};
if (kind === 'postgres') {
  pgDatabase = `confidant_load_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${pgDatabase}`);
  await admin.end();
  const owner = new URL(PG_ADMIN_URL);
  owner.pathname = `/${pgDatabase}`;
  const app = new URL(owner);
  app.username = 'confidant_load_app';
  env.DATABASE_OWNER_URL = owner.toString();
  env.DATABASE_URL = app.toString();
}
// BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
const profile = process.env.BENCH_CPU_PROF
  ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
  : [];
const server = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/server/main.ts'], {
  env: { ...process.env, ...env },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const pid = server.pid!;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    // not listening yet
  }
  if (i > 600) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 200));
}

// --- a signed-in coordinator, the way a browser gets one ---------------------------------------------
let cookie = '';
let csrf = 'bench';
async function call(method: string, url: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const set = res.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0]!;
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  const json = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  if (typeof json.csrfToken === 'string') csrf = json.csrfToken;
  return json;
}
const code = async (secret: string) =>
  generate({ secret: secret.replace(/\s+/g, ''), epoch: Math.floor(Date.now() / 1000) });
await call('POST', '/api/setup', {
  organisationName: 'Hulplijn Bench',
  adminName: 'Bench Admin',
  email: 'admin@bench.example',
  password: PASSWORD,
});
let enrolment = (await call('GET', '/api/auth/mfa/enrolment')) as { manualKey: string };
await call('POST', '/api/auth/mfa/enrol', { code: await code(enrolment.manualKey) });
const invite = (await call('POST', '/api/users', {
  email: 'coordinator@bench.example',
  displayName: 'Bench Coordinator',
  role: 'coordinator',
})) as { inviteUrl: string };
cookie = '';
csrf = 'bench';
await call('POST', '/api/invites/accept', { token: invite.inviteUrl.split('#')[1], password: PASSWORD });
enrolment = (await call('GET', '/api/auth/mfa/enrolment')) as { manualKey: string };
await call('POST', '/api/auth/mfa/enrol', { code: await code(enrolment.manualKey) });

const taxonomy = (await call('GET', '/api/taxonomies')) as {
  items: { id: string; kind: string; code: string }[];
};
const terms: Terms = {
  byCode: (k, c) => taxonomy.items.find((i) => i.kind === k && i.code === c)!.id,
};

// --- seed through the API (every rule applies: encryption, keyed hash, audit, access log) -------------
const seedStart = performance.now();
const caseIds: string[] = [];
let next = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < SEED) {
      const i = next++;
      const body = intakeBody(terms, {
        phone: `06 ${String(10_000_000 + i).slice(0, 8)}`,
        outcome: i % 3 === 0 ? 'open_case' : 'info_only',
      });
      const saved = (await call('POST', '/api/intake', body)) as { caseId?: string | null };
      if (saved.caseId) caseIds.push(saved.caseId);
    }
  }),
);
const seedSeconds = (performance.now() - seedStart) / 1000;

// --- the server's CPU time and memory, from /proc ----------------------------------------------------
const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux
function cpuMs(): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}
function rssMb(): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

interface Row {
  operation: string;
  reqPerSec: number;
  p50: number;
  p975: number;
  p99: number;
  cpuMsPerReq: number;
  peakRssMb: number;
  errors: number;
}
const rows: Row[] = [];

type Request = { method: 'GET' | 'POST'; path: string; body?: string };
async function drive(operation: string, make: (i: number) => Request): Promise<void> {
  if (
    ONLY &&
    !ONLY.some((o) =>
      operation.startsWith(
        o === 'create' ? 'create' : o === 'open' ? 'open' : o === 'list' ? 'case list' : 'filtered',
      ),
    )
  )
    return;
  let i = 0;
  const run = (seconds: number) =>
    autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: seconds,
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      requests: [{ setupRequest: (req) => ({ ...req, ...make(i++) }) }],
    });
  await run(WARMUP);
  let peak = rssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 250);
  const cpuBefore = cpuMs();
  const result = await run(SECONDS);
  clearInterval(sampler);
  const cpu = cpuMs() - cpuBefore;
  const errors = result.non2xx + result.errors + result.timeouts;
  rows.push({
    operation,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    cpuMsPerReq: +(cpu / Math.max(1, result.requests.total)).toFixed(2),
    peakRssMb: Math.round(peak),
    errors,
  });
  console.log(rows.at(-1));
}

await drive('create contact (advice only)', () => ({
  method: 'POST',
  path: '/api/intake',
  body: JSON.stringify(intakeBody(terms, { requestId: randomUUID(), outcome: 'info_only' })),
}));
await drive('open a case (with its access-log row)', (i) => ({
  method: 'GET',
  path: `/api/cases/${caseIds[i % caseIds.length]}`,
}));
await drive('case list, first page', () => ({ method: 'GET', path: '/api/cases?limit=25' }));
await drive('filtered case list, one page', () => ({
  method: 'GET',
  path: `/api/cases?state=intake&municipality=Utrecht&sort=activity_desc&limit=25`,
}));

server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));

// --- the floor: the same rows through a plain SQL client in one process ------------------------------
interface Floor {
  query(text: string, params: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}
async function openFloor(): Promise<Floor> {
  if (kind === 'postgres') {
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${pgDatabase}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
    return { query: (t, p) => pool.query(t, p), close: () => pool.end() };
  }
  const db = await PGlite.create(path.join(dataDir, 'pgdata'));
  return { query: (t, p) => db.query(t, p), close: () => db.close() };
}
const floor = await openFloor();
await floor.query('create table bench_floor_contacts as select * from contacts with no data', []);
const contactIds = (
  (await floor.query('select id from contacts limit 100', [])) as { rows: { id: string }[] }
).rows.map((r) => r.id);
async function floorLoad(operation: string, op: (i: number) => Promise<unknown>): Promise<void> {
  let i = 0;
  let count = 0;
  const latencies: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        await op(i++);
        latencies.push(performance.now() - start);
        count++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    +latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  rows.push({
    operation: `floor: ${operation}`,
    reqPerSec: Math.round(count / SECONDS),
    p50: at(0.5),
    p975: at(0.975),
    p99: at(0.99),
    cpuMsPerReq: NaN,
    peakRssMb: NaN,
    errors: 0,
  });
  console.log(rows.at(-1));
}
await floorLoad('insert a contact row', (i) =>
  floor.query('insert into bench_floor_contacts select * from contacts where id = $1', [
    contactIds[i % contactIds.length],
  ]),
);
await floorLoad('read a case and its contacts', (i) =>
  Promise.all([
    floor.query('select * from cases where id = $1', [caseIds[i % caseIds.length]]),
    floor.query('select * from contacts where case_id = $1', [caseIds[i % caseIds.length]]),
  ]),
);
await floor.close();

// --- report --------------------------------------------------------------------------------------------
const date = new Date().toISOString();
const header = `# Load: ${kind}, ${CONNECTIONS} connections, ${SECONDS} s after ${WARMUP} s warm-up (${date})

Seeded ${SEED} intakes (${caseIds.length} cases) through the API in ${seedSeconds.toFixed(1)} s. Machine: ${os.cpus().length} CPUs, Node ${process.version}.

| operation | req/s | p50 ms | p97.5 ms | p99 ms | server CPU ms/req | peak RSS MB | errors |
| --- | --- | --- | --- | --- | --- | --- | --- |
`;
const table = rows
  .map(
    (r) =>
      `| ${r.operation} | ${r.reqPerSec} | ${r.p50} | ${r.p975} | ${r.p99} | ${Number.isNaN(r.cpuMsPerReq) ? '—' : r.cpuMsPerReq} | ${Number.isNaN(r.peakRssMb) ? '—' : r.peakRssMb} | ${r.errors} |`,
  )
  .join('\n');
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
const file = path.join('bench', 'results', `load-${kind}-${date.slice(0, 16).replace(/[:T]/g, '')}.md`);
fs.writeFileSync(file, `${header}${table}\n`);
console.log(`\n${header}${table}\n\nWritten to ${file}`);

fs.rmSync(dataDir, { recursive: true, force: true });
if (pgDatabase) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${pgDatabase} with (force)`);
  await admin.end();
}
