/**
 * Memory over time under a steady mixed load, over real HTTP, against the real server in its own process:
 *   npm run bench:soak                            (embedded PGlite, 10 minutes)
 *   BENCH_DB=postgres npm run bench:soak          (PostgreSQL)
 *   BENCH_SOAK_MINUTES=3 npm run bench:soak       (shorter)
 * Seeds intakes through the API, then drives create / open / list in turn at BENCH_SOAK_CONNECTIONS (default
 * 10) for the whole run, sampling the server's RSS (/proc) and its V8 heap and external memory (its
 * Prometheus endpoint) every BENCH_SOAK_SAMPLE_SECONDS (10). After the warm-up (the first 2 minutes, or a
 * fifth of a shorter run) it reports the growth from the warm-up level to the end and the least-squares slope.
 * Also works against a seeded database (BENCH_CREDENTIALS, see load.ts).
 * Writes a markdown table with every sample to bench/results/soak-<db>-<date>.md.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { intakeBody, type Terms } from '../src/server/test/cases-fixtures.js';
import {
  cannon,
  cpuMs,
  heapMb,
  kindFromEnv,
  load1,
  markdownTable,
  rssMb,
  seededFromEnv,
  setUpCoordinator,
  signInSeeded,
  stamp,
  startServer,
  statusesOtherThan2xx,
  writeResult,
  type HttpRequest,
} from './support/runner.js';

const seeded = seededFromEnv();
const kind = kindFromEnv(seeded);
const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
const CONNECTIONS = Number(process.env.BENCH_SOAK_CONNECTIONS ?? 10);
const SAMPLE_SECONDS = Number(process.env.BENCH_SOAK_SAMPLE_SECONDS ?? 10);
const SEED = Number(process.env.BENCH_SEED ?? 300);
const TOTAL_SECONDS = Math.round(MINUTES * 60);
const WARMUP_SECONDS = Math.min(120, Math.round(TOTAL_SECONDS / 5));

const server = await startServer({
  kind,
  prefix: 'soak',
  ...(seeded ? { seeded } : {}),
  metrics: true,
  env: { API_RATE_LIMIT_PER_MINUTE: '100000000', SESSION_IDLE_MINUTES: '600' },
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
const caseIds: string[] = [];
for (let i = 0; i < SEED; i++) {
  const saved = (await session.call(
    'POST',
    '/api/intake',
    intakeBody(terms, { outcome: i % 3 === 0 ? 'open_case' : 'info_only' }),
  )) as { caseId?: string | null };
  if (saved.caseId) caseIds.push(saved.caseId);
}

const make = (i: number): HttpRequest => {
  switch (i % 3) {
    case 0:
      return {
        method: 'POST',
        path: '/api/intake',
        body: JSON.stringify(intakeBody(terms, { requestId: randomUUID(), outcome: 'info_only' })),
      };
    case 1:
      return { method: 'GET', path: `/api/cases/${caseIds[i % caseIds.length]}` };
    default:
      return { method: 'GET', path: '/api/cases?limit=25' };
  }
};

interface Sample {
  second: number;
  requests: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  cpuMs: number;
  load: number;
}
const samples: Sample[] = [];
const latencies: number[] = [];
const statuses = new Map<number, number>();
let i = 0;
const started = performance.now();
const cpuStart = cpuMs(server.pid);
async function sample(): Promise<void> {
  // A busy server may drop the metrics request: the sample then has RSS and CPU only.
  const heap = await heapMb(server.metricsUrl!).catch(() => ({
    heapUsed: NaN,
    heapTotal: NaN,
    external: NaN,
  }));
  samples.push({
    second: Math.round((performance.now() - started) / 1000),
    requests: latencies.length,
    rss: +rssMb(server.pid).toFixed(1),
    heapUsed: +heap.heapUsed.toFixed(1),
    heapTotal: +heap.heapTotal.toFixed(1),
    external: +heap.external.toFixed(1),
    cpuMs: cpuMs(server.pid) - cpuStart,
    load: load1(),
  });
  console.log(samples.at(-1));
}
await sample();
const timer = setInterval(() => void sample(), SAMPLE_SECONDS * 1000);
const result = await cannon({
  base: server.base,
  connections: CONNECTIONS,
  seconds: TOTAL_SECONDS,
  headers: session.headers(),
  make: () => make(i++),
  samples: latencies,
  statuses,
});
clearInterval(timer);
await sample();
await server.stop();
await server.cleanup();

// --- analysis -----------------------------------------------------------------------------------------
const after = samples.filter((s) => s.second >= WARMUP_SECONDS);
const warm = after[0]!;
const end = samples.at(-1)!;
/** Least-squares slope of a field over the samples after warm-up, in MB per minute. */
function slope(field: 'rss' | 'heapUsed' | 'external'): number {
  const known = after.filter((s) => Number.isFinite(s[field]));
  const xs = known.map((s) => s.second / 60);
  const ys = known.map((s) => s[field]);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((a, x, k) => a + (x - mx) * (ys[k]! - my), 0);
  const den = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return den ? num / den : NaN;
}
const growth = (field: 'rss' | 'heapUsed' | 'external') =>
  `${warm[field]} → ${end[field]} MB (${(((end[field] - warm[field]) / warm[field]) * 100).toFixed(1)} %), slope ${slope(field).toFixed(2)} MB/min`;
