/**
 * Throughput under concurrency, over real HTTP, against the real server in its own process:
 *   npm run bench                            (embedded PGlite)
 *   BENCH_DB=postgres npm run bench          (PostgreSQL at TEST_DATABASE_URL or 127.0.0.1:5432/test)
 * Starts the server, signs in a coordinator (password + TOTP, as a browser would), seeds intakes through the
 * API, then drives each operation with autocannon (BENCH_CONNECTIONS, default 50) for BENCH_SECONDS after a
 * warm-up: req/s, p50/p95/p99 latency, the server's CPU per request and its peak RSS from /proc. The same rows
 * are then read and written by a plain SQL client in one process — the floor — so the app's overhead is a
 * ratio of one run. On PostgreSQL it also samples pg_stat_activity: how many backends the server holds.
 *
 * Against a seeded database (`npm run bench:seed -- --credentials FILE`) instead of a scratch one:
 * BENCH_CREDENTIALS=FILE DATA_DIR=… [BENCH_DATABASE_URL=… BENCH_DATABASE_OWNER_URL=…] npm run bench
 * (nothing is seeded through the API then; cases to open come from the coordinator's case list).
 * BENCH_NODE_FLAGS adds Node/V8 flags to the server's own (scripts/build-server.ts), to measure one against another.
 *
 * Writes a markdown table and the rows as JSON (for `bench/compare.ts`) to bench/results/load-<db>-<date>.*
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { intakeBody, type Terms } from '../src/server/test/cases-fixtures.js';
import {
  backendSampler,
  kindFromEnv,
  markdownTable,
  percentile,
  phase,
  PHASE_COLUMNS,
  phaseCells,
  type PhaseRow,
  postgresCpuMs,
  machineTicks,
  seededFromEnv,
  setUpCoordinator,
  signInSeeded,
  stamp,
  startServer,
  writeResult,
} from './support/runner.js';

const seeded = seededFromEnv();
const kind = kindFromEnv(seeded);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const SEED = Number(process.env.BENCH_SEED ?? 2000);
/** Comma-separated operations to drive (create, open, list, filtered); all when unset. */
const ONLY = process.env.BENCH_ONLY?.split(',');
/** A label for the result file names (e.g. `100k`). */
const LABEL = process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : '';

const server = await startServer({
  kind,
  prefix: 'load',
  ...(seeded ? { seeded } : {}),
  env: {
    // The API-wide per-IP limit stays on (its store is part of what is measured), far above the load.
    API_RATE_LIMIT_PER_MINUTE: process.env.API_RATE_LIMIT_PER_MINUTE ?? '100000000',
    SESSION_IDLE_MINUTES: '600',
  },
  nodeFlags: [
    ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
  ],
});
const session = seeded
  ? await signInSeeded(server.base, seeded.credentials)
  : await setUpCoordinator(server.base);

const taxonomy = (await session.call('GET', '/api/taxonomies')) as {
  items: { id: string; kind: string; code: string }[];
};
const terms: Terms = {
  byCode: (k, c) => taxonomy.items.find((i) => i.kind === k && i.code === c)!.id,
};

// --- seed through the API (every rule applies: encryption, keyed hash, audit, access log) -------------
const seedStart = performance.now();
const caseIds: string[] = [];
if (seeded) {
  let after: string | null = null;
  do {
    const page = (await session.call(
      'GET',
      `/api/cases?limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`,
    )) as { items: { id: string }[]; next: string | null };
    caseIds.push(...page.items.map((c) => c.id));
    after = page.next;
  } while (after && caseIds.length < 2000);
  // A coordinator opens a case assigned to a counsellor only after recording why (an access grant), as in
  // the app; without it those requests would measure a 403. The grant is recorded once per case, here.
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < caseIds.length) {
        const id = caseIds[next++]!;
        const res = await fetch(`${server.base}/api/cases/${id}/access`, {
          method: 'POST',
          headers: session.headers(),
          body: JSON.stringify({ reason: 'Benchmark: coordinator reviews the caseload' }),
        });
        // 204: granted; 403/409 for a case that needs none (unassigned, or the coordinator's own) is fine too.
        if (res.status >= 500) throw new Error(`grant ${id}: ${res.status} ${await res.text()}`);
      }
    }),
  );
} else {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < SEED) {
        const i = next++;
        const body = intakeBody(terms, {
          phone: `06 ${String(10_000_000 + i).slice(0, 8)}`,
          outcome: i % 3 === 0 ? 'open_case' : 'info_only',
        });
        const saved = (await session.call('POST', '/api/intake', body)) as { caseId?: string | null };
        if (saved.caseId) caseIds.push(saved.caseId);
      }
    }),
  );
}
const seedSeconds = (performance.now() - seedStart) / 1000;

const backends =
  server.ownerUrl && server.pgDatabase ? backendSampler(server.ownerUrl, server.pgDatabase) : undefined;
await backends?.start();

