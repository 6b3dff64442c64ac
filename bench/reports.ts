/**
 * Report benchmark (issue 13): a coordinator's year dashboard and a year by month exported as CSV, XLSX and PDF,
 * through the app in-process (each request from its own address: reports are rate-limited per address).
 *   npm run bench:reports                      (embedded PGlite)
 *   BENCH_DB=postgres npm run bench:reports    (PostgreSQL at TEST_DATABASE_URL or 127.0.0.1:5432/test)
 * Seeds BENCH_SEED intakes spread over the last twelve months through the app's own intake service
 * (bench/generate.ts: encryption, keyed hashes, audit chain), then times each request and prints p50/p95.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../src/server/lib/clock.js';
import { createTestApp, inviteAndActivate, setupOrganisation } from '../src/server/test/harness.js';
import { generateIntakes } from './generate.js';

const kind = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
const SEED = Number(process.env.BENCH_SEED ?? 6000);
const N = Number(process.env.BENCH_N ?? 60);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const t = await createTestApp(kind, { LOG_LEVEL: 'silent', API_RATE_LIMIT_PER_MINUTE: '1000000' });
const now = systemClock.now();
t.clock.set(now);
const admin = await setupOrganisation(t);
const coordinator = await inviteAndActivate(t, admin.agent, 'coordinator', 'bench.reports@noord.example');
const session = (await coordinator.agent.get('/api/auth/session')).json() as {
  user: { id: string };
  organisation: { id: string };
};
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
t.clock.set(systemClock.now());

const cookie = coordinator.agent.cookie!;
const csrf = coordinator.agent.csrf;
// Reports allow 60 requests a minute per address (reports.routes.ts); a run makes several hundred, so each
// request comes from its own address (in-process, as the integration tests do).
let ip = 0;
async function post(url: string, body: unknown) {
  const start = performance.now();
  const res = await t.app.inject({
    method: 'POST',
    url,
    remoteAddress: `10.77.${Math.floor(ip / 250) % 250}.${(ip++ % 250) + 1}`,
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    payload: JSON.stringify(body),
  });
  if (res.statusCode !== 200) throw new Error(`${url}: HTTP ${res.statusCode}`);
  return performance.now() - start;
}

const to = now.toISOString().slice(0, 10);
const from = new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
// What a coordinator's year dashboard asks for.
const DASHBOARD = [
  { measure: 'requests', rows: 'month', columns: 'channel' },
  { measure: 'requests', rows: 'quarter', columns: 'category' },
  { measure: 'requests', rows: 'province' },
  { measure: 'requests', rows: 'outcome' },
  { measure: 'cases_opened', rows: 'month' },
  { measure: 'cases_closed', rows: 'closure' },
  { measure: 'interventions', rows: 'intervention' },
  { measure: 'referrals_sent', rows: 'partner_type' },
].map((q) => ({ ...q, from, to, language: 'nl' }));

async function measure(name: string, fn: () => Promise<number>) {
  for (let i = 0; i < 5; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < N; i++) {
    t.clock.set(systemClock.now());
    ms.push(await fn());
  }
  ms.sort((a, b) => a - b);
  return { name, n: N, p50: +percentile(ms, 50).toFixed(1), p95: +percentile(ms, 95).toFixed(1) };
}

const results = [
  await measure('year dashboard (8 reports, sequential)', async () => {
    let total = 0;
    for (const q of DASHBOARD) total += await post('/api/reports/query', q);
    return total;
  }),
  await measure('one report: requests by month × channel', () => post('/api/reports/query', DASHBOARD[0])),
];
// Each format of the same year by month, one after the other (the sheet and the PDF are built in-process).
for (const format of ['csv', 'xlsx', 'pdf'] as const)
  results.push(
    await measure(`export: a year by month as ${format.toUpperCase()}`, () =>
      post('/api/reports/export', { measure: 'requests', from, to, rows: 'month', language: 'nl', format }),
    ),
  );
const line = {
  at: new Date().toISOString(),
  db: kind,
  seededIntakes: SEED,
  seedSeconds: +seedSeconds.toFixed(1),
  results,
};
console.log(JSON.stringify(line, null, 2));
fs.appendFileSync(path.join(import.meta.dirname, 'results', 'reports.jsonl'), `${JSON.stringify(line)}\n`);
await t.app.close();
await t.close();
