/**
 * API benchmark for the intake and case endpoints, over real HTTP on loopback.
 *   npm run bench                     (embedded PGlite)
 *   BENCH_DB=postgres npm run bench   (PostgreSQL at TEST_DATABASE_URL or 127.0.0.1:5432/test)
 * Seeds synthetic data with bench/generate.ts, then times sequential requests and prints p50/p95/p99.
 * Results are appended to bench/results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createTestApp, inviteAndActivate, setupOrganisation } from '../src/server/test/harness.js';
import { terms } from '../src/server/test/cases-fixtures.js';
import { intakeBody } from '../src/server/test/cases-fixtures.js';
import { systemClock } from '../src/server/lib/clock.js';
import { generateIntakes } from './generate.js';

const kind = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
const SEED_CASES = Number(process.env.BENCH_SEED ?? 2000);
const N = Number(process.env.BENCH_N ?? 300);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: +percentile(s, 50).toFixed(1),
    p95: +percentile(s, 95).toFixed(1),
    p99: +percentile(s, 99).toFixed(1),
  };
}

const t = await createTestApp(kind, { LOG_LEVEL: 'silent', API_RATE_LIMIT_PER_MINUTE: '1000000' });
// Real time for the benchmark: TOTP and sessions against the wall clock.
t.clock.set(systemClock.now());
const admin = await setupOrganisation(t);
const coordinator = await inviteAndActivate(t, admin.agent, 'coordinator', 'bench.coord@noord.example');
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
const caseIds = await generateIntakes(t.deps, actor, SEED_CASES);
const seedSeconds = (performance.now() - seedStart) / 1000;

const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
async function http(method: string, url: string, body: unknown, cookie: string, csrf: string) {
  const start = performance.now();
  const res = await fetch(`${address}${url}`, {
    method,
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { ms: performance.now() - start, status: res.status, text };
}
// The coordinator is signed in (password + TOTP) through the harness; reuse that session over HTTP.
const cookie = coordinator.agent.cookie!;
const csrf = coordinator.agent.csrf;
const tx = await terms(coordinator.agent);

const results: Record<string, ReturnType<typeof stats>> = {};
async function measure(name: string, fn: (i: number) => Promise<{ ms: number; status: number }>) {
  for (let i = 0; i < 20; i++) await fn(i); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < N; i++) {
    // Keep the session alive: the idle timeout follows the wall clock here.
    t.clock.set(systemClock.now());
    const r = await fn(i);
    if (r.status >= 300) throw new Error(`${name}: HTTP ${r.status}`);
    ms.push(r.ms);
  }
  results[name] = stats(ms);
}

await measure('POST /api/intake (advice only)', () =>
  http(
    'POST',
    '/api/intake',
    intakeBody(tx, { requestId: randomUUID(), outcome: 'info_only' }),
    cookie,
    csrf,
  ),
);
await measure('POST /api/intake (opens a case)', () =>
  http('POST', '/api/intake', intakeBody(tx, { requestId: randomUUID() }), cookie, csrf),
);
await measure('GET /api/cases/:id (open case page)', (i) =>
  http('GET', `/api/cases/${caseIds[i % caseIds.length]}`, undefined, cookie, csrf),
);
await measure('GET /api/cases (first page, 25)', () =>
  http('GET', '/api/cases?limit=25', undefined, cookie, csrf),
);
await measure('GET /api/my-work (coordinator)', () => http('GET', '/api/my-work', undefined, cookie, csrf));

// Consent and referrals (issue #6): record written consent, propose and send a covered referral, produce
// its summary on screen and as PDF (Dutch and Arabic).
const partner = JSON.parse(
  (await http('POST', '/api/partners', { name: 'Gemeente Bench', type: 'municipality' }, cookie, csrf)).text,
) as { id: string };
const today = new Date().toISOString().slice(0, 10);
await measure('POST /api/cases/:id/consents (typed signature)', (i) =>
  http(
    'POST',
    `/api/cases/${caseIds[i % caseIds.length]}/consents`,
    {
      requestId: randomUUID(),
      givenBy: 'Bench caller',
      categories: ['contact_details', 'concern_summary', 'signals', 'person_status', 'support_history'],
      partnerId: null,
      partnerType: 'municipality',
      purpose: 'care_referral',
      method: 'signature_typed',
      typedName: 'Bench caller',
      givenOn: today,
    },
    cookie,
    csrf,
  ),
);
const referralIds: string[] = [];
const referralCase: string[] = [];
await measure('POST /api/cases/:id/referrals (propose)', async (i) => {
  const caseId = caseIds[i % caseIds.length]!;
  const r = await http(
    'POST',
    `/api/cases/${caseId}/referrals`,
    { partnerId: partner.id, purpose: 'care_referral', categories: ['contact_details', 'concern_summary'] },
    cookie,
    csrf,
  );
  referralIds.push((JSON.parse(r.text) as { id: string }).id);
  referralCase.push(caseId);
  return r;
});
let sent = 0;
await measure('POST …/referrals/:id/send (consent checked, disclosure logged)', () => {
  const k = sent++;
  return http(
    'POST',
    `/api/cases/${referralCase[k]}/referrals/${referralIds[k]}/send`,
    { channel: 'phone' },
    cookie,
    csrf,
  );
});
await measure('GET …/referrals/:id/summary', (i) =>
  http('GET', `/api/cases/${referralCase[i]}/referrals/${referralIds[i]}/summary`, undefined, cookie, csrf),
);
await measure('GET …/referrals/:id/summary.pdf?lang=nl', (i) =>
  http(
    'GET',
    `/api/cases/${referralCase[i]}/referrals/${referralIds[i]}/summary.pdf?lang=nl`,
    undefined,
    cookie,
    csrf,
  ),
);
await measure('GET …/referrals/:id/summary.pdf?lang=ar', (i) =>
  http(
    'GET',
    `/api/cases/${referralCase[i]}/referrals/${referralIds[i]}/summary.pdf?lang=ar`,
    undefined,
    cookie,
    csrf,
  ),
);

const report = {
  date: new Date().toISOString(),
  database: kind,
  seededCases: caseIds.length,
  seedIntakes: SEED_CASES,
  seedSeconds: +seedSeconds.toFixed(1),
  requests: N,
  results,
};
console.log(JSON.stringify(report, null, 2));
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.appendFileSync(path.join('bench', 'results', 'api.jsonl'), `${JSON.stringify(report)}\n`);
await t.close();