const peakRss = Math.max(...samples.map((s) => s.rss));
/**
 * A single sample lands anywhere in V8's collection cycle (heap total and RSS swing by 100 MB between major
 * collections), so the lowest values per minute are the fairer level: what stays after collection.
 */
function lowestPerMinute(field: 'rss' | 'heapUsed'): { minute: number; value: number }[] {
  const byMinute = new Map<number, number>();
  for (const s of after.filter((x) => Number.isFinite(x[field]))) {
    const m = Math.floor(s.second / 60);
    byMinute.set(m, Math.min(byMinute.get(m) ?? Infinity, s[field]));
  }
  return [...byMinute.entries()].map(([minute, value]) => ({ minute, value }));
}
const lowGrowth = (field: 'rss' | 'heapUsed') => {
  const lows = lowestPerMinute(field);
  const first = lows[0]!.value;
  const last = lows.at(-1)!.value;
  return `${lows.map((l) => l.value).join(' · ')} MB (first to last minute ${(((last - first) / first) * 100).toFixed(1)} %)`;
};
const date = new Date();
const errors = result.non2xx + result.errors + result.timeouts;
const text = `# Soak: ${kind}, ${MINUTES} min, ${CONNECTIONS} connections, create / open / list in turn (${date.toISOString()})

${seeded ? `Seeded database (${seeded.credentials}), plus ` : ''}${SEED} intakes (${caseIds.length} cases) through the API first. Machine: ${os.cpus().length} CPUs shared, Node ${process.version}; load averages in the table.
${result.requests.total} requests (${Math.round(result.requests.total / TOTAL_SECONDS)} req/s), ${errors} errors (timeouts ${result.timeouts}, other than 2xx: ${statusesOtherThan2xx(statuses) || 'none'}); server CPU ${(end.cpuMs / Math.max(1, result.requests.total)).toFixed(2)} ms/req.

After the warm-up (${WARMUP_SECONDS} s), from the first sample after it to the end:

- RSS: ${growth('rss')}; peak ${peakRss} MB
- V8 heap used: ${growth('heapUsed')}
- lowest RSS per minute after warm-up: ${lowGrowth('rss')}
- lowest heap used per minute after warm-up: ${lowGrowth('heapUsed')}
- external (ArrayBuffers${kind === 'pglite' ? ', PGlite’s WebAssembly memory among them' : ''}): ${growth('external')}

${markdownTable(
  ['s', 'responses', 'RSS MB', 'heap used MB', 'heap total MB', 'external MB', 'server CPU s', 'load avg'],
  samples.map((s) => [
    s.second,
    s.requests,
    s.rss,
    s.heapUsed,
    s.heapTotal,
    s.external,
    +(s.cpuMs / 1000).toFixed(1),
    s.load,
  ]),
)}
`;
const file = writeResult(`soak-${kind}-${stamp(date)}.md`, text);
console.log(`\n${text}\nWritten to ${file}`);