const rows: PhaseRow[] = [];
const operations: [
  key: string,
  operation: string,
  make: (i: number) => { method: 'GET' | 'POST'; path: string; body?: string },
][] = [
  [
    'create',
    'create contact (advice only)',
    () => ({
      method: 'POST',
      path: '/api/intake',
      body: JSON.stringify(intakeBody(terms, { requestId: randomUUID(), outcome: 'info_only' })),
    }),
  ],
  [
    'open',
    'open a case (with its access-log row)',
    (i) => ({ method: 'GET', path: `/api/cases/${caseIds[i % caseIds.length]}` }),
  ],
  ['list', 'case list, first page', () => ({ method: 'GET', path: '/api/cases?limit=25' })],
  [
    'filtered',
    'filtered case list, one page',
    () => ({
      method: 'GET',
      path: `/api/cases?state=intake&municipality=Utrecht&sort=activity_desc&limit=25`,
    }),
  ],
];
for (const [key, operation, make] of operations) {
  if (ONLY && !ONLY.includes(key)) continue;
  const row = await phase(server, {
    operation,
    connections: CONNECTIONS,
    seconds: SECONDS,
    warmup: WARMUP,
    headers: session.headers(),
    make,
    postgres: kind === 'postgres',
  });
  rows.push(row);
  console.log(row);
}
const backendPeak = await backends?.stop();
await server.stop();

// --- the floor: the same rows through a plain SQL client in one process ------------------------------
interface Floor {
  query(text: string, params: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}
async function openFloor(): Promise<Floor> {
  if (server.ownerUrl) {
    const pool = new pg.Pool({ connectionString: server.ownerUrl, max: 10 });
    // The scratch database is dropped with force at the end; a connection still closing must not crash us.
    pool.on('error', () => {});
    return { query: (t, p) => pool.query(t, p), close: () => pool.end() };
  }
  const db = await PGlite.create(path.join(server.dataDir, 'pgdata'));
  return { query: (t, p) => db.query(t, p), close: () => db.close() };
}
const floor = await openFloor();
await floor.query('drop table if exists bench_floor_contacts', []);
await floor.query('create table bench_floor_contacts as select * from contacts with no data', []);
const contactIds = (
  (await floor.query('select id from contacts limit 100', [])) as { rows: { id: string }[] }
).rows.map((r) => r.id);
async function floorLoad(operation: string, op: (i: number) => Promise<unknown>): Promise<void> {
  let i = 0;
  let count = 0;
  const latencies: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  const dbBefore = kind === 'postgres' ? postgresCpuMs() : NaN;
  const clientBefore = process.cpuUsage();
  const ticksBefore = machineTicks();
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
  const dbCpu = kind === 'postgres' ? postgresCpuMs() - dbBefore : NaN;
  const client = process.cpuUsage(clientBefore);
  const ticks = machineTicks();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => +percentile(latencies, p).toFixed(1);
  rows.push({
    operation: `floor: ${operation}`,
    reqPerSec: Math.round(count / SECONDS),
    p50: at(50),
    p95: at(95),
    p99: at(99),
    cpuMsPerReq: NaN,
    dbCpuMsPerReq: +(dbCpu / Math.max(1, count)).toFixed(2),
    // The floor's client is this process: its CPU is the app's counterpart.
    clientCpuMsPerReq: +((client.user + client.system) / 1000 / Math.max(1, count)).toFixed(2),
    machineBusyPct: Math.round(
      (100 * (ticks.busy - ticksBefore.busy)) / Math.max(1, ticks.total - ticksBefore.total),
    ),
    peakRssMb: NaN,
    errors: 0,
    non2xx: '',
    load: +os.loadavg()[0]!.toFixed(1),
  });
  console.log(rows.at(-1));
}
if (!ONLY || ONLY.includes('create'))
  await floorLoad('insert a contact row', (i) =>
    floor.query('insert into bench_floor_contacts select * from contacts where id = $1', [
      contactIds[i % contactIds.length],
    ]),
  );
if (!ONLY || ONLY.includes('open'))
  await floorLoad('read a case and its contacts', (i) =>
    Promise.all([
      floor.query('select * from cases where id = $1', [caseIds[i % caseIds.length]]),
      floor.query('select * from contacts where case_id = $1', [caseIds[i % caseIds.length]]),
    ]),
  );
await floor.query('drop table bench_floor_contacts', []);
await floor.close();

// --- report --------------------------------------------------------------------------------------------
const date = new Date();
const data = seeded
  ? `Seeded database (${seeded.credentials}); ${caseIds.length} cases to open from the coordinator's list.`
  : `Seeded ${SEED} intakes (${caseIds.length} cases) through the API in ${seedSeconds.toFixed(1)} s.`;
const backendNote = backendPeak
  ? `\n\nPostgreSQL backends on this database during the load phases (pg_stat_activity every 0.5 s, the ` +
    `sampler's own excluded): at most ${backendPeak.peakTotal} at once; peak per user / application / state: ` +
    backendPeak.byWho.map(([who, n]) => `${who} ${n}`).join('; ') +
    '.'
  : '';
const text = `# Load: ${kind}${LABEL}, ${CONNECTIONS} connections, ${SECONDS} s after ${WARMUP} s warm-up (${date.toISOString()})

${data} Machine: ${os.cpus().length} CPUs shared, Node ${process.version}; load avg is the 1-minute load average at the end of each phase.
Latency is per response, request sent to response complete; the floor runs the same rows through a plain SQL client in one process.

${markdownTable(PHASE_COLUMNS, rows.map(phaseCells))}${backendNote}
`;
const name = `load-${kind}${LABEL}-${stamp(date)}`;
const file = writeResult(`${name}.md`, text);
writeResult(
  `${name}.json`,
  JSON.stringify({ kind, label: LABEL.slice(1), at: date, rows, backends: backendPeak }, null, 2),
);
console.log(`\n${text}\nWritten to ${file}`);
await server.cleanup();
